import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Callback, FeedbackResponse, NpsGroup } from '../../api/types';
import { jsonResponse } from '../../test/render';
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

function callback(extra: Partial<Callback> = {}): Callback {
  return {
    id: 5,
    response_id: 2,
    survey_name: 'Wijkteam Noord',
    team: 'Noord',
    score: 3,
    why: 'Lang wachten.',
    better: '',
    status: 'open',
    assignee: null,
    due_at: '2026-11-24T10:00:00Z',
    overdue: true,
    notes: '',
    outcome: '',
    has_phone: true,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
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
        jsonResponse(200, url.searchParams.get('group_by') ? report([group({ key: 'zuid', label: 'Zuid', n: 12, enough: false })]) : report()),
      'GET /api/v1/workspaces/demo/feedback/responses': () => {
        responseLoads += 1;
        return jsonResponse(200, { items: [response(1)], has_more: false });
      },
      'GET /api/v1/workspaces/demo/feedback/callbacks': () => jsonResponse(200, { items: [] }),
      'GET /api/v1/workspaces/demo/feedback/themes': () => jsonResponse(200, { answered: 0, items: [] }),
    });
    renderInWorkspace(<FeedbackDashboardPage />, route);

    expect(await screen.findByText('NPS 23')).toHaveTextContent('NPS 23 (95%-betrouwbaarheidsinterval 5 tot 40, n = 84)');
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

    act(() => source?.emit('callback', callback()));
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
      'GET /api/v1/workspaces/demo/feedback/nps': () => jsonResponse(200, report()),
      'GET /api/v1/workspaces/demo/feedback/responses': () => jsonResponse(200, { items: [], has_more: false }),
      'GET /api/v1/workspaces/demo/feedback/callbacks': () => jsonResponse(200, { items: [callback()] }),
      'GET /api/v1/workspaces/demo/feedback/themes': () => jsonResponse(200, { answered: 0, items: [] }),
      'POST /api/v1/workspaces/demo/feedback/callbacks/5/phone': () => jsonResponse(200, { phone: '+31612345678' }),
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/5': (_url, init) => {
        patch = JSON.parse(String(init?.body));
        return jsonResponse(200, callback({ status: 'done', outcome: 'Gebeld.' }));
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
});
