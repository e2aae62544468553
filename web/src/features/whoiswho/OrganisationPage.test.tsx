import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PersonSummary, Position } from '../../api/types';
import { answer, problem, type Schema } from '../../test/answer';
import { OrganisationPage } from './OrganisationPage';
import { mockFetch, renderInWorkspace } from './testing';

// ECharts needs a real browser; these tests look at the table and the lists.
vi.mock('../../components/chartEngine', () => ({
  mountChart: () => ({ update: vi.fn(), dispose: vi.fn() }),
}));
afterEach(() => vi.unstubAllGlobals());

const utrecht = { id: 4, kind: 'municipality', name: 'Utrecht', municipality_code: 'GM0344' } satisfies Schema<'Organisation'>;

function person(
  id: number,
  name: string,
  position: Partial<Position> & Pick<Position, 'kind'>,
  scores?: [number, number, number],
): PersonSummary {
  return {
    id,
    name,
    fictional: false,
    current_positions: [
      {
        id: id * 10,
        person_id: id,
        organisation_id: 4,
        title: '',
        party: '',
        portfolios: [],
        domains: [],
        committees: [],
        started_on: '2022-03-30',
        ended_on: null,
        current: true,
        ...position,
      },
    ],
    latest_assessment: scores
      ? { id, assessed_on: '2026-01-01', power: scores[0], interest: scores[1], attitude: scores[2], note: '', quadrant: 'manage_closely' }
      : null,
    quadrant: scores ? 'manage_closely' : null,
  };
}

const people = [
  person(1, 'Wim Wethouder', { kind: 'alderman', portfolios: ['Wmo', 'Jeugd'] }, [5, 4, 1]),
  person(2, 'Rik Raadslid', { kind: 'council_member', party: 'D66' }, [2, 4, -1]),
  person(3, 'Petra Adviseur', { kind: 'policy_adviser', domains: ['Wmo'] }),
];

function routes(extra = {}) {
  return mockFetch({
    'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [utrecht] }),
    'GET /api/v1/workspaces/demo/people': (url) => {
      expect(url.searchParams.get('organisation_id')).toBe('4');
      return answer('listPeople', 200, { items: people, has_more: false });
    },
    'GET /api/v1/workspaces/demo/organisations/4/terms': () =>
      answer('listCouncilTerms', 200, {
        items: [{ id: 1, organisation_id: 4, election_date: '2022-03-16', installation_date: '2022-03-30', seats: [] }],
        seats: [
          { party: 'GroenLinks', seats: 9 },
          { party: 'D66', seats: 6 },
        ],
        not_yet_met: [],
      }),
    'GET /api/v1/workspaces/demo/documents': (url) => {
      expect(url.searchParams.get('record_kind')).toBe('organisation');
      expect(url.searchParams.get('record_id')).toBe('4');
      return answer('listDocuments', 200, { items: [], max_file_bytes: 25 * 1024 * 1024 });
    },
    ...extra,
  });
}

const at = { route: '/w/demo/people/organisations/4', path: '/w/:slug/people/organisations/:organisationId' };

