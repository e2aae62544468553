import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Coverage } from '../../api/types';
import districtsGM0193 from '../../components/map/fixtures/districts-GM0193.json';
import neighbourhoodsGM0193 from '../../components/map/fixtures/neighbourhoods-GM0193.json';
import { clearMapCache } from '../../components/map/mapApi';
import { shapesOf } from '../../components/map/topology';
import { answer, problem, type Schema } from '../../test/answer';
import { municipalityDetailFixture, municipalityFixture, serviceFixture, topoJsonFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { SocialMapPage } from './SocialMapPage';

const ZWOLLE_MAP = topoJsonFixture(districtsGM0193);
const ZWOLLE_DISTRICTS = shapesOf(ZWOLLE_MAP, 'districts').map((s) => ({ code: s.code, name: s.name, municipality_code: 'GM0193' }));

const ORGANISATIONS = {
  items: [
    { id: 1, kind: 'municipality', name: 'Zeist', municipality_code: 'GM0355' },
    { id: 11, kind: 'provider', name: 'De Linde', municipality_code: null },
    { id: 12, kind: 'provider', name: 'Buurtkracht', municipality_code: null },
  ],
} satisfies { items: Schema<'Organisation'>[] };


/** Zwolle: Binnenstad has two providers, Diezerpoort one, the other 14 districts none. */
const ZWOLLE_COVERAGE: Coverage = {
  areas: ZWOLLE_DISTRICTS.map((d) => ({ ...d, source: 'register' as const })),
  domains: ['welfare'],
  cells: ZWOLLE_DISTRICTS.map((d) => ({
    area: d.code,
    domain: 'welfare' as const,
    providers: d.code === 'WK019310' ? [11, 12] : d.code === 'WK019311' ? [12] : [],
    services: [],
  })),
  gaps: 14,
  single: 1,
};
const ZEIST_COVERAGE: Coverage = {
  areas: [{ code: 'GM0355', name: 'Zeist', municipality_code: 'GM0355', source: 'workspace' }],
  domains: ['welfare'],
  cells: [{ area: 'GM0355', domain: 'welfare', providers: [], services: [] }],
  gaps: 1,
  single: 0,
};

/** `services`: the areas of each service the workspace has (the rest of each service does not matter here). */
function mockServer(services: { areas: string[] }[] = []) {
  return mockFetch({
    'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, ORGANISATIONS),
    'GET /api/v1/workspaces/demo/services': () => answer('listServices', 200, { items: services.map((s, i) => serviceFixture({ id: i + 1, ...s })) }),
    'GET /api/v1/municipalities': (url) =>
      answer('searchMunicipalities', 200, { items: /zwol/i.test(url.searchParams.get('q') ?? '') ? [municipalityFixture('GM0193', 'Zwolle', 'Overijssel')] : [] }),
    'GET /api/v1/municipalities/GM0355': () => answer('getMunicipality', 200, municipalityDetailFixture('GM0355', 'Zeist', 'Utrecht')),
    'GET /api/v1/municipalities/GM0193': () =>
      answer('getMunicipality', 200, municipalityDetailFixture('GM0193', 'Zwolle', 'Overijssel', ZWOLLE_DISTRICTS)),
    'GET /api/v1/maps/municipalities/GM0355': () => problem('getDistrictMap', 'not_found', 'Niet gevonden.'),
    'GET /api/v1/maps/municipalities/GM0193': () => answer('getDistrictMap', 200, ZWOLLE_MAP),
    'GET /api/v1/workspaces/demo/social-map/coverage': (url) =>
      answer('getCoverage', 200, url.searchParams.get('municipality_code') === 'GM0193' ? ZWOLLE_COVERAGE : ZEIST_COVERAGE),
    'GET /api/v1/workspaces/demo/areas': (url) =>
      answer('listAreas', 200, {
        items: url.searchParams.get('municipality_code') === 'GM0193' ? ZWOLLE_DISTRICTS.map((d) => ({ ...d, source: 'register' as const })) : [],
      }),
  });
}

const location = () => screen.getByTestId('location').textContent ?? '';

describe('SocialMapPage', () => {
  beforeEach(() => clearMapCache());

  it('finds any municipality in one search and shows its districts by name on the map and in its table', async () => {
    mockServer();
    const user = userEvent.setup();
    renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map', path: '/w/:slug/social-map' });
    // The workspace's own municipality first.
    expect(await screen.findByRole('table', { name: 'Wie biedt welke hulp in Zeist' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Zoek een gemeente in Nederland'), 'Zwolle{Enter}');
    expect(await screen.findByText('1 gemeente gevonden')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Zwolle/ }));
    await screen.findByRole('table', { name: 'Wie biedt welke hulp in Zwolle' });
    expect(location()).toContain('gemeente=GM0193');
    expect(screen.getByText('Je ziet nu de sociale kaart van Zwolle.')).toBeInTheDocument();
    expect(screen.getByText(/Zwolle staat niet bij je gemeenten in Wie is wie/)).toBeInTheDocument();

    const map = await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Zwolle' });
    expect(within(map).getAllByRole('link')).toHaveLength(16);
    expect(within(map).getByRole('link', { name: 'Wijk 10 Binnenstad: 2 aanbieders' })).toBeInTheDocument();
    expect(within(map).getByRole('link', { name: 'Wijk 11 Diezerpoort: één aanbieder' })).toBeInTheDocument();
    expect(within(map).getByRole('link', { name: 'Wijk 22 Stadshagen: geen aanbieder' })).toBeInTheDocument();
    expect(screen.getByTestId('coverage-summary')).toHaveTextContent(
      'In 14 van de 16 wijken is geen aanbieder. In 1 wijk is maar één aanbieder. In 1 wijk zijn twee of meer aanbieders.',
    );
    expect(screen.getByText('Kaart: CBS / Kadaster (CC BY 4.0), 2025. Vereenvoudigd door cartomap/nl.')).toBeInTheDocument();

    // The districts by name in the list of areas: no codes to type.
    const areas = screen.getByRole('table', { name: 'Bekende wijken en buurten in Zwolle' });
    expect(within(areas).getByRole('rowheader', { name: 'Wijk 13 Assendorp' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Zoek in de lijst'), 'assen');
    expect(within(areas).getAllByRole('row')).toHaveLength(2);
    await user.click(within(areas).getByRole('button', { name: 'Buurt toevoegen in Wijk 13 Assendorp' }));
    expect(screen.getByLabelText('Code', { exact: true })).toHaveValue('BU019313');
    expect(screen.getByLabelText('Code', { exact: true })).toHaveFocus();

    // A district on the map opens its own matrix.
    await user.click(within(map).getByRole('link', { name: /^Wijk 10 Binnenstad/ }));
    expect(location()).toContain('wijk=WK019310');
    expect(await screen.findByRole('heading', { name: 'Gekozen wijk: Wijk 10 Binnenstad' })).toBeInTheDocument();
    const chosen = screen.getByRole('table', { name: 'Wie biedt welke hulp in Wijk 10 Binnenstad' });
    expect(within(chosen).getAllByRole('row')).toHaveLength(2);
    expect(chosen).toHaveTextContent('Buurtkracht');
  });

  it('opens on the municipality with the services, not on an empty one, and says why', async () => {
    const ORGS = {
      items: [...ORGANISATIONS.items, { id: 2, kind: 'municipality', name: 'Zwolle', municipality_code: 'GM0193' }],
    } satisfies { items: Schema<'Organisation'>[] };
    const fetchMock = mockServer([{ areas: ['WK019310'] }, { areas: ['WK019310', 'WK019311'] }]);
    const routes = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) =>
      new URL(String(input), 'http://localhost').pathname === '/api/v1/workspaces/demo/organisations'
        ? answer('listOrganisations', 200, ORGS)
        : routes(input, init),
    );
    renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map', path: '/w/:slug/social-map' });
    // Zeist comes first by name, but has no services: Zwolle has them.
    expect(await screen.findByRole('table', { name: 'Wie biedt welke hulp in Zwolle' })).toBeInTheDocument();
    expect(screen.getByLabelText('Jouw gemeenten')).toHaveValue('GM0193');
    expect(screen.getByTestId('map-start')).toHaveTextContent('Je ziet Zwolle: daar zijn de meeste voorzieningen van deze werkruimte.');
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('municipality_code=GM0355'))).toBe(false);
  });

  it('keeps the municipality chosen in the URL, even one without services', async () => {
    const fetchMock = mockServer([{ areas: ['WK019310'] }]);
    renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0355', path: '/w/:slug/social-map' });
    expect(await screen.findByRole('table', { name: 'Wie biedt welke hulp in Zeist' })).toBeInTheDocument();
    expect(screen.queryByTestId('map-start')).not.toBeInTheDocument();
    // The services are not needed to decide.
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes('/services'))).toBe(false);
  });

  it('shows the CBS key figures of each district next to it, where they were imported', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, ORGANISATIONS),
      'GET /api/v1/municipalities/GM0193': () =>
        answer('getMunicipality', 200, municipalityDetailFixture('GM0193', 'Zwolle', 'Overijssel', ZWOLLE_DISTRICTS)),
      'GET /api/v1/maps/municipalities/GM0193': () => answer('getDistrictMap', 200, ZWOLLE_MAP),
      'GET /api/v1/workspaces/demo/social-map/coverage': () => answer('getCoverage', 200, ZWOLLE_COVERAGE),
      'GET /api/v1/workspaces/demo/areas': () =>
        answer('listAreas', 200, {
          items: ZWOLLE_DISTRICTS.map((d) => ({
            ...d,
            source: 'register' as const,
            figures:
              d.code === 'WK019313'
                ? { year: 2024, inhabitants: 12345, aged_65_plus: 3000, share_65_plus: 24.3, households: 6000 }
                : null,
          })),
        }),
    });
    renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0193', path: '/w/:slug/social-map' });
    const areas = await screen.findByRole('table', { name: /Bekende wijken en buurten in Zwolle/ });
    expect(areas).toHaveAccessibleName(/CBS, Kerncijfers wijken en buurten 2024/);
    expect(within(areas).getByRole('columnheader', { name: '65 jaar of ouder' })).toBeInTheDocument();
    const row = within(areas).getByRole('row', { name: /Wijk 13 Assendorp/ });
    expect(row).toHaveTextContent('12.345');
    expect(row).toHaveTextContent('24,3 %');
    expect(within(areas).getByRole('row', { name: /Wijk 10 Binnenstad/ })).toHaveTextContent('onbekend');
  });

  it('shows the same data as a table', async () => {
    mockServer();
    const user = userEvent.setup();
    renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0193', path: '/w/:slug/social-map' });
    await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Zwolle' });
    await user.click(screen.getByRole('button', { name: 'Tabel' }));
    const table = screen.getByRole('table', { name: 'Kaart: aanbod per wijk in Zwolle' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(17);
    expect(rows[1]).toHaveTextContent('Wijk 10 Binnenstad 2 aanbiedersBuurtkracht, De Linde—');
    expect(within(table).getByRole('row', { name: /Wijk 22 Stadshagen/ })).toHaveTextContent('geen aanbieder—Welzijn');
  });

  it('still shows the table when there is no map', async () => {
    mockServer();
    renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0355', path: '/w/:slug/social-map' });
    expect(await screen.findByRole('table', { name: 'Kaart: aanbod per wijk in Zeist' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kaart' })).toBeDisabled();
  });

  describe('with neighbourhoods (after `aantafel import boundaries`)', () => {
    const MAP = topoJsonFixture(neighbourhoodsGM0193);
    const HOODS = shapesOf(MAP, 'neighbourhoods').map((s) => ({ code: s.code, name: s.name, municipality_code: 'GM0193' }));
    /** Binnenstad West: two providers; Binnenstad Oost: one; every other neighbourhood none. */
    const COVERAGE: Coverage = {
      areas: HOODS.map((h) => ({ ...h, source: 'register' as const })),
      domains: ['welfare'],
      cells: HOODS.map((h) => ({
        area: h.code,
        domain: 'welfare' as const,
        providers: h.code === 'BU01931001' ? [11, 12] : h.code === 'BU01931002' ? [12] : [],
        services: [],
      })),
      gaps: 30,
      single: 1,
    };

    function mockImported() {
      mockFetch({
        'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, ORGANISATIONS),
        'GET /api/v1/municipalities/GM0193': () =>
          answer('getMunicipality', 200, municipalityDetailFixture('GM0193', 'Zwolle', 'Overijssel', ZWOLLE_DISTRICTS)),
        'GET /api/v1/maps/municipalities/GM0193': () => answer('getDistrictMap', 200, MAP),
        'GET /api/v1/workspaces/demo/social-map/coverage': () => answer('getCoverage', 200, COVERAGE),
        'GET /api/v1/workspaces/demo/areas': () =>
          answer('listAreas', 200, { items: [...ZWOLLE_DISTRICTS, ...HOODS].map((a) => ({ ...a, source: 'register' as const })) }),
      });
    }

    it('shows the neighbourhoods first, each in the class of its own row, and offers "Wijken" / "Buurten"', async () => {
      mockImported();
      const user = userEvent.setup();
      renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0193', path: '/w/:slug/social-map' });
      const map = await screen.findByRole('group', { name: 'Kaart: aanbod per buurt in Zwolle' });
      const level = screen.getByRole('group', { name: 'Toon het aanbod in' });
      expect(within(level).getByRole('radio', { name: 'Buurten' })).toBeChecked();
      expect(within(map).getAllByRole('link')).toHaveLength(32);
      expect(within(map).getByRole('link', { name: 'Wijk 10 Binnenstad West: 2 aanbieders' })).toBeInTheDocument();
      expect(within(map).getByRole('link', { name: 'Wijk 10 Binnenstad Oost: één aanbieder' })).toBeInTheDocument();
      expect(within(map).getByRole('link', { name: 'Wijk 11 Diezerpoort West: geen aanbieder' })).toBeInTheDocument();
      expect(screen.getByTestId('coverage-summary')).toHaveTextContent(
        'In 30 van de 32 buurten is geen aanbieder. In 1 buurt is maar één aanbieder. In 1 buurt zijn twee of meer aanbieders.',
      );
      // The districts' borders are drawn over the neighbourhoods (hidden from screen readers), and named in the legend.
      expect(document.querySelectorAll('.aantafel-choropleth__borders path')).toHaveLength(16);
      expect(within(screen.getByRole('list', { name: 'Legenda' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'Geen aanbieder (30)',
        'Eén aanbieder (1)',
        'Twee of meer aanbieders (1)',
        'Grens van een wijk',
      ]);

      // The table: one row per neighbourhood, with its district.
      await user.click(screen.getByRole('button', { name: 'Tabel' }));
      const table = screen.getByRole('table', { name: 'Kaart: aanbod per buurt in Zwolle' });
      expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
        'Buurt',
        'Aanbod',
        'In wijk',
        'Aanbieders',
        'Soorten hulp zonder aanbieder',
      ]);
      expect(within(table).getAllByRole('row')).toHaveLength(33);
      expect(within(table).getByRole('row', { name: /Wijk 10 Binnenstad Oost/ })).toHaveTextContent(
        'Wijk 10 Binnenstad Oost één aanbiederWijk 10 BinnenstadBuurtkracht—',
      );
      await user.click(screen.getByRole('button', { name: 'Kaart' }));

      // "Wijken": a district takes its least-served neighbourhood.
      await user.click(within(level).getByRole('radio', { name: 'Wijken' }));
      const districts = await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Zwolle' });
      expect(within(districts).getAllByRole('link')).toHaveLength(16);
      expect(within(districts).getByRole('link', { name: 'Wijk 10 Binnenstad: één aanbieder' })).toBeInTheDocument();
      expect(screen.getByTestId('coverage-summary')).toHaveTextContent(
        'In 15 van de 16 wijken is geen aanbieder. In 1 wijk is maar één aanbieder. Voor wijken met buurten telt de buurt met de minste aanbieders.',
      );
      expect(document.querySelectorAll('.aantafel-choropleth__borders path')).toHaveLength(0);
      expect(screen.getByRole('list', { name: 'Legenda' })).not.toHaveTextContent('Grens van een wijk');
    });

    it('opens a neighbourhood with the keyboard: its own matrix, "Gekozen buurt"', async () => {
      mockImported();
      const user = userEvent.setup();
      renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0193', path: '/w/:slug/social-map' });
      const map = await screen.findByRole('group', { name: 'Kaart: aanbod per buurt in Zwolle' });
      // From the level choice, Tab goes over "Kaart" and "Tabel" to the map: one Tab stop, the first neighbourhood by name.
      await user.click(screen.getByRole('radio', { name: 'Buurten' }));
      await user.tab();
      await user.tab();
      await user.tab();
      expect(document.activeElement).toBe(within(map).getByRole('link', { name: /^Wijk 10 Binnenstad Oost:/ }));
      await user.keyboard('{ArrowRight}');
      expect(document.activeElement).toHaveAccessibleName('Wijk 10 Binnenstad West: 2 aanbieders');
      await user.keyboard('{Enter}');
      expect(location()).toContain('wijk=BU01931001');
      expect(await screen.findByRole('heading', { name: 'Gekozen buurt: Wijk 10 Binnenstad West' })).toBeInTheDocument();
      const chosen = screen.getByRole('table', { name: 'Wie biedt welke hulp in Wijk 10 Binnenstad West' });
      expect(chosen).toHaveTextContent('Buurtkracht');
      expect(within(map).getByRole('link', { name: /^Wijk 10 Binnenstad West:/ })).toHaveAttribute('aria-current', 'true');
      expect(screen.getByRole('button', { name: 'Geen buurt meer kiezen' })).toBeInTheDocument();
      // On the map of districts the chosen neighbourhood shows as its district.
      await user.click(screen.getByRole('radio', { name: 'Wijken' }));
      const districts = await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Zwolle' });
      expect(within(districts).getByRole('link', { name: /^Wijk 10 Binnenstad:/ })).toHaveAttribute('aria-current', 'true');
    });

    it('starts at "Wijken" when a district is the chosen area', async () => {
      mockImported();
      renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0193&wijk=WK019310', path: '/w/:slug/social-map' });
      const map = await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Zwolle' });
      expect(screen.getByRole('radio', { name: 'Wijken' })).toBeChecked();
      expect(within(map).getByRole('link', { name: /^Wijk 10 Binnenstad:/ })).toHaveAttribute('aria-current', 'true');
      expect(await screen.findByRole('heading', { name: 'Gekozen wijk: Wijk 10 Binnenstad' })).toBeInTheDocument();
    });
  });

  it('offers no choice of level when the map has no neighbourhoods', async () => {
    mockServer();
    renderInWorkspace(<SocialMapPage />, { route: '/w/demo/social-map?gemeente=GM0193', path: '/w/:slug/social-map' });
    await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Zwolle' });
    expect(screen.queryByRole('group', { name: 'Toon het aanbod in' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });
});
