import { useLocation } from 'react-router';
import type { FeedbackResponse } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { categoryLabel } from './feedback';
import { TabNav } from '../../components/TabNav';

/** Whether the current person may change data here: one rule for the workspace (viewers only look). */
export { useCanEdit };

/** Base path of this area: /w/{slug}/feedback. */
export function useFeedbackBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/feedback`;
}

/** Which tab of the area's menu a path belongs to. */
export function feedbackSection(path: string, base: string): 'dashboard' | 'surveys' | 'responses' | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length).replace(/\/$/, '');
  if (rest === '') return 'dashboard';
  if (rest === '/surveys' || rest.startsWith('/surveys/')) return 'surveys';
  if (rest === '/responses') return 'responses';
  return null;
}

/** The area's own menu: dashboard, surveys, responses. */
export function FeedbackNav() {
  const { t } = useI18n();
  const base = useFeedbackBase();
  const { pathname } = useLocation();
  const section = feedbackSection(pathname, base);
  const tabs = [
    { id: 'dashboard', to: base, label: t('feedback.nav.dashboard') },
    { id: 'surveys', to: `${base}/surveys`, label: t('feedback.nav.surveys') },
    { id: 'responses', to: `${base}/responses`, label: t('feedback.nav.responses') },
  ];
  return (
    <TabNav
      label={t('feedback.navLabel')}
      tabs={tabs.map((tab) => ({
        ...tab,
        current: section === tab.id,
        // "page" on the tab's own page; "true" on a page inside it (a person, a municipality).
        exact: pathname.replace(/\/$/, '') === tab.to,
      }))}
    />
  );
}

/** The score with its category as text ("3 · criticus"), not only colour. */
export function ScoreBadge({ response }: { response: Pick<FeedbackResponse, 'score' | 'category'> }) {
  const { t } = useI18n();
  const tone =
    response.category === 'promoter' ? ' aantafel-badge--ok' : response.category === 'passive' ? ' aantafel-badge--muted' : ' aantafel-badge--alert';
  return (
    <span className={`aantafel-badge${tone}`}>
      {t('feedback.score', { score: response.score })} · {t(categoryLabel(response.category))}
    </span>
  );
}
