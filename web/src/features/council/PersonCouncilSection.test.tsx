import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { PersonDossier, Role } from '../../api/types';
import { answer, problem } from '../../test/answer';
import { organisationList } from '../../test/fixtures';
import { PersonPage } from '../whoiswho/PersonPage';
import { mockFetch, renderInWorkspace, type Handler } from '../whoiswho/testing';
import type { CouncilList, PersonCouncil } from './api';
import { COUNCILS, NOW, ORGANISATIONS, PERSON_COUNCIL, TOPIC } from './testdata';

const BASE = '/api/v1/workspaces/demo';

const JAN: PersonDossier = {
  person: {
    id: 7,
    name: 'Jan de Vries',
    email: null,
    phone: null,
    notes: null,
    fictional: true,
    created_at: '2026-01-01T10:00:00Z',
    updated_at: '2026-01-01T10:00:00Z',
  },
  positions: [
    {
      id: 70,
      person_id: 7,
      organisation_id: 1,
      kind: 'council_member',
      title: '',
      party: 'GroenLinks',
      portfolios: [],
      domains: [],
      committees: [],
      started_on: '2022-03-30',
      ended_on: null,
      current: true,
    },
  ],
  assessments: [],
};

const NO_NAMES: PersonCouncil = { names: [], submitted: 0, voted_for: 0, voted_against: 0, topics: [], records: [], more_records: false };

function mockServer({
  dossier = JAN,
  council = PERSON_COUNCIL,
  councils = COUNCILS,
  topics = [TOPIC],
  extra = {},
}: {
  dossier?: PersonDossier;
  council?: PersonCouncil | Handler;
  councils?: CouncilList;
  topics?: (typeof TOPIC)[];
  extra?: Record<string, Handler>;
} = {}) {
  return mockFetch({
    [`GET ${BASE}/people/7`]: () => answer('getPerson', 200, dossier),
    [`GET ${BASE}/organisations`]: () => answer('listOrganisations', 200, organisationList(ORGANISATIONS)),
    [`GET ${BASE}/people/7/council`]: typeof council === 'function' ? council : () => answer('getPersonCouncil', 200, council),
    [`GET ${BASE}/councils`]: () => answer('listCouncils', 200, councils),
    [`GET ${BASE}/council-topics`]: () => answer('listCouncilTopics', 200, { items: topics }),
    ...extra,
  });
}

function renderPage(role: Role = 'editor') {
  return renderInWorkspace(<PersonPage />, { role, route: '/w/demo/people/7', path: '/w/:slug/people/:personId' });
}

const section = () => screen.findByRole('region', { name: 'In de raad' });

