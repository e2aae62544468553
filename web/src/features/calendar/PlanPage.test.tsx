import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanSchedule } from '../../api/types';
import { answer } from '../../test/answer';
import { planFixture } from '../../test/fixtures';
import { COUNCILS, HOUTEN, NOW, TOPIC, TOPIC_MATCHES } from '../council/testdata';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { PlanPage } from './PlanPage';

// ECharts needs a real browser; the timeline's table is enough here.
vi.mock('../../components/chartEngine', () => ({ mountChart: () => ({ update: vi.fn(), dispose: vi.fn() }) }));

const plan = planFixture({ organisation_ids: [1, 2] });

function schedule(id: number, name: string, budgetYear: number, timing: PlanSchedule['timing'], earliest: number | null): PlanSchedule {
  return {
    organisation: { id, name, municipality_code: null },
    budget_year: budgetYear,
    election_year: false,
    timing,
    earliest_feasible_year: earliest,
    windows: [],
  };
}

const route = { route: '/w/demo/policy-calendar/plans/7', path: '/w/:slug/policy-calendar/plans/:planId' };

function mockPlan(onPatch: (body: unknown) => void) {
  let current = plan;
  return mockFetch({
    'GET /api/v1/workspaces/demo/plans/7': () =>
      answer('getPlan', 200, {
        plan: current,
        schedules:
          current.budget_year === 2027
            ? [schedule(1, 'Utrecht', 2027, 'too_late', 2028), schedule(2, 'Amersfoort', 2027, 'too_late', 2029)]
            : [schedule(1, 'Utrecht', current.budget_year, 'on_time', null), schedule(2, 'Amersfoort', current.budget_year, 'on_time', null)],
      }),
    'PATCH /api/v1/workspaces/demo/plans/7': (_url, init) => {
      const body = JSON.parse(String(init?.body)) as { budget_year: number };
      onPatch(body);
      current = { ...current, budget_year: body.budget_year };
      return answer('updatePlan', 200, current);
    },
    'GET /api/v1/workspaces/demo/saved-advice': () => answer('listSavedAdvice', 200, { items: [] }),
    'GET /api/v1/knowledge': () => answer('getKnowledge', 200, { language: 'nl', strategies: [], general: [], collections: [] }),
    'GET /api/v1/workspaces/demo/documents': (url) => {
      expect(url.searchParams.get('record_kind')).toBe('plan');
      expect(url.searchParams.get('record_id')).toBe('7');
      return answer('listDocuments', 200, { items: [], max_file_bytes: 25 * 1024 * 1024 });
    },
  });
}

describe('PlanPage: a plan that is too late', () => {
  it('offers "Plan voor" the year that is feasible in every municipality, and moves the plan there', async () => {
    const user = userEvent.setup();
    let patch: unknown;
    mockPlan((body) => {
      patch = body;
    });
    renderInWorkspace(<PlanPage />, route);
    await screen.findByRole('heading', { level: 2, name: 'Te laat voor 2027' });
    expect(screen.getByText('Voor de begroting van 2027 is het te laat. Wil je het plan op 2029 richten? Dat jaar kun je nog halen.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Plan voor 2029' }));
    await screen.findByText('Het begrotingsjaar van dit plan is nu 2029.');
    expect(patch).toEqual({ budget_year: 2029 });
    expect(screen.queryByRole('button', { name: /^Plan voor/ })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Over dit plan' })).toHaveFocus());
  });

  it('shows no button to a viewer', async () => {
    mockPlan(() => undefined);
    renderInWorkspace(<PlanPage />, { ...route, role: 'viewer' });
    await screen.findByRole('heading', { level: 1, name: 'Buurtteams' });
    expect(screen.queryByRole('button', { name: /^Plan voor/ })).not.toBeInTheDocument();
    // The plan's documents are there to read, without a way to add one.
    const documents = screen.getByRole('region', { name: 'Documenten' });
    expect(await within(documents).findByText('Nog geen documenten.')).toBeInTheDocument();
    expect(within(documents).queryByLabelText(/Bestand toevoegen/)).not.toBeInTheDocument();
  });
});

