import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FeedbackResponse, NpsGroup } from '../../api/types';
import { answer } from '../../test/answer';
import { callbackFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { FeedbackDashboardPage } from './FeedbackDashboardPage';

/** A stand-in for EventSource that the test drives. */
class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readonly url: string;
  readyState = 0;
  private listeners = new Map<string, Set<(event: MessageEvent<string>) => void>>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }
  removeEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.readyState = 2;
  }
  emit(type: string, data?: unknown) {
    const event = new MessageEvent(type, { data: data === undefined ? '' : JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function group(extra: Partial<NpsGroup> = {}): NpsGroup {
  return { key: '', label: '', n: 84, promoters: 40, passives: 23, detractors: 21, nps: 22.6, ci_low: 5.1, ci_high: 39.8, enough: true, ...extra };
}

const report = (groups: NpsGroup[] = []) => ({
  total: group(),
  groups,
  group_by: groups.length ? 'team' : null,
  min_n: 30,
  invitations: { sent: 0, answered: 0, response_rate: null },
});

function response(id: number, extra: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return {
    id,
    survey_id: 1,
    survey_name: 'Wijkteam Noord',
    team: 'Noord',
    score: 9,
    category: 'promoter',
    why: 'Fijn geholpen.',
    better: '',
    callback: false,
    channel: 'link',
    themes: [],
    received_at: '2026-11-23T09:00:00Z',
    ...extra,
  };
}

const route = { route: '/w/demo/feedback', path: '/w/:slug/feedback' };

afterEach(() => {
  vi.unstubAllGlobals();
  FakeEventSource.last = null;
});

describe('FeedbackDashboardPage', () => {
  it('shows the NPS sentence, greys out small groups and adds live responses', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    let responseLoads = 0;
    mockFetch({
      'GET /api/v1/workspaces/demo/feedback/nps': (url) =>
        answer('getNps', 200, url.searchParams.get('group_by') ? report([group({ key: 'zuid', label: 'Zuid', n: 12, enough: false })]) : report()),
      'GET /api/v1/workspaces/demo/feedback/responses': () => {
        responseLoads += 1;
        return answer('listResponses', 200, { items: [response(1)], has_more: false });
      },
      'GET /api/v1/workspaces/demo/feedback/callbacks': () => answer('listCallbacks', 200, { items: [] }),
      'GET /api/v1/workspaces/demo/feedback/themes': () => answer('getThemes', 200, { answered: 0, items: [] }),
    });
    renderInWorkspace(<FeedbackDashboardPage />, route);

    expect(await screen.findByText('NPS +23')).toHaveAttribute('id', 'nps-total');
    expect(screen.getByTestId('nps-plain')).toHaveTextContent('Van elke 100 cliënten raden er ongeveer 48 jullie aan');
    expect(screen.getByText(/de echte score ligt waarschijnlijk tussen \+5 en \+40/)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /^NPS per Team,/ });
    const row = within(table).getByRole('rowheader', { name: 'Zuid' }).closest('tr');
    expect(row).toHaveClass('aantafel-row--muted');
    expect(within(row as HTMLElement).getByText('te weinig antwoorden om te vergelijken (minder dan 30)')).toBeInTheDocument();

    const feed = screen.getByRole('list', { name: 'Laatste reacties' });
    await within(feed).findByText('Fijn geholpen.');
    const source = FakeEventSource.last;
    expect(source?.url).toBe('/api/v1/workspaces/demo/feedback/stream');
    act(() => source?.emit('open'));
    expect(screen.getByText('Live: nieuwe reacties verschijnen vanzelf.')).toBeInTheDocument();

    act(() =>
      source?.emit(
        'response',
        response(2, { score: 3, category: 'detractor', callback: true, why: 'Lang wachten.', received_at: '2026-11-23T10:00:00Z' }),
      ),
    );
    const items = within(feed).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Lang wachten.');
    expect(items[0]).toHaveClass('aantafel-feed__item--attention');
    expect(screen.getByTestId('feed-announcer')).toHaveTextContent('Nieuw terugbelverzoek: cijfer 3 voor Wijkteam Noord.');

    act(() => source?.emit('callback', callbackFixture()));
    const callbacks = screen.getByRole('list', { name: 'Open terugbelverzoeken' });
    expect(within(callbacks).getByText(/^te laat: had gebeld moeten zijn vóór/)).toBeInTheDocument();

    // After an error, the next open refetches the lists.
    act(() => source?.emit('error'));
    expect(screen.getByText('De verbinding is weg. We proberen opnieuw te verbinden…')).toBeInTheDocument();
    const before = responseLoads;
    act(() => source?.emit('open'));
    await waitFor(() => expect(responseLoads).toBe(before + 1));
  });

  it('reveals the phone number and closes a callback', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const user = userEvent.setup();
    let patch: unknown;
    mockFetch({
      'GET /api/v1/workspaces/demo/feedback/nps': () => answer('getNps', 200, report()),
      'GET /api/v1/workspaces/demo/feedback/responses': () => answer('listResponses', 200, { items: [], has_more: false }),
      'GET /api/v1/workspaces/demo/feedback/callbacks': () => answer('listCallbacks', 200, { items: [callbackFixture()] }),
      'GET /api/v1/workspaces/demo/feedback/themes': () => answer('getThemes', 200, { answered: 0, items: [] }),
      'POST /api/v1/workspaces/demo/feedback/callbacks/5/phone': () => answer('revealCallbackPhone', 200, { phone: '+31612345678' }),
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/5': (_url, init) => {
        patch = JSON.parse(String(init?.body));
        return answer('updateCallback', 200, callbackFixture({ status: 'done', outcome: 'Gebeld.' }));
      },
    });
    renderInWorkspace(<FeedbackDashboardPage />, route);
    const card = (await screen.findByRole('heading', { level: 3, name: 'Wijkteam Noord: cijfer 3' })).closest('li') as HTMLElement;
    await user.click(within(card).getByRole('button', { name: 'Toon telefoonnummer' }));
    expect(await within(card).findByRole('link', { name: '+31612345678' })).toHaveAttribute('href', 'tel:+31612345678');
    expect(within(card).getByText('Dat je dit nummer bekijkt, wordt vastgelegd.')).toBeInTheDocument();

    await user.selectOptions(within(card).getByLabelText('Status'), 'done');
    await user.type(within(card).getByLabelText('Uitkomst van het gesprek'), 'Gebeld.');
    await user.click(within(card).getByRole('button', { name: 'Terugbelverzoek opslaan' }));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 3, name: 'Wijkteam Noord: cijfer 3' })).toBeNull());
    expect(patch).toEqual({ status: 'done', notes: '', outcome: 'Gebeld.' });
    expect(screen.getByText('Opgeslagen. Status: bereikt.')).toBeInTheDocument();
  });

  it('shows closed callbacks too, with how they ended and the outcome, and reopens one', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const user = userEvent.setup();
    const asked: string[] = [];
    const reached = callbackFixture({ id: 7, status: 'done', overdue: false, outcome: 'Gebeld, het gaat weer goed.', updated_at: '2026-11-22T10:00:00Z', assignee: { id: 2, email: 'b@x.nl', name: 'Bram' } });
    const notReached = callbackFixture({ id: 8, status: 'unreachable', overdue: false, outcome: '', updated_at: '2026-11-23T10:00:00Z', survey_name: 'Wijkteam Zuid' });
    const seen: unknown[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent).detail);
    window.addEventListener('aantafel:act-now-changed', listener);
    mockFetch({
      'GET /api/v1/workspaces/demo/feedback/nps': () => answer('getNps', 200, report()),
      'GET /api/v1/workspaces/demo/feedback/responses': () => answer('listResponses', 200, { items: [], has_more: false }),
      'GET /api/v1/workspaces/demo/feedback/callbacks': (url) => {
        const status = url.searchParams.get('status') ?? '';
        asked.push(status);
        return answer('listCallbacks', 200, {
          items: status === 'active' ? [callbackFixture()] : status === 'done' ? [reached] : status === 'unreachable' ? [notReached] : [],
        });
      },
      'GET /api/v1/workspaces/demo/feedback/themes': () => answer('getThemes', 200, { answered: 0, items: [] }),
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/8': () =>
        answer('updateCallback', 200, { ...notReached, status: 'open', updated_at: '2026-11-23T12:00:00Z' }),
    });
    renderInWorkspace(<FeedbackDashboardPage />, route);
    await screen.findByRole('heading', { level: 3, name: 'Wijkteam Noord: cijfer 3' });
    expect(screen.getByTestId('callbacks-count')).toHaveTextContent('1 open terugbelverzoek.');

    const filter = screen.getByLabelText('Welke terugbelverzoeken wil je zien?');
    expect(within(filter).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Open: nog bellen',
      'Afgerond: alle',
      'Afgerond: bereikt',
      'Afgerond: niet bereikt',
      'Afgerond: niet meer nodig',
    ]);
    await user.selectOptions(filter, 'Afgerond: alle');
    const list = await screen.findByRole('list', { name: 'Afgeronde terugbelverzoeken' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(asked).toEqual(expect.arrayContaining(['done', 'unreachable', 'not_needed']));
    expect(screen.getByTestId('location')).toHaveTextContent('callbacks=closed');
    expect(screen.getByTestId('callbacks-count')).toHaveTextContent('2 afgeronde terugbelverzoeken, de laatst gewijzigde bovenaan.');
    const [first, second] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    // The most recently changed first; each says how it ended and what came of it.
    expect(first).toHaveTextContent('Wijkteam Zuid: cijfer 3');
    expect(first).toHaveTextContent('Afgerond: niet bereikt');
    expect(within(first).getByTestId('callback-outcome')).toHaveTextContent('Er is geen uitkomst opgeschreven.');
    expect(second).toHaveTextContent('Afgerond: bereikt');
    expect(within(second).getByTestId('callback-outcome')).toHaveTextContent('Uitkomst: Gebeld, het gaat weer goed.');
    expect(second).toHaveTextContent('Wie belde: Bram');
    expect(second).not.toHaveTextContent(/te laat|bellen vóór/);
    expect(within(second).queryByRole('button', { name: 'Toon telefoonnummer' })).not.toBeInTheDocument();

    // One outcome only.
    await user.selectOptions(screen.getByLabelText('Welke terugbelverzoeken wil je zien?'), 'Afgerond: bereikt');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Afgeronde terugbelverzoeken' })).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByTestId('location')).toHaveTextContent('callbacks=done');

    // Reopen "niet bereikt" from the list of all closed ones: it leaves the list, focus stays in the section.
    await user.selectOptions(screen.getByLabelText('Welke terugbelverzoeken wil je zien?'), 'Afgerond: alle');
    const zuid = (await screen.findByRole('heading', { level: 3, name: 'Wijkteam Zuid: cijfer 3' })).closest('li') as HTMLElement;
    const edit = within(zuid).getByText('Wijzigen of weer openzetten');
    await user.click(edit);
    await user.selectOptions(within(zuid).getByLabelText('Status'), 'open');
    await user.click(within(zuid).getByRole('button', { name: 'Terugbelverzoek opslaan' }));
    await waitFor(() => expect(screen.queryByRole('heading', { level: 3, name: 'Wijkteam Zuid: cijfer 3' })).toBeNull());
    expect(screen.getByText('Opgeslagen. Status: open.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Terugbelverzoeken' })).toHaveFocus();
    // The notifications in the header hear of it.
    expect(seen).toContainEqual({ slug: 'demo' });
    window.removeEventListener('aantafel:act-now-changed', listener);
  });

  it('tells the notifications when a callback is closed here', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const user = userEvent.setup();
    const seen: unknown[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent).detail);
    window.addEventListener('aantafel:act-now-changed', listener);
    mockFetch({
      'GET /api/v1/workspaces/demo/feedback/nps': () => answer('getNps', 200, report()),
      'GET /api/v1/workspaces/demo/feedback/responses': () => answer('listResponses', 200, { items: [], has_more: false }),
      'GET /api/v1/workspaces/demo/feedback/callbacks': () => answer('listCallbacks', 200, { items: [callbackFixture()] }),
      'GET /api/v1/workspaces/demo/feedback/themes': () => answer('getThemes', 200, { answered: 0, items: [] }),
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/5': () => answer('updateCallback', 200, callbackFixture({ status: 'not_needed' })),
    });
    renderInWorkspace(<FeedbackDashboardPage />, route);
    const card = (await screen.findByRole('heading', { level: 3, name: 'Wijkteam Noord: cijfer 3' })).closest('li') as HTMLElement;
    await user.selectOptions(within(card).getByLabelText('Status'), 'not_needed');
    await user.click(within(card).getByRole('button', { name: 'Terugbelverzoek opslaan' }));
    await waitFor(() => expect(seen).toContainEqual({ slug: 'demo', closedCallbackId: 5 }));
    window.removeEventListener('aantafel:act-now-changed', listener);
  });
});
