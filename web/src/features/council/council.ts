/**
 * Pure helpers of Raad (no React, no fetch), tested in council.test.ts: the plain-language sync
 * state of a followed council, Open Besluitvorming's view of the council and of its publishing
 * system, meeting dates (date only when the time is not known), the agenda as a tree and the
 * votes of a motion per party.
 */
import { formatNumber, LOCALES, TIME_ZONE, type Language } from '../../i18n/i18n';
import type {
  CouncilAgendaItem,
  CouncilFollow,
  CouncilMeeting,
  CouncilSource,
  CouncilTopic,
  CouncilTopicHit,
  CouncilTopicMatch,
  CouncilVote,
  CouncilWebhook,
} from './api';
import type { CouncilKey, CouncilText } from './texts';

export interface Context {
  language: Language;
  ct: CouncilText;
  now: Date;
}

/** How a line reads at a glance; the words always say it too. */
export type Tone = 'ok' | 'busy' | 'wait' | 'problem' | 'info';

export interface Line {
  text: string;
  tone: Tone;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[language], options);
    formats.set(key, found);
  }
  return found;
}

function parse(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "YYYY-MM-DD" of `date` in `timeZone`. */
function dayKey(date: Date, timeZone: string): string {
  const parts = format('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export interface DayOptions {
  /** "dinsdag 9 december". */
  weekday?: boolean;
  /** 'always', or only when the year is not this year ('auto', the default). */
  year?: 'always' | 'auto';
  /**
   * Only the date is known (a meeting with time_known false): the API writes such a day as
   * midnight UTC, so it is read in UTC and never slips to another day.
   */
  dateOnly?: boolean;
}

/** "dinsdag 9 december" / "Tuesday 9 December" (Dutch time), with the year when asked or not this year. */
export function formatDay(language: Language, value: string | Date, now: Date, options: DayOptions = {}): string {
  const date = typeof value === 'string' ? parse(value) : value;
  if (!date) return String(value);
  const timeZone = options.dateOnly ? 'UTC' : TIME_ZONE;
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(now, TIME_ZONE).slice(0, 4);
  const withYear = options.year === 'always' || !sameYear;
  return format(language, {
    timeZone,
    day: 'numeric',
    month: 'long',
    ...(options.weekday ? { weekday: 'long' as const } : {}),
    ...(withYear ? { year: 'numeric' as const } : {}),
  }).format(date);
}

/** "14:05" in Dutch time. */
export function formatClock(language: Language, value: string | Date): string {
  const date = typeof value === 'string' ? parse(value) : value;
  if (!date) return String(value);
  return format(language, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/**
 * When a meeting is: "dinsdag 9 december, van 19:30 tot 23:00 uur", "…, om 19:30 uur", or only the
 * day when the council publishes no time (`time_known` false). `noTimeNote` adds "(de tijd is
 * niet bekend)" for the meeting page.
 */
export function meetingWhen(
  meeting: Pick<CouncilMeeting, 'starts_at' | 'ends_at' | 'time_known'>,
  { language, ct, now }: Context,
  options: { year?: 'always' | 'auto'; noTimeNote?: boolean } = {},
): string {
  const start = parse(meeting.starts_at);
  if (!start) return ct('meeting.unknown');
  const day = formatDay(language, start, now, { weekday: true, year: options.year, dateOnly: !meeting.time_known });
  if (!meeting.time_known) return ct(options.noTimeNote ? 'when.noTime' : 'when.dayOnly', { day });
  const end = parse(meeting.ends_at);
  if (end && end.getTime() > start.getTime()) {
    return ct('when.range', { day, start: formatClock(language, start), end: formatClock(language, end) });
  }
  return ct('when.atTime', { day, time: formatClock(language, start) });
}

/** Only the time of a meeting: "van 19:30 tot 23:00 uur", "om 19:30 uur"; null when not known. */
export function meetingClock(
  meeting: Pick<CouncilMeeting, 'starts_at' | 'ends_at' | 'time_known'>,
  { language, ct }: Pick<Context, 'language' | 'ct'>,
): string | null {
  const start = parse(meeting.starts_at);
  if (!start || !meeting.time_known) return null;
  const end = parse(meeting.ends_at);
  if (end && end.getTime() > start.getTime()) {
    return ct('clock.range', { start: formatClock(language, start), end: formatClock(language, end) });
  }
  return ct('clock.at', { time: formatClock(language, start) });
}

/** The YYYY-MM-DD of a meeting's day, for <time dateTime>. */
export function meetingDayKey(meeting: Pick<CouncilMeeting, 'starts_at' | 'time_known'>): string | undefined {
  const start = parse(meeting.starts_at);
  if (!start) return undefined;
  return dayKey(start, meeting.time_known ? TIME_ZONE : 'UTC');
}

/** "om 14:07" today, "op 7 december om 14:07" on another day: which key and its date and time. */
function moment(value: Date, { language, now }: Context) {
  return {
    today: dayKey(value, TIME_ZONE) === dayKey(now, TIME_ZONE),
    date: formatDay(language, value, now),
    time: formatClock(language, value),
  };
}

/** Whether the server is still busy with a council's first copy (worth looking again soon). */
export function isSyncing(follow: CouncilFollow, now: Date): boolean {
  const sync = follow.sync;
  if (!sync) return true;
  const retry = parse(sync.retry_at);
  // Waiting for minutes (a back-off, a long Retry-After): nothing changes before then.
  if (retry && retry.getTime() - now.getTime() > 2 * 60_000) return false;
  if (sync.failures > 0) return false;
  return sync.synced_at === null || sync.phase === 'snapshot';
}

/** Whether a followed council was never caught up and its last try failed (nothing to show yet). */
export function firstFetchFailed(follow: CouncilFollow): boolean {
  const sync = follow.sync;
  return sync !== null && sync.synced_at === null && sync.failures > 0;
}

/**
 * "We proberen het om 14:34 opnieuw." (today), "… op 7 december om 14:30 opnieuw." or "… zo
 * opnieuw." when the time has passed or is not known.
 */
function retryText(sync: NonNullable<CouncilFollow['sync']>, context: Context): string {
  const { ct, now } = context;
  const retry = parse(sync.retry_at);
  const later = retry && retry.getTime() > now.getTime() ? moment(retry, context) : null;
  if (!later) return ct('sync.retrySoon');
  return later.today ? ct('sync.retryToday', { time: later.time }) : ct('sync.retryLater', { date: later.date, time: later.time });
}

/**
 * A council whose first fetch failed, in one sentence: "Het eerste ophalen is niet gelukt. We
 * proberen het op 7 december om 14:30 opnieuw." (null when that is not the case).
 */
export function firstFetchLine(follow: CouncilFollow, context: Context): Line | null {
  const sync = follow.sync;
  if (!sync || !firstFetchFailed(follow)) return null;
  const { ct } = context;
  const failed = sync.failures === 1 ? ct('sync.firstFailed1') : ct('sync.firstFailedMany', { count: sync.failures });
  return { text: `${failed} ${retryText(sync, context)}`, tone: 'problem' };
}

/**
 * The state of aantafel's copy of a council, in plain words: "Bijgewerkt op 6 december om 14:05",
 * "Wordt voor het eerst opgehaald (1.250 stukken)", "Even wachten: de bron vraagt ons het om
 * 14:07 opnieuw te proberen", failures with the error (the API gives the error to owners only),
 * a first fetch that failed ("Het eerste ophalen is niet gelukt. We proberen het … opnieuw."),
 * and, for owners, lines of the feed that were skipped.
 */
export function syncLines(follow: CouncilFollow, context: Context, { owner = false } = {}): Line[] {
  const { ct, language, now } = context;
  const sync = follow.sync;
  if (!sync) return [{ text: ct('sync.notStarted'), tone: 'busy' }];
  const lines: Line[] = [];
  const records = formatNumber(language, sync.records);
  const synced = parse(sync.synced_at);
  // Nothing fetched and the last try failed: one sentence says so and when we try again.
  const first = sync.records === 0 ? firstFetchLine(follow, context) : null;
  if (first) {
    lines.push(first);
  } else if (synced) {
    const at = moment(synced, context);
    if (sync.phase === 'snapshot') {
      lines.push({ text: ct('sync.again', { records }), tone: 'busy' });
      lines.push({ text: ct('sync.lastUpdated', { date: at.date, time: at.time }), tone: 'info' });
    } else {
      lines.push({ text: ct('sync.updated', { date: at.date, time: at.time }), tone: 'ok' });
    }
  } else if (sync.failures > 0) {
    // Not busy: the first copy stopped at a failure (the line below says when it is tried again).
    lines.push({ text: ct('sync.firstUnfinished', { records }), tone: 'info' });
  } else if (sync.phase === 'snapshot') {
    lines.push({ text: sync.records > 0 ? ct('sync.first', { records }) : ct('sync.first0'), tone: 'busy' });
  } else {
    lines.push({ text: ct('sync.almost', { records }), tone: 'busy' });
  }

  const retry = parse(sync.retry_at);
  const later = retry && retry.getTime() > now.getTime() ? moment(retry, context) : null;
  if (sync.failures > 0) {
    if (!first) {
      const failed = sync.failures === 1 ? ct('sync.failed1') : ct('sync.failedMany', { count: sync.failures });
      lines.push({ text: `${failed} ${retryText(sync, context)}`, tone: 'problem' });
    }
    if (sync.error) lines.push({ text: ct('sync.error', { error: sync.error }), tone: 'problem' });
  } else if (later) {
    // A 429 is not a failure: the source asked to wait until Retry-After.
    lines.push({
      text: later.today ? ct('sync.waitToday', { time: later.time }) : ct('sync.waitLater', { date: later.date, time: later.time }),
      tone: 'wait',
    });
  }
  if (owner && sync.skipped_lines > 0) {
    lines.push({
      text: sync.skipped_lines === 1 ? ct('sync.skipped1') : ct('sync.skipped', { count: formatNumber(language, sync.skipped_lines) }),
      tone: 'info',
    });
  }
  return lines;
}

/**
 * How a webhook's deliveries go, in plain words: nothing sent yet, "De laatste melding kwam goed
 * aan op 6 december om 14:05", or a failure with the receiver's answer and when we try again
 * ("lukt al meer dan een dag niet" once it is failing), and the technical message (owners only).
 */
export function webhookLines(webhook: CouncilWebhook, context: Context): Line[] {
  const { ct, now } = context;
  const lines: Line[] = [];
  const success = parse(webhook.last_success_at);
  if (webhook.failures === 0) {
    if (success) {
      const at = moment(success, context);
      lines.push({ text: ct('webhook.delivered', { date: at.date, time: at.time }), tone: 'ok' });
    } else {
      lines.push({ text: ct('webhook.nothingYet'), tone: 'info' });
    }
    return lines;
  }
  const answer =
    webhook.last_status !== null ? ct('webhook.answered', { status: webhook.last_status }) : ct('webhook.noAnswer');
  lines.push({
    text: webhook.failing ? ct('webhook.failing', { answer }) : ct('webhook.failed', { answer }),
    tone: 'problem',
  });
  const retry = parse(webhook.retry_at);
  if (retry && retry.getTime() > now.getTime()) {
    const at = moment(retry, context);
    lines.push({
      text: at.today ? ct('webhook.retryToday', { time: at.time }) : ct('webhook.retryLater', { date: at.date, time: at.time }),
      tone: 'wait',
    });
  } else {
    lines.push({ text: ct('webhook.retrySoon'), tone: 'wait' });
  }
  if (success) {
    const at = moment(success, context);
    lines.push({ text: ct('webhook.lastDelivered', { date: at.date, time: at.time }), tone: 'info' });
  }
  if (webhook.last_error) lines.push({ text: ct('sync.error', { error: webhook.last_error }), tone: 'problem' });
  return lines;
}

/** The names the publishing systems use for themselves ("iBabs", not "ibabs"). */
const SUPPLIERS: Record<string, string> = {
  notubiz: 'Notubiz',
  ibabs: 'iBabs',
  gemeenteoplossingen: 'GemeenteOplossingen',
  go: 'GO',
  parlaeus: 'Parlaeus',
  allmanak: 'Allmanak',
};

export function supplierLabel(supplier: string): string {
  const known = SUPPLIERS[supplier.toLowerCase()];
  if (known) return known;
  return supplier ? supplier.charAt(0).toUpperCase() + supplier.slice(1) : '';
}

const SOURCE_STATE: Record<string, CouncilKey> = {
  ok: 'obs.ok',
  stale: 'obs.stale',
  failing: 'obs.failing',
  never_imported: 'obs.neverImported',
  not_implemented: 'obs.notImplemented',
};

const SUPPLIER_STATE: Record<string, CouncilKey> = {
  degraded: 'supplier.degraded',
  down: 'supplier.down',
  idle: 'supplier.idle',
};

/**
 * Open Besluitvorming's own view: of the council (`state`) and of its publishing system
 * (`supplier_state`), a discontinued council with its successor.
 */
export function sourceLines(source: CouncilSource, context: Context): Line[] {
  const { ct, language, now } = context;
  const lines: Line[] = [];
  if (source.state === 'discontinued' || source.discontinued_on) {
    lines.push({
      text: source.discontinued_on
        ? ct('obs.discontinued', { date: formatDay(language, source.discontinued_on, now, { year: 'always', dateOnly: true }) })
        : ct('obs.discontinuedNoDate'),
      tone: 'info',
    });
    if (source.successor?.label) lines.push({ text: ct('obs.successor', { name: source.successor.label }), tone: 'info' });
    lines.push({ text: ct('obs.history'), tone: 'info' });
    return lines;
  }
  const key = SOURCE_STATE[source.state];
  const tone: Tone = source.state === 'ok' ? 'ok' : 'wait';
  lines.push({ text: key ? ct(key) : ct('obs.other', { state: source.state }), tone });
  if ((source.state === 'stale' || source.state === 'failing') && source.last_success_at) {
    const at = parse(source.last_success_at);
    if (at) lines.push({ text: ct('obs.lastSuccess', { date: formatDay(language, at, now) }), tone: 'info' });
  }
  const supplierKey = SUPPLIER_STATE[source.supplier_state];
  const name = supplierLabel(source.supplier);
  if (supplierKey && name) lines.push({ text: ct(supplierKey, { name }), tone: 'wait' });
  return lines;
}

export interface AgendaNode {
  item: CouncilAgendaItem;
  children: AgendaNode[];
}

/**
 * The flat agenda of the API (each item with its depth, in order) as a tree: an item belongs to
 * the nearest item before it with a smaller depth. A depth that jumps (0 → 2) still nests one level.
 */
export function agendaTree(items: readonly CouncilAgendaItem[]): AgendaNode[] {
  const roots: AgendaNode[] = [];
  const stack: { depth: number; node: AgendaNode }[] = [];
  for (const item of items) {
    const node: AgendaNode = { item, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= item.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.children.push(node);
    else roots.push(node);
    stack.push({ depth: item.depth, node });
  }
  return roots;
}

export type PartyStand = 'for' | 'against' | 'split';

export interface PartyVotes {
  /** The party's name; '' for votes without a party. */
  party: string;
  for: number;
  against: number;
  stand: PartyStand;
  votersFor: string[];
  votersAgainst: string[];
}

/**
 * The votes of a motion per party: how many voted for and against, and how the party voted as a
 * whole (for, against or split). Parties by name; votes without a party last.
 */
export function votesByParty(votes: readonly CouncilVote[], language: Language = 'nl'): PartyVotes[] {
  const parties = new Map<string, PartyVotes>();
  for (const vote of votes) {
    const party = vote.party.trim();
    let entry = parties.get(party);
    if (!entry) {
      entry = { party, for: 0, against: 0, stand: 'for', votersFor: [], votersAgainst: [] };
      parties.set(party, entry);
    }
    if (vote.option === 'voor') {
      entry.for += 1;
      entry.votersFor.push(vote.voter);
    } else {
      entry.against += 1;
      entry.votersAgainst.push(vote.voter);
    }
  }
  const collator = new Intl.Collator(LOCALES[language]);
  return [...parties.values()]
    .map((p) => ({ ...p, stand: (p.against === 0 ? 'for' : p.for === 0 ? 'against' : 'split') as PartyStand }))
    .sort((a, b) => (a.party === '' ? 1 : b.party === '' ? -1 : collator.compare(a.party, b.party)));
}

/** The text key of a motion's result (aangenomen, verworpen, …; unknown words → "overig"). */
export function resultKey(result: string | null): CouncilKey {
  switch (result) {
    case 'aangenomen':
      return 'motion.result.aangenomen';
    case 'verworpen':
      return 'motion.result.verworpen';
    case 'ingetrokken':
      return 'motion.result.ingetrokken';
    case 'aangehouden':
      return 'motion.result.aangehouden';
    case null:
    case '':
      return 'motion.result.unknown';
    default:
      return 'motion.result.overig';
  }
}

/** A link to the source only when it is a web address (never javascript: or data:). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A key that changes when a followed council's copy changes (to load its meetings again). */
export function syncVersion(follows: readonly CouncilFollow[]): string {
  return follows.map((f) => `${f.source_key}:${f.sync?.records ?? '-'}:${f.sync?.synced_at ?? '-'}`).join('|');
}

/**
 * The terms or exclusions typed in a box: one per line (a comma or semicolon also separates),
 * trimmed, without empty ones and without repeats (ignoring case).
 */
export function splitTerms(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[\n,;]/)) {
    const term = part.trim().replace(/\s+/g, ' ');
    const key = term.toLocaleLowerCase('nl');
    if (!term || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/** A list of terms back in the box: one per line. */
export function joinTerms(terms: readonly string[]): string {
  return terms.join('\n');
}

export interface TopicFieldErrors {
  name?: string;
  terms?: string;
  exclusions?: string;
}

/**
 * The server's words for a value that is in use (FieldIssue kTaken in src/http/errors.cpp, Dutch
 * and English). For a topic's name the form says it in its own words instead: another topic has
 * that name, whatever its capitals (the server compares names case-insensitively).
 */
const TAKEN_MESSAGES = new Set(['Deze waarde is al in gebruik.', 'This value is already in use.']);

/**
 * The 422 field errors of the server for the topic form: "name" (a name in use: "Er is al een
 * onderwerp met deze naam…"), and "terms" / "terms[2]" (a term's own problem, said with the term:
 * "“x”: Dit is te kort."). `rest` is true when a field is not one of the form's (then the general
 * message is shown too).
 */
export function topicFieldErrors(
  fields: Readonly<Record<string, string>>,
  sent: { terms: readonly string[]; exclusions: readonly string[] },
  ct: CouncilText,
): { errors: TopicFieldErrors; rest: boolean } {
  const errors: TopicFieldErrors = {};
  let rest = false;
  for (const [name, message] of Object.entries(fields)) {
    const found = /^(name|terms|exclusions)(?:\[(\d+)\]|\.(\d+))?$/.exec(name);
    if (!found) {
      rest = true;
      continue;
    }
    const field = found[1] as keyof TopicFieldErrors;
    const index = found[2] ?? found[3];
    const list = field === 'terms' ? sent.terms : field === 'exclusions' ? sent.exclusions : [];
    const term = index !== undefined ? list[Number(index)] : undefined;
    const text =
      term !== undefined
        ? ct('topics.termError', { term, message })
        : field === 'name' && TAKEN_MESSAGES.has(message.trim())
          ? ct('topics.nameTaken')
          : message;
    errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
  }
  return { errors, rest };
}

export interface MeetingTopics {
  meeting: CouncilMeeting;
  topics: { id: number; name: string; hits: CouncilTopicHit[] }[];
}

/** The matches of the API (one per meeting and topic, by meeting start) grouped per meeting. */
export function matchesByMeeting(items: readonly CouncilTopicMatch[]): MeetingTopics[] {
  const out: MeetingTopics[] = [];
  const byId = new Map<number, MeetingTopics>();
  for (const match of items) {
    let entry = byId.get(match.meeting.id);
    if (!entry) {
      entry = { meeting: match.meeting, topics: [] };
      byId.set(match.meeting.id, entry);
      out.push(entry);
    }
    entry.topics.push({ id: match.topic_id, name: match.topic_name, hits: match.hits });
  }
  return out;
}

/** "Agendapunt", "Stuk" or "Motie": where a topic was found. */
export function hitKindKey(kind: CouncilTopicHit['kind']): CouncilKey {
  return kind === 'agenda_item' ? 'matches.agendaItem' : kind === 'document' ? 'matches.document' : 'matches.motion';
}

/** A key that changes when the topics change (to look for matches again). */
export function topicsVersion(topics: readonly CouncilTopic[]): string {
  return topics.map((t) => `${t.id}:${t.name}:${t.terms.join(',')}:${t.exclusions.join(',')}`).join('|');
}

/** The names of the topics found in an agenda item's title (for the meeting page). */
export function agendaTopics(items: readonly CouncilTopicMatch[], meetingId: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const match of items) {
    if (match.meeting.id !== meetingId) continue;
    for (const hit of match.hits) {
      if (hit.kind !== 'agenda_item') continue;
      const names = out.get(hit.title) ?? [];
      if (!names.includes(match.topic_name)) names.push(match.topic_name);
      out.set(hit.title, names);
    }
  }
  return out;
}

/** Where a topic was found in one meeting, counted by kind, with the agenda items' titles. */
export interface TopicFound {
  id: number;
  name: string;
  agendaItems: string[];
  documents: number;
  motions: number;
}

/** One meeting of a municipality's council with the workspace's topics found in it (maybe none). */
export interface AgendaMeeting {
  meeting: CouncilMeeting;
  topics: TopicFound[];
}

function topicFound(topic: MeetingTopics['topics'][number]): TopicFound {
  const agendaItems: string[] = [];
  let documents = 0;
  let motions = 0;
  for (const hit of topic.hits) {
    if (hit.kind === 'agenda_item') {
      if (!agendaItems.includes(hit.title)) agendaItems.push(hit.title);
    } else if (hit.kind === 'document') documents += 1;
    else motions += 1;
  }
  return { id: topic.id, name: topic.name, agendaItems, documents, motions };
}

function startTime(meeting: CouncilMeeting): number {
  return parse(meeting.starts_at)?.getTime() ?? 0;
}

/** The matches of the API as meetings with the topics found in them, by start. */
export function matchedMeetings(matches: readonly CouncilTopicMatch[]): AgendaMeeting[] {
  return matchesByMeeting(matches)
    .map(({ meeting, topics }) => ({ meeting, topics: topics.map(topicFound) }))
    .sort((a, b) => startTime(a.meeting) - startTime(b.meeting));
}

/**
 * The upcoming meetings of the councils followed for one municipality (`code`, CBS), split in
 * those where a topic of the workspace comes up and the others, each by start. A meeting of
 * another municipality is left out (the list of the page before may still be on screen).
 */
export function councilAgenda(
  meetings: readonly CouncilMeeting[],
  matches: readonly CouncilTopicMatch[],
  code: string,
): { matched: AgendaMeeting[]; others: AgendaMeeting[] } {
  const matched = matchedMeetings(matches.filter((m) => m.meeting.municipality_code === code));
  const seen = new Set(matched.map((m) => m.meeting.id));
  const others = meetings
    .filter((m) => m.municipality_code === code && !seen.has(m.id))
    .map((meeting) => ({ meeting, topics: [] }))
    .sort((a, b) => startTime(a.meeting) - startTime(b.meeting));
  return { matched, others };
}

/** "1 agendapunt, 2 stukken en 1 motie": where a topic was found, in words. */
export function foundCounts(found: TopicFound, { ct, language }: Pick<Context, 'ct' | 'language'>): string {
  const parts: string[] = [];
  const items = found.agendaItems.length;
  if (items > 0) parts.push(items === 1 ? ct('found.agendaItem1') : ct('found.agendaItems', { count: items }));
  if (found.documents > 0) {
    parts.push(found.documents === 1 ? ct('found.document1') : ct('found.documents', { count: found.documents }));
  }
  if (found.motions > 0) parts.push(found.motions === 1 ? ct('found.motion1') : ct('found.motions', { count: found.motions }));
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(parts);
}

/** "Jullie onderwerp Beschermd wonen: 1 agendapunt en 1 motie". */
export function topicFoundText(found: TopicFound, context: Pick<Context, 'ct' | 'language'>): string {
  return `${context.ct('found.topic', { name: found.name })}: ${foundCounts(found, context)}`;
}
