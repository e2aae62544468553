/**
 * The server's public address ([server] public_url): every link on a poster or QR code, every
 * survey, scan and shared social-map link and every calendar feed starts with it. While it is a
 * loopback address (the default, `local_only` in GET /api/v1/session), those links only open on
 * the computer aantafel runs on. This file is the one home for that rule: the owners' banner
 * (PublicAddressBanner) and the warning next to links (LocalLinkWarning) both ask it.
 */
import type { Role, Session } from '../../api/types';
import { useSession } from '../../features/auth/session';

/** The public address when links built on it only work on the server itself, else null. */
export function localOnlyAddress(session: Session | null | undefined): string | null {
  const address = session?.public_url;
  return address?.local_only ? address.url : null;
}

/** Whether the banner shows: to owners of the workspace, while the address is local, unless put off. */
export function showsAddressBanner(
  session: Session | null | undefined,
  role: Role | undefined,
  putOff: boolean,
): boolean {
  return role === 'owner' && localOnlyAddress(session) !== null && !putOff;
}

/** The signed-in session's local-only public address (null when signed out or set properly). */
export function useLocalOnlyAddress(): string | null {
  const { state } = useSession();
  return localOnlyAddress(state.status === 'authenticated' ? state.session : null);
}

/**
 * The address public links start with: the server's public address, as the server uses for survey
 * and scan links; this page's own origin only when the session does not say (signed out).
 */
export function usePublicBaseUrl(): string {
  const { state } = useSession();
  return (state.status === 'authenticated' ? state.session.public_url?.url : undefined) ?? window.location.origin;
}

/** "Later" lasts for the browser session: sessionStorage is cleared when the browser closes. */
export const LATER_KEY = 'aantafel.publicAddress.later';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Whether "Later" was chosen in this browser session. */
export function isPutOff(storage: Storage | null = sessionStore()): boolean {
  try {
    return storage?.getItem(LATER_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers "Later" for this browser session (without storage: until the page reloads). */
export function putOff(storage: Storage | null = sessionStore()): void {
  try {
    storage?.setItem(LATER_KEY, '1');
  } catch {
    // Storage can be off (private mode); the banner then stays away until the page reloads.
  }
}
