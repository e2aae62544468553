import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role, Session, Workspace } from '../../api/types';
import { jsonResponse, PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { WorkspaceContext } from '../shell/workspaceContext';
import { WorkspaceSettingsPage } from './WorkspaceSettingsPage';

const me = { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker' };
const sam = { id: 2, email: 'sam@wijkzorg.example', name: 'Sam de Vries' };

type Handler = (init: RequestInit | undefined) => Response;
let routes: Record<string, Handler>;
const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
  const key = `${init?.method ?? 'GET'} ${String(input)}`;
  const handler = routes[key];
  if (!handler) throw new Error(`unexpected request ${key}`);
  return handler(init);
});

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
  routes = {
    'GET /api/v1/workspaces/demo/members': () =>
      jsonResponse(200, {
        items: [
          { user: me, role: 'owner' },
          { user: sam, role: 'viewer' },
        ],
      }),
    'GET /api/v1/workspaces/demo/tokens': () => jsonResponse(200, { items: [] }),
  };
});
afterEach(() => vi.unstubAllGlobals());

function renderSettings(role: Role) {
  const workspace: Workspace = { slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role };
  const session: Session = { user: me, workspaces: [workspace], public_url: PUBLIC_URL_SET, csrf_token: 'csrf' };
  return renderWithProviders(
    <WorkspaceContext.Provider value={{ workspace, reload: async () => undefined }}>
      <WorkspaceSettingsPage />
    </WorkspaceContext.Provider>,
    { session: { status: 'authenticated', session } },
  );
}

describe('WorkspaceSettingsPage', () => {
  it('shows members read-only to someone who is not an owner', async () => {
    renderSettings('viewer');
    const table = await screen.findByRole('table', { name: 'Leden van Demo Zorg' });
    expect(within(table).getByRole('rowheader', { name: 'Sam de Vries' })).toBeInTheDocument();
    expect(within(table).getByText('Lezer')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Rol wijzigen|Verwijderen|Toevoegen/ })).toBeNull();
    expect(screen.getByText('Als lezer kun je geen API-sleutels maken.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Logboek/ })).toBeNull();
  });

  it('links owners to the audit log', async () => {
    renderSettings('owner');
    await screen.findByRole('table', { name: 'Leden van Demo Zorg' });
    expect(screen.getByRole('link', { name: 'Logboek: wie wat heeft gewijzigd' })).toHaveAttribute(
      'href',
      '/w/demo/settings/audit-log',
    );
  });

  it('shows the API field error next to the e-mail field when adding a member', async () => {
    const user = userEvent.setup();
    routes['POST /api/v1/workspaces/demo/members'] = () =>
      jsonResponse(422, {
        error: {
          code: 'invalid_input',
          message: 'Controleer de velden.',
          fields: { email: 'Er is geen account met dit e-mailadres.' },
        },
      });
    renderSettings('owner');
    await screen.findByRole('table', { name: 'Leden van Demo Zorg' });
    const email = screen.getByRole('textbox', { name: 'E-mailadres' });
    await user.type(email, 'niemand@example.org');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Er is geen account met dit e-mailadres.');
    expect(email).toHaveFocus();
    const [, init] = fetchMock.mock.calls.at(-1) ?? [];
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf');
  });

  it('shows a new token once, with a warning and a copy button', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const token = {
      id: 5,
      label: 'Koppeling planning',
      created_at: '2026-11-23T09:00:00.000Z',
      user: me,
    };
    routes['POST /api/v1/workspaces/demo/tokens'] = (init) => {
      expect(JSON.parse(init?.body as string)).toEqual({ label: 'Koppeling planning' });
      routes['GET /api/v1/workspaces/demo/tokens'] = () => jsonResponse(200, { items: [token] });
      return jsonResponse(201, { ...token, token: 'aat_geheim123' });
    };
    renderSettings('owner');
    await user.type(await screen.findByLabelText('Naam van de sleutel', { exact: false }), 'Koppeling planning');
    await user.click(screen.getByRole('button', { name: 'Sleutel maken' }));

    const heading = await screen.findByRole('heading', { name: 'Je nieuwe sleutel "Koppeling planning"' });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/Je ziet de sleutel hierna nooit meer/)).toBeInTheDocument();
    expect(screen.getByLabelText('API-sleutel')).toHaveValue('aat_geheim123');
    // The list shows the token with its date in Dutch, Amsterdam time.
    expect(await screen.findByText('23 nov 2026, 10:00')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Kopieer sleutel' }));
    expect(writeText).toHaveBeenCalledWith('aat_geheim123');
    expect(await screen.findByText('De sleutel staat op het klembord.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Ik heb de sleutel bewaard' }));
    expect(screen.queryByDisplayValue('aat_geheim123')).toBeNull();
  });
});
