import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, problem } from '../../test/answer';
import { organisationList } from '../../test/fixtures';
import { mockFetch, renderInWorkspace, type Handler } from '../whoiswho/testing';
import type { CouncilFollow, CouncilList, CouncilSearchHit } from './api';
import { CouncilPage } from './CouncilPage';
import { CouncilSearch } from './CouncilSearch';
import { cleanQuery, hitAnchor, searchFieldErrors, searchFromUrl, searchRequest, searchToUrl } from './councilSearch';
import { MeetingPage } from './MeetingPage';
import { COUNCILS, HOUTEN, MEETING, MEETING_DETAIL, NOW, ORGANISATIONS, SOEST_FOLLOW } from './testdata';

const SEARCH = 'GET /api/v1/workspaces/demo/council-search';

const HOUTEN_FOLLOW: CouncilFollow = { ...SOEST_FOLLOW, source_key: 'houten', municipality_code: 'GM0321', source: HOUTEN };
const FOLLOWS = [SOEST_FOLLOW, HOUTEN_FOLLOW];

/** A hit as the server sends it (Soest, the meeting of the Commissie Samenleving). */
function hit(fields: Partial<CouncilSearchHit>): CouncilSearchHit {
  return {
    kind: 'motion',
    id: 3,
    position: null,
    source_key: 'soest',
    council: 'Soest',
    title: '',
    excerpt: '',
    date: '2026-12-09T18:30:00.000Z',
    meeting_id: MEETING.id,
    meeting_name: 'Commissie Samenleving',
    url: '',
    highlights: { title: [], excerpt: [] },
    ...fields,
  };
}

const MOTION = hit({
  kind: 'motion',
  id: 3,
  title: 'M41 Wachtlijst beschermd wonen terugdringen',
  excerpt: 'J. de Vries, A. Bakker · Motie aangenomen',
  highlights: { title: [[4, 14]], excerpt: [] },
});
const AGENDA_ITEM = hit({
  kind: 'agenda_item',
  id: MEETING.id,
  position: 2,
  title: 'Beleidsplan beschermd wonen 2027-2030',
  excerpt: 'Het college vraagt de raad het regionale beleidsplan vast te stellen.',
  highlights: { title: [[12, 21], [22, 27]], excerpt: [] },
});
const DOCUMENT = hit({
  kind: 'document',
  id: 9,
  title: 'Raadsvoorstel Beleidsplan beschermd wonen 2027-2030 (geanonimiseerd)',
  date: '2026-11-12T15:20:00.000Z',
  url: 'https://api.notubiz.nl/document/12399/1',
  highlights: { title: [[26, 35]], excerpt: [] },
});
const MEETING_HIT = hit({
  kind: 'meeting',
  id: MEETING.id,
  title: 'Commissie Samenleving',
  excerpt: 'Trouwzaal, Raadhuis Soest',
  highlights: { title: [[10, 21]], excerpt: [] },
});
/** A motion whose meeting is not in the copy. */
const LOOSE_MOTION = hit({
  kind: 'motion',
  id: 30,
  title: 'M12 Wachtlijsten jeugdhulp',
  date: null,
  meeting_id: null,
  meeting_name: '',
  highlights: { title: [[4, 16]], excerpt: [] },
});

/** n motions with their own ids, from `from` on. */
function motions(n: number, from = 100): CouncilSearchHit[] {
  return Array.from({ length: n }, (_, i) =>
    hit({ id: from + i, title: `Motie ${from + i} over wachtlijsten`, highlights: { title: [[String(from + i).length + 12, String(from + i).length + 24]], excerpt: [] } }),
  );
}

function renderSearch(route: string, search: Handler, follows: CouncilFollow[] = FOLLOWS) {
  const fetchMock = mockFetch({ [SEARCH]: search });
  renderInWorkspace(<CouncilSearch follows={follows} />, { route, path: '/w/:slug/council' });
  return fetchMock;
}

/** The query parameters of every council-search request, in order. */
function searches(fetchMock: ReturnType<typeof mockFetch>) {
  return fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === '/api/v1/workspaces/demo/council-search')
    .map((url) => Object.fromEntries(url.searchParams));
}

const location = () => screen.getByTestId('location').textContent;

