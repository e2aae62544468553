import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Heading2,
  Heading3,
  Paragraph,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Callback, FeedbackResponse, NpsGroup, NpsGroupBy } from '../../api/types';
import { getNps, getThemes, listResponses } from '../../api/generated/feedback';
import { DataTable } from '../../components/DataTable';
import { Chart } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { todayIso } from '../whoiswho/lists';
import { CallbacksSection, loadCallbacks } from './CallbacksSection';
import { announceActNowChange } from '../notifications/changes';
import { FeedbackNav, ScoreBadge, useFeedbackBase } from './common';
import {
  daysBefore,
  feedAnnouncement,
  FEED_LIMIT,
  GROUP_BY_OPTIONS,
  groupLabel,
  groupShortfall,
  isClosedCallback,
  isTimeGrouping,
  last30Days,
  mergeCallback,
  mergeFeed,
  needsAttention,
  npsSentences,
  parseCallbackView,
  parseGroupBy,
  roundScore,
  type CallbackView,
  type Text,
} from './feedback';
import { useFeedbackStream } from './useFeedbackStream';
import './dashboard.css';

/** Cliëntfeedback home: NPS of the last 30 days, groups, the live feed, callbacks and themes. */
export function FeedbackDashboardPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const base = useFeedbackBase();
  const period = useMemo(() => last30Days(todayIso()), []);

  const nps = useApiData(`nps:${slug}:${period.from}`, (signal) => getNps({ slug }, period, { signal }));
  const responses = useApiData(`feed:${slug}`, (signal) =>
    listResponses({ slug }, { limit: 20 }, { signal }),
  );
  const [params, setParams] = useSearchParams();
  const view = parseCallbackView(params.get('callbacks'));
  const callbacks = useApiData(`callbacks:${slug}:${view}`, (signal) => loadCallbacks(slug, view, signal));

  const [feed, setFeed] = useState<FeedbackResponse[]>([]);
  // The list on screen, with the view it belongs to (the previous view's list stays while loading).
  const [shown, setShown] = useState<{ view: CallbackView; items: Callback[] } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (responses.data) setFeed((current) => mergeFeed(current, responses.data?.items ?? []));
  }, [responses.data]);
  useEffect(() => {
    if (callbacks.data) setShown(callbacks.data);
  }, [callbacks.data]);

  const reloadNps = nps.reload;
  const onResponse = useCallback(
    (response: FeedbackResponse) => {
      setFeed((current) => mergeFeed([response], current, FEED_LIMIT));
      const text = feedAnnouncement(response);
      if (text) setAnnouncement(t(text.key, text.vars));
      void reloadNps();
    },
    [t, reloadNps],
  );
  const onCallback = useCallback((callback: Callback) => {
    setShown((current) => (current ? { view: current.view, items: mergeCallback(current.items, callback, current.view) } : current));
  }, []);
  // A callback made or changed by someone else (the live feed): the notifications in the header follow.
  const onStreamCallback = useCallback(
    (callback: Callback) => {
      onCallback(callback);
      announceActNowChange(isClosedCallback(callback) ? { slug, closedCallbackId: callback.id } : { slug });
    },
    [onCallback, slug],
  );
  const reloadResponses = responses.reload;
  const reloadCallbacks = callbacks.reload;
  const onReconnect = useCallback(() => {
    void reloadResponses();
    void reloadCallbacks();
    void reloadNps();
  }, [reloadResponses, reloadCallbacks, reloadNps]);
  const streamState = useFeedbackStream(slug, { onResponse, onCallback: onStreamCallback, onReconnect });
  const current = shown?.view === view ? shown.items : null;

  return (
    <>
      <PageHeading title={t('feedback.title')} />
      <FeedbackNav />
      <Paragraph>{t('feedback.intro')}</Paragraph>
      <section className="aantafel-section" aria-labelledby="nps-heading">
        <Heading2 id="nps-heading">{t('feedback.nps.title')}</Heading2>
        {nps.error ? <ErrorAlert error={nps.error} /> : null}
        {nps.loading && !nps.data ? <Loading /> : null}
        {nps.data ? <NpsTotal total={nps.data.total} minN={nps.data.min_n} /> : null}
        {nps.data && nps.data.total.n === 0 ? (
          <Paragraph>
            {t('feedback.nps.noneYet')}{' '}
            <Link to={`${base}/surveys`} className="utrecht-link utrecht-link--html-a">
              {t('feedback.nps.toSurveys')}
            </Link>
          </Paragraph>
        ) : null}
      </section>
      <LiveFeedSection feed={feed} streamState={streamState} announcement={announcement} loading={responses.loading && !responses.data} error={responses.error} />
      <CallbacksSection
        slug={slug}
        view={view}
        onViewChange={(next) => {
          const nextParams = new URLSearchParams(params);
          if (next === 'active') nextParams.delete('callbacks');
          else nextParams.set('callbacks', next);
          setParams(nextParams, { replace: true });
        }}
        callbacks={current ?? []}
        loading={current === null && !callbacks.error}
        error={callbacks.error}
        onChanged={onCallback}
      />
      <GroupsSection slug={slug} />
      <ThemesSection slug={slug} from={period.from} to={period.to} />
    </>
  );
}

