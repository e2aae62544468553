/**
 * Pure logic of Cliëntfeedback: the NPS in plain words, the group-size rule, merging the live feed and
 * the callback list, the survey form and the response filters. No React, no network.
 */
import type {
  Callback,
  CallbackFilter,
  CallbackStatus,
  FeedbackChannel,
  FeedbackResponse,
  Law,
  NpsCategory,
  NpsGroup,
  NpsGroupBy,
  Survey,
  SurveyCreate,
} from '../../api/types';
import { LAWS, NPS_CATEGORIES } from '../../api/types';
import type { MessageKey, MessageVars } from '../../i18n/i18n';
import { npsShares, signed } from '../overview/overview';

/** A text to translate: key and values. */
export interface Text {
  key: MessageKey;
  vars?: MessageVars;
}

/** The groupings the dashboard offers, in menu order. */
export const GROUP_BY_OPTIONS: readonly NpsGroupBy[] = ['team', 'service', 'municipality', 'law', 'channel', 'month', 'week'];

export function parseGroupBy(value: string | null): NpsGroupBy {
  return GROUP_BY_OPTIONS.find((option) => option === value) ?? 'team';
}

/** Whether the grouping is over time (then the chart is a trend line with its interval). */
export function isTimeGrouping(groupBy: NpsGroupBy): boolean {
  return groupBy === 'month' || groupBy === 'week';
}

/** Rounds an NPS or interval bound to a whole number ("-0" becomes 0). */
export function roundScore(value: number): number {
  const rounded = Math.round(value);
  return rounded === 0 ? 0 : rounded;
}

/**
 * The NPS in plain words, for a reader who has never heard of it (B1):
 * 1. "NPS +23";
 * 2. what it is made of: "Van elke 100 cliënten raden ongeveer 48 jullie aan … ongeveer 25 zijn
 *    kritisch … De NPS is het eerste getal min het tweede.";
 * 3. how sure it is: "Gebaseerd op 84 antwoorden. … waarschijnlijk tussen +5 en +40. …".
 * Only "nog geen antwoorden" when n = 0. `format` writes whole numbers in the UI language.
 */
export function npsSentences(
  group: Pick<NpsGroup, 'n' | 'nps' | 'ci_low' | 'ci_high' | 'promoters' | 'detractors'>,
  format: (value: number) => string,
): Text[] {
  if (group.n === 0 || group.nps === null) return [{ key: 'feedback.nps.none' }];
  const score: Text = { key: 'feedback.nps.score', vars: { nps: signed(group.nps) } };
  const shares = npsShares({ n: group.n, promoters: group.promoters, detractors: group.detractors, nps: group.nps });
  const plain: Text = {
    key: 'feedback.nps.plain',
    vars: { promoters: format(shares.promoters), detractors: format(shares.detractors) },
  };
  const certainty: Text =
    group.ci_low === null || group.ci_high === null
      ? group.n === 1
        ? { key: 'feedback.nps.basedOn1' }
        : { key: 'feedback.nps.basedOn', vars: { n: format(group.n) } }
      : {
          key: 'feedback.nps.certainty',
          vars: { n: format(group.n), low: signed(group.ci_low), high: signed(group.ci_high) },
        };
  return [score, plain, certainty];
}

/**
 * The group-size rule: a group with fewer answers than `minN` cannot be compared; the API marks it
 * `enough: false`. Returns the reason to show, or null when the group can be compared.
 */
export function groupShortfall(group: Pick<NpsGroup, 'n' | 'enough'>, minN: number): Text | null {
  if (group.enough && group.n >= minN) return null;
  return { key: 'feedback.nps.tooFew', vars: { min: minN } };
}

/** The category of a 0–10 score: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export function categoryOf(score: number): NpsCategory {
  if (score <= 6) return 'detractor';
  if (score <= 8) return 'passive';
  return 'promoter';
}

export function categoryLabel(category: NpsCategory): MessageKey {
  return `feedback.category.${category}` as MessageKey;
}

export function lawLabel(law: Law): MessageKey {
  return `feedback.law.${law}` as MessageKey;
}

export function channelLabel(channel: FeedbackChannel): MessageKey {
  return `feedback.channel.${channel}` as MessageKey;
}

export function callbackStatusLabel(status: CallbackStatus): MessageKey {
  return `feedback.callbacks.status.${status}` as MessageKey;
}

const CHANNELS: readonly FeedbackChannel[] = ['link', 'qr', 'sms', 'email', 'tablet'];

/**
 * The label of a group row: laws and channels in the UI language (the API's label is the code),
 * empty team/service/municipality as "(niet ingevuld)", everything else as the API gives it.
 */