describe('councilSearch helpers', () => {
  it('reads the search from the URL, leaving out what the form cannot show', () => {
    const url = new URLSearchParams('q=%20%E2%80%9Cbeschermd%20wonen%E2%80%9D%20&council=weesp&kind=besluit&from=2026-1-1&to=2026-12-31');
    expect(searchFromUrl(url, ['soest'])).toEqual({ q: '"beschermd wonen"', council: '', kind: '', from: '', to: '2026-12-31' });
    expect(searchToUrl({ q: ' zorg ', council: 'soest', kind: 'motion', from: '', to: '' }).toString()).toBe('q=zorg&council=soest&kind=motion');
    expect(searchRequest({ q: 'zorg', council: 'soest', kind: 'document', from: '2026-01-01', to: '' }, 40)).toEqual({
      q: 'zorg',
      source_key: 'soest',
      kind: 'document',
      from: '2026-01-01',
      limit: 20,
      offset: 40,
    });
    expect(cleanQuery('„beschermd wonen”')).toBe('"beschermd wonen"');
  });

  it('knows where on the meeting page a hit is, and which form field a 422 names', () => {
    expect(hitAnchor(AGENDA_ITEM)).toBe('#agenda-item-2');
    expect(hitAnchor(MOTION)).toBe('#motion-3');
    expect(hitAnchor(DOCUMENT)).toBe('#document-9');
    expect(hitAnchor(MEETING_HIT)).toBe('');
    expect(searchFieldErrors({ q: 'Te kort.', source_key: 'Vorm.', limit: 'Te groot.' })).toEqual({
      errors: { q: 'Te kort.', council: 'Vorm.' },
      rest: true,
    });
  });
});

