// End-to-end for single sign-on with OpenID Connect (decision 38) against a real OpenID provider:
// npm `oidc-provider` (OpenID-certified) on loopback (support/oidc-provider.mjs), whose login form
// Playwright fills in. The server gets its [sso] settings through AANTAFEL_SSO_* and listens on the
// port its public_url names, so the provider knows the redirect URI before the server starts.
//
// An owner links a group to "bewerker" in the settings (field error first); a person of the
// allowed domain in that group signs in with "Inloggen met Microsoft 365" and lands in the
// workspace as an editor, the session marked "via single sign-on" on Mijn account; a person of
// another domain is refused and sees why on the login page; an invitation to an outside address
// is accepted with "Aannemen met Microsoft 365"; with "Alleen inloggen met single sign-on" the
// owner's password session gets the explanation page (API tokens keep working) and signing in
// with the provider opens the workspace again. A second provider and server prove ES256 ID tokens
// and client_secret_post (the first pair uses RS256 and client_secret_basic). axe-core on the
// login page (button, error), the invitation page, the settings section and the "only single
// sign-on" page at 1366 px and 390×844, with screenshots in build/e2e-screenshots/sso-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, assertFocused, checkBothSizes as bothSizes, DESKTOP } from './support/browser.mjs';
import { startOidcProvider } from './support/oidc-provider.mjs';
import { freePort, repoRoot, startServer } from './support/server.mjs';
import { DEMO, e2eSuite, login, prepareDemo } from './support/suite.mjs';

const SLUG = 'demo';
const LABEL = 'Microsoft 365';
const ALLOWED_DOMAIN = 'zorgwest.example';
// Entra ID names groups by their Object ID; the test provider sends whatever we give it.
const GROUP_EDITORS = '7d3f0a52-0c4e-4c1b-9a57-2b8e6f1d4c10';
const GROUP_READERS = 'c1e5b7a9-3d2f-4e68-8b10-5f4a3c2d1e0b';
const ACCOUNTS = {
  anna: { email: `anna.jansen@${ALLOWED_DOMAIN}`, name: 'Anna Jansen', groups: [GROUP_EDITORS, 'niet-gekoppeld'] },
  olaf: { email: 'olaf@elders.example', name: 'Olaf Elders', groups: [GROUP_EDITORS] },
  gert: { email: 'gert@gemeente.example', name: 'Gert van der Gemeente', groups: [] },
  demo: { email: DEMO.email, name: DEMO.name, groups: [] },
};
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

/** The first pair: RS256 ID tokens, client_secret_basic. */
let pair;
let workspaceName = '';

/**
 * Starts an OpenID provider and an aantafel server that uses it (with `aantafel demo` data).
 * @param {{ idTokenAlg?: 'RS256'|'ES256', tokenAuth?: 'client_secret_basic'|'client_secret_post' }} options
 */
async function startPair({ idTokenAlg = 'RS256', tokenAuth = 'client_secret_basic' } = {}) {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider({
    redirectUri: `${publicUrl}/api/v1/sso/callback`,
    accounts: ACCOUNTS,
    idTokenAlg,
    tokenAuth,
  });
  const server = await startServer(
    {
      port,
      publicUrl,
      env: {
        AANTAFEL_SSO_ISSUER: provider.issuer,
        AANTAFEL_SSO_CLIENT_ID: provider.clientId,
        AANTAFEL_SSO_CLIENT_SECRET: provider.clientSecret,
        AANTAFEL_SSO_SCOPES: 'openid profile email groups',
        AANTAFEL_SSO_TOKEN_AUTH: tokenAuth,
        AANTAFEL_SSO_ALLOWED_DOMAINS: ALLOWED_DOMAIN,
        AANTAFEL_SSO_ROLES_CLAIM: 'groups',
        AANTAFEL_SSO_BUTTON_LABEL: LABEL,
      },
    },
    prepareDemo(),
  );
  assert.equal(server.baseUrl, publicUrl, 'the server listens where its public_url says');
  return {
    provider,
    server,
    async stop() {
      await server.stop();
      await provider.close();
    },
  };
}

