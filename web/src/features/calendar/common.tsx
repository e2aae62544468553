import { useLocation } from 'react-router';
import type { PlanSchedule } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { timingBadge } from './calendar';
import { TabNav } from '../../components/TabNav';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };

/** Base path of this area: /w/{slug}/policy-calendar. */
export function useCalendarBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/policy-calendar`;
}

/** Which tab of the area's menu a path belongs to (plans and municipalities belong to the overview). */
export function calendarSection(path: string, base: string): 'overview' | 'new' | 'feeds' | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length).replace(/\/$/, '');
  if (rest === '/plans/new') return 'new';
  if (rest === '/feeds') return 'feeds';
  if (rest === '' || rest.startsWith('/plans/') || rest.startsWith('/municipalities/')) return 'overview';
  return null;
}

/** The area's own menu: overview ("nu doen" and plans), add a plan, calendar feeds. */
export function CalendarNav() {
  const { t } = useI18n();
  const base = useCalendarBase();
  const canEdit = useCanEdit();
  const { pathname } = useLocation();
  const section = calendarSection(pathname, base);
  const tabs = [
    { id: 'overview', to: base, label: t('calendar.nav.overview') },
    ...(canEdit ? [{ id: 'new', to: `${base}/plans/new`, label: t('calendar.nav.newPlan') }] : []),
    { id: 'feeds', to: `${base}/feeds`, label: t('calendar.nav.feeds') },
  ];
  return (
    <TabNav
      label={t('calendar.navLabel')}
      tabs={tabs.map((tab) => ({
        ...tab,
        current: section === tab.id,
        // "page" on the tab's own page; "true" on a page inside it (a person, a municipality).
        exact: pathname.replace(/\/$/, '') === tab.to,
      }))}
    />
  );
}

/** "op tijd", "laat", "alleen nog begroting", "te laat → vroegst haalbaar 2029" as a badge (text, not only colour). */
export function TimingBadge({ schedule }: { schedule: Pick<PlanSchedule, 'timing' | 'earliest_feasible_year'> }) {
  const { t } = useI18n();
  const badge = timingBadge(schedule);
  const tone = badge.tone === 'ok' ? ' aantafel-badge--ok' : badge.tone === 'muted' ? ' aantafel-badge--muted' : '';
  return <span className={`aantafel-badge${tone}`}>{t(badge.key, badge.vars)}</span>;
}
