import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Organisation } from '../../api/types';
import {
  followCouncil,
  listCouncilMeetings,
  listCouncilTopicMatches,
  listCouncilTopics,
  listCouncils,
  unfollowCouncil,
} from '../../api/generated/council';
import { listOrganisations } from '../../api/generated/whoiswho';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { useApiData } from '../../components/useApiData';
import { LOCALES } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import type { CouncilFollow, CouncilList, CouncilMeeting, CouncilSource } from './api';
import { firstFetchFailed, isSyncing, meetingDayKey, meetingWhen, sourceLines, syncLines, syncVersion, topicsVersion, type Context } from './council';
import { LineList, SourceNote, useCanEdit, useCouncilBase, useFocusWhenShown } from './common';
import { CouncilPeopleSection, useHashTarget } from './CouncilPeople';
import { CouncilSearch } from './CouncilSearch';
import { CouncilWebhookSection } from './CouncilWebhook';
import { useCouncilText } from './texts';
import { TopicMatchesSection, TopicsSection } from './Topics';

/**
 * Looks again after each delay in turn while `active` (quietly: the page keeps what it shows).
 * Starts over when `active` turns on again or on `restart`; `exhausted` once every delay has passed.
 * `poll` and `delays` must be stable (a reload from useApiData, a constant): a new one restarts
 * the current wait.
 */
export function usePolling(active: boolean, poll: () => Promise<void>, delays: readonly number[]) {
  const [attempt, setAttempt] = useState(0);
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    setWasActive(active);
    if (active) setAttempt(0);
  }
  useEffect(() => {
    if (!active || attempt >= delays.length) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void poll().finally(() => {
        if (!cancelled) setAttempt((n) => n + 1);
      });
    }, delays[attempt]);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [active, attempt, delays, poll]);
  return { exhausted: attempt >= delays.length, restart: () => setAttempt(0) };
}

/**
 * While the server reads Open Besluitvorming's status list for the first time (about a second on
 * a local network, up to a minute otherwise): after this, the page says it takes longer than usual.
 */
export const STATUS_POLL_MS: readonly number[] = [1000, 2000, 3000, 5000, 8000, 13000];
/** While a followed council's first copy is being made: every 3 s for half a minute, then every 6 s. */
export const SYNC_POLL_MS: readonly number[] = [...Array<number>(10).fill(3000), ...Array<number>(20).fill(6000)];

function municipalities(organisations: readonly Organisation[] | undefined) {
  const names = new Map<string, string>();
  for (const o of organisations ?? []) {
    if (o.kind === 'municipality' && o.municipality_code) names.set(o.municipality_code, o.name);
  }
  return names;
}

/**
 * Raad: the councils of the workspace's municipalities as Open Besluitvorming publishes them. The
 * upcoming meetings of the councils it follows, the followed councils with the state of their
 * copy, and the councils it could follow (editors and owners follow and unfollow; viewers look).
 */
