import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Session } from '../../api/types';
import { answer, unroutedRequest, workspaceRefusal } from '../../test/answer';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { WorkspaceLayout } from '../shell/WorkspaceLayout';
import { browser } from './api';

type Handler = (init: RequestInit | undefined) => Response;
let routes: Record<string, Handler>;
const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
  const key = `${init?.method ?? 'GET'} ${String(input)}`;
  const handler = routes[key];
  if (handler) return handler(init);
  // Everything else in the workspace is refused the same way.
  if (String(input).startsWith('/api/v1/workspaces/zorg/')) return SSO_REQUIRED();
  return unroutedRequest('Niet gevonden.');
});

const SSO_REQUIRED = () =>
  workspaceRefusal('sso_required', 'Deze werkruimte opent alleen als u inlogt met single sign-on (uw organisatie-account).');

const session: Session = {
  user: { id: 1, email: 'eigenaar@zorg.example', name: 'Els Eigenaar', language: 'nl' },
  workspaces: [
    { slug: 'zorg', name: 'Zorg West', kind: 'care_provider', role: 'owner' },
    { slug: 'wijk', name: 'Wijkteam Oost', kind: 'care_provider', role: 'viewer' },
  ],
  public_url: PUBLIC_URL_SET,
  mail: false,
  csrf_token: 'csrf',
};

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
  routes = {
    'GET /api/v1/sso': () => answer('getSingleSignOn', 200, { enabled: true, label: 'Microsoft 365' }),
    'GET /api/v1/workspaces/zorg': SSO_REQUIRED,
  };
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderWorkspace(language: 'nl' | 'en' = 'nl') {
  return renderWithProviders(<WorkspaceLayout />, {
    route: '/w/zorg/people?q=zeist',
    path: '/w/:slug/*',
    language,
    session: { status: 'authenticated', session },
  });
}

describe('a workspace that asks for single sign-on (403 sso_required)', () => {
  it('explains it and signs in with the provider, back to the same page', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
    routes['POST /api/v1/sso/start'] = () => answer('startSingleSignOn', 200, { redirect_url: 'https://login.example/authorize' });
    renderWorkspace();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Voor Zorg West moet je inloggen met Microsoft 365' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Je bent nu ingelogd met een e-mailadres en wachtwoord/)).toBeInTheDocument();
    expect(screen.getByText('Na het inloggen kom je vanzelf terug op deze pagina.')).toBeInTheDocument();
    // No menu of a workspace that does not open.
    expect(screen.queryByRole('navigation', { name: /Hoofdmenu/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Wijkteam Oost' })).toHaveAttribute('href', '/w/wijk/');

    await user.click(screen.getByRole('button', { name: 'Inloggen met Microsoft 365' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('https://login.example/authorize'));
    const start = fetchMock.mock.calls.find(([url]) => String(url) === '/api/v1/sso/start');
    expect(JSON.parse(start?.[1]?.body as string)).toEqual({ return_to: '/w/zorg/people?q=zeist' });
  });

  it('says so when the server no longer offers single sign-on', async () => {
    routes['GET /api/v1/sso'] = () => answer('getSingleSignOn', 200, { enabled: false, label: '' });
    renderWorkspace();
    expect(await screen.findByText(/single sign-on\) niet ingesteld/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Inloggen met/ })).toBeNull();
  });

  it('is in English too', async () => {
    renderWorkspace('en');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'For Zorg West you need to log in with Microsoft 365' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Log in with Microsoft 365' })).toBeInTheDocument();
  });
});
