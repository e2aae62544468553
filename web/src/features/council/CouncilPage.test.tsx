import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../api/types';
import { answer, problem, noContent } from '../../test/answer';
import { organisationList } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import type { CouncilFollow, CouncilList, CouncilMeeting, CouncilTopic, CouncilTopicMatch, CouncilTopicWrite } from './api';
import { CouncilPage, STATUS_POLL_MS } from './CouncilPage';
import { COUNCILS, DATE_ONLY_MEETING, HOUTEN, MEETING, NOW, ORGANISATIONS, SOEST_FOLLOW, TOPIC, TOPIC_MATCHES } from './testdata';

const BASE = 'GET /api/v1/workspaces/demo';

function mockServer({
  councils = COUNCILS,
  meetings = [MEETING, DATE_ONLY_MEETING],
  organisations = ORGANISATIONS,
  topics = [],
  matches = [],
  onWrite,
}: {
  councils?: CouncilList;
  meetings?: CouncilMeeting[];
  organisations?: typeof ORGANISATIONS;
  topics?: CouncilTopic[];
  matches?: CouncilTopicMatch[];
  /** Answers a POST or PUT of a topic instead of storing it (a 422, say). */
  onWrite?: (body: CouncilTopicWrite) => Response | null;
} = {}) {
  const state: CouncilList = structuredClone(councils);
  const topicState: CouncilTopic[] = structuredClone(topics);
  let nextId = 20;
  const write = (init: RequestInit | undefined, id: number) => {
    const body = JSON.parse(String(init?.body)) as CouncilTopicWrite;
    const refused = onWrite?.(body);
    if (refused) return refused;
    const topic: CouncilTopic = { id, name: body.name, terms: body.terms, exclusions: body.exclusions ?? [], created_at: NOW.toISOString() };
    const at = topicState.findIndex((t) => t.id === id);
    if (at >= 0) topicState[at] = topic;
    else topicState.push(topic);
    return at >= 0 ? answer('replaceCouncilTopic', 200, topic) : answer('addCouncilTopic', 201, topic);
  };
  const fetchMock = mockFetch({
    [`${BASE}/council-topics`]: () => answer('listCouncilTopics', 200, { items: topicState }),
    'POST /api/v1/workspaces/demo/council-topics': (_url, init) => write(init, nextId++),
    [`PUT /api/v1/workspaces/demo/council-topics/${TOPIC.id}`]: (_url, init) => write(init, TOPIC.id),
    [`DELETE /api/v1/workspaces/demo/council-topics/${TOPIC.id}`]: () => {
      topicState.splice(0, topicState.length, ...topicState.filter((t) => t.id !== TOPIC.id));
      return noContent('deleteCouncilTopic');
    },
    [`${BASE}/council-topic-matches`]: () => answer('listCouncilTopicMatches', 200, { items: matches }),
    [`${BASE}/councils`]: () => answer('listCouncils', 200, state),
    [`${BASE}/organisations`]: () => answer('listOrganisations', 200, organisationList(organisations)),
    [`${BASE}/council-meetings`]: () => answer('listCouncilMeetings', 200, { items: meetings }),
    [`${BASE}/council-people`]: () => answer('listCouncilPeople', 200, { items: [] }),
    [`${BASE}/council-webhook`]: () => answer('getCouncilWebhook', 200, { webhook: null }),
    'PUT /api/v1/workspaces/demo/councils/houten': () => {
      const follow: CouncilFollow = {
        source_key: 'houten',
        municipality_code: 'GM0321',
        followed_at: NOW.toISOString(),
        source: HOUTEN,
        sync: null,
      };
      state.follows.push(follow);
      state.available = state.available.filter((s) => s.source_key !== 'houten');
      return answer('followCouncil', 200, follow);
    },
    'DELETE /api/v1/workspaces/demo/councils/soest': () => {
      state.follows = state.follows.filter((f) => f.source_key !== 'soest');
      state.available.unshift(SOEST_FOLLOW.source!);
      return noContent('unfollowCouncil');
    },
  });
  return { fetchMock, state, topicState };
}