describe('CouncilSearch', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs the search in the URL with its filters and shows the hits with the words found marked', async () => {
    const fetchMock = renderSearch('/w/demo/council?q=wachtlijsten&council=soest&kind=motion&from=2026-01-01&to=2026-12-31', () =>
      answer('searchCouncils', 200, { items: [MOTION], has_more: false }),
    );
    const results = await screen.findByRole('region', { name: '1 resultaat voor ‘wachtlijsten’' });
    expect(searches(fetchMock)).toEqual([
      { q: 'wachtlijsten', source_key: 'soest', kind: 'motion', from: '2026-01-01', to: '2026-12-31', limit: '20', offset: '0' },
    ]);
    // The form shows the search of the URL.
    const form = screen.getByRole('search', { name: 'Zoeken in de raad' });
    expect(within(form).getByRole('searchbox', { name: 'Zoekwoorden' })).toHaveValue('wachtlijsten');
    expect(within(form).getByRole('combobox', { name: 'Raad' })).toHaveValue('soest');
    expect(within(form).getByRole('combobox', { name: 'Soort' })).toHaveValue('motion');
    expect(within(form).getByLabelText('Vanaf')).toHaveValue('2026-01-01');
    expect(within(form).getByLabelText('Tot en met')).toHaveValue('2026-12-31');
    expect(within(form).getByRole('group', { name: 'Periode' })).toBeInTheDocument();
    // With filters in the URL, the filters are unfolded and say how many are chosen.
    expect(form.querySelector('details')).toHaveAttribute('open');
    expect(within(form).getByText('Filters: raad, soort en periode (3 gekozen)')).toBeInTheDocument();
    expect(within(form).getByRole('searchbox', { name: 'Zoekwoorden' })).toHaveAccessibleDescription(/‘wachtlijsten’ vindt ook ‘wachtlijst’/);

    // The count is said politely.
    expect(document.getElementById('council-search-status')).toHaveTextContent('1 resultaat voor ‘wachtlijsten’');
    const item = within(results).getByRole('listitem');
    const link = within(item).getByRole('link', { name: 'M41 Wachtlijst beschermd wonen terugdringen' });
    expect(link).toHaveAttribute('href', '/w/demo/council/meetings/5#motion-3');
    expect([...item.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Wachtlijst']);
    expect(within(item).getByRole('heading', { level: 3 })).toHaveTextContent('M41 Wachtlijst beschermd wonen terugdringen');
    expect(item).toHaveTextContent('Motie Raad van Soest · 9 december 2026');
    expect(item).toHaveTextContent('J. de Vries, A. Bakker · Motie aangenomen');
    expect(item).toHaveTextContent('Vergadering: Commissie Samenleving');
  });

  it('says what each kind of hit is and where it leads: the meeting (at the item), a document at the source', async () => {
    renderSearch('/w/demo/council?q=beschermd+wonen', () =>
      answer('searchCouncils', 200, { items: [AGENDA_ITEM, DOCUMENT, MEETING_HIT, LOOSE_MOTION], has_more: false }),
    );
    const results = await screen.findByRole('region', { name: '4 resultaten voor ‘beschermd wonen’' });
    const [agenda, document, meeting, loose] = within(results).getAllByRole('listitem');

    expect(within(agenda!).getByRole('link', { name: 'Beleidsplan beschermd wonen 2027-2030' })).toHaveAttribute(
      'href',
      '/w/demo/council/meetings/5#agenda-item-2',
    );
    expect([...agenda!.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['beschermd', 'wonen']);
    expect(agenda).toHaveTextContent('Agendapunt Raad van Soest · 9 december 2026');
    // One link per hit when the title goes to the meeting already.
    expect(within(agenda!).getAllByRole('link')).toHaveLength(1);

    const source = within(document!).getByRole('link', { name: /^Raadsvoorstel Beleidsplan/ });
    expect(source).toHaveAttribute('href', 'https://api.notubiz.nl/document/12399/1');
    expect(source).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(document!).getByRole('heading', { level: 3 })).toHaveTextContent('(op de site van de raad)');
    expect(document).toHaveTextContent('Stuk Raad van Soest · 12 november 2026');
    expect(within(document!).getByRole('link', { name: 'Commissie Samenleving' })).toHaveAttribute(
      'href',
      '/w/demo/council/meetings/5#document-9',
    );

    expect(within(meeting!).getByRole('link', { name: 'Commissie Samenleving' })).toHaveAttribute('href', '/w/demo/council/meetings/5');
    expect(meeting).toHaveTextContent('Vergadering Raad van Soest · 9 december 2026');
    expect(meeting).toHaveTextContent('Trouwzaal, Raadhuis Soest');
    expect(meeting).not.toHaveTextContent('Vergadering:');

    // Without a stored meeting: no link, and it says why.
    expect(within(loose!).queryByRole('link')).not.toBeInTheDocument();
    expect(loose).toHaveTextContent('M12 Wachtlijsten jeugdhulp');
    expect(loose).toHaveTextContent('Motie Raad van Soest');
    expect(loose).toHaveTextContent('De vergadering hierbij staat (nog) niet in aantafel.');
  });

  it('searches on Enter with the filters chosen, keeping them in the URL; the same search again asks again', async () => {
    const fetchMock = renderSearch('/w/demo/council', () => answer('searchCouncils', 200, { items: [AGENDA_ITEM], has_more: false }));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const form = screen.getByRole('search', { name: 'Zoeken in de raad' });
    expect(within(form).getByRole('combobox', { name: 'Raad' })).toHaveTextContent('Alle radenSoestHouten');
    expect([...within(form).getByRole('combobox', { name: 'Soort' }).querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Alle soorten',
      'Vergaderingen',
      'Agendapunten',
      'Stukken',
      'Moties',
    ]);
    // Nothing is asked before a search.
    expect(searches(fetchMock)).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Zoekopdracht wissen' })).not.toBeInTheDocument();

    // The filters are folded away until opened.
    expect(form.querySelector('details')).not.toHaveAttribute('open');
    await user.click(within(form).getByText('Filters: raad, soort en periode'));
    expect(form.querySelector('details')).toHaveAttribute('open');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Soort' }), 'agenda_item');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Raad' }), 'houten');
    await user.type(within(form).getByLabelText('Vanaf'), '2026-12-01');
    const field = within(form).getByRole('searchbox', { name: 'Zoekwoorden' });
    await user.type(field, '„beschermd wonen”{Enter}');
    await screen.findByRole('region', { name: '1 resultaat voor ‘"beschermd wonen"’' });
    expect(location()).toBe('/w/demo/council?q=%22beschermd+wonen%22&council=houten&kind=agenda_item&from=2026-12-01');
    expect(searches(fetchMock)).toEqual([
      { q: '"beschermd wonen"', source_key: 'houten', kind: 'agenda_item', from: '2026-12-01', limit: '20', offset: '0' },
    ]);
    expect(field).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(searches(fetchMock)).toHaveLength(2));

    // Clearing goes back to the plain page, with focus in the field.
    await user.click(screen.getByRole('button', { name: 'Zoekopdracht wissen' }));
    expect(location()).toBe('/w/demo/council');
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    expect(screen.queryByRole('region', { name: /resultaat/ })).not.toBeInTheDocument();
  });

  it('asks for words before searching, without a request', async () => {
    const fetchMock = renderSearch('/w/demo/council', () => answer('searchCouncils', 200, { items: [], has_more: false }));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.type(screen.getByRole('searchbox', { name: 'Zoekwoorden' }), '   {Enter}');
    const field = screen.getByRole('searchbox', { name: 'Zoekwoorden' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Vul een of meer woorden in\./);
    expect(field).toHaveFocus();
    expect(searches(fetchMock)).toEqual([]);
    expect(location()).toBe('/w/demo/council');
  });

  it('shows the server’s 422 at the field it names, with focus there', async () => {
    renderSearch('/w/demo/council', (url) =>
      url.searchParams.get('q') === 'a'
        ? problem('searchCouncils', 'invalid_input', 'Controleer de velden.', { q: 'Gebruik minstens 2 tekens.' })
        : problem('searchCouncils', 'invalid_input', 'Controleer de velden.', { to: 'Kies een einde dat na het begin ligt.' }),
    );
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const field = screen.getByRole('searchbox', { name: 'Zoekwoorden' });
    await user.type(field, 'a');
    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/Gebruik minstens 2 tekens\./);
    await waitFor(() => expect(field).toHaveFocus());
    expect(document.getElementById('council-search-status')).toHaveTextContent('Zoeken lukte niet. Bij het veld staat wat je kunt aanpassen.');
    // Said at the field only, not again in a general alert.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.clear(field);
    await user.type(field, 'zorg');
    await user.click(screen.getByText('Filters: raad, soort en periode'));
    await user.type(screen.getByLabelText('Vanaf'), '2026-12-10');
    await user.type(screen.getByLabelText('Tot en met'), '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    const to = screen.getByLabelText('Tot en met');
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(to).toHaveAccessibleDescription(/Kies een einde dat na het begin ligt\./);
    await waitFor(() => expect(to).toHaveFocus());
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('says when nothing is found, with a tip (that names the filters when there are any)', async () => {
    renderSearch('/w/demo/council?q=wachtlijstje', () => answer('searchCouncils', 200, { items: [], has_more: false }));
    expect(await screen.findByText('Niets gevonden voor ‘wachtlijstje’.')).toBeInTheDocument();
    expect(document.getElementById('council-search-status')).toHaveTextContent('Niets gevonden voor ‘wachtlijstje’.');
    expect(screen.getByText('Tip: gebruik minder woorden of een andere spelling.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('names the filters in the tip when a filter narrows the search', async () => {
    renderSearch('/w/demo/council?q=wachtlijstje&kind=document', () => answer('searchCouncils', 200, { items: [], has_more: false }));
    expect(
      await screen.findByText('Tip: gebruik minder woorden of een andere spelling. Of zoek in alle raden, in alle soorten en zonder periode.'),
    ).toBeInTheDocument();
  });

  it('says "Meer dan 20" when there are more, loads them on "Meer resultaten" and puts focus on the first new hit', async () => {
    const fetchMock = renderSearch('/w/demo/council?q=wachtlijsten', (url) =>
      url.searchParams.get('offset') === '0'
        ? answer('searchCouncils', 200, { items: motions(20), has_more: true })
        : answer('searchCouncils', 200, { items: motions(3, 120), has_more: false }),
    );
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const results = await screen.findByRole('region', { name: 'Meer dan 20 resultaten voor ‘wachtlijsten’' });
    expect(within(results).getAllByRole('listitem')).toHaveLength(20);
    expect(within(results).getByText('De beste resultaten staan bovenaan.')).toBeInTheDocument();
    await user.click(within(results).getByRole('button', { name: 'Meer resultaten' }));
    await screen.findByRole('region', { name: '23 resultaten voor ‘wachtlijsten’' });
    expect(searches(fetchMock).map((query) => query.offset)).toEqual(['0', '20']);
    expect(within(results).getAllByRole('listitem')).toHaveLength(23);
    await waitFor(() => expect(within(results).getByRole('link', { name: 'Motie 120 over wachtlijsten' })).toHaveFocus());
    expect(within(results).queryByRole('button', { name: 'Meer resultaten' })).not.toBeInTheDocument();
    expect(document.getElementById('council-search-status')).toHaveTextContent('23 resultaten voor ‘wachtlijsten’');
  });

  it('shows a failure that is not about a field as an alert', async () => {
    renderSearch('/w/demo/council?q=zorg', () => problem('searchCouncils', 'unavailable', 'Probeer het zo opnieuw.'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Probeer het zo opnieuw.');
  });
});

describe('Zoeken in de raad on the Raad page and the meeting page', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function mockRaad(councils: CouncilList) {
    return mockFetch({
      'GET /api/v1/workspaces/demo/councils': () => answer('listCouncils', 200, councils),
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, organisationList(ORGANISATIONS)),
      'GET /api/v1/workspaces/demo/council-meetings': () => answer('listCouncilMeetings', 200, { items: [MEETING] }),
      'GET /api/v1/workspaces/demo/council-topics': () => answer('listCouncilTopics', 200, { items: [] }),
      'GET /api/v1/workspaces/demo/council-topic-matches': () => answer('listCouncilTopicMatches', 200, { items: [] }),
      [SEARCH]: () => answer('searchCouncils', 200, { items: [MOTION], has_more: false }),
    });
  }

  it('is on the Raad page when a council is followed, and runs the search of a shared link', async () => {
    mockRaad(COUNCILS);
    renderInWorkspace(<CouncilPage />, { route: '/w/demo/council?q=wachtlijsten', path: '/w/:slug/council' });
    const section = await screen.findByRole('region', { name: 'Zoeken in de raad' });
    await within(section).findByRole('region', { name: '1 resultaat voor ‘wachtlijsten’' });
    expect(within(section).getByRole('combobox', { name: 'Raad' })).toHaveTextContent('Alle radenSoest');
  });

  it('is not there when no council is followed', async () => {
    const fetchMock = mockRaad({ ...COUNCILS, follows: [] });
    renderInWorkspace(<CouncilPage />, { route: '/w/demo/council?q=wachtlijsten', path: '/w/:slug/council' });
    await screen.findByRole('region', { name: 'Raden die je kunt volgen' });
    expect(screen.queryByRole('region', { name: 'Zoeken in de raad' })).not.toBeInTheDocument();
    expect(searches(fetchMock)).toEqual([]);
  });

  it('the meeting page opens at the agenda item a hit points at: focus and a band there', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/council-topic-matches': () => answer('listCouncilTopicMatches', 200, { items: [] }),
      [`GET /api/v1/workspaces/demo/council-meetings/${MEETING.id}`]: () => answer('getCouncilMeeting', 200, MEETING_DETAIL),
    });
    renderInWorkspace(<MeetingPage />, {
      route: `/w/demo/council/meetings/${MEETING.id}#agenda-item-2`,
      path: '/w/:slug/council/meetings/:meetingId',
    });
    await screen.findByRole('heading', { level: 1, name: 'Commissie Samenleving' });
    const item = document.getElementById('agenda-item-2')!;
    expect(item).toHaveTextContent('2a Beleidsplan beschermd wonen 2027-2030');
    expect(item).toHaveClass('aantafel-council-target');
    await waitFor(() => expect(item).toHaveFocus());
    // The others have their place too, without the band.
    expect(document.getElementById('agenda-item-3')).toHaveTextContent('Evaluatie jeugdhulp in de regio');
    expect(document.getElementById('agenda-item-3')).not.toHaveClass('aantafel-council-target');
    expect(document.getElementById('motion-3')).toHaveTextContent('M41 Wachtlijst beschermd wonen terugdringen');
    expect(document.getElementById('document-9')).toHaveTextContent(/geanonimiseerd/);
  });
});
