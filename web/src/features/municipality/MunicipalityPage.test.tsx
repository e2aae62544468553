import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import districtsGM0344 from '../../components/map/fixtures/districts-GM0344.json';
import { clearMapCache } from '../../components/map/mapApi';
import { shapesOf } from '../../components/map/topology';
import { answer, problem, type Schema } from '../../test/answer';
import { topoJsonFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace, type Handler } from '../whoiswho/testing';
import type { CouncilFollow, CouncilList, CouncilMeeting, CouncilTopic, CouncilTopicMatch } from '../council/api';
import { DATE_ONLY_MEETING, MEETING, NOW, SOEST, SOEST_FOLLOW, TOPIC, TOPIC_MATCHES } from '../council/testdata';
import { DOSSIER, EMPTY_DOSSIER } from './fixtures';
import { MunicipalityPage } from './MunicipalityPage';
import type { MunicipalityDossier } from './municipality';

const URL_PATH = 'GET /api/v1/workspaces/demo/organisations/1/dossier';

const UTRECHT_MAP = topoJsonFixture(districtsGM0344);
const UTRECHT_DISTRICTS = shapesOf(UTRECHT_MAP, 'districts').map((s) => ({ code: s.code, name: s.name, municipality_code: 'GM0344' }));

/** The requests of the districts map: Overvecht has two providers, Binnenstad one, the rest none. */
const MAP_ROUTES: Record<string, Handler> = {
  'GET /api/v1/municipalities/GM0344': () =>
    answer('getMunicipality', 200, {
      ...DOSSIER.municipality!,
      districts: UTRECHT_DISTRICTS,
      predecessors: [],
      successors: [],
    }),
  'GET /api/v1/maps/municipalities/GM0344': () => answer('getDistrictMap', 200, UTRECHT_MAP),
  'GET /api/v1/workspaces/demo/social-map/coverage': () =>
    answer('getCoverage', 200, {
      areas: UTRECHT_DISTRICTS.map((d) => ({ ...d, source: 'register' as const })),
      domains: ['welfare'],
      cells: UTRECHT_DISTRICTS.map((d) => ({
        area: d.code,
        domain: 'welfare' as const,
        providers: d.code === 'WK034403' ? [21, 22] : d.code === 'WK034406' ? [21] : [],
        services: [],
      })),
      gaps: 8,
      single: 1,
    }),
  // Raad is off unless a test says otherwise (the section then says so in one sentence).
  'GET /api/v1/workspaces/demo/councils': () =>
    answer('listCouncils', 200, { enabled: false, status_checked_at: null, follows: [], available: [] }),
  'GET /api/v1/workspaces/demo/organisations': () =>
    answer('listOrganisations', 200, {
      items: [
        { id: 21, kind: 'provider', name: 'Zorggroep Noord', municipality_code: null },
        { id: 22, kind: 'provider', name: 'Buurtteam Overvecht', municipality_code: null },
      ],
    }),
};

function render(dossier: MunicipalityDossier | Response, options: { role?: 'viewer' | 'editor' } = {}) {
  mockFetch({ ...MAP_ROUTES, [URL_PATH]: () => (dossier instanceof Response ? dossier : answer('getMunicipalityDossier', 200, dossier)) });
  return renderInWorkspace(<MunicipalityPage />, {
    route: '/w/demo/municipalities/1',
    path: '/w/:slug/municipalities/:organisationId',
    role: options.role,
  });
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });

