import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { components } from '../../api/schema';
import { answer, problem } from '../../test/answer';
import { renderWithProviders } from '../../test/render';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { Results } from './Results';
import { NewScenarioPage, ScenarioPage } from './ScenarioPage';
import { ScenariosPage } from './ScenariosPage';
import { FIXTURE, SUMMARY } from './testdata';

const common = {
  'GET /api/v1/workspaces/demo/organisations': () =>
    answer('listOrganisations', 200, { items: [{ id: 5, kind: 'municipality', municipality_code: 'GM0355', name: 'Zeist' }] }),
  'GET /api/v1/workspaces/demo/plans': () => answer('listPlans', 200, { items: [] }),
};

/** A response whose body is an SSE stream we feed by hand. */
function controlledStream() {
  const encoder = new TextEncoder();
  let push: (text: string) => void = () => undefined;
  let close: () => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (text) => controller.enqueue(encoder.encode(text));
      close = () => controller.close();
    },
  });
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    push: (text: string) => push(text),
    close: () => close(),
  };
}

describe('NewScenarioPage', () => {
  it('runs the streamed simulation with a progress bar, then shows who carries the risk', async () => {
    const stream = controlledStream();
    const fetchMock = mockFetch({
      ...common,
      'POST /api/v1/workspaces/demo/financing/simulations': () => stream.response,
    });
    renderInWorkspace(<NewScenarioPage />, { route: '/w/demo/financing/new', path: '/w/:slug/financing/new' });
    expect(await screen.findByRole('option', { name: 'Zeist' })).toBeInTheDocument();
    expect(screen.getByLabelText('Gemiddeld aantal cliënten')).toHaveValue('500');
    expect(screen.getByLabelText('Jouw kosten per uur (€)')).toHaveValue('58');
    // Only the fields of the chosen form: PxQ has a price per hour, no lump sum.
    const first = screen.getByRole('group', { name: 'Contractvorm 1: PxQ' });
    expect(within(first).getByLabelText('Prijs per uur (€)')).toHaveValue('68');
    expect(within(first).queryByLabelText('Vast bedrag per jaar (€)')).toBeNull();
    expect(within(first).getByText(/Het risico op meer cliënten ligt dus bij de gemeente/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Bereken' }));
    const bar = await screen.findByRole('progressbar', { name: 'Voortgang van de berekening' });
    expect(screen.getByRole('button', { name: 'Bereken' })).toBeDisabled();
    stream.push('event: progress\ndata: {"runs_done":500,"runs":2000}\n\n');
    await screen.findByText(/^500 van 2\.?000 berekeningen klaar \(25%\)$/);
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    stream.push(`event: summary\ndata: ${JSON.stringify(SUMMARY)}\n\n`);
    stream.close();

    expect(await screen.findByRole('heading', { name: 'Wie draagt het risico?' })).toBeInTheDocument();
    expect(await screen.findByText(/^De berekening is klaar: 2\.?000 keer doorgerekend\.$/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText(/Bij PxQ betaalt de gemeente meer als er meer cliënten komen/)).toHaveTextContent('Je loopt 73% kans op verlies.');
    expect(screen.getByRole('img', { name: /Vergelijking: Jouw resultaat/ })).toBeInTheDocument();
    const chances = screen.getByRole('table', { name: 'Kansen' });
    expect(within(chances).getByRole('row', { name: /PxQ/ })).toHaveTextContent('73%');
    expect(screen.getByRole('table', { name: 'Invloed van de onzekere invoer op jouw resultaat' })).toBeInTheDocument();

    const [, init] = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/simulations'))!;
    const sent = JSON.parse(String(init?.body));
    expect(sent.variants.map((v: { form: string }) => v.form)).toEqual(['effort_based', 'combined']);
    expect((init?.headers as Record<string, string>).Accept).toBe('text/event-stream');
  });

  it('Stop aborts the run and says so', async () => {
    const stream = controlledStream();
    mockFetch({ ...common, 'POST /api/v1/workspaces/demo/financing/simulations': () => stream.response });
    renderInWorkspace(<NewScenarioPage />, { route: '/w/demo/financing/new', path: '/w/:slug/financing/new' });
    await userEvent.click(await screen.findByRole('button', { name: 'Bereken' }));
    await screen.findByRole('progressbar');
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText('De berekening is gestopt.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Bereken' })).toBeEnabled();
  });

  it('shows a server problem at the right field of the right variant', async () => {
    mockFetch({
      ...common,
      'POST /api/v1/workspaces/demo/financing/simulations': () =>
        problem('simulateFinancing', 'invalid_input', 'Controleer de invoer.', { 'variants[1].price_per_unit': 'Dit getal klopt niet.' }),
    });
    renderInWorkspace(<NewScenarioPage />, { route: '/w/demo/financing/new', path: '/w/:slug/financing/new' });
    await userEvent.click(await screen.findByRole('button', { name: 'Bereken' }));
    const second = screen.getByRole('group', { name: 'Contractvorm 2: Combinatie' });
    const price = within(second).getByLabelText('Prijs per uur (€)');
    await screen.findByText('Dit getal klopt niet.');
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price).toHaveAccessibleDescription('Dit getal klopt niet.');
    expect(within(screen.getByRole('group', { name: 'Contractvorm 1: PxQ' })).getByLabelText('Prijs per uur (€)')).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('checks numbers before sending, and a viewer can run but not save', async () => {
    const fetchMock = mockFetch({ ...common });
    renderInWorkspace(<NewScenarioPage />, { role: 'viewer', route: '/w/demo/financing/new', path: '/w/:slug/financing/new' });
    await screen.findByRole('option', { name: 'Zeist' });
    fireEvent.change(screen.getByLabelText(/Budget van de gemeente/), { target: { value: 'veel' } });
    await userEvent.click(screen.getByRole('button', { name: 'Bereken' }));
    expect(await screen.findByText('Vul een getal in.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/simulations'))).toBe(false);
    expect(screen.queryByRole('button', { name: 'Scenario opslaan' })).toBeNull();
    expect(screen.getByText(/Je kunt hier rekenen, maar niet opslaan/)).toBeInTheDocument();
  });
});

describe('ScenarioPage (a saved scenario)', () => {
  const saved = {
    id: 3,
    name: 'Wmo Zeist',
    description: '',
    municipality_code: 'GM0355',
    municipality_name: 'Zeist',
    plan_id: null,
    plan_title: null,
    scenario: { ...FIXTURE, variants: [FIXTURE.variants[0]!, FIXTURE.variants[3]!], runs: 2000 },
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-21T10:00:00Z',
  } satisfies components['schemas']['SavedFinancingScenario'];

  it('opens with its results, calculated again with its own seed, without pressing Bereken', async () => {
    const sent: unknown[] = [];
    mockFetch({
      ...common,
      'GET /api/v1/workspaces/demo/financing/scenarios/3': () => answer('getFinancingScenario', 200, saved),
      'POST /api/v1/workspaces/demo/financing/simulations': (_url, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return new Response(`event: summary\ndata: ${JSON.stringify(SUMMARY)}\n\n`, {
          status: 200,
          headers: { 'Content-Type': 'text/event-stream' },
        });
      },
    });
    renderInWorkspace(<ScenarioPage />, { route: '/w/demo/financing/3', path: '/w/:slug/financing/:scenarioId' });
    expect(await screen.findByRole('heading', { name: 'Wie draagt het risico?' })).toBeInTheDocument();
    expect(await screen.findByText('De uitkomsten van dit scenario staan onder het formulier.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ seed: 7, runs: 2000, budget: 1100000 });
    expect((sent[0] as { variants: { form: string }[] }).variants.map((v) => v.form)).toEqual(['effort_based', 'combined']);
    // The figures belong to the scenario as it is: no "changed since the calculation" warning.
    expect(screen.queryByText(/veranderd na de berekening/)).toBeNull();
    expect(screen.getByText('2.000 keer doorgerekend, startgetal 7.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download als afbeelding (PNG)' })).toBeInTheDocument();
  });
});

describe('Results: numbers in the language of the page', () => {
  const axisLabels = (chart: HTMLElement) => Array.from(chart.querySelectorAll('text')).map((t) => t.textContent ?? '');

  it('writes Dutch amounts on the Dutch page: "€ 20.000", "€ 1,5 mln", never "K"', () => {
    renderWithProviders(<Results summary={SUMMARY} budget={1100000} pngName="x.png" />);
    const chart = screen.getByRole('img', { name: /^Vergelijking: Jouw resultaat/ });
    const labels = axisLabels(chart);
    expect(labels).toContain('€\u00a0-20.000');
    expect(labels).toContain('€\u00a020.000');
    const table = screen.getByRole('table', { name: 'Jouw resultaat (opbrengst min kosten): dezelfde cijfers als in de grafiek' });
    expect(within(table).getByRole('row', { name: /PxQ/ })).toHaveTextContent('€ -19.919');
    const spending = screen.getByRole('table', { name: 'Uitgaven van de gemeente' });
    expect(within(spending).getByRole('row', { name: /PxQ/ })).toHaveTextContent('€ 884.551');
    expect(document.body.textContent).not.toMatch(/\d\s?[Kk]\b/);
  });

  it('writes millions with "mln" on the axis when the amounts are that large', async () => {
    renderWithProviders(<Results summary={SUMMARY} budget={1100000} pngName="x.png" />);
    await userEvent.selectOptions(screen.getByLabelText('Wat wil je vergelijken?'), 'spending');
    const labels = axisLabels(screen.getByRole('img', { name: /^Vergelijking: Uitgaven van de gemeente/ }));
    expect(labels).toEqual(expect.arrayContaining(['€\u00a00\u00a0mln', '€\u00a00,25\u00a0mln', '€\u00a01\u00a0mln']));
  });

  it('writes English amounts on the English page', async () => {
    renderWithProviders(<Results summary={SUMMARY} budget={1100000} pngName="x.png" />, { language: 'en' });
    const labels = axisLabels(screen.getByRole('img', { name: /^Comparison: Your result/ }));
    expect(labels).toContain('-€20,000');
    expect(labels).toContain('€20,000');
    await userEvent.selectOptions(screen.getByLabelText('What do you want to compare?'), 'spending');
    expect(axisLabels(screen.getByRole('img', { name: /^Comparison: Municipality spending/ }))).toEqual(
      expect.arrayContaining(['€0m', '€0.25m', '€1m']),
    );
    expect(screen.getByRole('button', { name: 'Download as image (PNG)' })).toBeInTheDocument();
  });
});

describe('ScenariosPage', () => {
  it('explains the module when there are no scenarios yet', async () => {
    mockFetch({ ...common, 'GET /api/v1/workspaces/demo/financing/scenarios': () => answer('listFinancingScenarios', 200, { items: [] }) });
    renderInWorkspace(<ScenariosPage />, { route: '/w/demo/financing', path: '/w/:slug/financing' });
    expect(await screen.findByRole('heading', { name: 'Nog geen scenario’s' })).toBeInTheDocument();
    for (const link of screen.getAllByRole('link', { name: 'Nieuw scenario' })) {
      expect(link).toHaveAttribute('href', '/w/demo/financing/new');
    }
  });

  it('lists saved scenarios and filters by municipality through the URL', async () => {
    const fetchMock = mockFetch({
      ...common,
      'GET /api/v1/workspaces/demo/financing/scenarios': () =>
        answer('listFinancingScenarios', 200, {
          items: [
            {
              id: 3, name: 'Wmo Zeist', description: '', municipality_code: 'GM0355', municipality_name: 'Zeist',
              plan_id: null, plan_title: null, scenario: FIXTURE, created_at: '2026-11-20T10:00:00Z', updated_at: '2026-11-21T10:00:00Z',
            },
          ],
        }),
    });
    renderInWorkspace(<ScenariosPage />, { route: '/w/demo/financing', path: '/w/:slug/financing' });
    const row = (await screen.findByRole('link', { name: 'Wmo Zeist' })).closest('tr')!;
    expect(row).toHaveTextContent('Zeist');
    expect(row).toHaveTextContent('21 nov 2026');
    await userEvent.selectOptions(screen.getByLabelText('Gemeente'), 'Zeist');
    expect(screen.getByTestId('location')).toHaveTextContent('/w/demo/financing?municipality=GM0355');
    await screen.findByRole('link', { name: 'Wmo Zeist' });
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('municipality_code=GM0355'))).toBe(true);
  });
});
