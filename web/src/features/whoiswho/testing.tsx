import type { ReactElement } from 'react';
import { useLocation } from 'react-router';
import { vi } from 'vitest';
import type { Role, Session, Workspace } from '../../api/types';
import { PUBLIC_URL_SET, renderWithProviders } from '../../test/render';
import { WorkspaceContext } from '../shell/workspaceContext';

/** Test helpers for the Wie is wie pages: a routed fetch mock and a workspace around the page. */
export type Handler = (url: URL, init: RequestInit | undefined) => Response | Promise<Response>;

export function mockFetch(routes: Record<string, Handler>) {
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), 'http://localhost');
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    const handler = routes[key];
    if (!handler) throw new Error(`unexpected request ${key}`);
    return handler(url, init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** Shows the current URL, so tests can check what the page wrote to it. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

export function renderInWorkspace(
  ui: ReactElement,
  {
    role = 'editor',
    route,
    path,
    publicUrl = PUBLIC_URL_SET,
    mail = false,
  }: {
    role?: Role;
    route: string;
    path: string;
    publicUrl?: Session['public_url'];
    /** Whether the server can send e-mail (`mail` in the session). */
    mail?: boolean;
  },
) {
  const me = { id: 1, email: 'demo@aantafel.example', name: 'Demo Gebruiker', language: 'nl' as const };
  const workspace: Workspace = { slug: 'demo', name: 'Demo Zorg', kind: 'care_provider', role };
  const session: Session = { user: me, workspaces: [workspace], public_url: publicUrl, mail, csrf_token: 'csrf' };
  return renderWithProviders(
    <WorkspaceContext.Provider value={{ workspace, reload: async () => undefined }}>
      {ui}
      <LocationProbe />
    </WorkspaceContext.Provider>,
    { session: { status: 'authenticated', session }, route, path },
  );
}