/**
 * The NPS of the last 30 days for a care manager who has never heard of it: the score large, then
 * what it is made of in words (per 100 clients), how sure it is, the counts and the scale.
 */
function NpsTotal({ total, minN }: { total: NpsGroup; minN: number }) {
  const { t, formatNumber } = useI18n();
  const format = (value: number) => formatNumber(value, { maximumFractionDigits: 0 });
  const [score, plain, certainty] = npsSentences(total, format).map((text) => t(text.key, text.vars));
  const shortfall = total.n > 0 ? groupShortfall(total, minN) : null;
  return (
    <div className="aantafel-card aantafel-nps-total">
      <Paragraph className="aantafel-nps-total__sentence" id="nps-total">
        {score}
      </Paragraph>
      {plain ? <Paragraph data-testid="nps-plain">{plain}</Paragraph> : null}
      {certainty ? <Paragraph className="aantafel-meta">{certainty}</Paragraph> : null}
      {total.n > 0 ? (
        <Paragraph className="aantafel-meta">
          {t('feedback.nps.counts', {
            promoters: format(total.promoters),
            passives: format(total.passives),
            detractors: format(total.detractors),
          })}
        </Paragraph>
      ) : null}
      {shortfall ? <Paragraph className="aantafel-meta">{t(shortfall.key, shortfall.vars)}</Paragraph> : null}
      <Paragraph className="aantafel-meta">{t('feedback.nps.period30')}</Paragraph>
      <Paragraph className="aantafel-meta">{t('feedback.nps.explain')}</Paragraph>
    </div>
  );
}

