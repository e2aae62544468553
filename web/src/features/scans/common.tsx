import { useLocation } from 'react-router';
import { Check, CircleAlert, CircleHelp, X, type LucideIcon } from 'lucide-react';
import type { ValueCaseLight } from '../../api/types';
import { Icon } from '../../components/Icon';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { lightTone } from './scans';
import { useScansText, type ScansKey } from './texts';
import './scans.css';
import { TabNav } from '../../components/TabNav';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };
export { useHandedOverStatus } from '../../components/useHandedOverStatus';
export { idParam } from '../../components/idParam';

/** Base path of this area: /w/{slug}/scan. */
export function useScansBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/scan`;
}

export type ScansSection = 'scans' | 'newScan' | 'valueCases' | 'newValueCase';

export function scansSection(path: string, base: string): ScansSection | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length).replace(/\/$/, '');
  if (rest === '/new') return 'newScan';
  if (rest === '/value-cases/new') return 'newValueCase';
  if (rest.startsWith('/value-cases')) return 'valueCases';
  if (rest === '' || /^\/\d+/.test(rest)) return 'scans';
  return null;
}

/** The area's own menu. */
export function ScansNav() {
  const st = useScansText();
  const base = useScansBase();
  const canEdit = useCanEdit();
  const { pathname } = useLocation();
  const section = scansSection(pathname, base);
  const tabs: { id: ScansSection; to: string; label: string }[] = [
    { id: 'scans', to: base, label: st('nav.scans') },
    ...(canEdit ? [{ id: 'newScan' as const, to: `${base}/new`, label: st('nav.newScan') }] : []),
    { id: 'valueCases', to: `${base}/value-cases`, label: st('nav.valueCases') },
    ...(canEdit ? [{ id: 'newValueCase' as const, to: `${base}/value-cases/new`, label: st('nav.newValueCase') }] : []),
  ];
  return (
    <TabNav
      label={st('navLabel')}
      tabs={tabs.map((tab) => ({
        ...tab,
        current: section === tab.id,
        // "page" on the tab's own page; "true" on a page inside it (a person, a municipality).
        exact: pathname.replace(/\/$/, '') === tab.to,
      }))}
    />
  );
}

const LIGHT_ICON: Record<ValueCaseLight, LucideIcon> = { green: Check, amber: CircleAlert, red: X, none: CircleHelp };

/** A traffic light as a badge: an icon and words, never colour alone. */
export function LightBadge({ light, side }: { light: ValueCaseLight | undefined; side?: string }) {
  const st = useScansText();
  const value: ValueCaseLight = light ?? 'none';
  const tone = lightTone(value);
  const cls = tone === 'warning' ? '' : ` aantafel-badge--${tone}`;
  const words = st(`light.${value}` as ScansKey);
  const short = st(`light.short.${value}` as ScansKey);
  return (
    <span className={`aantafel-badge aantafel-light${cls}`}>
      <Icon icon={LIGHT_ICON[value]} className="aantafel-light__icon" strokeWidth={2.5} />{' '}
      {side ? st('light.side', { side, light: short }) : words}
    </span>
  );
}
