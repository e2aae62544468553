/**
 * Single sign-on (OpenID Connect, decision 38): whether the server offers it, starting a sign-in,
 * and a workspace's settings (owners). The offer is asked once per page load and shared by the
 * login page, the invitation page and the "only single sign-on" page; main.tsx starts the request
 * early on those pages.
 */
import { apiPath, request } from '../../api/client';
import type { paths } from '../../api/schema';
import type { GroupRole, WorkspaceSso } from '../../api/types';

export type SsoOffer = paths['/api/v1/sso']['get']['responses']['200']['content']['application/json'];
type StartBody = NonNullable<paths['/api/v1/sso/start']['post']['requestBody']>['content']['application/json'];
type Started = paths['/api/v1/sso/start']['post']['responses']['200']['content']['application/json'];

/** What a failed or missing answer means: no single sign-on here (password sign-in still works). */
const NO_SSO: SsoOffer = { enabled: false, label: '' };

let offer: Promise<SsoOffer> | null = null;

/** GET /api/v1/sso, once per page load; a failure counts as "not offered". */
export function loadSsoOffer(): Promise<SsoOffer> {
  offer ??= request<SsoOffer>('GET', apiPath('/api/v1/sso')).catch(() => NO_SSO);
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
  const started = await request<Started>('POST', apiPath('/api/v1/sso/start'), { body });
  browser.assign(started.redirect_url);
}

/** A workspace's "only single sign-on" and group mappings (owners). */
export const workspaceSsoApi = {
  load: (slug: string, signal?: AbortSignal) =>
    request<WorkspaceSso>('GET', apiPath('/api/v1/workspaces/{slug}/sso', { slug }), { signal }),
  save: (slug: string, ssoOnly: boolean, mappings: GroupRole[]) =>
    request<WorkspaceSso>('PUT', apiPath('/api/v1/workspaces/{slug}/sso', { slug }), {
      body: { sso_only: ssoOnly, mappings },
    }),
};