// The servers come in pairs with their provider: the suite has the browser.
const e2e = e2eSuite({ server: null, screenshots });
before(async () => {
  pair = await startPair();
});
after(async () => {
  await pair?.stop();
});

/** A fresh browser context (no cookies: neither aantafel's nor the provider's). */
const newPage = (server = pair.server, viewport = DESKTOP) => e2e.newPage({ server, viewport, timeout: 20_000 });

/** On the provider's own login form: user name and "pw". */
async function signInAtProvider(page, provider, user) {
  await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/interaction/`));
  await page.locator('#login').fill(user);
  await page.locator('#password').fill('pw');
  await page.locator('#submit').click();
}

/**
 * axe-core and a screenshot at 1366 px and at 390×844; `ready` waits for what must be on screen
 * after the resize; `part` (a locator) is also photographed on its own.
 */
async function checkBothSizes(page, name, what, { ready = async () => {}, part } = {}) {
  await bothSizes(page, what, {
    ready,
    async screenshot(size) {
      await page.screenshot({ path: join(screenshots, `sso-${name}-${size}.png`), fullPage: true });
      if (part) await part.screenshot({ path: join(screenshots, `sso-${name}-part-${size}.png`) });
    },
  });
}

async function sessionOf(context) {
  const response = await context.request.get('/api/v1/session');
  assert.equal(response.status(), 200, 'signed in');
  return response.json();
}

/** The signed-in browsers of the context's account, as Mijn account lists them. */
async function ownSessions(context) {
  const response = await context.request.get('/api/v1/account/sessions');
  assert.equal(response.status(), 200);
  return (await response.json()).items;
}

describe('single sign-on with a real OpenID provider (RS256, client_secret_basic)', () => {
  let owner;
  let ownerCsrf = '';
  let apiToken = '';

  before(async () => {
    owner = await newPage();
    ownerCsrf = (await login(owner.context)).csrf_token;
    workspaceName = (await (await owner.context.request.get(`/api/v1/workspaces/${SLUG}`)).json()).name;
    // A token for a script, made before "only single sign-on": it must keep working.
    const token = await owner.context.request.post(`/api/v1/workspaces/${SLUG}/tokens`, {
      data: { label: 'Koppeling planning' },
      headers: { 'X-CSRF-Token': ownerCsrf },
    });
    assert.equal(token.status(), 201);
    apiToken = (await token.json()).token;
  });

  after(async () => {
    assert.deepEqual(owner.problems, [], `the browser reported problems:\n${owner.problems.join('\n')}`);
    await owner.context.close();
  });

  test('the owner links a group to "bewerker" in the workspace settings', async (t) => {
    const { page } = owner;
    await page.goto(`/w/${SLUG}/settings`);
    const section = page.getByRole('region', { name: 'Single sign-on' });
    const only = section.getByRole('checkbox', { name: 'Alleen inloggen met single sign-on' });
    await only.waitFor();
    assert.equal(await only.isChecked(), false);
    await section.getByText('Er zijn nog geen groepen gekoppeld.', { exact: false }).waitFor();
    await section.getByText(`(${LABEL})`, { exact: false }).first().waitFor();

    await t.test('an empty group gets a field error, nothing is saved', async () => {
      await section.getByRole('button', { name: 'Groep toevoegen' }).click();
      const first = section.getByRole('group', { name: 'Koppeling 1' });
      const group = first.getByRole('textbox', { name: 'ID van de groep' });
      await assertFocused(group, 'focus on the new field');
      await section.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }).click();
      await first.getByText('Vul het ID van de groep in.').waitFor();
      assert.equal(await group.getAttribute('aria-invalid'), 'true');
      await assertAccessible(page, 'the single sign-on settings with a field error');
      const saved = await (await page.request.get(`/api/v1/workspaces/${SLUG}/sso`)).json();
      assert.deepEqual(saved.mappings, []);
    });

    await t.test('two groups with their roles are saved', async () => {
      const first = section.getByRole('group', { name: 'Koppeling 1' });
      await first.getByRole('textbox', { name: 'ID van de groep' }).fill(GROUP_EDITORS);
      await first.getByRole('combobox', { name: 'Rol' }).selectOption('editor');
      await section.getByRole('button', { name: 'Groep toevoegen' }).click();
      const second = section.getByRole('group', { name: 'Koppeling 2' });
      await second.getByRole('textbox', { name: 'ID van de groep' }).fill(GROUP_READERS);
      assert.equal(await second.getByRole('combobox', { name: 'Rol' }).inputValue(), 'viewer', 'a new group starts as lezer');
      await section.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }).click();
      await section.getByRole('status').getByText('De instellingen voor single sign-on zijn opgeslagen.').waitFor();
      const saved = await (await page.request.get(`/api/v1/workspaces/${SLUG}/sso`)).json();
      assert.deepEqual(saved, {
        enabled: true,
        sso_only: false,
        mappings: [
          { group: GROUP_EDITORS, role: 'editor' },
          { group: GROUP_READERS, role: 'viewer' },
        ],
      });
      await checkBothSizes(page, 'settings', 'the single sign-on settings', {
        ready: () => section.getByRole('group', { name: 'Koppeling 2' }).waitFor(),
        part: section,
      });
    });
  });

  test('a colleague of the allowed domain signs in with the provider and becomes bewerker', async (t) => {
    const { context, page, problems } = await newPage();

    await t.test('the login page offers "Inloggen met Microsoft 365" first', async () => {
      await page.goto('/login');
      const button = page.getByRole('button', { name: `Inloggen met ${LABEL}` });
      await button.waitFor();
      await page.getByRole('heading', { level: 2, name: 'Of log in met e-mailadres en wachtwoord' }).waitFor();
      const order = await page.evaluate(() => {
        const sso = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Inloggen met'));
        const email = document.getElementById('login-email');
        return Boolean(sso && email && sso.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      assert.ok(order, 'the single sign-on button comes before the password form');
      await checkBothSizes(page, 'login', 'the login page with single sign-on', { ready: () => button.waitFor() });
    });

    await t.test("the provider's login form, and back in the workspace", async () => {
      await page.getByRole('button', { name: `Inloggen met ${LABEL}` }).click();
      await signInAtProvider(page, pair.provider, 'anna');
      await page.waitForURL(`**/w/${SLUG}/`);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      const session = await sessionOf(context);
      assert.equal(session.user.email, ACCOUNTS.anna.email);
      assert.equal(session.user.name, ACCOUNTS.anna.name, 'the name comes from the provider');
      assert.deepEqual(
        session.workspaces.map((w) => [w.slug, w.role]),
        [[SLUG, 'editor']],
        'member through the linked group, as bewerker',
      );
      const settings = await context.request.get(`/api/v1/workspaces/${SLUG}/sso`);
      assert.equal(settings.status(), 403, 'only owners see the single sign-on settings');
    });

    await t.test('Mijn account lists the session as single sign-on', async () => {
      const [current] = (await ownSessions(context)).filter((s) => s.current);
      assert.equal(current?.sso, true);
      await page.goto('/account');
      const devices = page.getByRole('list', { name: 'Apparaten waarop je bent ingelogd' });
      const item = devices.getByRole('listitem').filter({ hasText: 'dit apparaat' });
      await item.getByText('via single sign-on', { exact: false }).waitFor();
      await page
        .getByRole('region', { name: 'Wachtwoord wijzigen' })
        .getByText('Je bent nu ingelogd met single sign-on.', { exact: false })
        .waitFor();
      await assertAccessible(page, 'the account page of a single sign-on session');
    });

    await t.test('signing in again with the provider keeps the same account', async () => {
      const again = await newPage();
      await again.page.goto('/login');
      await again.page.getByRole('button', { name: `Inloggen met ${LABEL}` }).click();
      await signInAtProvider(again.page, pair.provider, 'anna');
      await again.page.waitForURL(`**/w/${SLUG}/`);
      assert.equal((await sessionOf(again.context)).user.id, (await sessionOf(context)).user.id);
      await again.context.close();
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('someone of another domain is refused and told why on the login page', async () => {
    const { context, page, problems } = await newPage();
    await page.goto('/login');
    await page.getByRole('button', { name: `Inloggen met ${LABEL}` }).click();
    await signInAtProvider(page, pair.provider, 'olaf');
    await page.waitForURL('**/login?sso_error=domain_not_allowed');
    const summary = page.getByRole('region', { name: `Inloggen met ${LABEL} is niet gelukt` });
    await summary
      .getByText('Je organisatie-account hoort niet bij een organisatie die deze aantafel gebruikt.')
      .waitFor();
    await summary.getByText('Vraag een eigenaar om een uitnodiging.', { exact: false }).waitFor();
    await assertFocused(summary, 'the summary has focus');
    assert.equal((await context.request.get('/api/v1/session')).status(), 401, 'not signed in');
    // Trying again is right there.
    await page.getByRole('button', { name: `Inloggen met ${LABEL}` }).waitFor();
    await checkBothSizes(page, 'login-error', 'the login page after a refused single sign-on', {
      ready: () => summary.waitFor(),
    });

    // Nothing from the address is repeated on the page.
    await page.goto('/login?sso_error=Bel%200900-1234%20voor%20hulp');
    await page.getByRole('region', { name: `Inloggen met ${LABEL} is niet gelukt` }).waitFor();
    assert.equal(await page.getByText('0900-1234').count(), 0);

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('an invitation to an outside address is accepted with "Aannemen met Microsoft 365"', async () => {
    const invited = await owner.context.request.post(`/api/v1/workspaces/${SLUG}/invitations`, {
      data: { email: ACCOUNTS.gert.email, role: 'viewer' },
      headers: { 'X-CSRF-Token': ownerCsrf },
    });
    assert.equal(invited.status(), 201, await invited.text());
    const answer = await invited.json();
    assert.equal(answer.mailed, false, 'no mail relay: the link comes back');
    const link = new URL(answer.link);

    const { context, page, problems } = await newPage();
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByRole('heading', { level: 1, name: `Uitnodiging voor ${workspaceName}` }).waitFor();
    const choice = page.getByRole('region', { name: 'Aannemen met het account van je werk' });
    await choice.getByText(`Log in met het account van ${ACCOUNTS.gert.email}.`, { exact: false }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Of maak een account met een wachtwoord' }).waitFor();
    const button = page.getByRole('button', { name: `Aannemen met ${LABEL}` });
    await checkBothSizes(page, 'invitation', 'the invitation page with single sign-on', {
      ready: () => button.waitFor(),
    });

    await button.click();
    await signInAtProvider(page, pair.provider, 'gert');
    await page.waitForURL(`**/w/${SLUG}/`);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    const session = await sessionOf(context);
    assert.equal(session.user.email, ACCOUNTS.gert.email);
    assert.equal(session.workspaces.find((w) => w.slug === SLUG)?.role, 'viewer', 'the role of the invitation');
    const open = await (
      await owner.context.request.get(`/api/v1/workspaces/${SLUG}/invitations`)
    ).json();
    assert.equal(open.items.filter((i) => i.email === ACCOUNTS.gert.email).length, 0, 'the invitation is used');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('"Alleen inloggen met single sign-on": a password session is sent to the provider', async (t) => {
    const { page, context } = owner;

    await t.test('the owner turns it on after a warning', async () => {
      await page.goto(`/w/${SLUG}/settings`);
      const section = page.getByRole('region', { name: 'Single sign-on' });
      await section.getByRole('checkbox', { name: 'Alleen inloggen met single sign-on' }).check();
      await section.getByRole('button', { name: 'Instellingen voor single sign-on opslaan' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Alleen inloggen met single sign-on aanzetten?' });
      // The owner signed in with a password: the warning says they will need single sign-on too.
      await dialog.getByText('Let op: je bent nu zelf ingelogd met je e-mailadres en wachtwoord', { exact: false }).waitFor();
      await assertAccessible(page, 'the warning before "only single sign-on"');
      await dialog.screenshot({ path: join(screenshots, 'sso-confirm-1366.png') });
      await dialog.getByRole('button', { name: 'Ja, aanzetten en opslaan' }).click();
    });

    await t.test('the password session now gets the explanation, with the button', async () => {
      const heading = page.getByRole('heading', {
        level: 1,
        name: `Voor ${workspaceName} moet je inloggen met ${LABEL}`,
      });
      await heading.waitFor();
      await page.getByText('Je bent nu ingelogd met een e-mailadres en wachtwoord.', { exact: false }).waitFor();
      const refused = await context.request.get(`/api/v1/workspaces/${SLUG}`);
      assert.equal(refused.status(), 403);
      assert.equal((await refused.json()).error.code, 'sso_required');
      await checkBothSizes(page, 'required', 'the "only single sign-on" page', { ready: () => heading.waitFor() });
      // A reload (or a link from elsewhere) shows the same page.
      await page.goto(`/w/${SLUG}/people`);
      await heading.waitFor();
    });

    await t.test('API tokens keep working', async () => {
      const response = await fetch(`${pair.server.baseUrl}/api/v1/workspaces/${SLUG}`, {
        headers: { Authorization: `Bearer ${apiToken}` },
      });
      assert.equal(response.status, 200);
    });

    await t.test('signing in with the provider opens the workspace, on the same page', async () => {
      await page.getByRole('button', { name: `Inloggen met ${LABEL}` }).click();
      await signInAtProvider(page, pair.provider, 'demo');
      await page.waitForURL(`**/w/${SLUG}/people`);
      await page.getByRole('heading', { level: 1, name: 'Wie is wie' }).waitFor();
      const session = await sessionOf(context);
      assert.equal(session.user.email, DEMO.email, 'the existing account, linked by its address');
      assert.equal(session.workspaces.find((w) => w.slug === SLUG)?.role, 'owner', 'an owner by invitation stays owner');
      assert.equal((await context.request.get(`/api/v1/workspaces/${SLUG}`)).status(), 200);
      const [current] = (await ownSessions(context)).filter((s) => s.current);
      assert.equal(current?.sso, true);
      const settings = await (await context.request.get(`/api/v1/workspaces/${SLUG}/sso`)).json();
      assert.equal(settings.sso_only, true);
    });

    await t.test('a new password session still cannot open it', async () => {
      const other = await newPage();
      await login(other.context);
      await other.page.goto(`/w/${SLUG}/`);
      await other.page.getByRole('heading', { level: 1, name: `Voor ${workspaceName} moet je inloggen met ${LABEL}` }).waitFor();
      await other.context.close();
    });
  });

  test('every code exchange used client_secret_basic and an RS256 ID token', () => {
    assert.ok(pair.provider.tokens.length >= 5, `code exchanges: ${pair.provider.tokens.length}`);
    for (const exchange of pair.provider.tokens) {
      assert.deepEqual(exchange, { clientAuth: 'client_secret_basic', idTokenAlg: 'RS256' });
    }
  });
});

describe('single sign-on with ES256 ID tokens and client_secret_post', () => {
  let second;

  before(async () => {
    second = await startPair({ idTokenAlg: 'ES256', tokenAuth: 'client_secret_post' });
  });

  after(async () => {
    await second?.stop();
  });

  test('a colleague signs in and gets the role of the linked group', async () => {
    const owner = await newPage(second.server);
    const { csrf_token: csrf } = await login(owner.context);
    const saved = await owner.context.request.put(`/api/v1/workspaces/${SLUG}/sso`, {
      data: { sso_only: false, mappings: [{ group: GROUP_EDITORS, role: 'viewer' }] },
      headers: { 'X-CSRF-Token': csrf },
    });
    assert.equal(saved.status(), 200, await saved.text());
    await owner.context.close();

    const { context, page, problems } = await newPage(second.server);
    await page.goto(`/w/${SLUG}/`);
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: `Inloggen met ${LABEL}` }).click();
    await signInAtProvider(page, second.provider, 'anna');
    // Back to the page that asked for a login.
    await page.waitForURL(`**/w/${SLUG}/`);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    const session = await sessionOf(context);
    assert.equal(session.user.email, ACCOUNTS.anna.email);
    assert.equal(session.workspaces.find((w) => w.slug === SLUG)?.role, 'viewer');
    assert.deepEqual(second.provider.tokens, [{ clientAuth: 'client_secret_post', idTokenAlg: 'ES256' }]);
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