export function CouncilPage() {
  const ct = useCouncilText();
  const { language } = useI18n();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const owner = workspace.role === 'owner';
  const slug = workspace.slug;

  const councils = useApiData(`councils:${slug}`, (signal) => listCouncils({ slug }, { signal }));
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const follows = councils.data?.follows ?? [];
  const version = syncVersion(follows);
  const meetings = useApiData(`council-meetings:${slug}:${version}`, (signal) =>
    follows.length === 0 ? Promise.resolve({ items: [] }) : listCouncilMeetings({ slug }, {}, { signal }),
  );

  const enabled = councils.data?.enabled === true;
  const topics = useApiData(`council-topics:${slug}:${enabled}`, (signal) =>
    enabled ? listCouncilTopics({ slug }, { signal }) : Promise.resolve({ items: [] }),
  );
  const topicItems = topics.data?.items;
  const matches = useApiData(
    `council-topic-matches:${slug}:${version}:${enabled && topicItems ? topicsVersion(topicItems) : '-'}`,
    (signal) =>
      follows.length === 0 || !topicItems || topicItems.length === 0
        ? Promise.resolve({ items: [] })
        : listCouncilTopicMatches({ slug }, {}, { signal }),
  );

  const names = municipalities(organisations.data?.items);
  const now = new Date();
  const context: Context = { language, ct, now };

  const listPending =
    councils.data !== undefined &&
    councils.data.enabled &&
    councils.data.status_checked_at === null &&
    names.size > 0;
  const statusPoll = usePolling(listPending, councils.reload, STATUS_POLL_MS);
  const syncPoll = usePolling(
    follows.some((f) => isSyncing(f, now)),
    councils.reload,
    SYNC_POLL_MS,
  );

  // A link to a part of the page ("#council-people-soest" from a person's page) waits until the
  // parts above it have loaded, so the jump lands where the part ends up.
  useHashTarget(
    councils.data !== undefined &&
      organisations.data !== undefined &&
      !meetings.loading &&
      !topics.loading &&
      !matches.loading,
  );

  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<CouncilFollow | null>(null);
  // After following or unfollowing, the council moved to the other list: its heading takes focus.
  const setFocusId = useFocusWhenShown();

  async function follow(source: CouncilSource) {
    setBusyKey(source.source_key);
    setActionError(null);
    setStatus('');
    try {
      await followCouncil({ slug, source_key: source.source_key });
      await councils.reload();
      syncPoll.restart();
      setStatus(ct('follows.followed', { name: source.label }));
      setFocusId(headingId('follow', source.source_key));
    } catch (error) {
      setActionError(error);
    } finally {
      setBusyKey(null);
    }
  }

  async function unfollow(followed: CouncilFollow) {
    await unfollowCouncil({ slug, source_key: followed.source_key });
    setConfirming(null);
    setStatus(ct('follows.unfollowed', { name: councilLabel(followed) }));
    await councils.reload();
    setFocusId(headingId('available', followed.source_key));
  }

  const data = councils.data;
  return (
    <div className="aantafel-council">
      <PageHeading title={ct('title')} />
      <Paragraph>{ct('intro')}</Paragraph>
      {!canEdit ? <Paragraph className="aantafel-meta">{ct('viewerReadOnly')}</Paragraph> : null}
      <StatusMessage>{status}</StatusMessage>
      {actionError ? <ErrorAlert error={actionError} /> : null}
      {!data ? (
        <div aria-busy={councils.loading || undefined}>
          {councils.error && !councils.loading ? <ErrorAlert error={councils.error} /> : <Loading />}
        </div>
      ) : !data.enabled ? (
        <Alert type="info">
          <Paragraph className="aantafel-alert-title">{ct('disabled.title')}</Paragraph>
          <Paragraph>{ct('disabled.text')}</Paragraph>
        </Alert>
      ) : (
        <>
          {data.follows.length > 0 ? <CouncilSearch follows={data.follows} /> : null}
          {data.follows.length > 0 ? (
            <TopicMatchesSection
              items={matches.data?.items}
              error={matches.error}
              hasTopics={(topicItems?.length ?? 0) > 0}
              context={context}
            />
          ) : null}
          {data.follows.length > 0 ? (
            <MeetingsSection
              items={meetings.data?.items}
              error={meetings.error}
              syncing={data.follows.some((f) => isSyncing(f, now))}
              notFetched={data.follows.some(firstFetchFailed)}
              context={context}
            />
          ) : null}
          <TopicsSection
            slug={slug}
            topics={topicItems}
            error={topics.error}
            canEdit={canEdit}
            context={context}
            onChanged={topics.reload}
            onStatus={setStatus}
          />
          {owner ? <CouncilWebhookSection slug={slug} context={context} /> : null}
          {data.follows.length > 0 ? (
            <CouncilPeopleSection follows={data.follows} municipalities={names} canEdit={canEdit} />
          ) : null}
          {data.follows.length > 0 ? (
            <FollowsSection
              follows={data.follows}
              names={names}
              context={context}
              owner={owner}
              canEdit={canEdit}
              onUnfollow={setConfirming}
            />
          ) : null}
          <AvailableSection
            data={data}
            names={names}
            organisationsLoaded={organisations.data !== undefined}
            context={context}
            canEdit={canEdit}
            busyKey={busyKey}
            onFollow={(source) => void follow(source)}
            gaveUp={listPending && statusPoll.exhausted}
            onLookAgain={() => {
              statusPoll.restart();
              void councils.reload();
            }}
          />
        </>
      )}
      <SourceNote />
      <ConfirmDialog
        open={confirming !== null}
        title={ct('follows.unfollowTitle', { name: confirming ? councilLabel(confirming) : '' })}
        confirmLabel={ct('follows.unfollow')}
        busyLabel={ct('follows.unfollowBusy')}
        onConfirm={() => (confirming ? unfollow(confirming) : undefined)}
        onCancel={() => setConfirming(null)}
      >
        {ct('follows.unfollowBody')}
      </ConfirmDialog>
    </div>
  );
}

