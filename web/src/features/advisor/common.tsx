import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { KnowledgeSource } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { sourceParts } from './advisor';
import { TabNav } from '../../components/TabNav';

/** Base path of this area: /w/{slug}/advisor. */
export function useAdvisorBase(): string {
  const { workspace } = useWorkspace();
  return `/w/${encodeURIComponent(workspace.slug)}/advisor`;
}

/** The area's own menu: the questions (and the advice they lead to) and the knowledge base. */
export function AdvisorNav() {
  const { t } = useI18n();
  const base = useAdvisorBase();
  const { pathname } = useLocation();
  const path = pathname.replace(/\/$/, '');
  const section = path === `${base}/knowledge` ? 'knowledge' : 'questions';
  const tabs = [
    { id: 'questions', to: base, label: t('advisor.nav.questions') },
    { id: 'knowledge', to: `${base}/knowledge`, label: t('advisor.nav.knowledge') },
  ];
  return (
    <TabNav
      label={t('advisor.navLabel')}
      tabs={tabs.map((tab) => ({ ...tab, current: section === tab.id, exact: path === tab.to }))}
    />
  );
}

/** "Bron: title. publisher, year." — "jaar onbekend" when the source gives no year. */
export function SourceLine({ source }: { source: KnowledgeSource }) {
  const { t } = useI18n();
  const parts = sourceParts(source);
  return (
    <p className="aantafel-source aantafel-meta">
      {parts
        ? parts.publisher
          ? t('advisor.sourceFull', {
              title: parts.title,
              publisher: parts.publisher,
              year: parts.year === null ? t('advisor.yearUnknown') : String(parts.year),
            })
          : t('advisor.source', { title: parts.title })
        : t('advisor.source.none')}
    </p>
  );
}

/** Whether the screen is wide enough to show all questions at once (true where matchMedia is missing). */
export function useWideScreen(query = '(min-width: 40em)'): boolean {
  const supported = typeof window !== 'undefined' && typeof window.matchMedia === 'function';
  const [wide, setWide] = useState(() => !supported || window.matchMedia(query).matches);
  useEffect(() => {
    if (!supported) return;
    const list = window.matchMedia(query);
    const update = () => setWide(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query, supported]);
  return wide;
}