export function groupLabel(groupBy: NpsGroupBy, group: Pick<NpsGroup, 'key' | 'label'>): Text | string {
  if (groupBy === 'law') {
    const law = LAWS.find((l) => l === group.key);
    if (law) return { key: lawLabel(law) };
  }
  if (groupBy === 'channel') {
    const channel = CHANNELS.find((c) => c === group.key);
    if (channel) return { key: channelLabel(channel) };
  }
  const label = group.label.trim() || group.key.trim();
  return label === '' ? { key: 'feedback.nps.notFilledIn' } : label;
}

/** A response that needs attention: a detractor (0–6) or a request to be called. */
export function needsAttention(response: Pick<FeedbackResponse, 'category' | 'callback'>): boolean {
  return response.category === 'detractor' || response.callback;
}

/** How many responses the live feed keeps. */
export const FEED_LIMIT = 50;

/**
 * Merges responses into the feed: newest first, each id once (a newer copy wins), at most
 * `limit`. Used for the first load, for each `response` event and for a refetch after reconnecting.
 */
export function mergeFeed(
  current: readonly FeedbackResponse[],
  incoming: readonly FeedbackResponse[],
  limit = FEED_LIMIT,
): FeedbackResponse[] {
  const byId = new Map<number, FeedbackResponse>();
  for (const response of current) byId.set(response.id, response);
  for (const response of incoming) byId.set(response.id, response);
  return [...byId.values()]
    .sort((a, b) => Date.parse(b.received_at) - Date.parse(a.received_at) || b.id - a.id)
    .slice(0, limit);
}

export function isActiveCallback(callback: Pick<Callback, 'status'>): boolean {
  return callback.status === 'open' || callback.status === 'called';
}

/** The outcomes that close a callback: Bereikt, Niet bereikt, Niet meer nodig. */
export const CLOSED_CALLBACK_STATUSES = ['done', 'unreachable', 'not_needed'] as const satisfies readonly CallbackStatus[];

/**
 * Which callbacks the list shows: the active ones (open or called, the default), all closed ones,
 * or the closed ones with one outcome. In the URL as ?callbacks=….
 */
export const CALLBACK_VIEWS = ['active', 'closed', ...CLOSED_CALLBACK_STATUSES] as const;
export type CallbackView = (typeof CALLBACK_VIEWS)[number];

export function parseCallbackView(value: string | null): CallbackView {
  return CALLBACK_VIEWS.find((view) => view === value) ?? 'active';
}

export function isClosedCallback(callback: Pick<Callback, 'status'>): boolean {
  return (CLOSED_CALLBACK_STATUSES as readonly CallbackStatus[]).includes(callback.status);
}

/** Whether a callback belongs in a view. */
export function inCallbackView(callback: Pick<Callback, 'status'>, view: CallbackView): boolean {
  if (view === 'active') return isActiveCallback(callback);
  if (view === 'closed') return isClosedCallback(callback);
  return callback.status === view;
}

/**
 * The ?status= values a view asks the API for (GET …/feedback/callbacks knows each status and
 * "active"; "all closed" is its three outcomes together).
 */
export function callbackFilters(view: CallbackView): CallbackFilter[] {
  return view === 'closed' ? [...CLOSED_CALLBACK_STATUSES] : [view];
}

/** Active callbacks due first (as the API sorts); closed ones the most recently changed first. */
export function sortCallbacks(callbacks: readonly Callback[], view: CallbackView): Callback[] {
  return [...callbacks].sort((a, b) =>
    view === 'active'
      ? Date.parse(a.due_at) - Date.parse(b.due_at) || a.id - b.id
      : Date.parse(b.updated_at) - Date.parse(a.updated_at) || b.id - a.id,
  );
}

/**
 * Puts a created or changed callback in the list of a view: replaced by id, removed when it no
 * longer belongs there (closed in the active list, reopened in a closed one), in the view's order.
 */
