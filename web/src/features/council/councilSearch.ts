/**
 * Pure helpers of "Zoeken in de raad" (CouncilSearch.tsx): the search as kept in the Raad page's
 * URL (?q=…&council=…&kind=…&from=…&to=…), the request for one page, where a hit leads and the
 * server's 422 per field of the form.
 */
import type { CouncilSearchHit, CouncilSearchKind, CouncilSearchQuery } from './api';
import type { CouncilKey, CouncilText } from './texts';

/** The kinds of records, in the order of the filter. */
export const SEARCH_KINDS: readonly CouncilSearchKind[] = ['meeting', 'agenda_item', 'document', 'motion'];

/** Hits per page ("Meer resultaten" loads the next). */
export const SEARCH_PAGE_SIZE = 20;

/** The furthest `offset` the server accepts. */
export const SEARCH_FURTHEST_OFFSET = 1000;

/** The search in the URL; '' is "not set" (all councils, all kinds, no period). */
export interface CouncilSearchParams {
  q: string;
  /** A followed council's source_key. */
  council: string;
  kind: CouncilSearchKind | '';
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
}

export const EMPTY_SEARCH: CouncilSearchParams = { q: '', council: '', kind: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The words as the server reads them: trimmed, and curly quotes (a phone's keyboard types “…” or
 * „…”) as the straight ones that keep words together.
 */
export function cleanQuery(q: string): string {
  return q.replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB]/g, '"').trim();
}

/**
 * Reads the search from the URL. A council that is not followed, an unknown kind and a date that
 * is not YYYY-MM-DD are left out (the form could not show them), not sent to the server.
 */
export function searchFromUrl(search: URLSearchParams, followed: readonly string[]): CouncilSearchParams {
  const council = search.get('council') ?? '';
  const kind = search.get('kind') ?? '';
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  return {
    q: cleanQuery(search.get('q') ?? ''),
    council: followed.includes(council) ? council : '',
    kind: SEARCH_KINDS.includes(kind as CouncilSearchKind) ? (kind as CouncilSearchKind) : '',
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
  };
}

/** The search as URL parameters, empty ones left out (so the plain Raad page keeps a clean URL). */
export function searchToUrl(params: CouncilSearchParams): URLSearchParams {
  const search = new URLSearchParams();
  const q = cleanQuery(params.q);
  if (q) search.set('q', q);
  if (params.council) search.set('council', params.council);
  if (params.kind) search.set('kind', params.kind);
  if (params.from) search.set('from', params.from);
  if (params.to) search.set('to', params.to);
  return search;
}

/** Whether a filter narrows the search (the tip for "nothing found" then names them). */
export function hasFilters(params: CouncilSearchParams): boolean {
  return Boolean(params.council || params.kind || params.from || params.to);
}

/** The request for the page of hits that starts at `offset`. */
export function searchRequest(params: CouncilSearchParams, offset = 0, limit = SEARCH_PAGE_SIZE): CouncilSearchQuery {
  const query: CouncilSearchQuery = { q: cleanQuery(params.q), limit, offset };
  if (params.council) query.source_key = params.council;
  if (params.kind) query.kind = params.kind;
  if (params.from) query.from = params.from;
  if (params.to) query.to = params.to;
  return query;
}

/** One key per hit (an agenda item carries its meeting's id, so its place too). */
export function hitKey(hit: Pick<CouncilSearchHit, 'kind' | 'id' | 'position'>): string {
  return `${hit.kind}:${hit.id}:${hit.position ?? ''}`;
}

/** "Vergadering", "Agendapunt", "Stuk" or "Motie". */
export function hitKindKey(kind: CouncilSearchKind): CouncilKey {
  switch (kind) {
    case 'meeting':
      return 'search.hit.meeting';
    case 'agenda_item':
      return 'search.hit.agenda_item';
    case 'document':
      return 'search.hit.document';
    default:
      return 'search.hit.motion';
  }
}

/** The filter's name of a kind: "Vergaderingen", "Agendapunten", "Stukken", "Moties". */
export function kindOptionKey(kind: CouncilSearchKind): CouncilKey {
  switch (kind) {
    case 'meeting':
      return 'search.kind.meeting';
    case 'agenda_item':
      return 'search.kind.agenda_item';
    case 'document':
      return 'search.kind.document';
    default:
      return 'search.kind.motion';
  }
}

/** The id of an agenda item on its meeting's page (its place in the agenda, as the server counts). */
export function agendaItemAnchor(position: number): string {
  return `agenda-item-${position}`;
}

/** The id of a motion's heading on its meeting's page. */
export function motionAnchor(id: number): string {
  return `motion-${id}`;
}

/** The id of a document in the list of documents on its meeting's page. */
export function documentAnchor(id: number): string {
  return `document-${id}`;
}

/**
 * Where on the meeting's page a hit is: "#agenda-item-2", "#motion-12", "#document-7"; '' for a
 * meeting (the page's top).
 */
export function hitAnchor(hit: Pick<CouncilSearchHit, 'kind' | 'id' | 'position'>): string {
  switch (hit.kind) {
    case 'agenda_item':
      return hit.position !== null && hit.position >= 0 ? `#${agendaItemAnchor(hit.position)}` : '';
    case 'motion':
      return `#${motionAnchor(hit.id)}`;
    case 'document':
      return `#${documentAnchor(hit.id)}`;
    default:
      return '';
  }
}

/** The meeting page a hit opens (at the hit), or null when the meeting is not stored. */
export function hitMeetingPath(hit: Pick<CouncilSearchHit, 'kind' | 'id' | 'position' | 'meeting_id'>, base: string): string | null {
  if (hit.meeting_id === null) return null;
  return `${base}/meetings/${hit.meeting_id}${hitAnchor(hit)}`;
}

/** The fields of the search form. */
export type SearchField = 'q' | 'council' | 'kind' | 'from' | 'to';

/** The form's field for a field the server names ("source_key" is the council). */
const FIELD_OF: Record<string, SearchField> = { q: 'q', source_key: 'council', kind: 'kind', from: 'from', to: 'to' };

/** The order in which the form shows its fields (the first with a problem takes focus). */
export const SEARCH_FIELDS: readonly SearchField[] = ['q', 'council', 'kind', 'from', 'to'];

/**
 * The server's 422 per field of the form; `rest` when it names another field (limit, offset):
 * then the general message is shown too.
 */
export function searchFieldErrors(fields: Readonly<Record<string, string>>): {
  errors: Partial<Record<SearchField, string>>;
  rest: boolean;
} {
  const errors: Partial<Record<SearchField, string>> = {};
  let rest = false;
  for (const [name, message] of Object.entries(fields)) {
    const field = FIELD_OF[name];
    if (!field) {
      rest = true;
      continue;
    }
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  return { errors, rest };
}

/** "20 resultaten voor ‘wachtlijsten’", "1 resultaat …", "Meer dan 20 resultaten …". */
export function countText(count: number, hasMore: boolean, q: string, ct: CouncilText): string {
  if (hasMore) return ct('search.countMore', { count, q });
  if (count === 1) return ct('search.count1', { q });
  return ct('search.count', { count, q });
}
