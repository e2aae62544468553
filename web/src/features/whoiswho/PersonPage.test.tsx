import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PersonDossier } from '../../api/types';
import { answer, problem, noContent, type Schema } from '../../test/answer';
import { PersonPage } from './PersonPage';
import { mockFetch, renderInWorkspace } from './testing';

afterEach(() => vi.unstubAllGlobals());

const utrecht = { id: 4, kind: 'municipality', name: 'Utrecht', municipality_code: 'GM0344' } satisfies Schema<'Organisation'>;
const dossier: PersonDossier = {
  person: {
    id: 3,
    name: 'Anna Jansen',
    email: 'anna@utrecht.example',
    phone: null,
    notes: 'Houdt van fietsen.',
    fictional: true,
    created_at: '2026-01-01T10:00:00Z',
    updated_at: '2026-01-01T10:00:00Z',
  },
  positions: [
    {
      id: 30,
      person_id: 3,
      organisation_id: 4,
      kind: 'council_member',
      title: '',
      party: 'D66',
      portfolios: [],
      domains: [],
      committees: ['Sociaal domein'],
      started_on: '2018-03-29',
      ended_on: '2022-03-29',
      current: false,
    },
    {
      id: 31,
      person_id: 3,
      organisation_id: 4,
      kind: 'alderman',
      title: '',
      party: 'D66',
      portfolios: ['Wmo'],
      domains: [],
      committees: [],
      started_on: '2022-06-01',
      ended_on: null,
      current: true,
    },
  ],
  assessments: [
    { id: 1, assessed_on: '2025-01-10', power: 2, interest: 2, attitude: 0, note: '', quadrant: 'monitor' },
    { id: 2, assessed_on: '2026-02-01', power: 5, interest: 4, attitude: 2, note: 'Sterk voor.', quadrant: 'manage_closely' },
  ],
};

const at = { route: '/w/demo/people/3', path: '/w/:slug/people/:personId' };

function routes(extra = {}) {
  return mockFetch({
    'GET /api/v1/workspaces/demo/organisations': () => answer('listOrganisations', 200, { items: [utrecht] }),
    'GET /api/v1/workspaces/demo/people/3': () => answer('getPerson', 200, dossier),
    // Raad's section "In de raad" (features/council, tested there): nothing linked, Raad off.
    'GET /api/v1/workspaces/demo/people/3/council': () =>
      answer('getPersonCouncil', 200, { names: [], submitted: 0, voted_for: 0, voted_against: 0, topics: [], records: [], more_records: false }),
    'GET /api/v1/workspaces/demo/councils': () =>
      answer('listCouncils', 200, { enabled: false, status_checked_at: null, follows: [], available: [] }),
    ...extra,
  });
}

describe('PersonPage', () => {
  it('keeps public-role data apart from personal data, and shows the history', async () => {
    routes();
    renderInWorkspace(<PersonPage />, at);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Anna Jansen fictief');
    const positions = screen.getByRole('table', { name: 'Functies van Anna Jansen, ook beëindigde' });
    const rows = within(positions).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Wethouder');
    expect(rows[0]).toHaveTextContent('Sinds 1 juni 2022');
    expect(rows[1]).toHaveTextContent('Beëindigd');
    expect(rows[1]).toHaveTextContent('29 maart 2018 tot en met 29 maart 2022');
    // Only the current position can be ended.
    expect(within(rows[0]!).getByRole('button', { name: /Beëindigen/ })).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button', { name: /Beëindigen/ })).toBeNull();

    const history = screen.getByRole('table', { name: 'Alle inschattingen van Anna Jansen, de nieuwste eerst' });
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('1 februari 2026');
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent('Voor (+2)');

    const personal = screen.getByRole('region', { name: 'Persoonlijke gegevens' });
    expect(personal).toHaveTextContent('versleuteld');
    expect(personal).toHaveTextContent('anna@utrecht.example');
    expect(personal).toHaveTextContent('Houdt van fietsen.');
    expect(screen.getByRole('link', { name: 'Gegevens downloaden' })).toHaveAttribute(
      'href',
      '/api/v1/workspaces/demo/people/3/export',
    );
  });

  it('sends lists from comma-separated input and shows API field errors at the field', async () => {
    const user = userEvent.setup();
    const bodies: unknown[] = [];
    routes({
      'POST /api/v1/workspaces/demo/people/3/positions': (_url: URL, init: RequestInit | undefined) => {
        bodies.push(JSON.parse(init?.body as string));
        return problem('addPosition', 'invalid_input', 'Controleer de velden.', { ended_on: 'De einddatum ligt voor de begindatum.' });
      },
    });
    renderInWorkspace(<PersonPage />, at);
    await user.click(await screen.findByRole('button', { name: 'Functie toevoegen' }));
    const form = screen.getByRole('form', { name: 'Functie toevoegen' });
    await user.selectOptions(within(form).getByLabelText('Functie'), 'policy_adviser');
    await user.type(within(form).getByLabelText('Domeinen'), 'Wmo, Jeugd ,, Wmo');
    await user.type(within(form).getByLabelText('Eerste dag in functie'), '2024-01-01');
    await user.type(within(form).getByLabelText('Laatste dag in functie (niet verplicht)'), '2023-01-01');
    await user.click(within(form).getByRole('button', { name: 'Functie toevoegen' }));

    const ended = within(form).getByLabelText('Laatste dag in functie (niet verplicht)');
    await waitFor(() => expect(ended).toHaveAttribute('aria-invalid', 'true'));
    expect(ended).toHaveAccessibleDescription(/De einddatum ligt voor de begindatum\./);
    expect(ended).toHaveFocus();
    expect(bodies).toEqual([
      {
        organisation_id: 4,
        kind: 'policy_adviser',
        started_on: '2024-01-01',
        portfolios: [],
        domains: ['Wmo', 'Jeugd'],
        committees: [],
        ended_on: '2023-01-01',
      },
    ]);
  });

  it('erases a person only after confirmation, then leaves the page', async () => {
    const user = userEvent.setup();
    let erased = false;
    routes({
      'DELETE /api/v1/workspaces/demo/people/3': () => {
        erased = true;
        return noContent('erasePerson');
      },
    });
    renderInWorkspace(<PersonPage />, at);
    await user.click(await screen.findByRole('button', { name: 'Persoon wissen' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Anna Jansen wissen?' });
    expect(erased).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Ja, wissen' }));
    // The list page (a stand-in here) takes over.
    expect(await screen.findByText('workspace page')).toBeInTheDocument();
    expect(erased).toBe(true);
  });

  it('shows viewers no changes', async () => {
    routes();
    renderInWorkspace(<PersonPage />, { ...at, role: 'viewer' });
    await screen.findByRole('table', { name: /Functies van Anna Jansen/ });
    expect(screen.queryByRole('button', { name: /Functie toevoegen|Beëindigen|Verwijderen|Persoon wissen|Gegevens wijzigen|Inschatting toevoegen/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Gegevens downloaden' })).toBeInTheDocument();
  });
});
