/**
 * Raad on the pages of other areas (issue #26, "upcoming meetings with matching agenda items
 * appear on the municipality's calendar, in the plan's timeline"): the upcoming meetings of the
 * councils the workspace follows for one municipality, with the workspace's topics that come up
 * in them. Used by the municipality page (all meetings, those with topics first), the
 * municipality's policy calendar and the plan page (only the meetings with topics).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { Landmark } from 'lucide-react';
import {
  listCouncilMeetings,
  listCouncilTopicMatches,
  listCouncilTopics,
  listCouncils,
} from '../../api/generated/council';
import type { TimelineRow } from '../../components/Chart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import type { CouncilFollow, CouncilList, CouncilMeeting } from './api';
import {
  councilAgenda,
  firstFetchLine,
  foundCounts,
  matchedMeetings,
  isSyncing,
  meetingDayKey,
  meetingWhen,
  syncVersion,
  topicFoundText,
  topicsVersion,
  type AgendaMeeting,
  type Context,
  type Line,
} from './council';
import { LineList, useCanEdit, useCouncilBase } from './common';
import { useCouncilText } from './texts';

interface Loaded<T> {
  /** Undefined while loading (never the answer to an earlier question). */
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * useApiData that never hands out the answer for an earlier key (useApiData keeps it while the
 * next loads): a municipality's meetings never show under another municipality, and "no topics"
 * never flashes while the topics are still on their way.
 */
function useFresh<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const result = useApiData(key, (signal) => load(signal).then((value) => ({ key, value })));
  const fresh = result.data?.key === key ? result.data.value : undefined;
  const loading = fresh === undefined && (result.loading || !result.error);
  return { data: fresh, error: loading ? null : result.error, loading };
}

export interface CouncilAgendaData {
  councils: Loaded<CouncilList>;
  /** The followed councils of the municipality (of all municipalities without a code). */
  follows: CouncilFollow[];
  /** Whether the workspace has topics (undefined while loading or when nothing is followed). */
  hasTopics: boolean | undefined;
  topicsError: unknown;
  /** Meetings with topics and the others, by start; undefined while loading. */
  agenda: { matched: AgendaMeeting[]; others: AgendaMeeting[] } | undefined;
  error: unknown;
}

export interface CouncilAgendaOptions {
  /** Also the meetings without topics (the municipality page). */
  withMeetings?: boolean;
  /** false: asks the server nothing and answers as if Raad were off (no municipality, a past year). */
  active?: boolean;
}

const OFF: CouncilList = { enabled: false, status_checked_at: null, follows: [], available: [] };

/**
 * The councils of the workspace, its topics, and the upcoming meetings (next 60 days, the
 * server's default) with the topics found in them, for the municipality `code` (CBS) or for all
 * municipalities (null). Opening the list of councils also wakes the server's sync, as on Raad.
 */
export function useCouncilAgenda(
  code: string | null,
  { withMeetings = false, active = true }: CouncilAgendaOptions = {},
): CouncilAgendaData {
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const councils = useFresh(`councils:${slug}:${active}`, (signal) =>
    active ? listCouncils({ slug }, { signal }) : Promise.resolve(OFF),
  );
  const enabled = councils.data?.enabled === true;
  const follows = (councils.data?.follows ?? []).filter((f) => code === null || f.municipality_code === code);
  const following = enabled && follows.length > 0;
  const version = `${code ?? '*'}:${syncVersion(follows)}`;
  const query = code === null ? {} : { municipality: code };

  const topics = useFresh(`council-topics:${slug}:${following}`, (signal) =>
    following ? listCouncilTopics({ slug }, { signal }) : Promise.resolve({ items: [] }),
  );
  const topicItems = topics.data?.items;
  const matches = useFresh(
    `council-topic-matches:${slug}:${version}:${following && topicItems ? topicsVersion(topicItems) : '-'}`,
    (signal) =>
      following && topicItems && topicItems.length > 0
        ? listCouncilTopicMatches({ slug }, query, { signal })
        : Promise.resolve({ items: [] }),
  );
  const meetings = useFresh(`council-meetings:${slug}:${version}:${following && withMeetings}`, (signal) =>
    following && withMeetings ? listCouncilMeetings({ slug }, query, { signal }) : Promise.resolve({ items: [] }),
  );

  const ready = topicItems !== undefined && matches.data !== undefined && meetings.data !== undefined;
  let agenda: CouncilAgendaData['agenda'];
  if (ready) {
    agenda =
      code !== null
        ? councilAgenda(meetings.data?.items ?? [], matches.data?.items ?? [], code)
        : { matched: matchedMeetings(matches.data?.items ?? []), others: [] };
  }
  return {
    councils,
    follows,
    hasTopics: topicItems ? topicItems.length > 0 : undefined,
    topicsError: topics.error,
    agenda,
    error: matches.error || meetings.error,
  };
}

