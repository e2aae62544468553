// A real OpenID provider for the single sign-on tests: npm `oidc-provider` (OpenID-certified)
// on a free loopback port, with one client (aantafel), PKCE required, signing keys made per run,
// and a plain login form (user name + "pw") that Playwright fills in. Each account's claims
// (address, name, groups, amr) are the test's to choose. `tokens` records every code exchange:
// how the client authenticated and which algorithm signed the ID token, so a test can prove
// that the configured ones were used.
import http from 'node:http';
import { createServer } from 'node:net';
import * as jose from 'jose';
import Provider from 'oidc-provider';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function signingKey(alg, kid) {
  const { privateKey } = await jose.generateKeyPair(alg, { extractable: true });
  return { ...(await jose.exportJWK(privateKey)), kid, alg, use: 'sig' };
}

/**
 * @param {{ redirectUri: string, accounts: Record<string, {email: string, name: string,
 *   email_verified?: boolean, groups?: string[], amr?: string[]}>, idTokenAlg?: 'RS256'|'ES256',
 *   tokenAuth?: 'client_secret_basic'|'client_secret_post' }} options
 */
export async function startOidcProvider({ redirectUri, accounts, idTokenAlg = 'RS256',
  tokenAuth = 'client_secret_basic' }) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const client = { id: 'aantafel', secret: 'e2e-client-secret-0123456789' };
  const provider = new Provider(issuer, {
    clients: [{
      client_id: client.id,
      client_secret: client.secret,
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: tokenAuth,
      id_token_signed_response_alg: idTokenAlg,
    }],
    jwks: { keys: [await signingKey('RS256', 'rs-e2e'), await signingKey('ES256', 'es-e2e')] },
    pkce: { required: () => true },
    // Claims of the granted scopes go into the ID token itself (as Entra ID does), not only to
    // the userinfo endpoint.
    conformIdTokenClaims: false,
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      openid: ['sub', 'amr', 'acr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    cookies: { keys: ['e2e-cookie-key-not-secret'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          const { amr: _amr, ...claims } = account;
          return { sub, email_verified: true, ...claims };
        },
      };
    },
    // aantafel is the organisation's own app: no consent screen.
    async loadExistingGrant(ctx) {
      const id = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (id) return ctx.oidc.provider.Grant.find(id);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  /** @type {{ clientAuth: 'client_secret_basic'|'client_secret_post'|'none', idTokenAlg: string }[]} */
  const tokens = [];
  provider.on('grant.success', (ctx) => {
    const basic = /^Basic /i.test(ctx.get('authorization') ?? '');
    const post = typeof ctx.oidc.body?.client_secret === 'string';
    const idToken = ctx.body?.id_token;
    tokens.push({
      clientAuth: basic ? 'client_secret_basic' : post ? 'client_secret_post' : 'none',
      idTokenAlg: typeof idToken === 'string' ? jose.decodeProtectedHeader(idToken).alg : '',
    });
  });
  const loginPage = (uid) => `<!doctype html><html lang="en"><title>Test provider</title>
<main><h1>Test provider</h1><form method="post" action="/interaction/${uid}/login">
<label>User <input name="login" id="login" autocomplete="username"></label>
<label>Password <input type="password" name="password" id="password"></label>
<button type="submit" id="submit">Sign in</button></form></main></html>`;
  const callback = provider.callback();
  const server = http.createServer(async (req, res) => {
    try {
      const match = req.url.match(/^\/interaction\/([\w-]+)(\/login)?$/);
      if (match && req.method === 'GET' && !match[2]) {
        const details = await provider.interactionDetails(req, res);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage(details.uid));
        return;
      }
      if (match && req.method === 'POST' && match[2]) {
        let body = '';
        for await (const chunk of req) body += chunk;
        const form = new URLSearchParams(body);
        const account = accounts[form.get('login')];
        if (!account || form.get('password') !== 'pw') {
          await provider.interactionFinished(req, res, { error: 'access_denied' });
          return;
        }
        // amr and acr come from the login itself, not from the account's claims.
        const amr = account.amr ?? ['pwd'];
        await provider.interactionFinished(req, res,
          { login: { accountId: form.get('login'), amr, acr: amr.includes('mfa') ? 'mfa' : 'pwd' } },
          { mergeWithLastSubmission: false });
        return;
      }
      callback(req, res);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
  return {
    issuer,
    clientId: client.id,
    clientSecret: client.secret,
    tokens,
    close: () => new Promise((resolveClose) => {
      server.closeAllConnections?.();
      server.close(() => resolveClose());
    }),
  };
}