function LiveFeedSection({
  feed,
  streamState,
  announcement,
  loading,
  error,
}: {
  feed: readonly FeedbackResponse[];
  streamState: string;
  announcement: string;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useI18n();
  const base = useFeedbackBase();
  const stateText =
    streamState === 'open'
      ? t('feedback.live.connected')
      : streamState === 'reconnecting'
        ? t('feedback.live.reconnecting')
        : streamState === 'closed'
          ? t('feedback.live.closed')
          : streamState === 'unsupported'
            ? t('feedback.live.unsupported')
            : t('feedback.live.connecting');
  return (
    <section className="aantafel-section" aria-labelledby="live-heading">
      <Heading2 id="live-heading">{t('feedback.live.title')}</Heading2>
      <Paragraph>{t('feedback.live.intro')}</Paragraph>
      <Paragraph className="aantafel-meta">
        <span className={`aantafel-live-dot aantafel-live-dot--${streamState}`} aria-hidden="true" /> {stateText}
      </Paragraph>
      {/* Only new responses are announced; the connection state and heartbeats stay quiet. */}
      <div role="status" aria-live="polite" aria-atomic="true" className="aantafel-visually-hidden" data-testid="feed-announcer">
        {announcement}
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {loading ? <Loading /> : null}
      {!loading && feed.length === 0 ? <Paragraph>{t('feedback.live.none')}</Paragraph> : null}
      <ol className="aantafel-feed" aria-label={t('feedback.live.listLabel')}>
        {feed.map((response) => (
          <FeedItem key={response.id} response={response} />
        ))}
      </ol>
      {feed.length > 0 ? (
        <p>
          <Link to={`${base}/responses`} className="utrecht-link utrecht-link--html-a">
            {t('feedback.live.all')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function FeedItem({ response }: { response: FeedbackResponse }) {
  const { t, formatDateTime } = useI18n();
  const attention = needsAttention(response);
  return (
    <li className={attention ? 'aantafel-feed__item aantafel-feed__item--attention' : 'aantafel-feed__item'}>
      <p className="aantafel-feed__head">
        <ScoreBadge response={response} />
        {response.callback ? (
          <>
            {' '}
            <span className="aantafel-badge aantafel-badge--alert">{t('feedback.live.wantsCallback')}</span>
          </>
        ) : null}{' '}
        <span className="aantafel-meta">
          {response.survey_name}
          {response.team ? ` · ${response.team}` : ''} · <time dateTime={response.received_at}>{formatDateTime(response.received_at)}</time>
        </span>
      </p>
      {response.why ? (
        <p className="aantafel-feed__text">
          <strong>{t('feedback.why')}</strong> {response.why}
        </p>
      ) : null}
      {response.better ? (
        <p className="aantafel-feed__text">
          <strong>{t('feedback.better')}</strong> {response.better}
        </p>
      ) : null}
      {!response.why && !response.better ? <p className="aantafel-meta">{t('feedback.noText')}</p> : null}
    </li>
  );
}

/** The period a grouping looks at: 30 days, or 12 weeks / 12 months for a trend. */
function periodFor(groupBy: NpsGroupBy, today: string): { from: string; to: string } {
  if (groupBy === 'week') return { from: daysBefore(today, 7 * 12 - 1), to: today };
  if (groupBy === 'month') return { from: daysBefore(today, 364), to: today };
  return last30Days(today);
}

function GroupsSection({ slug }: { slug: string }) {
  const { t, formatNumber, formatDate } = useI18n();
  const [params, setParams] = useSearchParams();
  const groupBy = parseGroupBy(params.get('group'));
  const period = periodFor(groupBy, todayIso());
  const report = useApiData(`nps:${slug}:${groupBy}:${period.from}`, (signal) =>
    getNps({ slug }, { group_by: groupBy, ...period }, { signal }),
  );
  const format = (value: number) => formatNumber(value, { maximumFractionDigits: 0 });
  const text = (value: Text | string) => (typeof value === 'string' ? value : t(value.key, value.vars));
  const groups = report.data?.groups ?? [];
  const minN = report.data?.min_n ?? 30;
  const groupName = t(`feedback.groupBy.${groupBy}` as 'feedback.groupBy.team');
  const title = t('feedback.groups.tableTitle', {
    group: groupName,
    from: formatDate(`${period.from}T12:00:00Z`),
    to: formatDate(`${period.to}T12:00:00Z`),
  });
  const time = isTimeGrouping(groupBy);
  const npsOf = (g: NpsGroup) => (g.nps === null ? null : roundScore(g.nps));

  return (
    <section className="aantafel-section" aria-labelledby="groups-heading">
      <Heading2 id="groups-heading">{t('feedback.groups.title')}</Heading2>
      <Paragraph>{t('feedback.groups.intro', { min: minN })}</Paragraph>
      <SelectField
        id="nps-group-by"
        label={t('feedback.groups.groupBy')}
        className="aantafel-inline-form"
        options={GROUP_BY_OPTIONS.map((option) => ({
          value: option,
          label: t(`feedback.groupBy.${option}` as 'feedback.groupBy.team'),
        }))}
        value={groupBy}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          next.set('group', event.target.value);
          setParams(next, { replace: true });
        }}
      />
      {report.error ? <ErrorAlert error={report.error} /> : null}
      <div aria-busy={report.loading || undefined}>
        {report.loading && !report.data ? <Loading /> : null}
        {report.data && groups.length === 0 ? <Paragraph>{t('feedback.groups.none')}</Paragraph> : null}
        {groups.length > 0 ? (
          <>
            <DataTable
              caption={title}
              columns={[
                groupName,
                t('feedback.groups.nps'),
                t('feedback.groups.interval'),
                t('feedback.groups.n'),
                t('feedback.groups.split'),
                t('feedback.groups.note'),
              ]}
            >
              {groups.map((group) => {
                const shortfall = groupShortfall(group, minN);
                return (
                  <TableRow key={group.key} className={shortfall ? 'aantafel-row--muted' : undefined}>
                    <TableHeaderCell scope="row">{text(groupLabel(groupBy, group))}</TableHeaderCell>
                    <TableCell className="aantafel-number">{group.nps === null ? '–' : format(roundScore(group.nps))}</TableCell>
                    <TableCell className="aantafel-number">
                      {group.ci_low === null || group.ci_high === null
                        ? '–'
                        : t('feedback.groups.range', { low: format(roundScore(group.ci_low)), high: format(roundScore(group.ci_high)) })}
                    </TableCell>
                    <TableCell className="aantafel-number">{format(group.n)}</TableCell>
                    <TableCell>
                      {t('feedback.groups.splitValue', {
                        promoters: format(group.promoters),
                        passives: format(group.passives),
                        detractors: format(group.detractors),
                      })}
                    </TableCell>
                    <TableCell>{shortfall ? t(shortfall.key, shortfall.vars) : ''}</TableCell>
                  </TableRow>
                );
              })}
            </DataTable>
            <Chart
              kind={time ? 'line' : 'bar'}
              title={t('feedback.groups.chartTitle', { group: groupName })}
              description={time ? t('feedback.groups.chartTrend') : t('feedback.groups.chartBars', { min: minN })}
              categoryLabel={groupName}
              categories={groups.map((g) => text(groupLabel(groupBy, g)))}
              series={
                time
                  ? [
                      { name: t('feedback.groups.nps'), values: groups.map(npsOf) },
                      { name: t('feedback.groups.low'), values: groups.map((g) => (g.ci_low === null ? null : roundScore(g.ci_low))) },
                      { name: t('feedback.groups.high'), values: groups.map((g) => (g.ci_high === null ? null : roundScore(g.ci_high))) },
                    ]
                  : [{ name: t('feedback.groups.nps'), values: groups.map((g) => (g.enough ? npsOf(g) : null)) }]
              }
              formatValue={format}
            />
          </>
        ) : null}
      </div>
    </section>
  );
}

function ThemesSection({ slug, from, to }: { slug: string; from: string; to: string }) {
  const { t, formatNumber } = useI18n();
  const themes = useApiData(`themes:${slug}:${from}`, (signal) => getThemes({ slug }, { from, to }, { signal }));
  const items = themes.data?.items ?? [];
  return (
    <section className="aantafel-section" aria-labelledby="themes-heading">
      <Heading2 id="themes-heading">{t('feedback.themes.title')}</Heading2>
      <Paragraph>{t('feedback.themes.intro')}</Paragraph>
      {themes.error ? <ErrorAlert error={themes.error} /> : null}
      {themes.loading && !themes.data ? <Loading /> : null}
      {themes.data ? (
        <Paragraph className="aantafel-meta">{t('feedback.themes.answered', { count: formatNumber(themes.data.answered) })}</Paragraph>
      ) : null}
      {themes.data && items.length === 0 ? <Paragraph>{t('feedback.themes.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <>
          <DataTable
            caption={t('feedback.themes.caption')}
            columns={[
              t('feedback.themes.theme'),
              t('feedback.category.detractorPlural'),
              t('feedback.category.passivePlural'),
              t('feedback.category.promoterPlural'),
            ]}
          >
            {items.map((theme) => (
              <TableRow key={theme.id}>
                <TableHeaderCell scope="row">{theme.label}</TableHeaderCell>
                <TableCell className="aantafel-number">{formatNumber(theme.detractors)}</TableCell>
                <TableCell className="aantafel-number">{formatNumber(theme.passives)}</TableCell>
                <TableCell className="aantafel-number">{formatNumber(theme.promoters)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
          {items
            .filter((theme) => theme.quotes.length > 0)
            .map((theme) => (
              <div key={theme.id} className="aantafel-quotes">
                <Heading3>{t('feedback.themes.quotesFor', { theme: theme.label })}</Heading3>
                <ul className="aantafel-plain-list">
                  {theme.quotes.map((quote, index) => (
                    <li key={index}>
                      <blockquote className="aantafel-quote">{quote}</blockquote>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      ) : null}
    </section>
  );
}
