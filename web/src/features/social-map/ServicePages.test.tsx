import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, problem, type Schema } from '../../test/answer';
import { municipalityDetailFixture, municipalityFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { NewServicePage } from './ServiceFormPage';
import { ServicesPage } from './ServicesPage';

const ORGANISATIONS = {
  items: [
    { id: 1, kind: 'municipality', name: 'Zeist', municipality_code: 'GM0355' },
    { id: 11, kind: 'provider', name: 'De Linde', municipality_code: null },
  ],
} satisfies { items: Schema<'Organisation'>[] };
const AREAS = {
  items: [{ code: 'BU03550101', name: 'Centrum', municipality_code: 'GM0355', source: 'workspace' }],
} satisfies { items: Schema<'Area'>[] };
const ZWOLLE_AREAS: { items: Schema<'Area'>[] } = {
  items: ['Binnenstad', 'Diezerpoort', 'Wipstrik', 'Assendorp', 'Kamperpoort', 'Westenholte', 'Stadshagen', 'Holtenbroek', 'Aa-landen'].map(
    (name, i) => ({ code: `WK01931${i}`, name: `Wijk 1${i} ${name}`, municipality_code: 'GM0193', source: 'register' }),
  ),
};

describe('NewServicePage', () => {
  it('shows the server\'s field problems at their fields and explains publishing', async () => {
    const fetchMock = mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, ORGANISATIONS),
      'GET /api/v1/workspaces/demo/areas': () => answer('listAreas', 200, AREAS),
      'POST /api/v1/workspaces/demo/services': () =>
        problem('addService', 'invalid_input', 'Niet alles is goed ingevuld.', { name: 'Deze naam is te lang.', 'areas[0]': 'Deze code bestaat niet.' }),
    });
    const user = userEvent.setup();
    renderInWorkspace(<NewServicePage />, { route: '/w/demo/social-map/services/new', path: '/w/:slug/social-map/services/new' });
    await user.selectOptions(await screen.findByLabelText('Organisatie die de hulp biedt'), 'De Linde');
    await user.type(screen.getByLabelText('Naam van de voorziening'), 'Buurtkamer');
    await user.selectOptions(screen.getByLabelText('Soort hulp'), 'Welzijn');
    await user.click(await screen.findByRole('checkbox', { name: 'Centrum (BU03550101)' }));
    const publish = screen.getByRole('checkbox', { name: 'Publiceren' });
    expect(publish).toHaveAccessibleDescription(/Alleen gepubliceerde voorzieningen zijn zichtbaar voor de partners/);
    await user.click(publish);
    await user.click(screen.getByRole('button', { name: 'Voorziening opslaan' }));

    const name = screen.getByLabelText('Naam van de voorziening');
    expect(await screen.findByText('Deze naam is te lang.')).toBeInTheDocument();
    expect(name).toHaveAccessibleDescription('Deze naam is te lang.');
    expect(name).toHaveFocus();
    const areas = screen.getByRole('group', { name: 'Waar bied je deze hulp?' });
    expect(within(areas).getByText('Deze code bestaat niet.')).toBeInTheDocument();
    const body = JSON.parse(String(fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')?.[1]?.body));
    expect(body).toMatchObject({ organisation_id: 11, name: 'Buurtkamer', domain: 'welfare', areas: ['BU03550101'], published: true });
  });
});

describe('NewServicePage: areas by name', () => {
  it('finds another municipality in one search and filters its wijken by name; chosen ones stay', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, ORGANISATIONS),
      'GET /api/v1/workspaces/demo/areas': (url) =>
        answer('listAreas', 200, url.searchParams.get('municipality_code') === 'GM0193' ? ZWOLLE_AREAS : AREAS),
      'GET /api/v1/municipalities': () =>
        answer('searchMunicipalities', 200, {
          items: [municipalityFixture('GM0193', 'Zwolle', 'Overijssel')],
        }),
    });
    const user = userEvent.setup();
    renderInWorkspace(<NewServicePage />, { route: '/w/demo/social-map/services/new', path: '/w/:slug/social-map/services/new' });
    await screen.findByRole('checkbox', { name: 'Centrum (BU03550101)' });
    await user.type(screen.getByLabelText('Andere gemeente zoeken'), 'Zwol{Enter}');
    await user.click(await screen.findByRole('button', { name: /^Zwolle/ }));
    await screen.findByRole('checkbox', { name: 'Wijk 10 Binnenstad (WK019310)' });
    expect(screen.getByRole('checkbox', { name: 'De hele gemeente Zwolle (GM0193)' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Wijk 11 Diezerpoort (WK019311)' }));
    await user.type(screen.getByLabelText('Zoek een wijk of buurt'), 'stad');
    const shown = screen.getAllByRole('checkbox', { name: /^Wijk/ }).map((c) => c.getAttribute('id'));
    expect(shown).toEqual(['service-area-WK019310', 'service-area-WK019311', 'service-area-WK019316']);
    expect(screen.getByText('3 van de 9 gebieden in beeld')).toBeInTheDocument();
  });
});

