import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Overview } from '../../api/types';
import { answer, problem, noContent } from '../../test/answer';
import { actItemFixture, callbackFixture, emptyOverviewFixture, npsGroupFixture as group } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { OverviewPage } from './OverviewPage';

const OVERVIEW: Overview = {
  ...emptyOverviewFixture(),
  items: [
    actItemFixture({
      key: 'callback:1',
      module: 'feedback',
      reason: 'callback_open',
      title: 'Terugbellen: cijfer 4',
      explain: 'Een cliënt wil teruggebeld worden.',
      due: '2026-11-24',
      link: 'feedback',
      urgency: 130,
    }),
    actItemFixture({ mine: true, urgency: 112 }),
  ],
  figures: {
    nps_last_30_days: group({ n: 68, nps: 16.2, ci_low: -4.9, ci_high: 35.9, promoters: 33, detractors: 22 }),
    nps_previous_30_days: group({ n: 58, nps: 13.1, ci_low: -4.9, ci_high: 37.7 }),
    open_callbacks: 1,
    overdue_callbacks: 0,
    open_agreements: 2,
    overdue_agreements: 1,
    cycle_events_next_30_days: 3,
  },
};

const render = () => renderInWorkspace(<OverviewPage />, { route: '/w/demo/', path: '/w/:slug/' });