describe('OrganisationPage', () => {
  it('shows the grid as a table, the field of forces with attitudes in words, and the seats', async () => {
    routes();
    renderInWorkspace(<OrganisationPage />, at);
    expect(await screen.findByRole('heading', { level: 1, name: 'Utrecht' })).toBeInTheDocument();

    const grid = await screen.findByRole('table', { name: 'Invloed en belang bij Utrecht' });
    expect(within(grid).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Persoon', 'Belang', 'Invloed', 'Houding', 'Kwadrant'],
      ['Wim Wethouder', '4', '5', 'Eerder voor (+1)', 'Nauw betrekken'],
      ['Rik Raadslid', '4', '2', 'Eerder tegen (−1)', 'Nauw betrekken'],
    ]);
    expect(screen.getByText('Nog niet ingeschat (1):')).toBeInTheDocument();

    const college = screen.getByRole('heading', { name: 'College van burgemeester en wethouders' }).parentElement!;
    expect(college).toHaveTextContent('Wim Wethouder · Wethouder · portefeuilles: Wmo, Jeugd');
    expect(college).toHaveTextContent('Houding: Eerder voor (+1)');
    const council = screen.getByRole('heading', { name: 'Gemeenteraad' }).parentElement!;
    expect(within(council).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'GroenLinks (9 zetels)',
      'D66 (6 zetels)',
    ]);
    expect(council).toHaveTextContent('Houding: Eerder tegen (−1)');
    const civil = screen.getByRole('heading', { name: 'Ambtelijke organisatie' }).parentElement!;
    expect(within(civil).getByRole('heading', { level: 4 })).toHaveTextContent('Wmo');
    expect(civil).toHaveTextContent('Petra Adviseur');

    const seats = screen.getByRole('table', { name: 'Zetels per partij in de gemeenteraad' });
    expect(within(seats).getAllByRole('row').at(-1)).toHaveTextContent('Totaal15');

    // The organisation's documents, with a way to add one.
    const documents = screen.getByRole('region', { name: 'Documenten' });
    expect(await within(documents).findByText(/Nog geen documenten/)).toBeInTheDocument();
    expect(within(documents).getByLabelText(/Bestand toevoegen/)).toBeInTheDocument();
  });

  it('processes an election and lists the people not met yet', async () => {
    const user = userEvent.setup();
    let sent: unknown = null;
    routes({
      'POST /api/v1/workspaces/demo/organisations/4/elections': (_url: URL, init: RequestInit | undefined) => {
        sent = JSON.parse(init?.body as string);
        return answer('applyElection', 200, {
          term: { id: 2, organisation_id: 4, election_date: '2026-03-18', installation_date: '2026-04-01', seats: [] },
          ended: [{ position_id: 20, ended_on: '2026-03-31' }],
          not_yet_met: [{ id: 7, name: 'Nina Nieuw', fictional: false }],
        });
      },
    });
    renderInWorkspace(<OrganisationPage />, at);
    await screen.findByRole('table', { name: 'Zetels per partij in de gemeenteraad' });
    const form = screen.getByRole('heading', { name: 'Verkiezing verwerken' }).parentElement!;

    // Without an installation date nothing is sent and the field says why.
    await user.click(within(form).getByRole('button', { name: 'Verkiezing verwerken' }));
    const installation = within(form).getByLabelText('Dag van installatie van de nieuwe raad');
    expect(installation).toHaveFocus();
    expect(installation).toHaveAccessibleDescription(/Vul de dag van installatie in\./);

    await user.type(installation, '2026-04-01');
    // The rows start from the current seats; change one, empty another.
    const seats2 = within(form).getByLabelText('Zetels partij 2');
    await user.clear(seats2);
    await user.type(seats2, '7');
    await user.click(within(form).getByRole('button', { name: 'Partij toevoegen' }));
    await waitFor(() => expect(within(form).getByLabelText('Partij 3')).toHaveFocus());
    await user.click(within(form).getByRole('button', { name: 'Verkiezing verwerken' }));

    expect(await screen.findByRole('heading', { name: 'De verkiezing is verwerkt' })).toHaveFocus();
    expect(sent).toEqual({
      installation_date: '2026-04-01',
      seats: [
        { party: 'GroenLinks', seats: 9 },
        { party: 'D66', seats: 7 },
      ],
    });
    expect(screen.getByText('1 functie van de oude raadsperiode is beëindigd.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Nina Nieuw' })).toHaveAttribute('href', '/w/demo/people/7');
  });

  it('shows the API message for a seat row next to that row', async () => {
    const user = userEvent.setup();
    routes({
      'POST /api/v1/workspaces/demo/organisations/4/elections': () =>
        problem('applyElection', 'invalid_input', 'Controleer de velden.', { 'seats[1].party': 'Deze partij staat er al.' }),
    });
    renderInWorkspace(<OrganisationPage />, at);
    await screen.findByRole('table', { name: 'Zetels per partij in de gemeenteraad' });
    await user.type(screen.getByLabelText('Dag van installatie van de nieuwe raad'), '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Verkiezing verwerken' }));
    const party2 = screen.getByLabelText('Partij 2');
    await waitFor(() => expect(party2).toHaveAccessibleDescription('Deze partij staat er al.'));
    expect(party2).toHaveFocus();
  });

  it('shows no election form to viewers', async () => {
    routes();
    renderInWorkspace(<OrganisationPage />, { ...at, role: 'viewer' });
    await screen.findByRole('table', { name: 'Zetels per partij in de gemeenteraad' });
    expect(screen.queryByRole('heading', { name: 'Verkiezing verwerken' })).toBeNull();
  });
});
