import { POSITION_KINDS, QUADRANTS, type PeopleQuery, type PositionKind, type Quadrant } from '../../api/types';
import { idParam } from '../../components/idParam';

/** The filters of the people list, as kept in the page's URL (?q=…&organisation=…). */
export interface PeopleFilters {
  q: string;
  organisation: number | null;
  kind: PositionKind | null;
  party: string;
  domain: string;
  quadrant: Quadrant | null;
}

export const EMPTY_FILTERS: PeopleFilters = {
  q: '',
  organisation: null,
  kind: null,
  party: '',
  domain: '',
  quadrant: null,
};

/** Page size of the people list. */
export const PAGE_SIZE = 50;

/** Reads filters from the URL; unknown or malformed values are ignored, not sent to the API. */
export function filtersFromSearch(search: URLSearchParams): PeopleFilters {
  const kind = search.get('kind');
  const quadrant = search.get('quadrant');
  return {
    q: search.get('q')?.trim() ?? '',
    organisation: idParam(search.get('organisation')),
    kind: POSITION_KINDS.includes(kind as PositionKind) ? (kind as PositionKind) : null,
    party: search.get('party')?.trim() ?? '',
    domain: search.get('domain')?.trim() ?? '',
    quadrant: QUADRANTS.includes(quadrant as Quadrant) ? (quadrant as Quadrant) : null,
  };
}

/** Writes filters to URL parameters, leaving out empty ones (so the plain list has a clean URL). */
export function filtersToSearch(filters: PeopleFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q.trim()) search.set('q', filters.q.trim());
  if (filters.organisation !== null) search.set('organisation', String(filters.organisation));
  if (filters.kind) search.set('kind', filters.kind);
  if (filters.party.trim()) search.set('party', filters.party.trim());
  if (filters.domain.trim()) search.set('domain', filters.domain.trim());
  if (filters.quadrant) search.set('quadrant', filters.quadrant);
  return search;
}

/** The API query for one page of the list. */
export function filtersToQuery(
  filters: PeopleFilters,
  offset = 0,
  limit = PAGE_SIZE,
): PeopleQuery {
  const query: PeopleQuery = { limit, offset };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.organisation !== null) query.organisation_id = filters.organisation;
  if (filters.kind) query.kind = filters.kind;
  if (filters.party.trim()) query.party = filters.party.trim();
  if (filters.domain.trim()) query.domain = filters.domain.trim();
  if (filters.quadrant) query.quadrant = filters.quadrant;
  return query;
}

/** Whether any filter is set (the list then says "no one matches" instead of "no one yet"). */
export function hasFilters(filters: PeopleFilters): boolean {
  return filtersToSearch(filters).toString() !== '';
}
