/**
 * Single sign-on (OpenID Connect, decision 38): whether the server offers it and starting a
 * sign-in (a workspace's settings are the generated getWorkspaceSingleSignOn and
 * saveWorkspaceSingleSignOn). The offer is asked once per page load and shared by the login page,
 * the invitation page and the "only single sign-on" page; main.tsx starts the request early on
 * those pages.
 */
import { getSingleSignOn, startSingleSignOn } from '../../api/generated/account';
import type { operations } from '../../api/schema';

export type SsoOffer = operations['getSingleSignOn']['responses'][200]['content']['application/json'];
type StartBody = operations['startSingleSignOn']['requestBody']['content']['application/json'];

/** What a failed or missing answer means: no single sign-on here (password sign-in still works). */
const NO_SSO: SsoOffer = { enabled: false, label: '' };

let offer: Promise<SsoOffer> | null = null;

/** GET /api/v1/sso, once per page load; a failure counts as "not offered". */
export function loadSsoOffer(): Promise<SsoOffer> {
  offer ??= getSingleSignOn().catch(() => NO_SSO);
  return offer;
}

/** For tests: forget the answer. */
export function resetSsoOffer(): void {
  offer = null;
}

/** Sends the browser to another site (a seam for tests: jsdom cannot navigate). */
export const browser = {
  assign(url: string): void {
    window.location.assign(url);
  },
};

/**
 * POST /api/v1/sso/start, then on to the provider. `returnTo` is a path on this server;
 * `invitation` the secret of an invitation link, accepted once the person has signed in.
 * Resolves only when the browser did not leave (it throws an ApiError then).
 */
export async function startSso(options: { returnTo?: string; invitation?: string }): Promise<void> {
  const body: StartBody = {};
  if (options.returnTo) body.return_to = options.returnTo;
  if (options.invitation) body.invitation = options.invitation;
  const started = await startSingleSignOn(body);
  browser.assign(started.redirect_url);
}
