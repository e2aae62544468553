import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PersonSummary } from '../../api/types';
import { answer, type Schema } from '../../test/answer';
import { PeopleListPage, SEARCH_DELAY } from './PeopleListPage';
import { mockFetch, renderInWorkspace } from './testing';

afterEach(() => vi.unstubAllGlobals());

const utrecht = { id: 4, kind: 'municipality', name: 'Utrecht', municipality_code: 'GM0344' } satisfies Schema<'Organisation'>;

function summary(id: number, name: string, fictional = false): PersonSummary {
  return {
    id,
    name,
    fictional,
    current_positions: [
      {
        id: id * 10,
        person_id: id,
        organisation_id: 4,
        kind: 'alderman',
        title: '',
        party: 'GroenLinks',
        portfolios: ['Wmo', 'Jeugd'],
        domains: [],
        committees: [],
        started_on: '2022-06-01',
        ended_on: null,
        current: true,
      },
    ],
    latest_assessment: null,
    quadrant: id % 2 ? 'manage_closely' : null,
  };
}

describe('PeopleListPage', () => {
  it('shows people with positions, quadrant and a fictional badge', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [utrecht] }),
      'GET /api/v1/workspaces/demo/people': () =>
        answer('listPeople', 200, { items: [summary(1, 'Anna Jansen', true), summary(2, 'Bas Bakker')], has_more: false }),
    });
    renderInWorkspace(<PeopleListPage />, { route: '/w/demo/people', path: '/w/:slug/people' });
    const table = await screen.findByRole('table', { name: 'Personen in Demo Zorg' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Anna Jansen fictief');
    expect(within(rows[1]!).getByRole('link', { name: 'Anna Jansen' })).toHaveAttribute('href', '/w/demo/people/1');
    expect(rows[1]).toHaveTextContent('Wethouder bij Utrecht · GroenLinks · portefeuilles: Wmo, Jeugd');
    expect(rows[1]).toHaveTextContent('Nauw betrekken');
    expect(rows[2]).toHaveTextContent('Nog geen inschatting');
    expect(within(rows[2]!).queryByText('fictief')).toBeNull();
    expect(await screen.findByText('2 personen gevonden.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Persoon toevoegen' })).toHaveAttribute('href', '/w/demo/people/new');
  });

  it('puts filters in the URL and in the API query; typing waits for a pause', async () => {
    const user = userEvent.setup();
    const queries: string[] = [];
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [utrecht] }),
      'GET /api/v1/workspaces/demo/people': (url) => {
        queries.push(url.search);
        return answer('listPeople', 200, { items: [], has_more: false });
      },
    });
    renderInWorkspace(<PeopleListPage />, {
      route: '/w/demo/people?kind=council_member',
      path: '/w/:slug/people',
    });
    await screen.findByText('Niemand past bij deze filters. Pas de filters aan of wis ze.');
    expect(queries).toEqual(['?limit=50&offset=0&kind=council_member']);
    expect(screen.getByLabelText('Functie')).toHaveValue('council_member');

    await user.selectOptions(await screen.findByLabelText('Gemeente of organisatie'), 'Utrecht');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/w/demo/people?organisation=4&kind=council_member'),
    );
    expect(queries.at(-1)).toBe('?limit=50&offset=0&organisation_id=4&kind=council_member');
    // The export links follow the organisation filter.
    expect(screen.getByRole('link', { name: 'Downloaden als CSV' })).toHaveAttribute(
      'href',
      '/api/v1/workspaces/demo/exports/people?format=csv&organisation_id=4',
    );

    const count = queries.length;
    await user.type(screen.getByLabelText('Naam'), 'Jan');
    // One request after the pause, not one per key.
    await waitFor(() => expect(queries.length).toBe(count + 1));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY + 100));
    expect(queries.length).toBe(count + 1);
    expect(queries.at(-1)).toBe('?limit=50&offset=0&q=Jan&organisation_id=4&kind=council_member');
    expect(screen.getByTestId('location')).toHaveTextContent('q=Jan');

    await user.click(screen.getByRole('button', { name: 'Filters wissen' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/w\/demo\/people$/));
    expect(screen.getByLabelText('Naam')).toHaveValue('');
    expect(screen.getByLabelText('Naam')).toHaveFocus();
  });

  it('loads more with offset while the API says there are more, and focuses the first new person', async () => {
    const user = userEvent.setup();
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [] }),
      'GET /api/v1/workspaces/demo/people': (url) => {
        const offset = Number(url.searchParams.get('offset'));
        const limit = Number(url.searchParams.get('limit'));
        expect(limit).toBe(50);
        const all = Array.from({ length: 60 }, (_, i) => summary(i + 1, `Persoon ${String(i + 1).padStart(2, '0')}`));
        return answer('listPeople', 200, { items: all.slice(offset, offset + limit), has_more: offset + limit < 60 });
      },
    });
    renderInWorkspace(<PeopleListPage />, { route: '/w/demo/people', path: '/w/:slug/people' });
    expect(await screen.findByText('50 personen getoond. Er zijn er meer.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Persoon 51' })).toHaveFocus());
    expect(screen.getAllByRole('row')).toHaveLength(61);
    expect(screen.queryByRole('button', { name: 'Meer laden' })).toBeNull();
  });

  it('lets viewers search and export, but not add', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [] }),
      'GET /api/v1/workspaces/demo/people': () => answer('listPeople', 200, { items: [], has_more: false }),
    });
    renderInWorkspace(<PeopleListPage />, { role: 'viewer', route: '/w/demo/people', path: '/w/:slug/people' });
    await screen.findByText(/Er staan nog geen personen/);
    expect(screen.queryByRole('link', { name: 'Persoon toevoegen' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Importeren' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Downloaden als Excel (XLSX)' })).toHaveAttribute(
      'href',
      '/api/v1/workspaces/demo/exports/people?format=xlsx',
    );
  });
});
