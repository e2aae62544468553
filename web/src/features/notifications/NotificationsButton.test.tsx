import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link } from 'react-router';
import type { Overview, OverviewItem } from '../../api/types';
import { answer } from '../../test/answer';
import { actItemFixture, callbackFixture, emptyOverviewFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { announceActNowChange } from './changes';
import { seenStorageKey } from './notifications';
import { NotificationsButton } from './NotificationsButton';
import { OverviewPage } from '../overview/OverviewPage';

const item = (key: string, title: string, link: string, module: OverviewItem['module'] = 'relations'): OverviewItem =>
  actItemFixture({ key, record_id: null, module, title, explain: `Uitleg bij ${title}`, link });

const ITEMS = [
  item('callback:1', 'Terugbellen: cijfer 4', 'feedback', 'feedback'),
  item('follow_up:1', 'Vervolgactie: verslag sturen', 'interactions'),
  item('scan:1', 'Samenwerkingsscan Overvecht', 'scan/1', 'scans'),
];

const overview = (items: OverviewItem[]): Overview => ({ ...emptyOverviewFixture(), items });

function render(items: () => OverviewItem[] = () => ITEMS) {
  const fetchMock = mockFetch({ 'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, overview(items())) });
  const view = renderInWorkspace(
    <>
      <NotificationsButton slug="demo" />
      <Link to="/w/demo/people">Naar Wie is wie</Link>
      <button type="button">Iets anders</button>
    </>,
    { route: '/w/demo/', path: '/w/:slug/*' },
  );
  return { ...view, fetchMock };
}

const overviewCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.filter(([input]) => String(input).includes('/overview')).length;

afterEach(() => {
  vi.useRealTimers();
});

describe('NotificationsButton', () => {
  it('shows the number of unseen items on the button and announces it politely', async () => {
    render();
    const badge = await screen.findByTestId('notifications-badge');
    expect(badge).toHaveTextContent('3');
    const button = screen.getByRole('button', { name: 'Meldingen (3 nieuw)' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    const status = screen.getByText('3 nieuwe meldingen');
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveAttribute('aria-live', 'polite');
  });

  it('counts only items not seen when the list was last opened (per user and workspace)', async () => {
    window.localStorage.setItem(seenStorageKey(1, 'demo'), JSON.stringify(['callback:1', 'scan:1']));
    window.localStorage.setItem(seenStorageKey(1, 'other'), JSON.stringify(['follow_up:1']));
    render();
    expect(await screen.findByRole('button', { name: 'Meldingen (1 nieuw)' })).toBeInTheDocument();
    expect(screen.getByText('1 nieuwe melding')).toBeInTheDocument();
  });

  it('opens by keyboard, lists the items with their links, marks them seen, and Escape returns focus', async () => {
    const user = userEvent.setup();
    render();
    const button = await screen.findByRole('button', { name: 'Meldingen (3 nieuw)' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByRole('list', { name: 'Meldingen: 3 punten' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(3);
    expect(entries[0]).toHaveTextContent('Cliëntfeedback');
    expect(entries[0]).toHaveTextContent('Nieuw');
    expect(entries[0]).toHaveTextContent('Uitleg bij Terugbellen: cijfer 4');
    expect(entries[0]).toHaveTextContent('Datum: 26 november 2026');
    // Same link rule as the home page's "Nu doen" list.
    expect(within(list).getByRole('link', { name: 'Terugbellen: cijfer 4' })).toHaveAttribute('href', '/w/demo/feedback');
    expect(within(list).getByRole('link', { name: 'Samenwerkingsscan Overvecht' })).toHaveAttribute('href', '/w/demo/scan/1');
    // Opening marks everything as seen: the badge goes, the set is stored.
    await waitFor(() => expect(screen.queryByTestId('notifications-badge')).not.toBeInTheDocument());
    expect(JSON.parse(window.localStorage.getItem(seenStorageKey(1, 'demo')) ?? '[]')).toEqual([
      'callback:1',
      'follow_up:1',
      'scan:1',
    ]);
    // Tab into the list, then Escape: closed, focus back on the button.
    await user.tab();
    expect(within(list).getByRole('link', { name: 'Terugbellen: cijfer 4' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Meldingen' })).toBe(button);
    // Space opens it again; nothing is new any more.
    await user.keyboard(' ');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(within(screen.getByRole('list', { name: 'Meldingen: 3 punten' })).queryByText('Nieuw')).not.toBeInTheDocument();
  });

  it('closes when focus leaves it', async () => {
    const user = userEvent.setup();
    render();
    const button = await screen.findByRole('button', { name: /^Meldingen/ });
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Iets anders' }));
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('says so when there is nothing to do', async () => {
    const user = userEvent.setup();
    render(() => []);
    const button = await screen.findByRole('button', { name: 'Meldingen' });
    await waitFor(() => expect(screen.getByTestId('notifications-status')).toBeEmptyDOMElement());
    await user.click(button);
    expect(screen.getByText('Er is nu niets te doen.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Alles bekijken in het Overzicht' })).toHaveAttribute('href', '/w/demo/');
  });

  it('refreshes on navigation and every 5 minutes, but not while the tab is hidden', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let items = ITEMS.slice(0, 1);
    const { fetchMock } = render(() => items);
    expect(await screen.findByRole('button', { name: 'Meldingen (1 nieuw)' })).toBeInTheDocument();
    expect(overviewCalls(fetchMock)).toBe(1);

    items = ITEMS.slice(0, 2);
    await user.click(screen.getByRole('link', { name: 'Naar Wie is wie' }));
    expect(await screen.findByRole('button', { name: 'Meldingen (2 nieuw)' })).toBeInTheDocument();
    expect(overviewCalls(fetchMock)).toBe(2);

    items = ITEMS;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5 * 60 * 1000);
    });
    expect(await screen.findByRole('button', { name: 'Meldingen (3 nieuw)' })).toBeInTheDocument();
    expect(overviewCalls(fetchMock)).toBe(3);

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    });
    expect(overviewCalls(fetchMock)).toBe(3);

    // Back to the tab after more than 5 minutes: load at once, then poll again.
    visibility.mockReturnValue('visible');
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(overviewCalls(fetchMock)).toBe(4);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5 * 60 * 1000);
    });
    expect(overviewCalls(fetchMock)).toBe(5);
    visibility.mockRestore();
  });

  it('takes a callback closed elsewhere off at once and loads the list again, without a navigation', async () => {
    const callbackItem: OverviewItem = { ...item('callback:7', 'Terugbellen: cijfer 2', 'feedback', 'feedback'), record_id: 7, reason: 'callback_overdue' };
    let items = [callbackItem, ...ITEMS.slice(1)];
    let release: () => void = () => undefined;
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/overview': async () => {
        const reply = answer('getOverview', 200, overview(items));
        // The second load waits: the item must be gone before it answers.
        if (overviewCalls(fetchMock) > 1) await new Promise<void>((resolve) => (release = resolve));
        return reply;
      },
    });
    renderInWorkspace(<NotificationsButton slug="demo" />, { route: '/w/demo/', path: '/w/:slug/*' });
    expect(await screen.findByRole('button', { name: 'Meldingen (3 nieuw)' })).toBeInTheDocument();

    // Another workspace's change is not ours.
    act(() => announceActNowChange({ slug: 'other', closedCallbackId: 7 }));
    expect(screen.getByRole('button', { name: 'Meldingen (3 nieuw)' })).toBeInTheDocument();
    expect(overviewCalls(fetchMock)).toBe(1);

    items = ITEMS.slice(1);
    act(() => announceActNowChange({ slug: 'demo', closedCallbackId: 7 }));
    expect(screen.getByRole('button', { name: 'Meldingen (2 nieuw)' })).toBeInTheDocument();
    expect(overviewCalls(fetchMock)).toBe(2);
    await act(async () => release());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Meldingen (2 nieuw)' })).toBeInTheDocument());

    // A hidden item goes the same way, by its key.
    act(() => announceActNowChange({ slug: 'demo', key: 'scan:1' }));
    expect(screen.getByRole('button', { name: 'Meldingen (1 nieuw)' })).toBeInTheDocument();
    await act(async () => release());
  });

  it('follows "Afronden" on the home page: the closed callback leaves the header\'s list at once', async () => {
    const callbackItem: OverviewItem = { ...item('callback:7', 'Terugbellen: cijfer 2', 'feedback', 'feedback'), record_id: 7, reason: 'callback_open' };
    let closed = false;
    mockFetch({
      'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, overview(closed ? ITEMS.slice(1) : [callbackItem, ...ITEMS.slice(1)])),
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/7': () => {
        closed = true;
        return answer('updateCallback', 200, callbackFixture({ id: 7, status: 'done' }));
      },
    });
    const user = userEvent.setup();
    renderInWorkspace(
      <>
        <NotificationsButton slug="demo" />
        <OverviewPage />
      </>,
      { route: '/w/demo/', path: '/w/:slug/*' },
    );
    expect(await screen.findByRole('button', { name: 'Meldingen (3 nieuw)' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Afronden: Terugbellen: cijfer 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terugbelverzoek afronden' });
    await user.click(within(dialog).getByRole('radio', { name: 'Bereikt' }));
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    expect(await screen.findByRole('button', { name: 'Meldingen (2 nieuw)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Meldingen (2 nieuw)' }));
    expect(within(screen.getByRole('list', { name: 'Meldingen: 2 punten' })).queryByText('Terugbellen: cijfer 2')).not.toBeInTheDocument();
  });
});
