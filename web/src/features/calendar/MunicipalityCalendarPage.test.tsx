import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { CycleEvent, CycleYear } from '../../api/types';
import { answer } from '../../test/answer';
import { organisationList } from '../../test/fixtures';
import type { CouncilList } from '../council/api';
import { COUNCILS, NOW, ORGANISATIONS, TOPIC, TOPIC_MATCHES } from '../council/testdata';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { calendarRows, MunicipalityCalendarPage } from './MunicipalityCalendarPage';

const BASE = '/api/v1/workspaces/demo';

function event(id: string, date: string, label: string, basis: CycleEvent['basis'] = 'legal'): CycleEvent {
  return { id, date, until: null, basis, actual: false, label, explain: `Uitleg bij ${label}.`, source: null };
}

/** Soest (organisation 1, GM0342) in 2026: a moment before and one after the meeting of 9 December. */
const CYCLE: CycleYear = {
  organisation: { id: 1, name: 'Soest', municipality_code: 'GM0342' },
  year: 2026,
  merged_on: null,
  events: [event('budget', '2026-11-10', 'Begroting vastgesteld'), event('winter', '2026-12-15', 'Winterbrief', 'typical')],
};

function renderCalendar({
  councils = COUNCILS,
  route = '/w/demo/policy-calendar/municipalities/1',
  role = 'editor',
}: { councils?: CouncilList; route?: string; role?: 'editor' | 'viewer' } = {}) {
  const fetchMock = mockFetch({
    [`GET ${BASE}/organisations`]: () => answer('listOrganisations', 200, organisationList(ORGANISATIONS)),
    [`GET ${BASE}/organisations/1/cycle`]: (url) => answer('getCycle', 200, { ...CYCLE, year: Number(url.searchParams.get('year')) }),
    [`GET ${BASE}/councils`]: () => answer('listCouncils', 200, councils),
    [`GET ${BASE}/council-topics`]: () => answer('listCouncilTopics', 200, { items: [TOPIC] }),
    [`GET ${BASE}/council-topic-matches`]: () => answer('listCouncilTopicMatches', 200, { items: TOPIC_MATCHES }),
  });
  renderInWorkspace(<MunicipalityCalendarPage />, { route, path: '/w/:slug/policy-calendar/municipalities/:organisationId', role });
  return fetchMock;
}

const asked = (fetchMock: ReturnType<typeof mockFetch>, path: string) =>
  fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === `${BASE}/${path}`);

describe('MunicipalityCalendarPage: council meetings with the workspace\'s topics', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('puts the meeting among the moments of the year, dated, linking to the meeting, with a label of its own', async () => {
    const fetchMock = renderCalendar();
    const table = await screen.findByRole('table', { name: 'Beleids- en begrotingscyclus van Soest in 2026' });
    const link = await within(table).findByRole('link', { name: 'Commissie Samenleving' });
    expect(link).toHaveAttribute('href', '/w/demo/council/meetings/5');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Begroting vastgesteldUitleg bij Begroting vastgesteld.',
      'Commissie SamenlevingJullie onderwerp Beschermd wonen: 1 agendapunt, 1 stuk en 1 motie',
      'WinterbriefUitleg bij Winterbrief.',
    ]);
    const meeting = rows[1]!;
    expect(meeting).toHaveClass('aantafel-row--council');
    expect(meeting).toHaveTextContent('9 december 2026');
    expect(meeting).toHaveTextContent('van 19:30 tot 23:00 uur');
    expect(within(meeting).getByText('Raadsvergadering')).toHaveClass('aantafel-badge--council');
    expect(meeting).toHaveTextContent('Open BesluitvormingRaad van Soest');
    // The council's date is not the workspace's to change.
    expect(within(meeting).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: /Datum wijzigen/ })).toBeInTheDocument();
    // At a glance above the long list, too.
    const soon = screen.getByRole('list', { name: 'Jullie onderwerpen binnenkort in de raad' });
    expect(within(soon).getByRole('link', { name: 'Commissie Samenleving' })).toHaveAttribute('href', '/w/demo/council/meetings/5');
    expect(soon).toHaveTextContent('9 december 2026: Commissie SamenlevingJullie onderwerp Beschermd wonen: 1 agendapunt, 1 stuk en 1 motie');
    expect(screen.getByText('Deze vergaderingen staan ook in de lijst hieronder, met het label Raadsvergadering.')).toBeInTheDocument();
    expect(Object.fromEntries(asked(fetchMock, 'council-topic-matches')[0]!.searchParams)).toEqual({ municipality: 'GM0342' });
  });

  it('a year in the past asks nothing of Raad', async () => {
    const fetchMock = renderCalendar({ route: '/w/demo/policy-calendar/municipalities/1?year=2025' });
    const table = await screen.findByRole('table', { name: 'Beleids- en begrotingscyclus van Soest in 2025' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(asked(fetchMock, 'councils')).toHaveLength(0);
    expect(screen.queryByRole('list', { name: 'Jullie onderwerpen binnenkort in de raad' })).not.toBeInTheDocument();
  });

  it('without Raad (switched off) the calendar is as before', async () => {
    const fetchMock = renderCalendar({ councils: { ...COUNCILS, enabled: false } });
    const table = await screen.findByRole('table', { name: 'Beleids- en begrotingscyclus van Soest in 2026' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).queryByRole('link')).not.toBeInTheDocument();
    expect(asked(fetchMock, 'council-topics')).toHaveLength(0);
    expect(asked(fetchMock, 'council-topic-matches')).toHaveLength(0);
  });

  it('calendarRows: by day, the cycle\'s moment before a meeting on the same day', () => {
    const [entry] = [{ meeting: { ...TOPIC_MATCHES[0]!.meeting, starts_at: '2026-11-10T18:30:00.000Z' }, topics: [] }];
    const rows = calendarRows(CYCLE.events, [entry!]);
    expect(rows.map((r) => (r.kind === 'event' ? r.event.id : `council-${r.entry.meeting.id}`))).toEqual(['budget', 'council-5', 'winter']);
  });
});
