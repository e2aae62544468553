import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, problem } from '../../test/answer';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import type { CouncilMeetingDetail, CouncilTopicMatch } from './api';
import { MeetingPage } from './MeetingPage';
import { DATE_ONLY_MEETING, MEETING_DETAIL, NOW, TOPIC_MATCHES } from './testdata';

function renderMeeting(detail: CouncilMeetingDetail | null, id = detail?.id ?? 5, matches: CouncilTopicMatch[] = []) {
  const fetchMock = mockFetch({
    'GET /api/v1/workspaces/demo/council-topic-matches': () => answer('listCouncilTopicMatches', 200, { items: matches }),
    [`GET /api/v1/workspaces/demo/council-meetings/${id}`]: () =>
      detail ? answer('getCouncilMeeting', 200, detail) : problem('getCouncilMeeting', 'not_found', 'Niet gevonden.'),
  });
  renderInWorkspace(<MeetingPage />, {
    role: 'viewer',
    route: `/w/demo/council/meetings/${id}`,
    path: '/w/:slug/council/meetings/:meetingId',
  });
  return fetchMock;
}

describe('MeetingPage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows when and where, the agenda as a numbered tree with headings as group titles, and the documents at the source', async () => {
    renderMeeting(MEETING_DETAIL);
    expect(await screen.findByRole('heading', { level: 1, name: 'Commissie Samenleving' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Terug naar Raad' })).toHaveAttribute('href', '/w/demo/council');
    expect(screen.getByText('woensdag 9 december 2026, van 19:30 tot 23:00 uur')).toBeInTheDocument();
    expect(screen.getByText('Trouwzaal, Raadhuis Soest')).toBeInTheDocument();
    expect(screen.getByText('Soest')).toBeInTheDocument();

    const agenda = screen.getByRole('region', { name: 'Agenda' });
    const group = within(agenda).getByRole('heading', { level: 3, name: '2 Bespreekstukken' });
    const groupItem = group.closest('li')!;
    const nested = within(groupItem).getByRole('list', { name: '' });
    expect([...nested.querySelectorAll(':scope > li')].map((li) => li.querySelector('.aantafel-agenda__line')?.textContent)).toEqual([
      '2a Beleidsplan beschermd wonen 2027-2030',
      '2b Evaluatie jeugdhulp in de regio',
    ]);
    expect(within(groupItem).getByText('Het college vraagt de raad het regionale beleidsplan vast te stellen.')).toBeInTheDocument();
    const agendaDoc = within(groupItem).getByRole('link', { name: 'Raadsvoorstel Beleidsplan beschermd wonen 2027-2030' });
    expect(agendaDoc).toHaveAttribute('href', 'https://api.notubiz.nl/document/12345/1');
    expect(agendaDoc.parentElement).toHaveTextContent('(op de site van de raad)');

    const documents = screen.getByRole('region', { name: 'Stukken' });
    expect(within(documents).getByText('De stukken staan op de site van de raad. Een link opent het stuk daar.')).toBeInTheDocument();
    const doc = within(documents).getByRole('link', { name: /geanonimiseerd/ });
    expect(doc).toHaveAttribute('href', 'https://api.notubiz.nl/document/12399/1');
    expect(doc.closest('li')).toHaveTextContent('(pdf, op de site van de raad)Raadsvoorstel · gewijzigd op 12 november 2026');
    // A link that is not a web address is not made a link.
    expect(within(documents).getByText('Stuk met een vreemde link')).toBeInTheDocument();
    expect(within(documents).queryByRole('link', { name: 'Stuk met een vreemde link' })).not.toBeInTheDocument();

    expect(screen.getByText(/Dit is geen officiële publicatie\. De geldende versie staat bij de bron/)).toBeInTheDocument();
  });

  it('shows a motion with its result, tally, proposers and the votes per party, details on request', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderMeeting(MEETING_DETAIL);
    const motions = await screen.findByRole('region', { name: 'Moties' });
    const motion = within(motions).getByRole('article', { name: 'M41 Wachtlijst beschermd wonen terugdringen' });
    expect(within(motion).getByText('Aangenomen')).toBeInTheDocument();
    expect(within(motion).getByText('Uitslag: 14 voor, 9 tegen.')).toBeInTheDocument();
    expect(within(motion).getByText('Ingediend door: J. de Vries, A. Bakker.')).toBeInTheDocument();

    const table = within(motion).getByRole('table', { name: /^Stemmen per partij/ });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['GroenLinks', '1', '0'],
      ['VVD', '0', '1'],
    ]);
    expect(within(motion).getByText('De raad publiceert 2 van de 23 stemmen per persoon.')).toBeInTheDocument();

    const summary = within(motion).getByText('Wie stemde wat (2 stemmen)');
    const details = summary.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    await user.click(summary);
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText('Voor: Vries, J. de')).toBeInTheDocument();
    expect(within(details).getByText('Tegen: Jansen, P.')).toBeInTheDocument();
  });

  it('a meeting with only a date shows no time; a cancelled meeting says so', async () => {
    renderMeeting({ ...MEETING_DETAIL, ...DATE_ONLY_MEETING, agenda: [], documents: [], motions: [] });
    expect(await screen.findByRole('heading', { level: 1, name: 'Raadsvergadering' })).toBeInTheDocument();
    expect(screen.getByText('donderdag 17 december 2026 (de tijd is niet bekend)')).toBeInTheDocument();
    expect(screen.getByText('Deze vergadering gaat niet door.')).toBeInTheDocument();
    expect(screen.getByText('Niet bekend')).toBeInTheDocument();
    expect(screen.getByText('De agenda is nog niet bekend.')).toBeInTheDocument();
    expect(screen.getByText('Er zijn nog geen stukken bij deze vergadering.')).toBeInTheDocument();
    expect(screen.getByText('Er zijn geen moties bij deze vergadering.')).toBeInTheDocument();
  });

  it('an unknown meeting is "not found"', async () => {
    renderMeeting(null, 77);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeInTheDocument();
  });

  it('marks the agenda items whose title holds one of the workspace\'s topics', async () => {
    const fetchMock = renderMeeting(MEETING_DETAIL, 5, TOPIC_MATCHES);
    const agenda = await screen.findByRole('region', { name: 'Agenda' });
    const marked = await within(agenda).findByText('Onderwerp: Beschermd wonen');
    expect(marked.closest('p')).toHaveTextContent('2a Beleidsplan beschermd wonen 2027-2030 Onderwerp: Beschermd wonen');
    // The label flows with the title as text (on a phone it wraps like words, not as a round blob of its own).
    expect(marked.parentElement).toHaveClass('aantafel-agenda__text');
    expect(marked.parentElement?.querySelector('.aantafel-agenda__title')).toHaveTextContent(/^Beleidsplan beschermd wonen 2027-2030$/);
    expect(within(agenda).getAllByText(/^Onderwerp:/)).toHaveLength(1);
    const asked = fetchMock.mock.calls
      .map(([input]) => new URL(String(input), 'http://localhost'))
      .find((url) => url.pathname.endsWith('/council-topic-matches'))!;
    expect(Object.fromEntries(asked.searchParams)).toEqual({ from: '2026-12-09', to: '2026-12-09', source_key: 'soest' });
  });
});
