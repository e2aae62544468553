import { createContext, useContext, useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import type { KnowledgeItem, KnowledgeSetting, Strategy } from '../../api/types';
import { getKnowledge, getWorkspaceKnowledge, setKnowledgeSetting } from '../../api/generated/advisor';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCanEdit, useWorkspace } from '../shell/workspaceContext';
import { countKnowledge, filterKnowledge } from './advisor';
import { AdvisorNav, SourceLine } from './common';
import { ItemSettings, OwnKnowledgeSection } from './WorkspaceKnowledge';
import {
  collectionItemKey,
  filterOwnItems,
  generalKey,
  settingsMap,
  strategyKey,
  withoutHidden,
  type SettingsMap,
} from './workspaceKnowledge';

interface SettingsContextValue {
  settings: SettingsMap;
  canEdit: boolean;
  save: (setting: KnowledgeSetting) => Promise<void>;
}
const SettingsContext = createContext<SettingsContextValue>({
  settings: new Map(),
  canEdit: false,
  save: async () => undefined,
});

/** The hide/note controls of one built-in item, from the page's workspace settings. */
function Settings({ itemKey, name }: { itemKey: string; name: string }) {
  const { settings, canEdit, save } = useContext(SettingsContext);
  return <ItemSettings itemKey={itemKey} name={name} settings={settings} canEdit={canEdit} onSave={save} />;
}

/** The knowledge base in the UI language, with a search box (?q=… in the URL) and the source of every item. */
export function KnowledgePage() {
  const { t, language } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const [search, setSearch] = useState(() => searchParams.get('q') ?? '');
  const deferred = useDeferredValue(search);
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const canEdit = useCanEdit();
  const [showHidden, setShowHidden] = useState(false);
  const knowledge = useApiData(`knowledge:${language}`, (signal) => getKnowledge({ signal }));
  const own = useApiData(`workspace-knowledge:${slug}`, (signal) => getWorkspaceKnowledge({ slug }, { signal }));
  const settings = useMemo(() => settingsMap(own.data?.settings ?? []), [own.data]);
  const filtered = useMemo(
    () =>
      knowledge.data ? filterKnowledge(withoutHidden(knowledge.data, settings, showHidden), deferred) : undefined,
    [knowledge.data, deferred, settings, showHidden],
  );
  const ownItems = useMemo(() => filterOwnItems(own.data?.own_items ?? [], deferred), [own.data, deferred]);
  const count = filtered ? countKnowledge(filtered) + ownItems.length : 0;
  const context = useMemo<SettingsContextValue>(
    () => ({
      settings,
      canEdit,
      save: async (setting) => {
        await setKnowledgeSetting({ slug }, setting);
        await own.reload();
      },
    }),
    [settings, canEdit, slug, own],
  );

  function changeSearch(value: string) {
    setSearch(value);
    const next = new URLSearchParams();
    if (value.trim()) next.set('q', value);
    setSearchParams(next, { replace: true });
  }

  return (
    <>
      <PageHeading title={t('advisor.knowledge.title')} />
      <AdvisorNav />
      <Paragraph>{t('advisor.knowledge.intro')}</Paragraph>
      <div role="search">
        <TextField
          id="knowledge-search"
          type="search"
          label={t('advisor.knowledge.search')}
          description={t('advisor.knowledge.searchHint')}
          autoComplete="off"
          maxLength={200}
          value={search}
          onChange={(event) => changeSearch(event.target.value)}
        />
      </div>
      <div className="aantafel-radio">
        <input
          type="checkbox"
          id="knowledge-show-hidden"
          checked={showHidden}
          onChange={(event) => setShowHidden(event.target.checked)}
          className="aantafel-radio__input"
        />
        <label htmlFor="knowledge-show-hidden" className="aantafel-radio__label">
          {t('advisor.knowledge.showHidden')}
        </label>
      </div>
      <p role="status" className="aantafel-meta">
        {filtered && search.trim()
          ? count === 0
            ? t('advisor.knowledge.none')
            : count === 1
              ? t('advisor.knowledge.countOne')
              : t('advisor.knowledge.count', { count })
          : ''}
      </p>
      {knowledge.error ? <ErrorAlert error={knowledge.error} /> : null}
      {own.error ? <ErrorAlert error={own.error} /> : null}
      {!filtered ? (
        knowledge.error ? null : <Loading />
      ) : (
        <SettingsContext value={context}>
          {filtered.strategies.length > 0 ? (
            <section className="aantafel-section" aria-labelledby="knowledge-strategies">
              <Heading2 id="knowledge-strategies">{t('advisor.knowledge.strategies')}</Heading2>
              {filtered.strategies.map((strategy) => (
                <StrategyCard key={strategy.id} strategy={strategy} />
              ))}
            </section>
          ) : null}
          {filtered.general.length > 0 ? (
            <section className="aantafel-section" aria-labelledby="knowledge-general">
              <Heading2 id="knowledge-general">{t('advisor.knowledge.general')}</Heading2>
              <ItemList items={filtered.general} keyOf={generalKey} />
            </section>
          ) : null}
          {filtered.collections.map((collection) => (
            <section key={collection.id} className="aantafel-section" aria-labelledby={`knowledge-${collection.id}`}>
              <Heading2 id={`knowledge-${collection.id}`}>{collection.title}</Heading2>
              <Paragraph>{collection.intro}</Paragraph>
              <SourceLine source={collection.source} />
              <ItemList items={collection.items} keyOf={(id) => collectionItemKey(collection.id, id)} />
            </section>
          ))}
          {own.data ? (
            <OwnKnowledgeSection
              slug={slug}
              items={ownItems}
              searching={deferred.trim() !== ''}
              canEdit={canEdit}
              onChanged={own.reload}
            />
          ) : null}
        </SettingsContext>
      )}
    </>
  );
}