function renderPage(role: Role = 'editor') {
  return renderInWorkspace(<CouncilPage />, { role, route: '/w/demo/council', path: '/w/:slug/council' });
}

const calls = (fetchMock: ReturnType<typeof mockFetch>, method: string, path: string) =>
  fetchMock.mock.calls.filter(([input, init]) => (init?.method ?? 'GET') === method && new URL(String(input), 'http://localhost').pathname === path);

describe('CouncilPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the upcoming meetings, the followed council with its state and the councils to follow', async () => {
    mockServer();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Raad' })).toBeInTheDocument();

    const meetings = await screen.findByRole('region', { name: 'Komende vergaderingen' });
    const link = await within(meetings).findByRole('link', { name: 'Commissie Samenleving' });
    expect(link).toHaveAttribute('href', '/w/demo/council/meetings/5');
    const items = within(meetings).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('woensdag 9 december, van 19:30 tot 23:00 uur');
    expect(items[0]).toHaveTextContent('Raad van Soest · Trouwzaal, Raadhuis Soest · 3 agendapunten');
    // Only the date when the council publishes no time; a cancelled meeting says so in words.
    expect(within(items[1]!).getByText('donderdag 17 december')).toBeInTheDocument();
    expect(items[1]).not.toHaveTextContent(/uur/);
    expect(items[1]).toHaveTextContent('Gaat niet door');
    expect(items[1]).toHaveTextContent('1 agendapunt');

    const follows = screen.getByRole('region', { name: 'Raden die je volgt' });
    expect(within(follows).getByRole('heading', { level: 3, name: 'Soest' })).toBeInTheDocument();
    expect(within(follows).getByText('Bijgewerkt op 6 december om 14:05.')).toBeInTheDocument();
    expect(within(follows).getByText('Open Besluitvorming haalt de stukken van deze raad goed op.')).toBeInTheDocument();
    // Skipped lines of the feed are for owners.
    expect(within(follows).queryByText(/overgeslagen/)).not.toBeInTheDocument();
    expect(within(follows).getByRole('button', { name: 'Niet meer volgen: Soest' })).toBeInTheDocument();

    const available = screen.getByRole('region', { name: 'Raden die je kunt volgen' });
    expect(within(available).getByText('iBabs, het systeem van deze gemeente, levert op dit moment niets aan.')).toBeInTheDocument();
    expect(within(available).getByText('Laatst gelukt op 5 november.')).toBeInTheDocument();
    expect(within(available).getByText('Deze raad bestaat niet meer sinds 24 maart 2022.')).toBeInTheDocument();
    expect(within(available).getByText('De raad van Amsterdam is de opvolger.')).toBeInTheDocument();
    expect(within(available).getByText('Van Utrecht heeft Open Besluitvorming (nog) geen gegevens.')).toBeInTheDocument();
    expect(within(available).getByRole('button', { name: 'Volgen: Houten' })).toBeInTheDocument();

    expect(screen.getByText(/De gegevens komen van Open Besluitvorming \(VNG\)\. Dit is geen officiële publicatie\./)).toBeInTheDocument();
  });

  it('follows a council (its heading takes focus in the followed list) and unfollows one after confirming', async () => {
    const { fetchMock } = mockServer();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Volgen: Houten' }));
    expect(await screen.findByText('Je volgt nu Houten. De gegevens worden opgehaald. Dat kan even duren.')).toBeInTheDocument();
    expect(calls(fetchMock, 'PUT', '/api/v1/workspaces/demo/councils/houten')).toHaveLength(1);
    const follows = screen.getByRole('region', { name: 'Raden die je volgt' });
    const houten = within(follows).getByRole('heading', { level: 3, name: 'Houten' });
    await waitFor(() => expect(houten).toHaveFocus());
    expect(within(follows).getByText('Wordt zo voor het eerst opgehaald.')).toBeInTheDocument();

    await user.click(within(follows).getByRole('button', { name: 'Niet meer volgen: Soest' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Soest niet meer volgen?' });
    expect(calls(fetchMock, 'DELETE', '/api/v1/workspaces/demo/councils/soest')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Niet meer volgen' }));
    expect(await screen.findByText('Je volgt Soest niet meer.')).toBeInTheDocument();
    expect(calls(fetchMock, 'DELETE', '/api/v1/workspaces/demo/councils/soest')).toHaveLength(1);
    const available = screen.getByRole('region', { name: 'Raden die je kunt volgen' });
    await waitFor(() => expect(within(available).getByRole('heading', { level: 3, name: 'Soest' })).toHaveFocus());
  });

  it('a viewer sees everything but cannot follow or unfollow', async () => {
    mockServer();
    renderPage('viewer');
    await screen.findByRole('link', { name: 'Commissie Samenleving' });
    expect(screen.getByText(/Je kunt hier alleen kijken/)).toBeInTheDocument();
    expect(screen.getByText('Bijgewerkt op 6 december om 14:05.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Volgen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Niet meer volgen/ })).not.toBeInTheDocument();
  });

  it('only owners see the webhook section', async () => {
    const { fetchMock } = mockServer();
    const { unmount } = renderPage('editor');
    expect(await screen.findByRole('region', { name: 'Onderwerpen' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Webhook' })).not.toBeInTheDocument();
    expect(calls(fetchMock, 'GET', '/api/v1/workspaces/demo/council-webhook')).toHaveLength(0);
    unmount();
    renderPage('owner');
    const webhook = await screen.findByRole('region', { name: 'Webhook' });
    expect(await within(webhook).findByText('Er is nog geen webhook.')).toBeInTheDocument();
  });

  it('an owner sees failures with the error and the skipped lines', async () => {
    const failing: CouncilFollow = {
      ...SOEST_FOLLOW,
      sync: { ...SOEST_FOLLOW.sync!, failures: 2, retry_at: '2026-12-06T13:34:00Z', error: 'HTTP 503 van de bron' },
    };
    mockServer({ councils: { ...COUNCILS, follows: [failing] } });
    renderPage('owner');
    const follows = await screen.findByRole('region', { name: 'Raden die je volgt' });
    expect(within(follows).getByText('Ophalen lukte 2 keer achter elkaar niet. We proberen het om 14:34 opnieuw.')).toBeInTheDocument();
    expect(within(follows).getByText('Technische melding: HTTP 503 van de bron')).toBeInTheDocument();
    expect(within(follows).getByText('1 regel uit de bron was niet te lezen. Die is overgeslagen.')).toBeInTheDocument();
  });

  it('while the status list is not read: says it is being fetched, looks again, then that it takes longer', async () => {
    const { fetchMock } = mockServer({ councils: { enabled: true, status_checked_at: null, follows: [], available: [] } });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    expect(await screen.findByText(/We halen de lijst met raden op bij Open Besluitvorming/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Komende vergaderingen' })).not.toBeInTheDocument();
    const total = STATUS_POLL_MS.reduce((a, b) => a + b, 0);
    for (let i = 0; i < STATUS_POLL_MS.length; i += 1) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(total);
      });
    }
    expect(await screen.findByText('Het duurt langer dan normaal. Kijk over een paar minuten nog eens.')).toBeInTheDocument();
    expect(screen.getByText(/We halen de lijst met raden op/)).toBeInTheDocument();
    expect(screen.queryByText('Raad staat niet aan')).not.toBeInTheDocument();
    const asked = calls(fetchMock, 'GET', '/api/v1/workspaces/demo/councils').length;
    expect(asked).toBe(1 + STATUS_POLL_MS.length);
    // "Opnieuw kijken" asks again; once the list is there, Soest is offered.
    await user.click(screen.getByRole('button', { name: 'Opnieuw kijken' }));
    expect(calls(fetchMock, 'GET', '/api/v1/workspaces/demo/councils').length).toBeGreaterThan(asked);
  });

  it('without municipalities it points to Wie is wie', async () => {
    mockServer({ councils: { enabled: true, status_checked_at: null, follows: [], available: [] }, organisations: { items: [] } });
    renderPage();
    expect(await screen.findByText(/Er staan nog geen gemeenten in je werkruimte/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar de organisaties in Wie is wie' })).toHaveAttribute(
      'href',
      '/w/demo/people/organisations',
    );
  });

  it('says so when the followed councils have no meetings planned', async () => {
    mockServer({ meetings: [] });
    renderPage();
    const meetings = await screen.findByRole('region', { name: 'Komende vergaderingen' });
    expect(await within(meetings).findByText('De raden die je volgt hebben de komende 60 dagen geen vergaderingen gepland.')).toBeInTheDocument();
  });

  it('a council whose first fetch failed: says so with the next try, and the meetings do not claim "nothing planned"', async () => {
    const failed: CouncilFollow = {
      ...SOEST_FOLLOW,
      sync: { ...SOEST_FOLLOW.sync!, phase: 'snapshot', synced_at: null, records: 0, skipped_lines: 0, failures: 1, retry_at: '2026-12-07T13:30:00Z' },
    };
    mockServer({ councils: { ...COUNCILS, follows: [failed] }, meetings: [] });
    renderPage();
    const follows = await screen.findByRole('region', { name: 'Raden die je volgt' });
    expect(within(follows).getByText('Het eerste ophalen is niet gelukt. We proberen het op 7 december om 14:30 opnieuw.')).toBeInTheDocument();
    expect(within(follows).queryByText(/Wordt (zo )?voor het eerst opgehaald/)).not.toBeInTheDocument();
    const meetings = screen.getByRole('region', { name: 'Komende vergaderingen' });
    expect(await within(meetings).findByText(/^Het ophalen van de gegevens is nog niet gelukt\./)).toBeInTheDocument();
    expect(within(meetings).queryByText(/geen vergaderingen gepland/)).not.toBeInTheDocument();
  });

  it('says calmly that Raad is not switched on when the installation does not read council information', async () => {
    const { fetchMock } = mockServer({ councils: { enabled: false, status_checked_at: null, follows: [], available: [] } });
    renderPage();
    expect(await screen.findByText('Raad staat niet aan')).toBeInTheDocument();
    expect(screen.getByText(/Op deze installatie van aantafel staat Raad niet aan\./)).toBeInTheDocument();
    expect(screen.queryByText(/We halen de lijst met raden op/)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Raden die je kunt volgen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Onderwerpen' })).not.toBeInTheDocument();
    // Nothing to wait for: the page does not ask again.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(STATUS_POLL_MS.reduce((a, b) => a + b, 0));
    });
    expect(calls(fetchMock, 'GET', '/api/v1/workspaces/demo/councils')).toHaveLength(1);
    expect(calls(fetchMock, 'GET', '/api/v1/workspaces/demo/council-topics')).toHaveLength(0);
  });

  it('shows per meeting which topics come up and where, with a link to the meeting', async () => {
    mockServer({ topics: [TOPIC], matches: TOPIC_MATCHES });
    renderPage();
    const region = await screen.findByRole('region', { name: 'Je onderwerpen op de agenda' });
    const link = await within(region).findByRole('link', { name: 'Commissie Samenleving' });
    expect(link).toHaveAttribute('href', '/w/demo/council/meetings/5');
    const meeting = within(region).getAllByRole('listitem')[0]!;
    expect(meeting).toHaveTextContent('woensdag 9 december, van 19:30 tot 23:00 uur');
    expect(meeting).toHaveTextContent('Gevonden: Beschermd wonen');
    expect(meeting).toHaveTextContent('Agendapunt: Beleidsplan beschermd wonen 2027-2030');
    expect(meeting).toHaveTextContent('Stuk: Raadsvoorstel Beleidsplan beschermd wonen 2027-2030 (geanonimiseerd)');
    expect(meeting).toHaveTextContent('Motie: M41 Wachtlijst beschermd wonen terugdringen');
  });

  it('without topics the matches say to add one; with topics but no hits, that nothing comes up', async () => {
    mockServer();
    renderPage();
    const region = await screen.findByRole('region', { name: 'Je onderwerpen op de agenda' });
    expect(await within(region).findByText(/Voeg een onderwerp toe\./)).toBeInTheDocument();
  });

  it('an editor adds a topic (one word or phrase per line) and the server\'s field errors show at their field', async () => {
    let refuse = true;
    const { fetchMock, topicState } = mockServer({
      onWrite: () =>
        refuse
          ? problem('addCouncilTopic', 'invalid_input', 'Controleer de velden.', { name: 'Deze naam bestaat al.', 'terms[1]': 'Dit is te kort.' })
          : null,
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const section = await screen.findByRole('region', { name: 'Onderwerpen' });
    expect(within(section).getByText(/‘wonen’ vindt ook ‘woont’/)).toBeInTheDocument();
    expect(within(section).getByText('Er zijn nog geen onderwerpen.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Onderwerp toevoegen' }));
    const form = within(section).getByRole('form', { name: 'Nieuw onderwerp' });
    const name = within(form).getByRole('textbox', { name: /^Naam/ });
    expect(name).toHaveFocus();

    // Empty: said at the fields, nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(within(form).getByText('Vul een naam in.')).toBeInTheDocument();
    expect(within(form).getByText('Vul minstens één woord in.')).toBeInTheDocument();
    expect(name).toHaveFocus();
    expect(calls(fetchMock, 'POST', '/api/v1/workspaces/demo/council-topics')).toHaveLength(0);

    await user.type(name, 'Beschermd wonen');
    await user.type(within(form).getByRole('textbox', { name: /^Woorden om te zoeken/ }), 'beschermd wonen{Enter}x{Enter}beschermd wonen');
    await user.type(within(form).getByRole('textbox', { name: /^Uitzonderingen/ }), 'studentenhuisvesting');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    const sent = calls(fetchMock, 'POST', '/api/v1/workspaces/demo/council-topics');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(String(sent[0]![1]?.body))).toEqual({
      name: 'Beschermd wonen',
      terms: ['beschermd wonen', 'x'],
      exclusions: ['studentenhuisvesting'],
    });
    expect(await within(form).findByText('Deze naam bestaat al.')).toBeInTheDocument();
    const termsBox = within(form).getByRole('textbox', { name: /^Woorden om te zoeken/ });
    expect(termsBox).toHaveAccessibleDescription(/‘x’: Dit is te kort\./);
    expect(termsBox).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    expect(within(form).queryByText('Controleer de velden.')).not.toBeInTheDocument();

    refuse = false;
    await user.clear(termsBox);
    await user.type(termsBox, 'beschermd wonen');
    await user.clear(name);
    await user.type(name, 'Wonen met begeleiding');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Onderwerp Wonen met begeleiding is toegevoegd.')).toBeInTheDocument();
    expect(topicState).toHaveLength(1);
    const heading = await within(section).findByRole('heading', { level: 3, name: 'Wonen met begeleiding' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(within(section).queryByRole('form')).not.toBeInTheDocument();
  });

  it('an editor changes and deletes a topic (after confirming)', async () => {
    const { fetchMock } = mockServer({ topics: [TOPIC] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const section = await screen.findByRole('region', { name: 'Onderwerpen' });
    const card = (await within(section).findByRole('heading', { level: 3, name: 'Beschermd wonen' })).closest('li')!;
    expect(card).toHaveTextContent('beschermd wonen');
    expect(card).toHaveTextContent('Uitzonderingen');
    expect(card).toHaveTextContent('studentenhuisvesting');

    await user.click(within(section).getByRole('button', { name: 'Wijzigen: Beschermd wonen' }));
    const form = within(section).getByRole('form', { name: 'Onderwerp Beschermd wonen wijzigen' });
    const terms = within(form).getByRole('textbox', { name: /^Woorden om te zoeken/ });
    expect(terms).toHaveValue('beschermd wonen\nmaatschappelijke opvang');
    // One form at a time: no "Onderwerp toevoegen" while changing a topic.
    expect(within(section).queryByRole('button', { name: 'Onderwerp toevoegen' })).not.toBeInTheDocument();
    await user.type(terms, '{Enter}dakloos');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Onderwerp Beschermd wonen is opgeslagen.')).toBeInTheDocument();
    const put = calls(fetchMock, 'PUT', `/api/v1/workspaces/demo/council-topics/${TOPIC.id}`);
    expect(JSON.parse(String(put[0]![1]?.body))).toMatchObject({ terms: ['beschermd wonen', 'maatschappelijke opvang', 'dakloos'] });
    expect(await within(section).findByText('dakloos')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Verwijderen: Beschermd wonen' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Onderwerp Beschermd wonen verwijderen?' });
    expect(calls(fetchMock, 'DELETE', `/api/v1/workspaces/demo/council-topics/${TOPIC.id}`)).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }));
    expect(await screen.findByText('Onderwerp Beschermd wonen is verwijderd.')).toBeInTheDocument();
    expect(calls(fetchMock, 'DELETE', `/api/v1/workspaces/demo/council-topics/${TOPIC.id}`)).toHaveLength(1);
    expect(await within(section).findByText('Er zijn nog geen onderwerpen.')).toBeInTheDocument();
  });

  it('a name that another topic has is said at the name before anything is sent', async () => {
    const { fetchMock } = mockServer({ topics: [TOPIC] });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const section = await screen.findByRole('region', { name: 'Onderwerpen' });
    await user.click(await within(section).findByRole('button', { name: 'Onderwerp toevoegen' }));
    const form = within(section).getByRole('form', { name: 'Nieuw onderwerp' });
    await user.type(within(form).getByRole('textbox', { name: /^Naam/ }), ' beschermd WONEN ');
    await user.type(within(form).getByRole('textbox', { name: /^Woorden om te zoeken/ }), 'wonen');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(within(form).getByRole('textbox', { name: /^Naam/ })).toHaveAccessibleDescription(
      /Er is al een onderwerp met deze naam\. Kies een andere naam\./,
    );
    expect(calls(fetchMock, 'POST', '/api/v1/workspaces/demo/council-topics')).toHaveLength(0);
  });

  it('a name the server finds taken (another capital, added meanwhile) is said at the name in the form\'s words', async () => {
    const { fetchMock } = mockServer({
      onWrite: () =>
        problem('addCouncilTopic', 'invalid_input', 'Controleer de velden.', { name: 'Deze waarde is al in gebruik.' }),
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderPage();
    const section = await screen.findByRole('region', { name: 'Onderwerpen' });
    await user.click(await within(section).findByRole('button', { name: 'Onderwerp toevoegen' }));
    const form = within(section).getByRole('form', { name: 'Nieuw onderwerp' });
    const name = within(form).getByRole('textbox', { name: /^Naam/ });
    await user.type(name, 'BESCHERMD WONEN');
    await user.type(within(form).getByRole('textbox', { name: /^Woorden om te zoeken/ }), 'beschermd wonen');
    await user.click(within(form).getByRole('button', { name: 'Opslaan' }));
    expect(calls(fetchMock, 'POST', '/api/v1/workspaces/demo/council-topics')).toHaveLength(1);
    await waitFor(() => expect(name).toHaveAccessibleDescription(/Er is al een onderwerp met deze naam\. Kies een andere naam\./));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    expect(within(form).queryByRole('alert', { name: /Controleer de velden/ })).not.toBeInTheDocument();
    expect(within(form).queryByText('Controleer de velden.')).not.toBeInTheDocument();
  });

  it('a viewer reads the topics without buttons', async () => {
    mockServer({ topics: [TOPIC], matches: TOPIC_MATCHES });
    renderPage('viewer');
    const section = await screen.findByRole('region', { name: 'Onderwerpen' });
    expect(await within(section).findByRole('heading', { level: 3, name: 'Beschermd wonen' })).toBeInTheDocument();
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });
});
