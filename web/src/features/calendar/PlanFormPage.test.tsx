import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse } from '../../test/render';
import { mockFetch, renderInWorkspace } from '../whoiswho/testing';
import { NewPlanPage } from './PlanFormPage';

const organisations = {
  items: [
    { id: 2, kind: 'municipality', municipality_code: 'GM0307', name: 'Amersfoort' },
    { id: 1, kind: 'municipality', municipality_code: 'GM0344', name: 'Utrecht' },
    { id: 3, kind: 'other', municipality_code: null, name: 'Zorgcoöperatie De Linde' },
  ],
};

const route = { route: '/w/demo/policy-calendar/plans/new', path: '/w/:slug/policy-calendar/plans/new' };

describe('NewPlanPage', () => {
  it('shows problems at the fields and moves focus to the first one', async () => {
    const user = userEvent.setup();
    mockFetch({ 'GET /api/v1/workspaces/demo/organisations': () => jsonResponse(200, organisations) });
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
      'GET /api/v1/workspaces/demo/organisations': () => jsonResponse(200, organisations),
      'POST /api/v1/workspaces/demo/plans': (_url, init) => {
        body = JSON.parse(String(init?.body));
        return jsonResponse(201, { id: 7, title: 'Buurtteams' });
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
      'GET /api/v1/workspaces/demo/organisations': () => jsonResponse(200, organisations),
      'POST /api/v1/workspaces/demo/plans': () =>
        jsonResponse(422, {
          error: { code: 'invalid_input', message: 'Niet alle velden zijn goed ingevuld.', fields: { domain: 'Te lang.' } },
        }),
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