export function mergeCallback(current: readonly Callback[], callback: Callback, view: CallbackView = 'active'): Callback[] {
  const others = current.filter((c) => c.id !== callback.id);
  return sortCallbacks(inCallbackView(callback, view) ? [...others, callback] : others, view);
}

/** What the live region says for a new response; null when it should stay quiet. */
export function feedAnnouncement(response: FeedbackResponse): Text | null {
  if (response.callback) {
    return { key: 'feedback.live.announceCallback', vars: { score: response.score, survey: response.survey_name } };
  }
  if (response.category === 'detractor') {
    return { key: 'feedback.live.announceDetractor', vars: { score: response.score, survey: response.survey_name } };
  }
  return { key: 'feedback.live.announce', vars: { score: response.score, survey: response.survey_name } };
}

/** Parses one Server-Sent Event's data; null when it is not the JSON object we expect. */
export function parseEventData<T extends { id: number }>(data: string): T | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number') {
      return value as T;
    }
  } catch {
    // ignore: a malformed event is skipped
  }
  return null;
}

/** The day `days` before an ISO date (YYYY-MM-DD). */
export function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The last 30 days up to and including `today`: from = today − 29. */
export function last30Days(today: string): { from: string; to: string } {
  return { from: daysBefore(today, 29), to: today };
}

/** The public link as an absolute URL (the API gives a path unless server.public_url is set). */
export function absoluteUrl(url: string, origin: string): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
}

// ── Survey form ─────────────────────────────────────────────────────────────────────────────

export interface SurveyForm {
  name: string;
  team: string;
  service: string;
  municipality_code: string;
  law: Law;
  domain: string;
}

export function emptySurveyForm(): SurveyForm {
  return { name: '', team: '', service: '', municipality_code: '', law: 'none', domain: '' };
}

export function surveyToForm(survey: Survey): SurveyForm {
  return {
    name: survey.name,
    team: survey.team,
    service: survey.service,
    municipality_code: survey.municipality_code ?? '',
    law: survey.law,
    domain: survey.domain,
  };
}

export type SurveyFormErrors = Partial<Record<keyof SurveyForm, MessageKey>>;

/** Checks the form as the API does; returns messages by field (empty when fine). */
export function checkSurveyForm(form: SurveyForm): SurveyFormErrors {
  const errors: SurveyFormErrors = {};
  if (form.name.trim() === '') errors.name = 'feedback.surveys.error.name';
  else if (form.name.trim().length > 200) errors.name = 'feedback.surveys.error.tooLong';
  const code = form.municipality_code.trim().toUpperCase();
  if (code !== '' && !/^GM[0-9]{4}$/.test(code)) errors.municipality_code = 'feedback.surveys.error.municipality';
  if (form.team.trim().length > 200) errors.team = 'feedback.surveys.error.tooLong';
  if (form.service.trim().length > 200) errors.service = 'feedback.surveys.error.tooLong';
  if (form.domain.trim().length > 100) errors.domain = 'feedback.surveys.error.tooLong';
  return errors;
}

/** The request body for POST (and PATCH) …/surveys; an empty municipality code becomes null. */
export function surveyRequestBody(form: SurveyForm): SurveyCreate {
  const code = form.municipality_code.trim().toUpperCase();
  return {
    name: form.name.trim(),
    team: form.team.trim(),
    service: form.service.trim(),
    municipality_code: code === '' ? null : code,
    law: form.law,
    domain: form.domain.trim(),
  };
}

// ── Response filters ────────────────────────────────────────────────────────────────────────

export interface ResponseFilters {
  survey_id?: number;
  category?: NpsCategory;
  from?: string;
  to?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from the URL's query; ignores values the API would refuse. */
export function parseResponseFilters(params: URLSearchParams): ResponseFilters {
  const filters: ResponseFilters = {};
  const survey = Number(params.get('survey'));
  if (Number.isInteger(survey) && survey > 0) filters.survey_id = survey;
  const category = NPS_CATEGORIES.find((c) => c === params.get('category'));
  if (category) filters.category = category;
  const from = params.get('from') ?? '';
  if (ISO_DAY.test(from)) filters.from = from;
  const to = params.get('to') ?? '';
  if (ISO_DAY.test(to)) filters.to = to;
  return filters;
}

/** The page size of the responses list. */
export const RESPONSES_PAGE = 25;

export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
