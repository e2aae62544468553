import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../api/types';
import { answer, problem } from '../../test/answer';
import { organisationList, personFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace, type Handler } from '../whoiswho/testing';
import type { CouncilPersonDecision, CouncilPersonLink } from './api';
import { CouncilPage } from './CouncilPage';
import { BAKKER, COUNCIL_PEOPLE, COUNCILS, JANSEN, MULDER, NOW, ORGANISATIONS } from './testdata';

const BASE = '/api/v1/workspaces/demo';
const DECISIONS = `${BASE}/council-people/decisions`;

function mockServer({
  people = COUNCIL_PEOPLE,
  put,
  del,
  extra = {},
}: {
  people?: CouncilPersonLink[];
  extra?: Record<string, Handler>;
  /** The answer to PUT …/decisions (default: the name as the decision makes it). */
  put?: (body: CouncilPersonDecision) => Response;
  del?: (url: URL) => Response;
} = {}) {
  const puts: CouncilPersonDecision[] = [];
  const deletes: URLSearchParams[] = [];
  const routes: Record<string, Handler> = {
    [`GET ${BASE}/councils`]: () => answer('listCouncils', 200, COUNCILS),
    [`GET ${BASE}/organisations`]: () => answer('listOrganisations', 200, organisationList(ORGANISATIONS)),
    [`GET ${BASE}/council-meetings`]: () => answer('listCouncilMeetings', 200, { items: [] }),
    [`GET ${BASE}/council-topics`]: () => answer('listCouncilTopics', 200, { items: [] }),
    [`GET ${BASE}/council-topic-matches`]: () => answer('listCouncilTopicMatches', 200, { items: [] }),
    [`GET ${BASE}/council-people`]: () => answer('listCouncilPeople', 200, { items: people }),
    [`PUT ${DECISIONS}`]: (_url, init) => {
      const body = JSON.parse(String(init?.body)) as CouncilPersonDecision;
      puts.push(body);
      if (put) return put(body);
      const link = people.find((p) => p.name_key === body.name_key)!;
      if (body.person_id === undefined) {
        // None of these: everyone offered is ruled out at once.
        const offered = [...link.options.map((o) => o.id), ...(link.person ? [link.person.id] : [])];
        return answer('decideCouncilPerson', 200, {
          ...link,
          state: 'unmatched',
          reason: 'nobody',
          person: null,
          rejected: [...new Set([...link.rejected, ...offered])],
          options: [],
        });
      }
      const rejected = body.person_id;
      const person = link.options.find((o) => o.id === rejected) ?? link.person!;
      return answer(
        'decideCouncilPerson',
        200,
        body.confirmed
          ? { ...link, state: 'confirmed', person }
          : // As the server answers: the person ruled out is no longer among the options.
            { ...link, state: 'unmatched', reason: 'nobody', person: null, rejected: [rejected], options: [] },
      );
    },
    [`DELETE ${DECISIONS}`]: (url) => {
      deletes.push(url.searchParams);
      if (del) return del(url);
      const link = people.find((p) => p.name_key === url.searchParams.get('name_key'))!;
      return answer('undoCouncilPersonDecision', 200, { ...link, state: 'suggested', reason: 'partly_known' });
    },
    ...extra,
  };
  const fetchMock = mockFetch(routes);
  return { fetchMock, puts, deletes };
}

function renderPage(role: Role = 'editor') {
  return renderInWorkspace(<CouncilPage />, { role, route: '/w/demo/council', path: '/w/:slug/council' });
}

async function peopleRegion() {
  const region = await screen.findByRole('region', { name: 'Raadsleden koppelen' });
  await within(region).findByRole('list', { name: 'Te controleren in de raad van Soest' });
  return region;
}

const reviewList = (region: HTMLElement) => within(region).queryByRole('list', { name: 'Te controleren in de raad van Soest' });
/** The names of a list (not the people who fit, listed inside a name). */
const rowsIn = (list: HTMLElement) => within(list).getAllByRole('listitem').filter((item) => item.parentElement === list);

