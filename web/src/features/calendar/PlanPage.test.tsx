import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Plan, PlanSchedule } from '../../api/types';
import { jsonResponse } from '../../test/render';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { PlanPage } from './PlanPage';

// ECharts needs a real browser; the timeline's table is enough here.
vi.mock('../../components/chartEngine', () => ({ mountChart: () => ({ update: vi.fn(), dispose: vi.fn() }) }));

const plan: Plan = {
  id: 7,
  title: 'Buurtteams',
  description: '',
  core_message: '',
  domain: 'Wmo',
  budget_year: 2027,
  budget_needed: null,
  status: 'idea',
  phase: 'agenda_setting',
  owner_id: null,
  organisation_ids: [1, 2],
  created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
};

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
      jsonResponse(200, {
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
      return jsonResponse(200, current);
    },
    'GET /api/v1/workspaces/demo/saved-advice': () => jsonResponse(200, { items: [] }),
    'GET /api/v1/knowledge': () => jsonResponse(200, { strategies: [] }),
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
  });
});