function ItemList({ items, keyOf }: { items: readonly KnowledgeItem[]; keyOf: (id: string) => string }) {
  return (
    <ul className="aantafel-plain-list">
      {items.map((item) => (
        <li key={item.id} className="aantafel-card">
          <Heading3>{item.title}</Heading3>
          <Paragraph>{item.text}</Paragraph>
          <SourceLine source={item.source} />
          <Settings itemKey={keyOf(item.id)} name={item.title} />
        </li>
      ))}
    </ul>
  );
}

function StrategyCard({ strategy }: { strategy: Strategy }) {
  const { t } = useI18n();
  return (
    <article className="aantafel-card" aria-labelledby={`strategy-${strategy.id}`}>
      <Heading3 id={`strategy-${strategy.id}`}>
        {t('advisor.result.rankName', { rank: strategy.number, name: strategy.name })}
      </Heading3>
      <Heading4>{t('advisor.knowledge.meaning')}</Heading4>
      <Paragraph>{strategy.meaning}</Paragraph>
      <Heading4>{t('advisor.result.advantage')}</Heading4>
      <Paragraph>{strategy.advantage}</Paragraph>
      <Heading4>{t('advisor.result.disadvantage')}</Heading4>
      <Paragraph>{strategy.disadvantage}</Paragraph>
      <Heading4>{t('advisor.result.fitsWhen')}</Heading4>
      <Paragraph>{strategy.fits_when}</Paragraph>
      {strategy.tips.length > 0 ? (
        <>
          <Heading4>{t('advisor.knowledge.tips')}</Heading4>
          <ul>
            {strategy.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </>
      ) : null}
      {strategy.small_provider ? (
        <>
          <Heading4>{t('advisor.result.smallProvider')}</Heading4>
          <Paragraph>{strategy.small_provider}</Paragraph>
        </>
      ) : null}
      {strategy.examples.length > 0 ? (
        <>
          <Heading4>{t('advisor.knowledge.examples')}</Heading4>
          <ul>
            {strategy.examples.map((example) => (
              <li key={example}>{example}</li>
            ))}
          </ul>
        </>
      ) : null}
      <SourceLine source={strategy.source} />
      <Settings itemKey={strategyKey(strategy.id)} name={strategy.name} />
    </article>
  );
}