describe('Raadsleden koppelen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the names to check first, then the linked and unmatched names folded', async () => {
    const { fetchMock } = mockServer();
    renderPage();
    const region = await peopleRegion();
    const asked = fetchMock.mock.calls
      .map(([input]) => new URL(String(input), 'http://localhost'))
      .find((url) => url.pathname === `${BASE}/council-people`);
    expect(asked?.searchParams.get('source_key')).toBe('soest');

    expect(within(region).getByRole('heading', { level: 3, name: 'Raad van Soest' })).toBeInTheDocument();
    expect(within(region).getByRole('heading', { level: 4, name: 'Te controleren' })).toBeInTheDocument();
    expect(within(region).getByText(/2 namen wachten op controle\./)).toBeInTheDocument();

    const rows = rowsIn(reviewList(region)!);
    expect(rows).toHaveLength(2);
    // The name as published, its party, how often it occurs, the suggestion with a plain reason.
    expect(rows[0]).toHaveTextContent('Jansen, P.');
    expect(rows[0]).toHaveTextContent('Partij: VVD · 1 keer gestemd');
    expect(within(rows[0]!).getByRole('link', { name: 'Piet Jansen' })).toHaveAttribute('href', '/w/demo/people/8');
    // The party Wie is wie has for the person, and the difference with the council's in words.
    expect(rows[0]).toHaveTextContent('Voorstel van aantafel: Piet Jansen (CDA in Wie is wie)');
    expect(rows[0]).toHaveTextContent(
      'De partij is anders: de raad noemt VVD, in Wie is wie staat CDA. Is iemand van partij gewisseld? Dan kan het toch dezelfde persoon zijn.',
    );
    expect(rows[0]).not.toHaveTextContent('De voorletter of de partij is anders');
    expect(within(rows[0]!).getByRole('button', { name: 'Ja, dit is Piet Jansen: Jansen, P.' })).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: 'Nee, iemand anders: Jansen, P. is niet Piet Jansen' })).toBeInTheDocument();
    // Several fit: a choice between them.
    expect(rows[1]).toHaveTextContent('A. Bakker');
    expect(rows[1]).toHaveTextContent('Partij niet bekend');
    expect(rows[1]).toHaveTextContent('Meer mensen in Wie is wie passen bij deze naam. Kies wie het is.');
    // The people who fit, each with their party in Wie is wie (or that it has none), to open.
    const fit = within(rows[1]!).getByRole('list', { name: 'Deze mensen passen:' });
    expect(within(fit).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Anna Bakker (PvdA in Wie is wie)',
      'Ahmed Bakker (geen partij in Wie is wie)',
    ]);
    expect(within(fit).getByRole('link', { name: 'Ahmed Bakker' })).toHaveAttribute('href', '/w/demo/people/12');
    const select = within(rows[1]!).getByRole('combobox', { name: 'Wie is A. Bakker?' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies een persoon',
      'Anna Bakker (PvdA)',
      'Ahmed Bakker (geen partij)',
    ]);
    expect(within(rows[1]!).getByRole('button', { name: 'Geen van deze: A. Bakker is iemand anders' })).toBeInTheDocument();

    // Linked and unmatched names are folded.
    const linked = within(region).getByText('Gekoppeld (2)').closest('details')!;
    expect(linked).not.toHaveAttribute('open');
    const linkedRows = within(linked).getAllByRole('listitem');
    expect(linkedRows[0]).toHaveTextContent('Vries, J. de');
    expect(linkedRows[0]).toHaveTextContent('Gekoppeld aan: Jan de Vries (GroenLinks in Wie is wie)');
    expect(linkedRows[0]).toHaveTextContent('Ook geschreven als: J. de Vries');
    expect(linkedRows[0]).toHaveTextContent('aantafel koppelde deze naam zelf');
    // Only a colleague's confirmation can be undone; the rule's links follow Wie is wie.
    expect(within(linkedRows[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(linkedRows[1]).toHaveTextContent('Een collega heeft bevestigd dat dit klopt.');
    expect(within(linkedRows[1]!).getByRole('button', { name: 'Koppeling ongedaan maken: Mulder, K. is Karin Mulder' })).toBeInTheDocument();

    const unmatched = within(region).getByText('Niet gekoppeld (1)').closest('details')!;
    expect(unmatched).not.toHaveAttribute('open');
    expect(unmatched).toHaveTextContent('Voeg de persoon toe met de functie Raadslid bij Soest en vul de partij in.');
    expect(within(unmatched).getByRole('link', { name: 'Persoon toevoegen in Wie is wie' })).toHaveAttribute('href', '/w/demo/people/new');
    expect(unmatched).toHaveTextContent('Smit, E.');
  });

  it('"Ja" confirms with the right body; the name moves to the linked list and focus to the next name', async () => {
    const { puts } = mockServer();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const region = await peopleRegion();
    await user.click(within(region).getByRole('button', { name: 'Ja, dit is Piet Jansen: Jansen, P.' }));
    expect(await screen.findByText('Jansen, P. is nu gekoppeld aan Piet Jansen.')).toBeInTheDocument();
    expect(screen.getByText('Jansen, P. is nu gekoppeld aan Piet Jansen.').closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    expect(puts).toEqual([{ source_key: 'soest', name_key: 'jansen|p|vvd', person_id: 8, confirmed: true }]);

    const rows = rowsIn(reviewList(region)!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('A. Bakker');
    await waitFor(() => expect(within(rows[0]!).getByText('A. Bakker')).toHaveFocus());
    const linked = within(region).getByText('Gekoppeld (3)').closest('details')!;
    expect(linked).toHaveTextContent('Jansen, P.');
  });

  it('"Nee" rejects; the name leaves the review list and the status says where it went', async () => {
    const { puts } = mockServer({ people: [JANSEN] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const region = await peopleRegion();
    await user.click(within(region).getByRole('button', { name: 'Nee, iemand anders: Jansen, P. is niet Piet Jansen' }));
    expect(
      await screen.findByText('Genoteerd: Jansen, P. is niet Piet Jansen. De naam staat nu bij Niet gekoppeld.'),
    ).toBeInTheDocument();
    expect(puts).toEqual([{ source_key: 'soest', name_key: 'jansen|p|vvd', person_id: 8, confirmed: false }]);
    expect(reviewList(region)).not.toBeInTheDocument();
    expect(within(region).getByText('Er zijn geen namen om te controleren.')).toBeInTheDocument();
    await waitFor(() => expect(within(region).getByRole('heading', { level: 4, name: 'Te controleren' })).toHaveFocus());
    // The rejection is shown with the name, and can be taken back.
    const unmatched = within(region).getByText('Niet gekoppeld (1)').closest('details')!;
    expect(unmatched).toHaveTextContent('Een collega zei: dit is niet Piet Jansen.');
    expect(within(unmatched).getByRole('button', { name: '‘Nee’ ongedaan maken: Jansen, P. is misschien toch Piet Jansen' })).toBeInTheDocument();
  });

  it('names a person ruled out earlier (asked of Wie is wie), and "‘Nee’ ongedaan maken" takes it back', async () => {
    const rejected: CouncilPersonLink = { ...JANSEN, state: 'unmatched', reason: 'nobody', person: null, rejected: [8], options: [] };
    const { deletes } = mockServer({
      people: [rejected],
      del: () => answer('undoCouncilPersonDecision', 200, JANSEN),
      extra: {
        [`GET ${BASE}/people/8`]: () =>
          answer('getPerson', 200, { person: personFixture({ id: 8, name: 'Piet Jansen' }), positions: [], assessments: [] }),
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const region = await screen.findByRole('region', { name: 'Raadsleden koppelen' });
    await user.click(await within(region).findByText('Niet gekoppeld (1)'));
    expect(await within(region).findByText('Een collega zei: dit is niet Piet Jansen.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: '‘Nee’ ongedaan maken: Jansen, P. is misschien toch Piet Jansen' }));
    expect(
      await screen.findByText('Je hebt ‘nee’ over Piet Jansen ongedaan gemaakt. aantafel stelt nu Piet Jansen voor. De naam staat bij Te controleren.'),
    ).toBeInTheDocument();
    expect(Object.fromEntries(deletes[0]!)).toEqual({ source_key: 'soest', name_key: 'jansen|p|vvd', person_id: '8' });
    const rows = rowsIn(reviewList(region)!);
    await waitFor(() => expect(within(rows[0]!).getByText('Jansen, P.')).toHaveFocus());
  });

  it('with several people, one is chosen before anything is sent', async () => {
    const { puts } = mockServer({ people: [BAKKER] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const region = await peopleRegion();
    const confirm = within(region).getByRole('button', { name: 'Bevestigen wie A. Bakker is' });
    await user.click(confirm);
    expect(within(region).getByText('Kies eerst een persoon.')).toBeInTheDocument();
    const select = within(region).getByRole('combobox', { name: 'Wie is A. Bakker?' });
    expect(select).toHaveFocus();
    expect(puts).toHaveLength(0);
    await user.selectOptions(select, 'Ahmed Bakker (geen partij)');
    await user.click(confirm);
    expect(await screen.findByText('A. Bakker is nu gekoppeld aan Ahmed Bakker.')).toBeInTheDocument();
    expect(puts).toEqual([{ source_key: 'soest', name_key: 'bakker|a|', person_id: 12, confirmed: true }]);
  });

  it('says when Wie is wie has no party for the person, and sees "Fractie CDA" and "CDA" as one party', async () => {
    const noParty: CouncilPersonLink = {
      ...JANSEN,
      reason: 'partly_known',
      person: { id: 8, name: 'Piet Jansen', party: '' },
      options: [{ id: 8, name: 'Piet Jansen', party: '' }],
    };
    const sameParty: CouncilPersonLink = {
      ...MULDER,
      name_key: 'mulder|k|fractiecda',
      party: 'Fractie CDA',
      state: 'suggested',
      reason: 'initial_or_party_differ',
    };
    mockServer({ people: [noParty, sameParty] });
    renderPage();
    const region = await peopleRegion();
    const rows = rowsIn(reviewList(region)!);
    expect(rows[0]).toHaveTextContent('Voorstel van aantafel: Piet Jansen (geen partij in Wie is wie)');
    expect(rows[0]).toHaveTextContent('De achternaam past. De voorletter of de partij staat niet bij de raad of niet in Wie is wie.');
    expect(rows[0]).not.toHaveTextContent('De partij is anders');
    expect(rows[1]).toHaveTextContent('Voorstel van aantafel: Karin Mulder (CDA in Wie is wie)');
    expect(rows[1]).toHaveTextContent('Alleen de achternaam past. De voorletter of de partij is anders dan in Wie is wie.');
    expect(rows[1]).not.toHaveTextContent('De partij is anders');
  });

  it('"Geen van deze" rules out everyone offered at once (no person_id); focus goes on to the next name', async () => {
    const { puts } = mockServer({ people: [JANSEN, BAKKER] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const region = await peopleRegion();
    // A choice asked for first is not in the way.
    await user.click(within(region).getByRole('button', { name: 'Bevestigen wie A. Bakker is' }));
    expect(within(region).getByText('Kies eerst een persoon.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Geen van deze: A. Bakker is iemand anders' }));
    const done = await screen.findByText(
      'Genoteerd: A. Bakker is niemand van deze mensen: Anna Bakker en Ahmed Bakker. De naam staat nu bij Niet gekoppeld.',
    );
    expect(done.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    expect(puts).toEqual([{ source_key: 'soest', name_key: 'bakker|a|', confirmed: false }]);
    expect(puts[0]).not.toHaveProperty('person_id');

    const rows = rowsIn(reviewList(region)!);
    expect(rows).toHaveLength(1);
    await waitFor(() => expect(within(rows[0]!).getByText('Jansen, P.')).toHaveFocus());
    // Under Niet gekoppeld: one line for the people ruled out, taken back with one button.
    const unmatched = within(region).getByText('Niet gekoppeld (1)').closest('details')!;
    expect(unmatched).toHaveTextContent('Een collega zei: dit is niemand van deze mensen: Anna Bakker en Ahmed Bakker.');
    expect(within(unmatched).getByRole('button', { name: 'Ongedaan maken: A. Bakker is misschien toch een van deze mensen' })).toBeInTheDocument();
    expect(within(unmatched).queryByRole('button', { name: /‘Nee’ ongedaan maken/ })).not.toBeInTheDocument();
  });

  it('"Ongedaan maken" after "Geen van deze" sends DELETE without person_id; the name is back to choose, with focus', async () => {
    const ruledOut: CouncilPersonLink = { ...BAKKER, state: 'unmatched', reason: 'nobody', rejected: [11, 12], options: [] };
    const { deletes } = mockServer({
      people: [ruledOut],
      del: () => answer('undoCouncilPersonDecision', 200, BAKKER),
      extra: {
        [`GET ${BASE}/people/11`]: () =>
          answer('getPerson', 200, { person: personFixture({ id: 11, name: 'Anna Bakker' }), positions: [], assessments: [] }),
        [`GET ${BASE}/people/12`]: () =>
          answer('getPerson', 200, { person: personFixture({ id: 12, name: 'Ahmed Bakker' }), positions: [], assessments: [] }),
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const region = await screen.findByRole('region', { name: 'Raadsleden koppelen' });
    await user.click(await within(region).findByText('Niet gekoppeld (1)'));
    expect(
      await within(region).findByText('Een collega zei: dit is niemand van deze mensen: Anna Bakker en Ahmed Bakker.'),
    ).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Ongedaan maken: A. Bakker is misschien toch een van deze mensen' }));
    expect(
      await screen.findByText(
        'Je hebt ‘nee’ over Anna Bakker en Ahmed Bakker ongedaan gemaakt. De naam staat bij Te controleren: kies wie het is.',
      ),
    ).toBeInTheDocument();
    expect(deletes).toHaveLength(1);
    expect(Object.fromEntries(deletes[0]!)).toEqual({ source_key: 'soest', name_key: 'bakker|a|' });
    const rows = rowsIn(reviewList(region)!);
    await waitFor(() => expect(within(rows[0]!).getByText('A. Bakker')).toHaveFocus());
    expect(within(rows[0]!).getByRole('combobox', { name: 'Wie is A. Bakker?' })).toBeInTheDocument();
  });

  it('"Koppeling ongedaan maken" sends DELETE with the name and person; the name is back to check, with focus', async () => {
    const { deletes } = mockServer({ people: [MULDER] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const region = await screen.findByRole('region', { name: 'Raadsleden koppelen' });
    await user.click(await within(region).findByText('Gekoppeld (1)'));
    await user.click(within(region).getByRole('button', { name: 'Koppeling ongedaan maken: Mulder, K. is Karin Mulder' }));
    expect(
      await screen.findByText(
        'De koppeling van Mulder, K. aan Karin Mulder is ongedaan gemaakt. aantafel stelt nu Karin Mulder voor. De naam staat bij Te controleren.',
      ),
    ).toBeInTheDocument();
    expect(deletes).toHaveLength(1);
    expect(Object.fromEntries(deletes[0]!)).toEqual({ source_key: 'soest', name_key: 'mulder|k|cda', person_id: '13' });
    const rows = rowsIn(reviewList(region)!);
    expect(rows).toHaveLength(1);
    await waitFor(() => expect(within(rows[0]!).getByText('Mulder, K.')).toHaveFocus());
  });

  it('a viewer reads the lists, parties and people who fit, but sees no buttons', async () => {
    const ruledOut: CouncilPersonLink = {
      ...BAKKER,
      name_key: 'bakker|a|d66',
      party: 'D66',
      state: 'unmatched',
      reason: 'nobody',
      rejected: [11, 12],
      options: [],
    };
    mockServer({ people: [...COUNCIL_PEOPLE, ruledOut] });
    renderPage('viewer');
    const region = await peopleRegion();
    const rows = rowsIn(reviewList(region)!);
    expect(rows[0]).toHaveTextContent('Piet Jansen (CDA in Wie is wie)');
    expect(rows[0]).toHaveTextContent('De partij is anders: de raad noemt VVD, in Wie is wie staat CDA.');
    expect(within(rows[1]!).getByRole('list', { name: 'Deze mensen passen:' })).toHaveTextContent(
      'Anna Bakker (PvdA in Wie is wie)',
    );
    expect(within(region).queryByRole('button', { name: /Geen van deze/ })).not.toBeInTheDocument();
    const unmatched = within(region).getByText('Niet gekoppeld (2)').closest('details')!;
    expect(unmatched).toHaveTextContent('Een collega zei: dit is niemand van deze mensen: Anna Bakker en Ahmed Bakker.');
    expect(within(region).getByText(/Een bewerker of eigenaar van de werkruimte kan de namen bevestigen/)).toBeInTheDocument();
    expect(within(region).queryAllByRole('button')).toHaveLength(0);
    expect(within(region).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(region).queryByRole('link', { name: 'Persoon toevoegen in Wie is wie' })).not.toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'Piet Jansen' })).toBeInTheDocument();
  });

  it('says so when the council has no names yet', async () => {
    mockServer({ people: [] });
    renderPage();
    const region = await screen.findByRole('region', { name: 'Raadsleden koppelen' });
    expect(await within(region).findByText(/Er staan nog geen namen uit moties of stemmingen van deze raad in aantafel/)).toBeInTheDocument();
    expect(within(region).queryByRole('heading', { level: 4 })).not.toBeInTheDocument();
  });

  it('shows a 422 with its field messages, and a 403 in plain words, at the name', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let reply = problem('decideCouncilPerson', 'invalid_input', 'Controleer de gegevens.', { name_key: 'Deze naam is te lang.' });
    mockServer({ people: [JANSEN], put: () => reply });
    renderPage();
    const region = await peopleRegion();
    await user.click(within(region).getByRole('button', { name: 'Ja, dit is Piet Jansen: Jansen, P.' }));
    const row = rowsIn(reviewList(region)!)[0]!;
    expect(await within(row).findByRole('alert')).toHaveTextContent('Controleer de gegevens.');
    expect(row).toHaveTextContent('Deze naam is te lang.');

    reply = problem('decideCouncilPerson', 'forbidden', 'Je mag dit niet doen in deze werkruimte.');
    await user.click(within(region).getByRole('button', { name: 'Ja, dit is Piet Jansen: Jansen, P.' }));
    await waitFor(() => expect(within(row).getByRole('alert')).toHaveTextContent('Je mag dit niet doen.'));
    expect(rowsIn(reviewList(region)!)).toHaveLength(1);
  });

  it('a 422 about the person chosen is said at the select', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    mockServer({
      people: [BAKKER],
      put: () =>
        problem('decideCouncilPerson', 'invalid_input', 'Controleer de gegevens.', { person_id: 'Deze persoon bestaat niet.' }),
    });
    renderPage();
    const region = await peopleRegion();
    await user.selectOptions(within(region).getByRole('combobox', { name: 'Wie is A. Bakker?' }), 'Anna Bakker (PvdA)');
    await user.click(within(region).getByRole('button', { name: 'Bevestigen wie A. Bakker is' }));
    const select = await within(region).findByRole('combobox', { name: 'Wie is A. Bakker?' });
    await waitFor(() => expect(select).toHaveAccessibleDescription('Deze persoon bestaat niet.'));
  });

  it('a 404 (the name is gone) loads the list again and says so', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { fetchMock } = mockServer({
      people: [JANSEN],
      put: () => problem('decideCouncilPerson', 'not_found', 'Niet gevonden.'),
    });
    renderPage();
    const region = await peopleRegion();
    const before = fetchMock.mock.calls.filter(([input]) => String(input).includes('/council-people?')).length;
    await user.click(within(region).getByRole('button', { name: 'Ja, dit is Piet Jansen: Jansen, P.' }));
    expect(await screen.findByText('Deze naam staat niet meer in de lijst. De lijst is opnieuw geladen.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.filter(([input]) => String(input).includes('/council-people?')).length).toBe(before + 1);
  });
});
