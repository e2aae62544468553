import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../auth/session';
import './relations.css';
import type { HealthStatus } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../whoiswho/lists';
import { useWorkspace } from '../shell/workspaceContext';
import { dayAsDate, dueWording, healthKey, healthTone } from './relations';
import { useRelationsText } from './texts';
import { TabNav } from '../../components/TabNav';

/** Base path of this area: /w/{slug}/interactions. */
export function useRelationsBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/interactions`;
}

/** Whether the current person may change data here (viewers only look). */
export function useCanEdit(): boolean {
  const { workspace } = useWorkspace();
  return workspace.role !== 'viewer';
}

export function relationsSection(path: string, base: string): 'home' | 'new' | 'agreements' | 'newAgreement' | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length).replace(/\/$/, '');
  if (rest === '/new') return 'new';
  if (rest === '/agreements/new') return 'newAgreement';
  if (rest.startsWith('/agreements')) return 'agreements';
  if (rest === '' || rest.startsWith('/organisations/') || /^\/\d+/.test(rest)) return 'home';
  return null;
}

/** The area's own menu. */
export function RelationsNav() {
  const rt = useRelationsText();
  const base = useRelationsBase();
  const canEdit = useCanEdit();
  const { pathname } = useLocation();
  const section = relationsSection(pathname, base);
  const tabs = [
    { id: 'home', to: base, label: rt('nav.home') },
    ...(canEdit ? [{ id: 'new', to: `${base}/new`, label: rt('nav.newInteraction') }] : []),
    { id: 'agreements', to: `${base}/agreements`, label: rt('nav.agreements') },
    ...(canEdit ? [{ id: 'newAgreement', to: `${base}/agreements/new`, label: rt('nav.newAgreement') }] : []),
  ];
  return (
    <TabNav
      label={rt('navLabel')}
      tabs={tabs.map((tab) => ({
        ...tab,
        current: section === tab.id,
        // "page" on the tab's own page; "true" on a page inside it (a person, a municipality).
        exact: pathname.replace(/\/$/, '') === tab.to,
      }))}
    />
  );
}

/** "te laat sinds 20 november" etc. as a badge: words, not only colour. */
export function DueBadge({ dueOn, today }: { dueOn: string | null; today?: string }) {
  const rt = useRelationsText();
  const { formatDate } = useI18n();
  const wording = dueWording(dueOn, today ?? todayIso(), (day) => formatDate(dayAsDate(day)));
  const tone =
    wording.tone === 'alert' ? ' aantafel-badge--alert' : wording.tone === 'muted' ? ' aantafel-badge--muted' : '';
  return <span className={`aantafel-badge${tone}`}>{rt(wording.key, wording.vars)}</span>;
}

/** Good / needs attention / action needed, as text in a badge. */
export function HealthBadge({ status }: { status: HealthStatus }) {
  const rt = useRelationsText();
  const tone = healthTone(status);
  const cls = tone === 'ok' ? ' aantafel-badge--ok' : tone === 'alert' ? ' aantafel-badge--alert' : '';
  return <span className={`aantafel-badge${cls}`}>{rt(healthKey(status))}</span>;
}

/** The message handed over by navigate(…, { state: { status } }). */
export function useHandedOverStatus(): string {
  const location = useLocation();
  return (location.state as { status?: string } | null)?.status ?? '';
}

/** The signed-in person's user id (undefined while signed out). */
export function useCurrentUserId(): number | undefined {
  const { state } = useSession();
  return state.status === 'authenticated' ? state.session.user.id : undefined;
}

/** Whether the page was reached by "save" (navigate(…, { state: { focusHeading: true } })). */
export function useArrivedBySave(): boolean {
  const location = useLocation();
  return Boolean((location.state as { focusHeading?: boolean } | null)?.focusHeading);
}

/** Moves focus to the page's h1, once the browser has painted it. */
export function focusPageHeading(): void {
  requestAnimationFrame(() => document.getElementById('page-heading')?.focus());
}

/**
 * After "save" the record's page opens with focus on its h1, so screen readers announce it.
 * (RouteFocus focuses the loading page's heading; this moves focus to the record's own.)
 */
export function useFocusHeadingOnArrival(): void {
  const arrived = useArrivedBySave();
  // On arrival only: a later re-render must not pull focus back.
  useEffect(() => {
    if (arrived) focusPageHeading();
  }, [arrived]);
}
