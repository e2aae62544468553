import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { components } from '../../api/schema';
import { answer, problem } from '../../test/answer';
import { planFixture } from '../../test/fixtures';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { NewPlanPage } from './PlanFormPage';

const organisations = {
  items: [
    { id: 2, kind: 'municipality', municipality_code: 'GM0307', name: 'Amersfoort' },
    { id: 1, kind: 'municipality', municipality_code: 'GM0344', name: 'Utrecht' },
    { id: 3, kind: 'other', municipality_code: null, name: 'Zorgcoöperatie De Linde' },
  ],
} satisfies { items: components['schemas']['Organisation'][] };

const route = { route: '/w/demo/policy-calendar/plans/new', path: '/w/:slug/policy-calendar/plans/new' };

/** This year's cycle of a municipality with its kadernota vote on `vote`. */
function cycle(id: number, vote: string) {
  return answer('getCycle', 200, {
    organisation: { id, name: '', municipality_code: null },
    year: Number(vote.slice(0, 4)),
    merged_on: null,
    events: [{ id: 'kadernota_vote', date: vote, until: null, basis: 'typical', actual: false, label: 'Raad stemt over de kadernota', explain: '', source: null }],
  });
}

describe('NewPlanPage: the budget year it proposes', () => {
  afterEach(() => vi.useRealTimers());

  /** Renders the form on `today` (Amsterdam noon), with Utrecht voting on 10 June and Amersfoort on 2 July. */
  function renderOn(today: string) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${today}T12:00:00+01:00`));
    const requested: string[] = [];
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, organisations),
      'GET /api/v1/workspaces/demo/organisations/1/cycle': (url) => {
        requested.push(`1:${url.searchParams.get('year')}`);
        return cycle(1, `${today.slice(0, 4)}-06-10`);
      },
      'GET /api/v1/workspaces/demo/organisations/2/cycle': (url) => {
        requested.push(`2:${url.searchParams.get('year')}`);
        return cycle(2, `${today.slice(0, 4)}-07-02`);
      },
    });
    renderInWorkspace(<NewPlanPage />, route);
    return requested;
  }

  it('in December proposes the year after next: next year\'s budget is already decided', async () => {
    const requested = renderOn('2026-12-06');
    const year = screen.getByLabelText<HTMLSelectElement>('Begrotingsjaar');
    await waitFor(() => expect(year).toHaveValue('2028'));
    expect(year).toHaveAccessibleDescription(/^Voorstel: 2028\. Dat is het eerste jaar waarvoor je nog op tijd bent voor de kadernota\.$/);
    expect(requested.sort()).toEqual(['1:2026', '2:2026']);
  });

  it('follows the chosen municipalities until you pick a year yourself', async () => {
    const user = userEvent.setup();
    renderOn('2026-06-20');
    const year = screen.getByLabelText<HTMLSelectElement>('Begrotingsjaar');
    // Utrecht has voted already, so over both municipalities: 2028.
    await waitFor(() => expect(year).toHaveValue('2028'));
    // Only Amersfoort (votes on 2 July): next year can still be made.
    await user.click(await screen.findByRole('checkbox', { name: /Amersfoort/ }));
    await waitFor(() => expect(year).toHaveValue('2027'));
    expect(year).toHaveAccessibleDescription(/^Voorstel: 2027\. Dat is het eerste jaar waarvoor je in de gekozen gemeenten/);
    await user.click(screen.getByRole('checkbox', { name: /Utrecht/ }));
    await waitFor(() => expect(year).toHaveValue('2028'));
    // A year picked by hand stays.
    await user.selectOptions(year, '2030');
    await user.click(screen.getByRole('checkbox', { name: /Utrecht/ }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /Utrecht/ })).not.toBeChecked());
    expect(year).toHaveValue('2030');
  });

  it('in spring, before any kadernota vote, proposes next year', async () => {
    renderOn('2026-03-02');
    await waitFor(() => expect(screen.getByLabelText('Begrotingsjaar')).toHaveAccessibleDescription(/^Voorstel: 2027\./));
    expect(screen.getByLabelText('Begrotingsjaar')).toHaveValue('2027');
  });
});

describe('NewPlanPage', () => {
  it('shows problems at the fields and moves focus to the first one', async () => {
    const user = userEvent.setup();
    mockFetch({ 'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, organisations) });
    renderInWorkspace(<NewPlanPage />, route);
    await screen.findByRole('checkbox', { name: /Utrecht/ });
    // Only municipalities can be chosen.
    expect(screen.queryByRole('checkbox', { name: /Zorgcoöperatie/ })).toBeNull();

    await user.type(screen.getByLabelText("Benodigd bedrag per jaar in euro's (niet verplicht)"), 'veel');
    await user.click(screen.getByRole('button', { name: 'Plan opslaan' }));
    const title = screen.getByLabelText('Titel');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveFocus();
    expect(title).toHaveAccessibleDescription('Vul een titel in.');
    expect(screen.getByLabelText("Benodigd bedrag per jaar in euro's (niet verplicht)")).toHaveAccessibleDescription(
      /Vul een bedrag in euro's in/,
    );
    expect(screen.getByRole('group', { name: 'Gemeenten' })).toHaveAccessibleDescription(
      /Kies minstens één gemeente\./,
    );
  });

  it('sends the form as a plan body (budget_needed null when empty) and opens the plan', async () => {
    const user = userEvent.setup();
    let body: unknown;
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, organisations),
      'POST /api/v1/workspaces/demo/plans': (_url, init) => {
        body = JSON.parse(String(init?.body));
        return answer('addPlan', 201, planFixture({ id: 7, title: 'Buurtteams', organisation_ids: [1, 2] }));
      },
    });
    renderInWorkspace(<NewPlanPage />, route);
    await user.click(await screen.findByRole('checkbox', { name: /Utrecht/ }));
    await user.click(screen.getByRole('checkbox', { name: /Amersfoort/ }));
    await user.type(screen.getByLabelText('Titel'), 'Buurtteams');
    await user.type(screen.getByLabelText('Waarom (kernboodschap)'), 'Minder opnames.');
    await user.click(screen.getByRole('radio', { name: 'Besluitvorming' }));
    await user.selectOptions(screen.getByLabelText('Status'), 'proposed');
    const year = screen.getByLabelText<HTMLSelectElement>('Begrotingsjaar');
    const options = within(year).getAllByRole('option');
    expect(options).toHaveLength(11);
    await user.selectOptions(year, options[3]!.textContent!);
    await user.click(screen.getByRole('button', { name: 'Plan opslaan' }));

    // Navigates to the new plan (the test router shows a stand-in for workspace pages).
    await screen.findByText('workspace page');
    expect(body).toEqual({
      title: 'Buurtteams',
      core_message: 'Minder opnames.',
      description: '',
      domain: '',
      budget_year: Number(options[3]!.textContent),
      budget_needed: null,
      status: 'proposed',
      phase: 'decision',
      organisation_ids: [1, 2],
    });
  });

  it('shows API field errors at the field', async () => {
    const user = userEvent.setup();
    mockFetch({
      'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, organisations),
      'POST /api/v1/workspaces/demo/plans': () =>
        problem('addPlan', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', { domain: 'Te lang.' }),
    });
    renderInWorkspace(<NewPlanPage />, route);
    await user.click(await screen.findByRole('checkbox', { name: /Utrecht/ }));
    await user.type(screen.getByLabelText('Titel'), 'Buurtteams');
    await user.click(screen.getByRole('button', { name: 'Plan opslaan' }));
    const domain = await screen.findByLabelText('Domein');
    await waitFor(() => expect(domain).toHaveAttribute('aria-invalid', 'true'));
    expect(domain).toHaveFocus();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is read-only for a viewer', async () => {
    mockFetch({});
    renderInWorkspace(<NewPlanPage />, { ...route, role: 'viewer' });
    expect(screen.getByText('Je kunt als lezer geen plannen toevoegen of wijzigen.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Plan opslaan' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Plan toevoegen' })).toBeNull();
  });
});
