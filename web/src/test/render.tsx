import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Language } from '../i18n/i18n';
import { SessionProvider, type SessionState } from '../features/auth/session';
import type { Session } from '../api/types';

/** A session's public address as a server with [server] public_url set answers it. */
export const PUBLIC_URL_SET: Session['public_url'] = { url: 'https://aantafel.example.nl', local_only: false };
/** The default public address (loopback): links only work on the server itself. */
export const PUBLIC_URL_LOCAL: Session['public_url'] = { url: 'http://127.0.0.1:8080', local_only: true };

export interface RenderOptions {
  language?: Language;
  session?: SessionState;
  route?: string;
  /** Route pattern for `ui`, so useParams works (default: every path). */
  path?: string;
  /** The history state of `route` (what a Link's `state` passes on). */
  state?: unknown;
}

/** Renders `ui` with the app's providers, without touching the network for the session. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}) {
  const { language = 'nl', session = { status: 'anonymous' }, route = '/', path = '*', state } = options;
  return render(
    <I18nProvider initialLanguage={language}>
      <SessionProvider initial={session}>
        <MemoryRouter initialEntries={[state === undefined ? route : { ...splitRoute(route), state }]}>
          <Routes>
            <Route path={path} element={ui} />
            <Route path="/w/:slug/*" element={<p>workspace page</p>} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

/**
 * A JSON answer whose body is NOT checked against api/openapi.yaml. Only for tests that hand the
 * app an answer the server does not send on purpose (an unknown shape, a body that is not JSON), to
 * see that it copes; say why at each use. Every other answer goes through `answer`, `problem` or
 * `noContent` in ./answer, which check the body against the operation's documented response.
 */
export function malformedResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function splitRoute(route: string) {
  const url = new URL(route, 'http://localhost');
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}
