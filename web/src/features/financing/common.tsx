import { useMemo } from 'react';
import { useLocation } from 'react-router';
import type { FinancingUnit } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { LOCALES } from '../../i18n/i18n';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { percentParts, type Formatters, type Sentence } from './financing';
import { useFinancingText, type FinancingKey } from './texts';
import { TabNav } from '../../components/TabNav';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };

/** Base path of this area: /w/{slug}/financing. */
export function useFinancingBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/financing`;
}

/** The area's own menu. */
export function FinancingNav() {
  const ft = useFinancingText();
  const base = useFinancingBase();
  const { pathname } = useLocation();
  const path = pathname.replace(/\/$/, '');
  const tabs = [
    { id: 'list', to: base, label: ft('nav.list'), current: path === base || /\/\d+(\/print)?$/.test(path) },
    { id: 'new', to: `${base}/new`, label: ft('nav.new'), current: path === `${base}/new` },
  ];
  return (
    <TabNav
      label={ft('navLabel')}
      tabs={tabs.map((tab) => ({ ...tab, exact: path === tab.to }))}
    />
  );
}

/** Euros without cents, chances in words ("minder dan 1%"), input names, in the UI language. */
export function useFormatters(): Formatters & { sentence: (s: Sentence) => string; unit: (u: FinancingUnit) => string } {
  const ft = useFinancingText();
  const { language } = useI18n();
  return useMemo(() => {
    const locale = LOCALES[language];
    const euroFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const euro = (value: number) => (Number.isFinite(value) ? euroFormat.format(value) : ft('common.none'));
    const percent = (p: number) => {
      const parts = percentParts(p);
      const text = percentFormat.format(parts.value / 100);
      if (parts.kind === 'below') return ft('percent.below', { value: text });
      if (parts.kind === 'above') return ft('percent.above', { value: text });
      return text;
    };
    const input = (name: string) => {
      const key = `input.${name}` as FinancingKey;
      return ['clients', 'units_per_client', 'result_share'].includes(name) ? ft(key) : name;
    };
    const sentence = (s: Sentence) => ft(s.key, s.vars);
    const unit = (u: FinancingUnit) => ft(`unit.${u}`);
    return { euro, percent, input, sentence, unit };
  }, [ft, language]);
}
