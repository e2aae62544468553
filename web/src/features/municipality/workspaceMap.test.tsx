import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UpcomingItem } from '../../api/types';
import country from '../../components/map/fixtures/municipalities.json';
import { clearMapCache } from '../../components/map/mapApi';
import { answer } from '../../test/answer';
import { topoJsonFixture } from '../../test/fixtures';
import { todayIso } from '../whoiswho/lists';
import { addDays } from '../overview/overview';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { WorkspaceMap, workspaceMapSummary } from './WorkspaceMap';
import { windowOfMunicipality } from './workspaceMap';
import { WORKSPACE_MAP_TEXTS, workspaceMapText } from './workspaceMapTexts';

const wt = (key: Parameters<typeof workspaceMapText>[1], vars?: Record<string, string | number>) =>
  workspaceMapText('nl', key, vars);

const window = (organisation: number, from: string, to: string, plan = 'Valpreventie'): UpcomingItem => ({
  date: from,
  kind: 'window',
  organisation: { id: organisation, name: `Gemeente ${organisation}`, municipality_code: null },
  window: { id: 'adviser', from, to, rule: 'kadernota', label: 'Bespreek uw plan met de beleidsadviseur', explain: '' },
  plan: { id: 1, title: plan },
});

describe('windowOfMunicipality', () => {
  const today = '2026-11-23';
  it('finds an open window first (the one that closes first), else one opening within 90 days', () => {
    const items = [
      window(1, '2026-11-01', '2027-01-31'),
      window(1, '2026-10-01', '2026-12-15', 'Eerder dicht'),
      window(2, '2027-01-10', '2027-03-01'),
      window(3, '2027-06-01', '2027-07-01'),
    ];
    expect(windowOfMunicipality(items, 1, today)).toMatchObject({ state: 'open', plan: 'Eerder dicht', window: { to: '2026-12-15' } });
    expect(windowOfMunicipality(items, 2, today)).toMatchObject({ state: 'soon', window: { from: '2027-01-10' } });
    expect(windowOfMunicipality(items, 3, today)).toEqual({ state: 'none' });
    expect(windowOfMunicipality(items, 4, today)).toEqual({ state: 'none' });
  });

  it('counts the first and the last day of a window as open', () => {
    expect(windowOfMunicipality([window(1, today, '2026-12-01')], 1, today).state).toBe('open');
    expect(windowOfMunicipality([window(1, '2026-11-01', today)], 1, today).state).toBe('open');
    expect(windowOfMunicipality([window(1, addDays(today, 90), '2027-06-01')], 1, today).state).toBe('soon');
    expect(windowOfMunicipality([window(1, addDays(today, 91), '2027-06-01')], 1, today).state).toBe('none');
  });

  it('sums up in sentences, only the classes that occur', () => {
    expect(workspaceMapSummary(wt, 'health', ['action', 'good', 'good'])).toBe(
      'Je werkt met 3 gemeenten. Bij 1 is actie nodig. Bij 2 gaat het goed.',
    );
    expect(workspaceMapSummary(wt, 'windows', ['open'])).toBe('Je werkt met 1 gemeente. Bij 1 is nu een tijdvenster open.');
  });

  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(WORKSPACE_MAP_TEXTS.en).sort()).toEqual(Object.keys(WORKSPACE_MAP_TEXTS.nl).sort());
    for (const [key, text] of Object.entries(WORKSPACE_MAP_TEXTS.nl)) {
      expect(holes(WORKSPACE_MAP_TEXTS.en[key as keyof typeof WORKSPACE_MAP_TEXTS.en]), key).toEqual(holes(text));
    }
  });
});

const ORGANISATIONS = [
  { id: 1, kind: 'municipality' as const, name: 'Utrecht', municipality_code: 'GM0344' },
  { id: 2, kind: 'municipality' as const, name: 'Amersfoort', municipality_code: 'GM0307' },
  { id: 3, kind: 'municipality' as const, name: 'Zeist', municipality_code: 'GM0355' },
  { id: 9, kind: 'provider' as const, name: 'De Linde', municipality_code: null },
];
const HEALTH = { 1: 'good', 2: 'action', 3: 'attention' } as const;

describe('WorkspaceMap', () => {
  beforeEach(() => clearMapCache());

  it('colours the municipalities by relationship health or by windows; each opens its municipality page', async () => {
    const today = todayIso();
    mockFetch({
      'GET /api/v1/maps/municipalities': () => answer('getMunicipalityMap', 200, topoJsonFixture(country)),
      'GET /api/v1/workspaces/demo/calendar/upcoming': () =>
        answer('listUpcoming', 200, { days: 730, items: [window(1, addDays(today, -3), addDays(today, 20)), window(2, addDays(today, 30), addDays(today, 60))] }),
      ...Object.fromEntries(
        ([1, 2, 3] as const).map((id) => [
          `GET /api/v1/workspaces/demo/organisations/${id}/relationship-health`,
          () =>
            answer('getRelationshipHealth', 200, {
              organisation: ORGANISATIONS[id - 1]!,
              health: { status: HEALTH[id], last_contact: null, reasons: [{ code: 'never_met', status: HEALTH[id], text: `Reden ${id}.` }] },
              people: [],
            }),
        ]),
      ),
    });
    const user = userEvent.setup();
    renderInWorkspace(<WorkspaceMap slug="demo" organisations={ORGANISATIONS} />, { route: '/w/demo/people/organisations', path: '/w/:slug/people/organisations' });
    const map = await screen.findByRole(
      'group',
      { name: 'Kaart: relatie met je gemeenten' },
      { timeout: 5000 }, // the map engine loads lazily; slow on a busy 2-core machine
    );
    expect(await within(map).findByRole('link', { name: 'Amersfoort: actie nodig' })).toHaveAttribute('href', '/w/demo/municipalities/2');
    expect(within(map).getByRole('link', { name: 'Utrecht: relatie goed' })).toBeInTheDocument();
    expect(within(map).getByRole('link', { name: 'Zeist: aandacht nodig' })).toBeInTheDocument();
    // Zwolle is on the map too, but not the workspace's: background only.
    expect(within(map).getAllByRole('link')).toHaveLength(3);
    expect(screen.getByTestId('workspace-map-summary')).toHaveTextContent(
      'Je werkt met 3 gemeenten. Bij 1 is actie nodig. Bij 1 is aandacht nodig. Bij 1 gaat het goed.',
    );

    await user.click(screen.getByRole('radio', { name: 'Tijdvensters van je plannen' }));
    const windows = await screen.findByRole(
      'group',
      { name: 'Kaart: tijdvensters bij je gemeenten' },
      { timeout: 5000 },
    );
    expect(within(windows).getByRole('link', { name: /^Utrecht: tijdvenster open tot / })).toBeInTheDocument();
    expect(within(windows).getByRole('link', { name: /^Amersfoort: tijdvenster opent op / })).toBeInTheDocument();
    expect(within(windows).getByRole('link', { name: 'Zeist: geen tijdvenster in de komende 90 dagen' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Tabel' }));
    const table = screen.getByRole('table', { name: 'Kaart: tijdvensters bij je gemeenten' });
    expect(within(table).getByRole('row', { name: /^Utrecht/ })).toHaveTextContent('Valpreventie: Bespreek uw plan met de beleidsadviseur');

    const zeist = within(table).getByRole('link', { name: 'Zeist' });
    expect(zeist).toHaveAttribute('href', '/w/demo/municipalities/3');
    await user.click(zeist);
    expect(screen.getByText('workspace page')).toBeInTheDocument(); // the router left this page
  });
});