/** The id of a council's heading in the list of followed or of available councils. */
function headingId(list: 'follow' | 'available', sourceKey: string) {
  return `council-${list}-${sourceKey}`;
}

function councilLabel(follow: CouncilFollow) {
  return follow.source?.label ?? follow.source_key;
}

/** "Gemeente Amsterdam" under a council whose name is not the municipality's (a stadsdeel). */
function MunicipalityLine({ label, code, names }: { label: string; code: string | null; names: Map<string, string> }) {
  const ct = useCouncilText();
  const name = code ? names.get(code) : undefined;
  if (!name || name === label) return null;
  return <Paragraph className="aantafel-meta aantafel-council__municipality">{ct('municipalityOf', { name })}</Paragraph>;
}

function MeetingsSection({
  items,
  error,
  syncing,
  notFetched,
  context,
}: {
  items: CouncilMeeting[] | undefined;
  error: unknown;
  syncing: boolean;
  /** A followed council's first fetch failed: "no meetings" would not be true. */
  notFetched: boolean;
  context: Context;
}) {
  const { ct } = context;
  const base = useCouncilBase();
  return (
    <section className="aantafel-section" aria-labelledby="council-meetings">
      <Heading2 id="council-meetings">{ct('meetings.title')}</Heading2>
      <Paragraph>{ct('meetings.intro')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      {items === undefined && !error ? <Loading /> : null}
      {items !== undefined && items.length === 0 ? (
        <Paragraph>{syncing ? ct('meetings.syncing') : notFetched ? ct('meetings.notFetched') : ct('meetings.empty')}</Paragraph>
      ) : null}
      {items !== undefined && items.length > 0 ? (
        <ul className="aantafel-council-meetings" aria-label={ct('meetings.label')}>
          {items.map((m) => (
            <li key={m.id} className="aantafel-council-meeting">
              <Heading3 className="aantafel-council-meeting__title">
                <Link to={`${base}/meetings/${m.id}`} className="utrecht-link utrecht-link--html-a">
                  {m.name || m.committee || ct('meeting.title')}
                </Link>
              </Heading3>
              <p className="aantafel-council-meeting__when">
                <time dateTime={meetingDayKey(m)}>{meetingWhen(m, context)}</time>
                {m.cancelled ? (
                  <>
                    {' '}
                    <span className="aantafel-badge aantafel-badge--alert">{ct('meetings.cancelled')}</span>
                  </>
                ) : null}
              </p>
              <p className="aantafel-meta aantafel-council-meeting__meta">
                {[
                  ct('councilOf', { name: m.council }),
                  m.committee && m.committee !== m.name ? m.committee : null,
                  m.location || null,
                  m.agenda_items === 0
                    ? ct('meetings.agendaItems0')
                    : m.agenda_items === 1
                      ? ct('meetings.agendaItems1')
                      : ct('meetings.agendaItems', { count: m.agenda_items }),
                ]
                  .filter((part): part is string => Boolean(part))
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function FollowsSection({
  follows,
  names,
  context,
  owner,
  canEdit,
  onUnfollow,
}: {
  follows: CouncilFollow[];
  names: Map<string, string>;
  context: Context;
  owner: boolean;
  canEdit: boolean;
  onUnfollow: (follow: CouncilFollow) => void;
}) {
  const { ct } = context;
  return (
    <section className="aantafel-section" aria-labelledby="council-follows">
      <Heading2 id="council-follows">{ct('follows.title')}</Heading2>
      <ul className="aantafel-cards aantafel-council__list">
        {follows.map((f) => {
          const label = councilLabel(f);
          return (
            <li key={f.source_key} className="aantafel-cards__item aantafel-council__item">
              <Heading3 id={headingId('follow', f.source_key)} tabIndex={-1} className="aantafel-cards__title aantafel-focus-target">
                {label}
              </Heading3>
              <MunicipalityLine label={label} code={f.municipality_code} names={names} />
              <LineList lines={syncLines(f, context, { owner })} />
              {f.source ? (
                <LineList lines={sourceLines(f.source, context)} className="aantafel-council__lines--source" />
              ) : (
                <LineList lines={[{ text: ct('follows.noSource'), tone: 'wait' }]} className="aantafel-council__lines--source" />
              )}
              {canEdit ? (
                <div className="aantafel-actions">
                  <Button
                    type="button"
                    appearance="secondary-action-button"
                    aria-label={`${ct('follows.unfollow')}: ${label}`}
                    onClick={() => onUnfollow(f)}
                  >
                    {ct('follows.unfollow')}
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AvailableSection({
  data,
  names,
  organisationsLoaded,
  context,
  canEdit,
  busyKey,
  onFollow,
  gaveUp,
  onLookAgain,
}: {
  data: CouncilList;
  names: Map<string, string>;
  organisationsLoaded: boolean;
  context: Context;
  canEdit: boolean;
  busyKey: string | null;
  onFollow: (source: CouncilSource) => void;
  gaveUp: boolean;
  onLookAgain: () => void;
}) {
  const { ct } = context;
  const { workspace } = useWorkspace();
  const whoiswho = `/w/${encodeURIComponent(workspace.slug)}/people/organisations`;
  const known = new Set([
    ...data.follows.map((f) => f.municipality_code),
    ...data.available.map((s) => s.municipality_code ?? ''),
  ]);
  const missing = [...names.entries()]
    .filter(([code]) => !known.has(code))
    .map(([, name]) => name)
    .sort(new Intl.Collator(LOCALES[context.language]).compare);

  let body;
  if (data.available.length > 0) {
    body = (
      <>
        <Paragraph>{ct('available.intro')}</Paragraph>
        <ul className="aantafel-cards aantafel-council__list">
          {data.available.map((source) => (
            <li key={source.source_key} className="aantafel-cards__item aantafel-council__item">
              <Heading3 id={headingId('available', source.source_key)} tabIndex={-1} className="aantafel-cards__title aantafel-focus-target">
                {source.label}
              </Heading3>
              <MunicipalityLine label={source.label} code={source.municipality_code} names={names} />
              <LineList lines={sourceLines(source, context)} className="aantafel-council__lines--source" />
              {canEdit ? (
                <div className="aantafel-actions">
                  <Button
                    type="button"
                    appearance="primary-action-button"
                    busy={busyKey === source.source_key}
                    aria-disabled={busyKey !== null || undefined}
                    aria-label={`${busyKey === source.source_key ? ct('available.following') : ct('available.follow')}: ${source.label}`}
                    onClick={() => {
                      if (busyKey === null) onFollow(source);
                    }}
                  >
                    {busyKey === source.source_key ? ct('available.following') : ct('available.follow')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </>
    );
  } else if (organisationsLoaded && names.size === 0 && data.follows.length === 0) {
    body = (
      <>
        <Paragraph>{ct('available.noMunicipalities')}</Paragraph>
        <Paragraph>
          <Link to={whoiswho} className="utrecht-link utrecht-link--html-a">
            {ct('available.toWhoiswho')}
          </Link>
        </Paragraph>
      </>
    );
  } else if (data.status_checked_at === null) {
    body = (
      <>
        <Paragraph>{ct('available.fetching')}</Paragraph>
        {gaveUp ? <Paragraph>{ct('available.slow')}</Paragraph> : null}
        <div className="aantafel-actions">
          <Button type="button" appearance="secondary-action-button" onClick={onLookAgain}>
            {ct('available.lookAgain')}
          </Button>
        </div>
      </>
    );
  } else {
    body = <Paragraph>{data.follows.length > 0 ? ct('available.allFollowed') : ct('available.none')}</Paragraph>;
  }

  return (
    <section className="aantafel-section" aria-labelledby="council-available">
      <Heading2 id="council-available">{ct('available.title')}</Heading2>
      {body}
      {data.status_checked_at !== null && missing.length > 0 ? (
        <Paragraph className="aantafel-meta">
          {ct('available.missing', { names: new Intl.ListFormat(LOCALES[context.language], { type: 'conjunction' }).format(missing) })}
        </Paragraph>
      ) : null}
    </section>
  );
}