describe('PlanPage: the council meetings with the workspace\'s topics, per municipality', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const withCode = (id: number, name: string, code: string): PlanSchedule => ({
    ...schedule(id, name, 2027, 'on_time', null),
    organisation: { id, name, municipality_code: code },
    windows: [
      { id: 'adviser', label: 'Bespreek je plan', from: '2026-11-01', to: '2027-02-15', rule: 'adviser', explain: 'Voor de kadernota.' },
    ],
  });

  function mockCouncilPlan() {
    return mockFetch({
      'GET /api/v1/workspaces/demo/plans/7': () =>
        answer('getPlan', 200, {
          plan: { ...plan, organisation_ids: [1, 2, 3] },
          // Soest is followed (and has the meeting), Houten can be followed, Utrecht has no council data.
          schedules: [withCode(1, 'Soest', 'GM0342'), withCode(2, 'Houten', 'GM0321'), withCode(3, 'Utrecht', 'GM0344')],
        }),
      'GET /api/v1/workspaces/demo/councils': () => answer('listCouncils', 200, { ...COUNCILS, available: [HOUTEN] }),
      'GET /api/v1/workspaces/demo/council-topics': () => answer('listCouncilTopics', 200, { items: [TOPIC] }),
      'GET /api/v1/workspaces/demo/council-topic-matches': () => answer('listCouncilTopicMatches', 200, { items: TOPIC_MATCHES }),
      'GET /api/v1/workspaces/demo/saved-advice': () => answer('listSavedAdvice', 200, { items: [] }),
      'GET /api/v1/knowledge': () => answer('getKnowledge', 200, { language: 'nl', strategies: [], general: [], collections: [] }),
    });
  }

  it('shows them below the municipality\'s timeline and in it, each linking to its meeting', async () => {
    const fetchMock = mockCouncilPlan();
    renderInWorkspace(<PlanPage />, route);
    const soest = await screen.findByRole('region', { name: 'Soest' });
    const list = await within(soest).findByRole('list', { name: 'In de raad van Soest' });
    expect(within(soest).getByRole('heading', { level: 3, name: 'In de raad van Soest' })).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: 'Commissie Samenleving' })).toHaveAttribute('href', '/w/demo/council/meetings/5');
    expect(list).toHaveTextContent('woensdag 9 december, van 19:30 tot 23:00 uur');
    expect(list).toHaveTextContent('Jullie onderwerp Beschermd wonen: 1 agendapunt, 1 stuk en 1 motie');
    // In the timeline (its table), as a day of its own after the window that started before it.
    const timeline = within(soest).getByRole('table', { name: /Soest/ });
    const rows = within(timeline).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(rows).toEqual(['Bespreek je plan', 'Raadsvergadering: Commissie Samenleving']);
    // One question for every municipality of the plan.
    const matches = fetchMock.mock.calls.filter(([input]) => String(input).includes('/council-topic-matches'));
    expect(matches).toHaveLength(1);
    expect(new URL(String(matches[0]![0]), 'http://localhost').search).toBe('');
  });

  it('a council that can be followed gets a hint; a municipality without council data gets nothing', async () => {
    mockCouncilPlan();
    renderInWorkspace(<PlanPage />, route);
    const houten = await screen.findByRole('region', { name: 'Houten' });
    expect(await within(houten).findByText(/^Volg de raad van Houten, dan zie je hier wanneer jullie onderwerpen op de agenda staan\./)).toBeInTheDocument();
    expect(within(houten).getByRole('link', { name: 'Naar Raad om de raad van Houten te volgen' })).toHaveAttribute('href', '/w/demo/council');
    const utrecht = screen.getByRole('region', { name: 'Utrecht' });
    expect(within(utrecht).queryByText(/raad van Utrecht/)).not.toBeInTheDocument();
    expect(within(utrecht).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Bespreek je plan']);
  });
});