describe('OverviewPage', () => {
  it('shows each item with its module, reason, date and link, and the key figures in words', async () => {
    mockFetch({ 'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, OVERVIEW) });
    render();
    const list = await screen.findByRole('list', { name: 'Nu doen: 2 punten' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Cliëntfeedback');
    expect(items[0]).toHaveTextContent('Een cliënt wil teruggebeld worden.');
    expect(items[0]).toHaveTextContent('Datum: 24 november 2026');
    expect(within(items[0]!).getByRole('link', { name: 'Terugbellen: cijfer 4' })).toHaveAttribute('href', '/w/demo/feedback');
    expect(items[1]).toHaveTextContent('Contacten en afspraken');
    expect(items[1]).toHaveTextContent('Voor jou');
    expect(screen.getByText('+16')).toBeInTheDocument();
    // The NPS in plain words: per 100 clients, and how sure it is; no statistics jargon.
    expect(screen.getByTestId('nps-plain')).toHaveTextContent(
      'Van elke 100 cliënten raden er ongeveer 49 jullie aan (cijfer 9 of 10) en zijn er 33 kritisch (0 tot en met 6). De NPS is het verschil.',
    );
    expect(screen.getByText('Gebaseerd op 68 antwoorden. De echte score ligt waarschijnlijk tussen −5 en +36.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Kerncijfers' })).not.toHaveTextContent(/95%|interval/);
    expect(screen.getByTestId('nps-trend')).toHaveTextContent('+3 hoger dan de 30 dagen daarvoor (+13)');
    expect(screen.getByText('2 lopend, waarvan 1 over de datum')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar de afspraken' })).toHaveAttribute('href', '/w/demo/interactions/agreements');
  });

  it('hides an item with "Verbergen", says so, moves focus to the next item and can undo', async () => {
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, OVERVIEW),
      'POST /api/v1/workspaces/demo/overview/hidden': () => noContent('hideOverviewItem'),
      'DELETE /api/v1/workspaces/demo/overview/hidden/callback%3A1': () => noContent('unhideOverviewItem'),
    });
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Verbergen: Terugbellen: cijfer 4' }));
    const done = await screen.findByText('“Terugbellen: cijfer 4” is verborgen.');
    expect(done.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByRole('link', { name: 'Terugbellen: cijfer 4' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Vervolgactie: verslag sturen' })).toHaveFocus());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ key: 'callback:1' });

    await user.click(screen.getByRole('button', { name: 'Ongedaan maken' }));
    await screen.findByText('“Terugbellen: cijfer 4” staat weer in de lijst.');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Terugbellen: cijfer 4' })).toHaveFocus());
  });

  it('snoozes with "Later" until tomorrow and focuses the heading when the list is empty', async () => {
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, { ...OVERVIEW, items: [OVERVIEW.items[1]!] }),
      'POST /api/v1/workspaces/demo/overview/hidden': () => noContent('hideOverviewItem'),
    });
    const user = userEvent.setup();
    render();
    const later = await screen.findByRole('button', { name: 'Later: Vervolgactie: verslag sturen' });
    await user.click(later);
    expect(later).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Morgen (24 november 2026)' }));
    await screen.findByText('“Vervolgactie: verslag sturen” komt terug op 24 november 2026.');
    expect(screen.getByText('Er is nu niets te doen. Goed bezig!')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Nu doen' })).toHaveFocus());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ key: 'follow_up:1', until: '2026-11-24' });
  });

  it('closes a callback with "Afronden" as "Niet bereikt": PATCH with that status, gone, said, reloaded', async () => {
    let loads = 0;
    let patch: unknown;
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/overview': () => {
        loads += 1;
        return answer('getOverview', 200, loads === 1 ? OVERVIEW : { ...OVERVIEW, items: [OVERVIEW.items[1]!] });
      },
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/1': (_url, init) => {
        patch = JSON.parse(String(init?.body));
        return answer('updateCallback', 200, callbackFixture({ id: 1, status: 'unreachable' }));
      },
    });
    const user = userEvent.setup();
    render();
    // Closed and hidden are different actions with different words.
    const item = (await screen.findByRole('link', { name: 'Terugbellen: cijfer 4' })).closest('li')!;
    expect(within(item).getByRole('button', { name: 'Afronden: Terugbellen: cijfer 4' })).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: 'Verbergen: Terugbellen: cijfer 4' })).toBeInTheDocument();
    expect(screen.getByText(/Verbergen haalt een punt alleen uit jouw overzicht\. Afronden sluit een terugbelverzoek af/)).toBeInTheDocument();

    await user.click(within(item).getByRole('button', { name: 'Afronden: Terugbellen: cijfer 4' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terugbelverzoek afronden' });
    // Focus starts on the first outcome; an outcome is required.
    expect(within(dialog).getByRole('radio', { name: 'Bereikt' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    expect(within(dialog).getByRole('group', { name: 'Hoe is het afgelopen?' })).toHaveAccessibleDescription('Kies hoe het is afgelopen.');
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);

    await user.click(within(dialog).getByRole('radio', { name: 'Niet bereikt' }));
    await user.type(within(dialog).getByLabelText('Korte uitkomst (niet verplicht)'), '  Twee keer gebeld, geen gehoor. ');
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));

    await screen.findByText('“Terugbellen: cijfer 4” is afgerond: niet bereikt. Het staat niet meer in de lijst.');
    expect(patch).toEqual({ status: 'unreachable', outcome: 'Twee keer gebeld, geen gehoor.' });
    expect(screen.queryByRole('link', { name: 'Terugbellen: cijfer 4' })).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Closing cannot be undone like hiding.
    expect(screen.queryByRole('button', { name: 'Ongedaan maken' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Vervolgactie: verslag sturen' })).toHaveFocus());
    await waitFor(() => expect(loads).toBe(2));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it.each([
    ['Bereikt', { status: 'done' }],
    ['Niet meer nodig', { status: 'not_needed' }],
  ] as const)('"%s" closes with status %j (no note: the outcome text is kept)', async (label, body) => {
    let patch: unknown;
    mockFetch({
      'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, OVERVIEW),
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/1': (_url, init) => {
        patch = JSON.parse(String(init?.body));
        return answer('updateCallback', 200, callbackFixture({ id: 1, ...body }));
      },
    });
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Afronden: Terugbellen: cijfer 4' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terugbelverzoek afronden' });
    await user.click(within(dialog).getByRole('radio', { name: label }));
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    await screen.findByText(new RegExp(`is afgerond: ${label.toLowerCase()}\\.`));
    expect(patch).toEqual(body);
  });

  it('Escape closes the dialog without changing anything and focus returns to "Afronden"', async () => {
    const fetchMock = mockFetch({ 'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, OVERVIEW) });
    const user = userEvent.setup();
    render();
    const button = await screen.findByRole('button', { name: 'Afronden: Terugbellen: cijfer 4' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Terugbelverzoek afronden' });
    await user.click(within(dialog).getByRole('radio', { name: 'Bereikt' }));
    // jsdom has no built-in Escape for <dialog>: send the cancel event the browser sends.
    act(() => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(button).toHaveFocus());
    expect(screen.getByRole('link', { name: 'Terugbellen: cijfer 4' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.every(([, init]) => (init?.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('keeps the dialog open with a message when closing fails', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, OVERVIEW),
      'PATCH /api/v1/workspaces/demo/feedback/callbacks/1': () =>
        problem('updateCallback', 'internal', 'Er ging iets mis.'),
    });
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Afronden: Terugbellen: cijfer 4' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terugbelverzoek afronden' });
    await user.click(within(dialog).getByRole('radio', { name: 'Niet meer nodig' }));
    await user.click(within(dialog).getByRole('button', { name: 'Afronden' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Dat lukte niet. Probeer het nog eens.');
    expect(screen.getByRole('link', { name: 'Terugbellen: cijfer 4' })).toBeInTheDocument();
  });

  it('offers "Afronden" only for callbacks with an id, and not to a viewer', async () => {
    const noId = { ...OVERVIEW.items[0]!, key: 'callback:2', record_id: null, title: 'Terugbellen: cijfer 2' };
    mockFetch({
      'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, { ...OVERVIEW, items: [...OVERVIEW.items, noId] }),
    });
    const { unmount } = render();
    await screen.findByRole('button', { name: 'Afronden: Terugbellen: cijfer 4' });
    expect(screen.queryByRole('button', { name: 'Afronden: Terugbellen: cijfer 2' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Afronden: Vervolgactie/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Verbergen: Vervolgactie: verslag sturen' })).toBeInTheDocument();
    unmount();

    renderInWorkspace(<OverviewPage />, { route: '/w/demo/', path: '/w/:slug/', role: 'viewer' });
    await screen.findByRole('button', { name: 'Verbergen: Terugbellen: cijfer 4' });
    expect(screen.queryByRole('button', { name: /^Afronden/ })).not.toBeInTheDocument();
  });

  it('refuses a picked day that is not after today', async () => {
    mockFetch({ 'GET /api/v1/workspaces/demo/overview': () => answer('getOverview', 200, OVERVIEW) });
    const user = userEvent.setup();
    render();
    await user.click(await screen.findByRole('button', { name: 'Later: Terugbellen: cijfer 4' }));
    await user.click(screen.getAllByRole('button', { name: 'Verbergen tot die dag' })[0]!);
    expect(screen.getAllByLabelText('Kies een dag')[0]).toHaveAccessibleDescription(/Kies een dag na vandaag/);
  });

  it('says "too few answers" under 30 responses', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/overview': () =>
        answer('getOverview', 200, {
          ...OVERVIEW,
          figures: { ...OVERVIEW.figures, nps_last_30_days: group({ n: 12, nps: 40, ci_low: 0, ci_high: 80 }) },
        }),
    });
    render();
    expect(await screen.findByText(/Te weinig antwoorden voor een betrouwbare score \(12 antwoorden/)).toBeInTheDocument();
  });

  it('shows "Eerste stappen" with ticks for an empty workspace', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/overview': () =>
        answer('getOverview', 200, {
          today: '2026-11-23',
          items: [],
          figures: {
            nps_last_30_days: null,
            nps_previous_30_days: null,
            open_callbacks: 0,
            overdue_callbacks: 0,
            open_agreements: 0,
            overdue_agreements: 0,
            cycle_events_next_30_days: 0,
          },
        }),
      'GET /api/v1/workspaces/demo/organisations': () =>
        answer('listOrganisations', 200, { items: [{ id: 1, kind: 'municipality', name: 'Zeist', municipality_code: 'GM0355' }] }),
      'GET /api/v1/workspaces/demo/people': () => answer('listPeople', 200, { items: [], has_more: false }),
      'GET /api/v1/workspaces/demo/plans': () => answer('listPlans', 200, { items: [] }),
      'GET /api/v1/workspaces/demo/feedback/surveys': () => answer('listSurveys', 200, { items: [] }),
    });
    render();
    await screen.findByRole('heading', { name: 'Eerste stappen' });
    const first = await screen.findByText('(Klaar)');
    expect(first.closest('li')).toHaveTextContent('Gemeenten toevoegen in Wie is wie');
    expect(screen.getByRole('link', { name: 'Een eerste plan maken' })).toHaveAttribute('href', '/w/demo/policy-calendar/plans/new');
    expect(screen.getAllByText('(Nog te doen)')).toHaveLength(3);
  });
});