describe('ServicesPage', () => {
  it('lists problems of a refused import as "Regel N, kolom X: …" and says nothing was imported', async () => {
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, ORGANISATIONS),
      'GET /api/v1/workspaces/demo/services': () => answer('listServices', 200, { items: [] }),
      'POST /api/v1/workspaces/demo/services/import': () =>
        problem('importServices', 'invalid_input', 'Niet alles is goed ingevuld.', { 'line 3.domain': 'Kies een van de mogelijke waarden.', 'line 2.organisation': 'Onbekend.' }),
    });
    const user = userEvent.setup();
    renderInWorkspace(<ServicesPage />, { route: '/w/demo/social-map/services', path: '/w/:slug/social-map/services' });
    expect(await screen.findByText('Er zijn geen voorzieningen gevonden.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alle voorzieningen downloaden (CSV)' })).toHaveAttribute(
      'href',
      '/api/v1/workspaces/demo/exports/services?format=csv',
    );
    await user.click(screen.getByRole('button', { name: 'Bestand inlezen' }));
    expect(screen.getByText('Kies eerst een bestand.')).toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('CSV-bestand met voorzieningen'),
      new File(['organisatie;naam\n'], 'v.csv', { type: 'text/csv' }),
    );
    await user.click(screen.getByRole('button', { name: 'Bestand inlezen' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Er is niets ingelezen. Pas het bestand aan en probeer het opnieuw.')).toBeInTheDocument();
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Regel 2, kolom organisatie: Onbekend.',
      'Regel 3, kolom domein: Kies een van de mogelijke waarden.',
    ]);
  });
});

describe('ServicesPage: areas by name', () => {
  it('shows the municipalities, districts and neighbourhoods by name, with the code only in the title', async () => {
    const service = (id: number, name: string, areas: string[]): Schema<'Service'> => ({
      id,
      organisation_id: 11,
      organisation_name: 'De Linde',
      name,
      domain: 'welfare',
      law: 'wmo',
      target_groups: [],
      areas,
      contact: '',
      capacity_note: '',
      waiting_weeks: null,
      published: true,
      created_at: '2026-11-01T10:00:00Z',
      updated_at: '2026-11-01T10:00:00Z',
    });
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, ORGANISATIONS),
      'GET /api/v1/workspaces/demo/services': () =>
        answer('listServices', 200, {
          items: [
            service(1, 'Buurtkamer', ['BU03550101', 'GM0193']),
            service(2, 'Wijkverpleging', ['GM0355']),
            service(3, 'Inloop', ['WK019310', 'WK019311']),
          ],
        }),
      'GET /api/v1/workspaces/demo/areas': (url) =>
        answer('listAreas', 200, url.searchParams.get('municipality_code') === 'GM0193' ? ZWOLLE_AREAS : AREAS),
      // Zwolle is no municipality of the workspace: its name comes from the register.
      'GET /api/v1/municipalities/GM0193': () =>
        answer('getMunicipality', 200, municipalityDetailFixture('GM0193', 'Zwolle', 'Overijssel')),
    });
    renderInWorkspace(<ServicesPage />, { route: '/w/demo/social-map/services', path: '/w/:slug/social-map/services' });
    const table = await screen.findByRole('table', { name: 'Voorzieningen (3)' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(`^${name}`) });
    await waitFor(() => expect(row('Inloop')).toHaveTextContent('Zwolle: Wijk 10 Binnenstad, Wijk 11 Diezerpoort'));
    expect(row('Buurtkamer')).toHaveTextContent('Zeist: Centrumheel Zwolle');
    expect(row('Wijkverpleging')).toHaveTextContent('heel Zeist');
    expect(table).not.toHaveTextContent(/GM\d{4}|WK\d{6}|BU\d{8}/);
    expect(within(row('Inloop')).getByText('Wijk 10 Binnenstad')).toHaveAttribute('title', 'WK019310');
    expect(within(row('Wijkverpleging')).getByText('heel Zeist')).toHaveAttribute('title', 'GM0355');
  });
});