/** The title of a meeting as the Raad pages write it. */
export function meetingTitle(meeting: CouncilMeeting, ct: Context['ct']): string {
  return meeting.name || meeting.committee || ct('meeting.title');
}

/** The meeting's page: /w/{slug}/council/meetings/{id}. */
function useMeetingPath() {
  const base = useCouncilBase();
  return (meeting: CouncilMeeting) => `${base}/meetings/${meeting.id}`;
}

function useContext(): Context {
  const ct = useCouncilText();
  const { language } = useI18n();
  return { language, ct, now: new Date() };
}

/** "Gaat niet door" after a cancelled meeting's date. */
function Cancelled({ meeting }: { meeting: CouncilMeeting }) {
  const ct = useCouncilText();
  if (!meeting.cancelled) return null;
  return (
    <>
      {' '}
      <span className="aantafel-badge aantafel-badge--alert">{ct('meetings.cancelled')}</span>
    </>
  );
}

/**
 * The topics found in one meeting, each in words ("Jullie onderwerp Beschermd wonen: 1
 * agendapunt, 1 stuk en 1 motie") with the titles of the agenda items that hold it.
 */
export function FoundTopics({ entry, context }: { entry: AgendaMeeting; context: Context }) {
  const { ct } = context;
  return (
    <>
      {entry.topics.map((topic) => (
        <div key={topic.id} className="aantafel-council-found">
          <p className="aantafel-council-found__topic">
            <Icon icon={Landmark} className="aantafel-council-found__icon" />
            <span>
              <strong>{ct('found.topic', { name: topic.name })}</strong>: {foundCounts(topic, context)}
            </span>
          </p>
          {topic.agendaItems.length > 0 ? (
            <ul className="aantafel-council-found__items">
              {topic.agendaItems.map((title) => (
                <li key={title}>
                  <span className="aantafel-council-match__kind">{ct('matches.agendaItem')}:</span> {title}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </>
  );
}

/** A meeting with topics as a card: its title (a heading at `level`), when, where and the topics. */
function MatchedMeeting({ entry, context, level, showCouncil }: { entry: AgendaMeeting; context: Context; level: 3 | 4; showCouncil: boolean }) {
  const { ct } = context;
  const path = useMeetingPath();
  const { meeting } = entry;
  const Heading = level === 3 ? Heading3 : Heading4;
  const meta = [showCouncil ? ct('councilOf', { name: meeting.council }) : null, meeting.committee !== meeting.name ? meeting.committee : null, meeting.location]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  return (
    <li className="aantafel-council-meeting aantafel-council-meeting--match">
      <Heading className="aantafel-council-meeting__title">
        <Link to={path(meeting)} className="utrecht-link utrecht-link--html-a">
          {meetingTitle(meeting, ct)}
        </Link>
      </Heading>
      <p className="aantafel-council-meeting__when">
        <time dateTime={meetingDayKey(meeting)}>{meetingWhen(meeting, context)}</time>
        <Cancelled meeting={meeting} />
      </p>
      {meta ? <p className="aantafel-meta aantafel-council-meeting__meta">{meta}</p> : null}
      <FoundTopics entry={entry} context={context} />
    </li>
  );
}

/** A meeting without topics, in two short lines: the link, then when and where. */
function OtherMeeting({ entry, context, showCouncil }: { entry: AgendaMeeting; context: Context; showCouncil: boolean }) {
  const { ct } = context;
  const path = useMeetingPath();
  const { meeting } = entry;
  const meta = [showCouncil ? ct('councilOf', { name: meeting.council }) : null, meeting.location]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
  return (
    <li className="aantafel-council-other">
      <Link to={path(meeting)} className="utrecht-link utrecht-link--html-a">
        {meetingTitle(meeting, ct)}
      </Link>
      <p className="aantafel-council-other__when">
        <time dateTime={meetingDayKey(meeting)}>{meetingWhen(meeting, context)}</time>
        {meta ? ` · ${meta}` : ''}
        <Cancelled meeting={meeting} />
      </p>
    </li>
  );
}

function Links({ children }: { children: ReactNode }) {
  return <div className="aantafel-actions aantafel-council-agenda__links">{children}</div>;
}

/**
 * "Op de agenda van de raad" on the municipality page: the meetings of the next 60 days of the
 * councils followed for the municipality, those where the workspace's topics come up first (with
 * the topics in words), then the others. Says what to do when the council is not followed, and
 * what is going on when there is nothing to show (still fetching, first fetch failed, nothing
 * planned, Raad switched off).
 */
export function MunicipalityCouncilAgenda({ code, name }: { code: string; name: string }) {
  const context = useContext();
  const { ct } = context;
  const base = useCouncilBase();
  const canEdit = useCanEdit();
  const data = useCouncilAgenda(code, { withMeetings: true });
  const councils = data.councils.data;
  const toCouncil = (
    <Links>
      <Link to={base} className="utrecht-link utrecht-link--html-a">
        {ct('municipality.toCouncil')}
      </Link>
    </Links>
  );

  if (!councils) {
    return (
      <div aria-busy={data.councils.loading || undefined}>
        {data.councils.error ? <ErrorAlert error={data.councils.error} /> : <Loading />}
      </div>
    );
  }
  if (!councils.enabled) return <Paragraph>{ct('municipality.disabled')}</Paragraph>;

  if (data.follows.length === 0) {
    const available = councils.available.some((s) => s.municipality_code === code);
    if (available) {
      return (
        <>
          <Paragraph>{canEdit ? ct('municipality.notFollowed', { name }) : ct('municipality.notFollowedViewer', { name })}</Paragraph>
          <Links>
            <Link to={base} className="utrecht-link utrecht-link--html-a">
              {canEdit ? ct('municipality.follow', { name }) : ct('municipality.toCouncil')}
            </Link>
          </Links>
        </>
      );
    }
    return (
      <>
        <Paragraph>
          {councils.status_checked_at === null ? ct('municipality.statusUnknown') : ct('municipality.noSource', { name })}
        </Paragraph>
        {toCouncil}
      </>
    );
  }

  const showCouncil = data.follows.length > 1;
  const now = context.now;
  let body;
  if (data.error || data.topicsError) {
    body = <ErrorAlert error={data.error || data.topicsError} />;
  } else if (!data.agenda) {
    body = (
      <div aria-busy="true">
        <Loading />
      </div>
    );
  } else if (data.agenda.matched.length === 0 && data.agenda.others.length === 0) {
    const failed = data.follows
      .map((f) => firstFetchLine(f, context))
      .filter((line): line is Line => line !== null);
    if (data.follows.some((f) => isSyncing(f, now))) {
      body = <Paragraph>{ct('municipality.syncing')}</Paragraph>;
    } else if (failed.length > 0) {
      body = (
        <>
          <LineList lines={failed} />
          <Paragraph>{ct('municipality.notFetched')}</Paragraph>
        </>
      );
    } else {
      body = <Paragraph>{ct('municipality.empty', { name })}</Paragraph>;
    }
  } else {
    const { matched, others } = data.agenda;
    body = (
      <>
        {matched.length > 0 ? (
          <>
            <Heading3>{ct('municipality.matched')}</Heading3>
            <ul className="aantafel-council-meetings" aria-label={ct('municipality.matched')}>
              {matched.map((entry) => (
                <MatchedMeeting key={entry.meeting.id} entry={entry} context={context} level={4} showCouncil={showCouncil} />
              ))}
            </ul>
          </>
        ) : (
          <Paragraph>{data.hasTopics ? ct('municipality.noMatches', { name }) : ct('municipality.noTopics')}</Paragraph>
        )}
        {others.length > 0 ? (
          <>
            <Heading3>{matched.length > 0 ? ct('municipality.others') : ct('municipality.all')}</Heading3>
            <ul className="aantafel-council-others" aria-label={matched.length > 0 ? ct('municipality.others') : ct('municipality.all')}>
              {others.map((entry) => (
                <OtherMeeting key={entry.meeting.id} entry={entry} context={context} showCouncil={showCouncil} />
              ))}
            </ul>
          </>
        ) : null}
      </>
    );
  }
  return (
    <>
      <Paragraph>{ct('municipality.intro', { name })}</Paragraph>
      {body}
      {toCouncil}
    </>
  );
}

/**
 * The meetings with topics of one municipality on the plan page ("In de raad van Utrecht"), below
 * its timeline. Nothing when Raad is off; a hint to follow the council when it can be followed.
 */
export function PlanCouncilMeetings({
  data,
  code,
  name,
  headingId,
}: {
  data: CouncilAgendaData;
  code: string | null;
  name: string;
  headingId: string;
}) {
  const context = useContext();
  const { ct } = context;
  const base = useCouncilBase();
  const canEdit = useCanEdit();
  const councils = data.councils.data;
  if (!councils?.enabled || !code) return null;
  const followed = data.follows.some((f) => f.municipality_code === code);
  if (!followed) {
    if (!canEdit || !councils.available.some((s) => s.municipality_code === code)) return null;
    return (
      <Paragraph className="aantafel-council-plan__hint">
        {ct('plan.notFollowed', { name })}{' '}
        <Link to={base} className="utrecht-link utrecht-link--html-a">
          {ct('municipality.follow', { name })}
        </Link>
      </Paragraph>
    );
  }
  const matched = data.agenda?.matched.filter((m) => m.meeting.municipality_code === code);
  let body;
  if (data.error || data.topicsError) body = <ErrorAlert error={data.error || data.topicsError} />;
  else if (!matched) body = <Loading />;
  else if (matched.length === 0) {
    body = <Paragraph>{data.hasTopics ? ct('municipality.noMatches', { name }) : ct('municipality.noTopics')}</Paragraph>;
  } else {
    body = (
      <>
        <Paragraph>{ct('plan.intro')}</Paragraph>
        <ul className="aantafel-council-meetings" aria-labelledby={headingId}>
          {matched.map((entry) => (
            <MatchedMeeting key={entry.meeting.id} entry={entry} context={context} level={4} showCouncil={false} />
          ))}
        </ul>
      </>
    );
  }
  return (
    <div className="aantafel-council-plan" aria-busy={(!matched && !data.error) || undefined}>
      <Heading3 id={headingId}>{ct('plan.title', { name })}</Heading3>
      {body}
    </div>
  );
}

/** The meetings with topics as one-day rows of a timeline ("Raadsvergadering: Commissie Samenleving"). */
export function councilTimelineRows(matched: readonly AgendaMeeting[], context: Pick<Context, 'ct' | 'language'>): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const entry of matched) {
    const day = meetingDayKey(entry.meeting);
    if (!day) continue;
    rows.push({
      id: `council-meeting-${entry.meeting.id}`,
      label: context.ct('timeline.row', { name: meetingTitle(entry.meeting, context.ct) }),
      from: day,
      to: day,
      details: [entry.topics.map((topic) => topicFoundText(topic, context)).join(' ')],
    });
  }
  return rows;
}
