import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer } from '../../test/answer';
import { agreementFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { ResultsPage } from './ResultsPage';
import { RESULTS, TEMPLATES } from './testdata';

const route = { route: '/w/demo/scan/7/results', path: '/w/:slug/scan/:scanId/results' };

describe('ResultsPage', () => {
  it('shows the gaps first, then the chart with its table, and turns a step into an agreement', async () => {
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/scans/7/results': () => answer('getScanResults', 200, RESULTS),
      'GET /api/v1/workspaces/demo/scan-templates': () => answer('listScanTemplates', 200, TEMPLATES),
      'POST /api/v1/workspaces/demo/scans/7/agreements': () => answer('agreementFromScan', 201, agreementFixture({ id: 12, title: 'Verdeel taken.' })),
    });
    const user = userEvent.setup();
    renderInWorkspace(<ResultsPage />, route);
    expect(await screen.findByRole('heading', { level: 1, name: 'Uitkomsten: Najaar' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings[0]).toBe('Waar verschillen de partners het meest?');
    expect(headings.indexOf('Gemiddelde score per onderwerp')).toBeGreaterThan(0);

    const gaps = screen.getAllByRole('listitem').filter((li) => li.classList.contains('aantafel-scan-gap'));
    expect(gaps.map((g) => within(g).getByRole('heading').textContent)).toEqual([
      'Stelling 1: We praten veel.',
      'Stelling 3: We vertrouwen elkaar.',
      'Stelling 2: We delen taken.',
    ]);
    expect(gaps[0]).toHaveTextContent('Gemiddelde score3,5');
    expect(gaps[0]).toHaveTextContent('A4,2');
    expect(gaps[0]).not.toHaveTextContent('B1,0');
    expect(screen.getByText(/Te weinig antwoorden om apart te tonen: B \(1\)/)).toBeInTheDocument();

    // jsdom does not name an <svg> from its <title>; Chromium does (see tests/e2e/scans.test.mjs).
    const chart = document.querySelector('svg[role="img"]');
    const [titleId, descId] = (chart?.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(document.getElementById(titleId ?? '')).toHaveTextContent('Gemiddelde score per onderwerp');
    expect(document.getElementById(descId ?? '')).toHaveTextContent(/Alle partners, A\./);
    const table = screen.getByRole('table', { name: 'Gemiddelde score per onderwerp (1 tot 5)' });
    expect(within(table).getByRole('row', { name: /Dezelfde kijk/ })).toHaveTextContent('Dezelfde kijk2,93,1');

    const changes = screen.getByRole('table', { name: 'Verandering van de gemiddelde score per onderwerp' });
    expect(within(changes).getByRole('row', { name: /Dezelfde kijk/ })).toHaveTextContent('+0,5 (hoger)');
    expect(within(changes).getByRole('row', { name: /Vertrouwen/ })).toHaveTextContent('-0,3 (lager)');

    expect(screen.getByText('Verbeterstap: Verdeel taken.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Maak er een afspraak van (stelling 2)' }));
    const link = await screen.findByRole('link', { name: 'Bekijk de afspraak bij stelling 2' });
    expect(link).toHaveAttribute('href', '/w/demo/interactions/agreements/12');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ statement_id: 's2' });
    expect(screen.getByText('Er is een afspraak gemaakt van stelling 2.')).toBeInTheDocument();
  });

  it('says how many answered while fewer than three did, and shows no scores', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/scans/7/results': () =>
        answer('getScanResults', 200, {
          ...RESULTS,
          scan: { ...RESULTS.scan, answered: 2, invited: 3 },
          respondents: 2,
          shown: false,
          statements: [],
          dimensions: [],
          gaps: [],
          weakest: [],
          comments: [],
          changes: [],
        }),
      'GET /api/v1/workspaces/demo/scan-templates': () => answer('listScanTemplates', 200, TEMPLATES),
    });
    renderInWorkspace(<ResultsPage />, { ...route });
    expect(await screen.findByText(/Er hebben 2 van de 3 personen geantwoord/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Waar verschillen de partners het meest?' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Zo beschermen we de antwoorden' })).toBeInTheDocument();
  });

  it('lets a viewer read but not make agreements', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/scans/7/results': () => answer('getScanResults', 200, RESULTS),
      'GET /api/v1/workspaces/demo/scan-templates': () => answer('listScanTemplates', 200, TEMPLATES),
    });
    renderInWorkspace(<ResultsPage />, { ...route, role: 'viewer' });
    expect(await screen.findByText('Verbeterstap: Verdeel taken.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Maak er een afspraak van/ })).not.toBeInTheDocument();
  });
});
