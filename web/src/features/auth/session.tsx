import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { isApiError, onUnauthenticated, setCsrfToken } from '../../api/client';
import type { Session, User } from '../../api/types';
import { getSession, logIn, logOut } from '../../api/generated/session';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'expired' | 'logged_out' }
  | { status: 'authenticated'; session: Session }
  | { status: 'error'; error: unknown };

export interface SessionApi {
  state: SessionState;
  login: (email: string, password: string) => Promise<Session>;
  /** Takes a session the server started another way (an accepted invitation, a password reset). */
  signIn: (session: Session) => void;
  /** Puts the changed account (name, language) into the session. */
  setUser: (user: User) => void;
  logout: () => Promise<void>;
  /** Fetches the session again (after the user's workspaces changed). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

let early: Promise<Session> | null = null;

/**
 * Starts GET /api/v1/session before React renders (called from main.tsx), so the request runs
 * while React mounts instead of after its first paint. The provider picks the answer up once.
 */
export function prefetchSession(alsoWaitFor?: Promise<unknown>): void {
  // Waiting for the page's code as well lets React render the signed-in page in one go,
  // instead of showing a loading state first (both requests run at the same time).
  early ??= Promise.all([getSession(), alsoWaitFor]).then(([session]) => session);
  early.catch(() => undefined);
}

function accept(session: Session): Session {
  setCsrfToken(session.csrf_token ?? null);
  return session;
}

/** Holds who is signed in. Asks the server once at start (GET /api/v1/session). */
export function SessionProvider({
  children,
  initial,
}: {
  children: ReactNode;
  /** For tests: start in this state instead of asking the server. */
  initial?: SessionState;
}) {
  const [state, setState] = useState<SessionState>(() => {
    if (initial?.status === 'authenticated') accept(initial.session);
    return initial ?? { status: 'loading' };
  });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const pending = early;
      early = null;
      const session = await (pending ?? getSession({ signal }));
      if (signal?.aborted) return;
      setState({ status: 'authenticated', session: accept(session) });
    } catch (error) {
      if (signal?.aborted) return;
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        setState({ status: 'anonymous' });
      } else {
        setState({ status: 'error', error });
      }
    }
  }, []);

  useEffect(() => {
    if (initial) return;
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [initial, load]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        setState({ status: 'anonymous', reason: 'expired' });
      }),
    [],
  );

  const login = useCallback(async (email: string, password: string) => {
    const session = accept(await logIn({ email, password }));
    setState({ status: 'authenticated', session });
    return session;
  }, []);

  const signIn = useCallback((session: Session) => {
    setState({ status: 'authenticated', session: accept(session) });
  }, []);

  const setUser = useCallback((user: User) => {
    setState((current) =>
      current.status === 'authenticated'
        ? { status: 'authenticated', session: { ...current.session, user } }
        : current,
    );
  }, []);

  const logout = useCallback(async () => {
    try {
      await logOut();
    } catch (error) {
      // An ended session is what we wanted anyway.
      if (!(isApiError(error) && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: 'logged_out' });
  }, []);

  const value = useMemo<SessionApi>(
    () => ({ state, login, signIn, setUser, logout, refresh: () => load() }),
    [state, login, signIn, setUser, logout, load],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}

/** The signed-in session; only for components under <RequireSession>. */
export function useCurrentSession(): Session {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('not signed in');
  return state.session;
}