describe('In de raad on a person’s page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the linked names, the counts in words, a table per topic and the motions newest first', async () => {
    mockServer();
    renderPage();
    const region = await section();
    expect(await within(region).findByText(/Zo staat Jan de Vries in de moties en stemmingen/)).toBeInTheDocument();
    const names = within(region).getByRole('list', { name: 'Namen van Jan de Vries in de raad' });
    expect(names).toHaveTextContent('Vries, J. de · GroenLinks · Raad van Soest (gekoppeld door aantafel)');
    expect(region).toHaveTextContent('In alle moties samen: 1 motie ingediend, 2 keer voor gestemd en nooit tegen gestemd.');

    const table = within(region).getByRole('table', { name: /^Per onderwerp van je werkruimte/ });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Onderwerp',
      'Ingediend',
      'Voor',
      'Tegen',
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Beschermd wonen' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Beschermd wonen120');

    expect(within(region).getByRole('heading', { level: 3, name: 'Moties over je onderwerpen' })).toBeInTheDocument();
    const motions = within(within(region).getByRole('list', { name: 'Moties van Jan de Vries over je onderwerpen' })).getAllByRole('listitem');
    // Submitted and voted for is one motion, not two.
    expect(motions).toHaveLength(2);
    const m41 = within(motions[0]!).getByRole('link', { name: 'M41 Wachtlijst beschermd wonen terugdringen' });
    expect(m41).toHaveAttribute('href', '/w/demo/council/meetings/5#motion-3');
    expect(motions[0]).toHaveTextContent('1 december 2026 · Raad van Soest Aangenomen');
    expect(motions[0]).toHaveTextContent('Jan de Vries: ingediend en voor gestemd');
    expect(motions[0]).toHaveTextContent('Onderwerp: Beschermd wonen');
    // No meeting in aantafel: the title without a link, and a word about it.
    expect(within(motions[1]!).queryByRole('link')).not.toBeInTheDocument();
    expect(motions[1]).toHaveTextContent('Datum niet bekend');
    expect(motions[1]).toHaveTextContent('Verworpen');
    expect(motions[1]).toHaveTextContent('De vergadering van deze motie staat (nog) niet in aantafel.');
    expect(region).not.toHaveTextContent('Er zijn meer moties');
    // The rest of the page is all there.
    expect(screen.getByRole('region', { name: 'Persoonlijke gegevens' })).toBeInTheDocument();
  });

  it('says when there are more motions than shown', async () => {
    mockServer({ council: { ...PERSON_COUNCIL, more_records: true } });
    renderPage();
    const region = await section();
    expect(await within(region).findByText('Er zijn meer moties. Je ziet de nieuwste 100.')).toBeInTheDocument();
  });

  it('not linked yet: points to the review list of the followed council', async () => {
    mockServer({ council: NO_NAMES });
    renderPage();
    const region = await section();
    expect(
      await within(region).findByText(/Jan de Vries is nog niet gekoppeld aan een naam uit de moties en stemmingen/),
    ).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Naar Raadsleden koppelen' })).toHaveAttribute(
      'href',
      '/w/demo/council#council-people-soest',
    );
  });

  it('not following the council of the person’s municipality: says so and points to Raad', async () => {
    mockServer({ council: NO_NAMES, councils: { ...COUNCILS, follows: [] } });
    renderPage('viewer');
    const region = await section();
    expect(
      await within(region).findByText(/Jullie volgen de raad van Soest nog niet\. Een bewerker of eigenaar kan de raad volgen bij Raad\./),
    ).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Naar Raad' })).toHaveAttribute('href', '/w/demo/council');
  });

  it('linked, but no topics: suggests adding one', async () => {
    mockServer({ council: { ...PERSON_COUNCIL, topics: [], records: [] }, topics: [] });
    renderPage();
    const region = await section();
    expect(await within(region).findByText(/Je werkruimte heeft nog geen onderwerpen\./)).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Naar de onderwerpen bij Raad' })).toHaveAttribute('href', '/w/demo/council#council-topics');
    expect(within(region).queryByRole('table')).not.toBeInTheDocument();
  });

  it('linked, topics, but no motion on them: says so', async () => {
    mockServer({ council: { ...PERSON_COUNCIL, topics: [], records: [] } });
    renderPage();
    const region = await section();
    expect(await within(region).findByText(/Geen van de moties van Jan de Vries gaat over je onderwerpen\./)).toBeInTheDocument();
  });

  it('someone without a council position and without linked names gets no section', async () => {
    const fetchMock = mockServer({ dossier: { ...JAN, positions: [] }, council: NO_NAMES });
    renderPage();
    await screen.findByRole('region', { name: 'Persoonlijke gegevens' });
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([input]) => String(input).endsWith('/people/7/council'))).toBe(true),
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByRole('region', { name: 'In de raad' })).not.toBeInTheDocument();
    // Nor does it wake the councils for nothing.
    expect(fetchMock.mock.calls.some(([input]) => String(input).endsWith('/councils'))).toBe(false);
  });

  it('with Raad switched off there is no section', async () => {
    mockServer({ council: NO_NAMES, councils: { enabled: false, status_checked_at: null, follows: [], available: [] } });
    renderPage();
    await screen.findByRole('region', { name: 'Persoonlijke gegevens' });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByRole('region', { name: 'In de raad' })).not.toBeInTheDocument();
  });

  it('an error stays inside the section; the rest of the page shows', async () => {
    mockServer({ council: () => problem('getPersonCouncil', 'internal', 'Er ging iets mis bij de server.') });
    renderPage();
    const region = await section();
    expect(await within(region).findByRole('alert')).toHaveTextContent('Er ging iets mis bij de server.');
    expect(screen.getByRole('region', { name: 'Persoonlijke gegevens' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: /Functies van Jan de Vries/ })).toBeInTheDocument();
  });
});