describe('MunicipalityPage', () => {
  beforeEach(() => clearMapCache());

  it('shows the districts on a map, coloured by providers, each leading to the Sociale kaart', async () => {
    render(DOSSIER);
    const map = await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Utrecht' });
    const links = within(map).getAllByRole('link');
    expect(links).toHaveLength(10);
    expect(within(map).getByRole('link', { name: 'Wijk 03 Overvecht: 2 aanbieders' })).toHaveAttribute(
      'href',
      '/w/demo/social-map?gemeente=GM0344&wijk=WK034403',
    );
    expect(within(map).getByRole('link', { name: 'Wijk 06 Binnenstad: één aanbieder' })).toBeInTheDocument();
    expect(screen.getByTestId('municipality-districts-summary')).toHaveTextContent('In 8 van de 10 wijken is geen aanbieder.');
    // It sits in "Over Utrecht": the list of h2 sections does not change.
    expect(within(region('Over Utrecht')).getByRole('heading', { level: 3, name: 'Wijken' })).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Tabel' }));
    const table = screen.getByRole('table', { name: 'Kaart: aanbod per wijk in Utrecht' });
    expect(within(table).getByRole('row', { name: /Wijk 03 Overvecht/ })).toHaveTextContent('Buurtteam Overvecht, Zorggroep Noord');
  });

  it('with neighbourhoods on the map, shows "Buurten" at first and "Wijken" on request; a neighbourhood leads to the Sociale kaart', async () => {
    // Each district stands in for one neighbourhood of its own (BU0344ww01); the coverage has district rows only.
    const districts = UTRECHT_MAP.objects.districts as { geometries: { properties: { code: string; name: string } }[] };
    const withHoods: Schema<'TopoJson'> = {
      ...UTRECHT_MAP,
      objects: {
        ...UTRECHT_MAP.objects,
        neighbourhoods: {
          type: 'GeometryCollection',
          geometries: districts.geometries.map((g) => {
            const code = `BU${g.properties.code.slice(2)}01`;
            return { ...g, id: code, properties: { code, name: `${g.properties.name} Centrum` } };
          }),
        },
      },
    };
    mockFetch({ ...MAP_ROUTES, 'GET /api/v1/maps/municipalities/GM0344': () => answer('getDistrictMap', 200, withHoods), [URL_PATH]: () => answer('getMunicipalityDossier', 200, DOSSIER) });
    renderInWorkspace(<MunicipalityPage />, { route: '/w/demo/municipalities/1', path: '/w/:slug/municipalities/:organisationId' });
    const map = await screen.findByRole('group', { name: 'Kaart: aanbod per buurt in Utrecht' });
    expect(within(region('Over Utrecht')).getByRole('heading', { level: 3, name: 'Wijken en buurten' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Buurten' })).toBeChecked();
    // Without rows of their own, the neighbourhoods take their district's row.
    expect(within(map).getByRole('link', { name: 'Wijk 03 Overvecht Centrum: 2 aanbieders' })).toHaveAttribute(
      'href',
      '/w/demo/social-map?gemeente=GM0344&wijk=BU03440301',
    );
    expect(screen.getByTestId('municipality-districts-summary')).toHaveTextContent(
      'In 8 van de 10 buurten is geen aanbieder. In 1 buurt is maar één aanbieder. In 1 buurt zijn twee of meer aanbieders. Heeft een buurt geen eigen gegevens, dan telt het aanbod van de wijk.',
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Wijken' }));
    const byDistrict = await screen.findByRole('group', { name: 'Kaart: aanbod per wijk in Utrecht' });
    expect(within(byDistrict).getByRole('link', { name: 'Wijk 03 Overvecht: 2 aanbieders' })).toBeInTheDocument();
  });

  it('after a merger, links the municipalities it came from and shows the Almanak facts', async () => {
    render({
      ...DOSSIER,
      organisation: {
        ...DOSSIER.organisation,
        facts: { inhabitants: 380000, total_seats: 45, website: 'https://www.utrecht.nl', province: 'Utrecht' },
      },
      reorganisation: {
        predecessors: [
          { code: 'GM0001', name: 'Oudedijk', effective_on: '2027-01-01', organisation_id: 7 },
          { code: 'GM0002', name: 'Nieuwland', effective_on: '2027-01-01', organisation_id: null },
        ],
        successors: [],
      },
    });
    const facts = await screen.findByRole('region', { name: 'Over Utrecht' });
    expect(facts).toHaveTextContent('Utrecht is op 1 januari 2027 ontstaan uit deze gemeenten:');
    expect(within(facts).getByRole('link', { name: 'Oudedijk' })).toHaveAttribute('href', '/w/demo/municipalities/7');
    expect(facts).toHaveTextContent('Nieuwland (niet in je werkruimte)');
    expect(within(facts).queryByRole('link', { name: /Nieuwland/ })).toBeNull();
    expect(facts).toHaveTextContent('Zetels in de raad45');
    expect(within(facts).getByRole('link', { name: 'https://www.utrecht.nl' })).toHaveAttribute('href', 'https://www.utrecht.nl');
    // CBS's inhabitants win over the Almanak's.
    expect(facts).toHaveTextContent('374.238');
  });

  it('says until when a municipality that merged away existed, and links what it went into', async () => {
    render({
      ...DOSSIER,
      municipality: DOSSIER.municipality ? { ...DOSSIER.municipality, ended_on: '2026-12-31' } : null,
      reorganisation: {
        predecessors: [],
        successors: [{ code: 'GM2001', name: 'Dijkland', effective_on: '2027-01-01', organisation_id: 9 }],
      },
    });
    const facts = await screen.findByRole('region', { name: 'Over Utrecht' });
    expect(facts).toHaveTextContent('Deze gemeente bestond tot en met 31 december 2026.');
    expect(facts).toHaveTextContent('Utrecht is op 1 januari 2027 opgegaan in:');
    expect(within(facts).getByRole('link', { name: 'Dijkland' })).toHaveAttribute('href', '/w/demo/municipalities/9');
  });

  it('shows every section, in order, with real content and links to the module pages', async () => {
    render(DOSSIER);
    expect(await screen.findByRole('heading', { level: 1, name: 'Utrecht' })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Over Utrecht',
      'Wie is wie nu',
      'Op de agenda van de raad',
      'Onze relatie',
      'Afspraken',
      'Het goede moment',
      'Wat cliënten zeggen',
      'Aanbod en dekking',
      'Scans en bekostiging',
    ]);

    const facts = region('Over Utrecht');
    expect(facts).toHaveTextContent('GM0344');
    expect(facts).toHaveTextContent('374.238');

    const council = region('Wie is wie nu');
    expect(council).toHaveTextContent('Raadsperiode vanaf 26 maart 2026 (gemeenteraadsverkiezing 18 maart 2026)');
    expect(within(council).getByRole('link', { name: 'Bram Jansen' })).toHaveAttribute('href', '/w/demo/people/2');
    expect(council).toHaveTextContent('Wethouder · Lokaal Samen · Portefeuille: Zorg en welzijn, Wmo');
    const seats = within(council).getByRole('table', { name: 'Zetels per partij, 15 in totaal' });
    const rows = within(seats).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Lokaal Samen9 zetels', 'Stadsbelang5 zetels', 'Eén Zetel1 zetel']);
    expect(within(council).getByRole('link', { name: 'Greet Smit' })).toHaveAttribute('href', '/w/demo/people/7');
    expect(within(council).getByRole('link', { name: 'Mensen en krachtenveld van Utrecht in Wie is wie' })).toHaveAttribute(
      'href',
      '/w/demo/people/organisations/1',
    );

    expect(
      await within(region('Op de agenda van de raad')).findByText(
        'Raad staat niet aan op deze installatie van aantafel. Daarom zie je hier geen vergaderingen van de raad.',
      ),
    ).toBeInTheDocument();

    const relation = region('Onze relatie');
    expect(relation).toHaveTextContent('Goed');
    expect(relation).toHaveTextContent('Laatste contact 2 weken geleden; doel: elke 6 maanden.');
    const people = within(relation).getByRole('table', { name: /Mensen bij Utrecht/ });
    const dirk = within(people).getByRole('row', { name: /Dirk Visser/ });
    expect(dirk).toHaveTextContent('Actie nodig');
    expect(dirk).toHaveTextContent('Nauw betrekken');
    expect(within(people).getByRole('row', { name: /Bram Jansen/ })).toHaveTextContent('Nog niet ingeschat');
    // Status is never colour alone: the word is there, the icon is decoration.
    const badge = within(dirk).getByText('Actie nodig');
    expect(badge.querySelector('svg[aria-hidden="true"]')).toHaveClass('lucide-x');
    expect(within(relation).getByRole('link', { name: 'Wijkbezoek Overvecht met de wethouder' })).toHaveAttribute(
      'href',
      '/w/demo/interactions/1',
    );
    expect(relation).toHaveTextContent('Werkbezoek of wijkbezoek');
    expect(within(relation).getByRole('link', { name: 'Relatie met Utrecht en de tijdlijn bekijken' })).toHaveAttribute(
      'href',
      '/w/demo/interactions/organisations/1',
    );

    const agreements = region('Afspraken');
    expect(agreements).toHaveTextContent('1 lopend, waarvan 1 over de datum. 2 nagekomen.');
    expect(within(agreements).getByRole('link', { name: 'Cijfers wachttijden delen' })).toHaveAttribute(
      'href',
      '/w/demo/interactions/agreements/1',
    );
    expect(agreements).toHaveTextContent('Afgesproken · uiterlijk 20 november 2026 ! over de datum');

    const cycle = region('Het goede moment');
    expect(within(cycle).getByRole('link', { name: 'Valpreventie in de wijk: Bespreek je plan met de beleidsadviseur' })).toHaveAttribute(
      'href',
      '/w/demo/policy-calendar/plans/1',
    );
    expect(cycle).toHaveTextContent('Nu open, tot 31 december 2026');
    expect(cycle).toHaveTextContent('15 mei 2027: Kadernota gepubliceerd');
    expect(within(cycle).getByRole('link', { name: 'Beleidskalender van Utrecht' })).toHaveAttribute(
      'href',
      '/w/demo/policy-calendar/municipalities/1',
    );

    const feedback = region('Wat cliënten zeggen');
    expect(feedback).toHaveTextContent('Wijkteam Utrecht-Noord · Wijkteam Noord (loopt)');
    expect(within(feedback).getByRole('link', { name: 'Naar Cliëntfeedback' })).toHaveAttribute('href', '/w/demo/feedback');

    const social = region('Aanbod en dekking');
    expect(social).toHaveTextContent('5 voorzieningen van 3 aanbieders, waarvan 4 gepubliceerd');
    expect(social).toHaveTextContent('30 van de 40 vakjes zonder aanbod');
    expect(within(social).getByRole('link', { name: 'Samen in Utrecht' })).toHaveAttribute('href', '/w/demo/social-map/consortia/1');
    expect(within(social).getByRole('link', { name: 'Sociale kaart van Utrecht' })).toHaveAttribute(
      'href',
      '/w/demo/social-map?gemeente=GM0344',
    );

    const scans = region('Scans en bekostiging');
    expect(within(scans).getByRole('link', { name: 'Samenwerking wijkzorg Overvecht' })).toHaveAttribute('href', '/w/demo/scan/1');
    expect(scans).toHaveTextContent('6 van 7 hebben geantwoord');
    expect(within(scans).getByRole('link', { name: 'Wmo-begeleiding Utrecht: PxQ of combinatie' })).toHaveAttribute(
      'href',
      '/w/demo/financing/1',
    );
    expect(scans).toHaveTextContent('bij plan “Valpreventie in de wijk”');
  });

  it('gives the NPS with its interval in words, and "te weinig antwoorden" when there are not enough', async () => {
    render(DOSSIER);
    expect(await screen.findByTestId('nps-last-year')).toHaveTextContent('NPS +14 (tussen −3 en +31), 91 antwoorden');
    expect(screen.getByTestId('nps-last-30-days')).toHaveTextContent(
      'Te weinig antwoorden voor een betrouwbare score: 3 antwoorden, minstens 30 nodig.',
    );
  });

  it('shows a short empty state in every section that says what to do and where', async () => {
    render(EMPTY_DOSSIER);
    await screen.findByRole('heading', { level: 1, name: 'Utrecht' });
    expect(region('Wie is wie nu')).toHaveTextContent('Zet de mensen van deze gemeente in Wie is wie.');
    expect(region('Onze relatie')).toHaveTextContent('Actie nodig');
    expect(region('Onze relatie')).toHaveTextContent('Er staan nog geen mensen met een functie bij deze gemeente.');
    expect(region('Onze relatie')).toHaveTextContent('Er is nog geen contact vastgelegd. Leg je eerste gesprek vast.');
    expect(within(region('Onze relatie')).getByRole('link', { name: 'Contact vastleggen met Utrecht' })).toHaveAttribute(
      'href',
      '/w/demo/interactions/new?organisation=1',
    );
    expect(region('Afspraken')).toHaveTextContent('Er lopen geen afspraken met deze gemeente.');
    expect(within(region('Afspraken')).getByRole('link', { name: 'Afspraak vastleggen' })).toHaveAttribute(
      'href',
      '/w/demo/interactions/agreements/new?organisation=1',
    );
    expect(region('Het goede moment')).toHaveTextContent('Er is nog geen plan voor deze gemeente. Maak een plan');
    expect(within(region('Het goede moment')).getByRole('link', { name: 'Een plan maken' })).toHaveAttribute(
      'href',
      '/w/demo/policy-calendar/plans/new',
    );
    expect(region('Het goede moment')).toHaveTextContent('Er staat in de komende 6 maanden niets op de beleidskalender');
    expect(region('Wat cliënten zeggen')).toHaveTextContent('Er is nog geen vragenlijst voor deze gemeente.');
    expect(within(region('Wat cliënten zeggen')).getByRole('link', { name: 'Vragenlijsten beheren' })).toHaveAttribute(
      'href',
      '/w/demo/feedback/surveys',
    );
    expect(region('Aanbod en dekking')).toHaveTextContent('Er staan nog geen voorzieningen voor deze gemeente op de sociale kaart.');
    expect(region('Scans en bekostiging')).toHaveTextContent('Er is nog geen samenwerkingsscan over deze gemeente.');
    expect(region('Scans en bekostiging')).toHaveTextContent('Er is nog geen bekostigingsscenario voor deze gemeente.');
    expect(within(region('Scans en bekostiging')).getByRole('link', { name: 'Naar de samenwerkingsscans' })).toHaveAttribute(
      'href',
      '/w/demo/scan',
    );
  });

  it('says so when an organisation is not a municipality, and offers no editing links to viewers', async () => {
    render(
      {
        ...EMPTY_DOSSIER,
        organisation: { id: 1, kind: 'other', name: 'Zorgcoöperatie De Linde', municipality_code: null },
        municipality: null,
        feedback: null,
        social_map: null,
      },
      { role: 'viewer' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Zorgcoöperatie De Linde' });
    expect(screen.getByText(/^Dit is geen gemeente\. Daarom/)).toBeInTheDocument();
    expect(region('Wat cliënten zeggen')).toHaveTextContent('Dit is geen gemeente.');
    expect(region('Aanbod en dekking')).toHaveTextContent('Deze organisatie heeft geen CBS-code.');
    expect(screen.queryByRole('link', { name: /Contact vastleggen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Afspraak vastleggen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Beleidskalender van/ })).not.toBeInTheDocument();
    // No council for an organisation that is not a municipality.
    expect(screen.queryByRole('region', { name: 'Op de agenda van de raad' })).not.toBeInTheDocument();
  });

  it('speaks English', async () => {
    mockFetch({ ...MAP_ROUTES, [URL_PATH]: () => answer('getMunicipalityDossier', 200, DOSSIER) });
    const { renderWithProviders } = await import('../../test/render');
    const { WorkspaceContext } = await import('../shell/workspaceContext');
    renderWithProviders(
      <WorkspaceContext.Provider
        value={{ workspace: { slug: 'demo', name: 'Demo', kind: 'care_provider', role: 'editor' }, reload: async () => undefined }}
      >
        <MunicipalityPage />
      </WorkspaceContext.Provider>,
      { language: 'en', route: '/w/demo/municipalities/1', path: '/w/:slug/municipalities/:organisationId' },
    );
    await screen.findByRole('heading', { level: 1, name: 'Utrecht' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'About Utrecht',
      'Who is who now',
      'On the council’s agenda',
      'Our relationship',
      'Agreements',
      'The right moment',
      'What clients say',
      'Services and coverage',
      'Scans and financing',
    ]);
    expect(screen.getByTestId('nps-last-year')).toHaveTextContent('NPS +14 (between −3 and +31), 91 responses');
    expect(screen.getByTestId('nps-last-30-days')).toHaveTextContent('Too few responses for a reliable score: 3 responses');
    expect(region('Our relationship')).toHaveTextContent('Action needed');
    expect(screen.getByRole('table', { name: 'Seats per party, 15 in total' })).toBeInTheDocument();
  });

  it('shows "not found" for an unknown organisation', async () => {
    render(problem('getMunicipalityDossier', 'not_found', 'Niet gevonden'));
    expect(await screen.findByRole('heading', { level: 1, name: /niet gevonden|bestaat niet/i })).toBeInTheDocument();
  });
});

/** Utrecht (GM0344, the dossier's municipality) followed, with the meetings of the Raad testdata. */
const UTRECHT_FOLLOW: CouncilFollow = { ...SOEST_FOLLOW, source_key: 'utrecht', municipality_code: 'GM0344', source: { ...SOEST, source_key: 'utrecht', label: 'Utrecht', municipality_code: 'GM0344' } };
const inUtrecht = (m: CouncilMeeting): CouncilMeeting => ({ ...m, source_key: 'utrecht', council: 'Utrecht', municipality_code: 'GM0344' });
const UTRECHT_MEETING = inUtrecht(MEETING);
/** A meeting before the one with the topic: it comes after it in the list all the same. */
const EARLY_MEETING: CouncilMeeting = inUtrecht({ ...MEETING, id: 4, name: 'Raadsinformatieavond', committee: '', starts_at: '2026-12-07T18:00:00.000Z', ends_at: null });
const LATE_MEETING = inUtrecht(DATE_ONLY_MEETING);
const UTRECHT_MATCHES: CouncilTopicMatch[] = TOPIC_MATCHES.map((m) => ({ ...m, meeting: UTRECHT_MEETING }));

const COUNCILS_ON: CouncilList = { enabled: true, status_checked_at: '2026-12-06T13:00:00.000Z', follows: [UTRECHT_FOLLOW], available: [] };

function renderAgenda({
  councils = COUNCILS_ON,
  meetings = [EARLY_MEETING, UTRECHT_MEETING, LATE_MEETING],
  topics = [TOPIC],
  matches = UTRECHT_MATCHES,
  role = 'editor',
  councilsAnswer,
}: {
  councils?: CouncilList;
  meetings?: CouncilMeeting[];
  topics?: CouncilTopic[];
  matches?: CouncilTopicMatch[];
  role?: 'viewer' | 'editor';
  councilsAnswer?: () => Response | Promise<Response>;
} = {}) {
  const fetchMock = mockFetch({
    ...MAP_ROUTES,
    [URL_PATH]: () => answer('getMunicipalityDossier', 200, DOSSIER),
    'GET /api/v1/workspaces/demo/councils': councilsAnswer ?? (() => answer('listCouncils', 200, councils)),
    'GET /api/v1/workspaces/demo/council-topics': () => answer('listCouncilTopics', 200, { items: topics }),
    'GET /api/v1/workspaces/demo/council-meetings': () => answer('listCouncilMeetings', 200, { items: meetings }),
    'GET /api/v1/workspaces/demo/council-topic-matches': () => answer('listCouncilTopicMatches', 200, { items: matches }),
  });
  renderInWorkspace(<MunicipalityPage />, {
    route: '/w/demo/municipalities/1',
    path: '/w/:slug/municipalities/:organisationId',
    role,
  });
  return fetchMock;
}

const asked = (fetchMock: ReturnType<typeof mockFetch>, path: string) =>
  fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === `/api/v1/workspaces/demo/${path}`);

describe('MunicipalityPage: Op de agenda van de raad', () => {
  beforeEach(() => {
    clearMapCache();
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the meetings with the workspace\'s topics first, the topic in words, each linking to its meeting', async () => {
    const fetchMock = renderAgenda();
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    const matched = await within(section).findByRole('list', { name: 'Met jullie onderwerpen' });
    expect(within(section).getByRole('heading', { level: 3, name: 'Met jullie onderwerpen' })).toBeInTheDocument();
    const card = within(matched).getByRole('link', { name: 'Commissie Samenleving' }).closest('li')!;
    expect(matched.querySelectorAll(':scope > li')).toHaveLength(1);
    expect(within(card).getByRole('heading', { level: 4, name: 'Commissie Samenleving' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Commissie Samenleving' })).toHaveAttribute('href', '/w/demo/council/meetings/5');
    expect(card).toHaveTextContent('woensdag 9 december, van 19:30 tot 23:00 uur');
    expect(card).toHaveTextContent('Trouwzaal, Raadhuis Soest');
    expect(card).toHaveTextContent('Jullie onderwerp Beschermd wonen: 1 agendapunt, 1 stuk en 1 motie');
    expect(within(card).getByText('Jullie onderwerp Beschermd wonen').tagName).toBe('STRONG');
    expect(card).toHaveTextContent('Agendapunt: Beleidsplan beschermd wonen 2027-2030');

    // The other meetings after it, by date, also when they come earlier.
    const others = within(section).getByRole('list', { name: 'Andere vergaderingen' });
    const links = within(others).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Raadsinformatieavond', 'Raadsvergadering']);
    expect(links[0]).toHaveAttribute('href', '/w/demo/council/meetings/4');
    expect(within(others).getAllByRole('listitem')[1]).toHaveTextContent('donderdag 17 december');
    expect(within(others).getAllByRole('listitem')[1]).toHaveTextContent('Gaat niet door');
    const allLinks = within(section).getAllByRole('link').map((l) => l.textContent);
    expect(allLinks).toEqual(['Commissie Samenleving', 'Raadsinformatieavond', 'Raadsvergadering', 'Alle vergaderingen en onderwerpen bij Raad']);
    expect(within(section).getByRole('link', { name: 'Alle vergaderingen en onderwerpen bij Raad' })).toHaveAttribute('href', '/w/demo/council');

    // Only this municipality's councils are asked for.
    expect(Object.fromEntries(asked(fetchMock, 'council-meetings')[0]!.searchParams)).toEqual({ municipality: 'GM0344' });
    expect(Object.fromEntries(asked(fetchMock, 'council-topic-matches')[0]!.searchParams)).toEqual({ municipality: 'GM0344' });
  });

  it('leaves out meetings of another municipality (an answer that is not for this page)', async () => {
    renderAgenda({ meetings: [UTRECHT_MEETING, { ...MEETING, id: 99, name: 'Soest elders' }] });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    await within(section).findByRole('list', { name: 'Met jullie onderwerpen' });
    expect(within(section).queryByText('Soest elders')).not.toBeInTheDocument();
    expect(within(section).queryByRole('heading', { name: 'Andere vergaderingen' })).not.toBeInTheDocument();
  });

  it('without a topic on the agenda it says so, and lists the meetings under "Vergaderingen"', async () => {
    renderAgenda({ matches: [] });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText('Jullie onderwerpen staan de komende 60 dagen niet op de agenda van de raad van Utrecht.')).toBeInTheDocument();
    expect(within(section).getByRole('list', { name: 'Vergaderingen' })).toBeInTheDocument();
    expect(within(section).getAllByRole('link', { name: /Commissie Samenleving|Raadsinformatieavond|Raadsvergadering/ })).toHaveLength(3);
  });

  it('without topics it says to add one (and does not ask for matches)', async () => {
    const fetchMock = renderAgenda({ topics: [], matches: [] });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText(/^Jullie hebben nog geen onderwerpen\. Voeg bij Raad een onderwerp toe/)).toBeInTheDocument();
    expect(asked(fetchMock, 'council-topic-matches')).toHaveLength(0);
  });

  it('a council that is not followed: a sentence and the way to Raad to follow it (a viewer is told who can)', async () => {
    const notFollowed: CouncilList = { ...COUNCILS_ON, follows: [], available: [UTRECHT_FOLLOW.source!] };
    const fetchMock = renderAgenda({ councils: notFollowed });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText(/^Jullie volgen de raad van Utrecht nog niet\. Volg de raad bij Raad\./)).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Naar Raad om de raad van Utrecht te volgen' })).toHaveAttribute('href', '/w/demo/council');
    expect(asked(fetchMock, 'council-meetings')).toHaveLength(0);
    expect(asked(fetchMock, 'council-topics')).toHaveLength(0);
  });

  it('a viewer of a council that is not followed is told who can follow it', async () => {
    renderAgenda({ councils: { ...COUNCILS_ON, follows: [], available: [UTRECHT_FOLLOW.source!] }, role: 'viewer' });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText(/Een bewerker of eigenaar van de werkruimte kan de raad volgen bij Raad\./)).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Alle vergaderingen en onderwerpen bij Raad' })).toBeInTheDocument();
  });

  it('a council Open Besluitvorming does not have: says so', async () => {
    renderAgenda({ councils: { ...COUNCILS_ON, follows: [], available: [] } });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText(/^Open Besluitvorming heeft \(nog\) geen gegevens van de raad van Utrecht\./)).toBeInTheDocument();
  });

  it('followed, but nothing planned: says so', async () => {
    renderAgenda({ meetings: [], matches: [] });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText('De raad van Utrecht heeft de komende 60 dagen geen vergaderingen gepland.')).toBeInTheDocument();
  });

  it('followed, while the first copy is made: says it is still being fetched', async () => {
    const fetching: CouncilFollow = { ...UTRECHT_FOLLOW, sync: { ...UTRECHT_FOLLOW.sync!, phase: 'snapshot', synced_at: null, records: 3 } };
    renderAgenda({ councils: { ...COUNCILS_ON, follows: [fetching] }, meetings: [], matches: [] });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText(/^De gegevens van de raad worden nog opgehaald\./)).toBeInTheDocument();
  });

  it('followed, but the first fetch failed: says so and when it is tried again', async () => {
    const failed: CouncilFollow = {
      ...UTRECHT_FOLLOW,
      sync: { ...UTRECHT_FOLLOW.sync!, phase: 'snapshot', synced_at: null, records: 0, failures: 1, retry_at: '2026-12-07T13:30:00Z', error: null },
    };
    renderAgenda({ councils: { ...COUNCILS_ON, follows: [failed] }, meetings: [], matches: [] });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText('Het eerste ophalen is niet gelukt. We proberen het op 7 december om 14:30 opnieuw.')).toBeInTheDocument();
    expect(within(section).getByText('Zodra het ophalen lukt, zie je hier de vergaderingen.')).toBeInTheDocument();
    expect(within(section).queryByText(/geen vergaderingen gepland/)).not.toBeInTheDocument();
  });

  it('shows the error when the councils cannot be read, and "Laden…" while they are on their way', async () => {
    let respond: (response: Response) => void = () => undefined;
    const answered = new Promise<Response>((resolve) => (respond = resolve));
    renderAgenda({ councilsAnswer: () => answered });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(within(section).getByRole('status')).toHaveTextContent('Bezig met laden…');
    expect(section.querySelector('[aria-busy="true"]')).not.toBeNull();
    respond(problem('listCouncils', 'internal', 'Er ging iets mis bij ons. Probeer het later opnieuw.'));
    await waitFor(() => expect(within(section).getByRole('alert')).toHaveTextContent('Er ging iets mis bij ons.'));
    // The other sections stay.
    expect(screen.getByRole('region', { name: 'Onze relatie' })).toBeInTheDocument();
  });

  it('says calmly that Raad is off, and asks nothing more', async () => {
    const fetchMock = renderAgenda({ councils: { enabled: false, status_checked_at: null, follows: [], available: [] } });
    const section = await screen.findByRole('region', { name: 'Op de agenda van de raad' });
    expect(await within(section).findByText(/^Raad staat niet aan op deze installatie van aantafel\./)).toBeInTheDocument();
    expect(asked(fetchMock, 'council-topics')).toHaveLength(0);
    expect(asked(fetchMock, 'council-meetings')).toHaveLength(0);
  });
});
