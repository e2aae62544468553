import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersFromSearch, filtersToQuery, filtersToSearch, hasFilters } from './filters';

describe('people filters', () => {
  it('read known values from the URL and ignore malformed ones', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('q=%20Jan%20&organisation=12&kind=alderman&party=GroenLinks&domain=Wmo&quadrant=monitor'),
    );
    expect(filters).toEqual({
      q: 'Jan',
      organisation: 12,
      kind: 'alderman',
      party: 'GroenLinks',
      domain: 'Wmo',
      quadrant: 'monitor',
    });
    expect(
      filtersFromSearch(new URLSearchParams('organisation=0&kind=king&quadrant=top&organisation=abc')),
    ).toEqual(EMPTY_FILTERS);
    expect(filtersFromSearch(new URLSearchParams('organisation=-3')).organisation).toBeNull();
  });

  it('write only the filters that are set, so a plain list has a clean URL', () => {
    expect(filtersToSearch(EMPTY_FILTERS).toString()).toBe('');
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    const search = filtersToSearch({ ...EMPTY_FILTERS, kind: 'council_member', party: ' D66 ' });
    expect(search.toString()).toBe('kind=council_member&party=D66');
    expect(hasFilters({ ...EMPTY_FILTERS, q: '  ' })).toBe(false);
  });

  it('survive a round trip through the URL', () => {
    const filters = {
      q: 'de Vries',
      organisation: 7,
      kind: 'policy_adviser' as const,
      party: '',
      domain: 'Jeugd & Wmo',
      quadrant: 'keep_informed' as const,
    };
    expect(filtersFromSearch(new URLSearchParams(filtersToSearch(filters).toString()))).toEqual(filters);
  });

  it('become the API query with paging', () => {
    expect(filtersToQuery(EMPTY_FILTERS)).toEqual({ limit: 50, offset: 0 });
    expect(
      filtersToQuery({ ...EMPTY_FILTERS, organisation: 3, quadrant: 'manage_closely', q: ' An ' }, 100, 25),
    ).toEqual({ q: 'An', organisation_id: 3, quadrant: 'manage_closely', limit: 25, offset: 100 });
  });
});

describe('the area menu', () => {
  it('counts a person page and the new-person form as "people", a municipality as "organisations"', async () => {
    const { whoIsWhoSection } = await import('./common');
    const base = '/w/demo/people';
    expect(whoIsWhoSection('/w/demo/people', base)).toBe('people');
    expect(whoIsWhoSection('/w/demo/people/', base)).toBe('people');
    expect(whoIsWhoSection('/w/demo/people/12', base)).toBe('people');
    expect(whoIsWhoSection('/w/demo/people/new', base)).toBe('people');
    expect(whoIsWhoSection('/w/demo/people/organisations', base)).toBe('organisations');
    expect(whoIsWhoSection('/w/demo/people/organisations/4', base)).toBe('organisations');
    expect(whoIsWhoSection('/w/demo/people/import', base)).toBe('import');
    expect(whoIsWhoSection('/w/demo/peoplex', base)).toBeNull();
  });
});
