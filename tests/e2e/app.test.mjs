// End-to-end: the real aantafel server (fresh SQLite database, data made with the CLI), the built
// web app and Debian's Chromium. axe-core checks every page state we visit against WCAG 2.1 A/AA.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible, assertInvalid, tab as tabAndDescribe } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { repoRoot } from './support/server.mjs';
import { DEMO, e2eSuite, prepareDemo } from './support/suite.mjs';

const SAM = { email: 'sam@wijkzorg.example', name: 'Sam de Vries', password: 'sam-wachtwoord-2026' };
const SECOND = { slug: 'wijkzorg-noord', name: 'Wijkzorg Noord' };
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

const e2e = e2eSuite({
  prepare: prepareDemo({ users: [SAM], workspaces: [{ ...SECOND, kind: 'welfare_organisation' }] }),
  screenshots,
});
const { newPage } = e2e;

async function heading(page) {
  return (await page.locator('h1').first().textContent())?.trim();
}

describe('web app with the real server', () => {
  test('full scenario: log in, language, workspaces, members, tokens, log out', async (t) => {
    const { context, page, problems } = await newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.server.baseUrl });

    await t.test('the start page sends a visitor to the login page, in Dutch', async () => {
      await page.goto('/');
      await page.waitForURL('**/login');
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
      assert.equal(await page.title(), 'Inloggen · aantafel');
      await assertAccessible(page, 'the login page');
      await page.screenshot({ path: join(screenshots, 'login.png'), fullPage: true });
    });

    await t.test('empty fields get an error next to the field', async () => {
      await page.getByRole('button', { name: 'Inloggen' }).click();
      const email = page.getByLabel('E-mailadres');
      await assertInvalid(email, 'the e-mail address is required');
      const described = await email.getAttribute('aria-describedby');
      assert.equal((await page.locator(`#${described}`).textContent())?.trim(), 'Vul je e-mailadres in.');
      await assertAccessible(page, 'the login page with field errors');
    });

    await t.test('a wrong password shows the API message in an alert', async () => {
      await page.getByLabel('E-mailadres').fill(DEMO.email);
      await page.getByLabel('Wachtwoord').fill('dit-is-niet-goed');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /\S/);
      await assertAccessible(page, 'the login page with a login error');
    });

    await t.test('the demo account logs in and lands on its first workspace', async () => {
      await page.getByLabel('Wachtwoord').fill(DEMO.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL(/\/w\/[a-z0-9-]+\/$/);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await page.getByText(`Welkom, ${DEMO.name}.`).waitFor();
      await assertAccessible(page, 'the workspace overview');
    });

    await t.test('English is one click away and is remembered', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await assertAccessible(page, 'the overview in English');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.getByRole('button', { name: 'Nederlands' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    });

    await t.test('the workspace switcher goes to another workspace', async () => {
      const switcher = page.getByRole('button', { name: /Werkruimte: .*andere werkruimte kiezen/ });
      await switcher.click();
      assert.equal(await switcher.getAttribute('aria-expanded'), 'true');
      await assertAccessible(page, 'the overview with the workspace switcher open');
      await page.getByRole('link', { name: new RegExp(SECOND.name) }).click();
      await page.waitForURL(`**/w/${SECOND.slug}/`);
      await page.locator('.aantafel-facts').getByText(SECOND.name).waitFor();
      await page.locator('.aantafel-facts').getByText('Welzijnsorganisatie').waitFor();
    });

    await t.test('every feature area in the main menu has its own pages', async () => {
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      // The Sociale kaart was the last area to get its pages (social-map.test.mjs); none is left
      // that says "not available yet". The menu link still opens its page and marks it current.
      await nav.getByRole('link', { name: 'Sociale kaart' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
      await page.getByRole('navigation', { name: 'Sociale kaart' }).waitFor();
      assert.equal(await page.getByText('Dit onderdeel is nog niet beschikbaar.').count(), 0);
      assert.equal(
        await nav.getByRole('link', { name: 'Sociale kaart' }).getAttribute('aria-current'),
        'page',
      );
      await assertAccessible(page, 'a feature area page');
    });

    await t.test('unknown pages show a 404 page', async () => {
      await page.goto(`/w/${SECOND.slug}/bestaat-niet`);
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      await assertAccessible(page, 'the 404 page inside a workspace');
      await page.goto('/dit/bestaat/niet');
      await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
      await assertAccessible(page, 'the 404 page');
    });

    await t.test('a workspace you are not a member of shows the API message', async () => {
      await page.goto('/w/niet-van-mij/');
      await page.getByRole('heading', { level: 1, name: 'Er ging iets mis' }).waitFor();
      assert.match((await page.getByRole('alert').textContent()) ?? '', /\S/);
      await assertAccessible(page, 'the error page');
    });

    await t.test('the settings page lists members and tokens', async () => {
      await page.goto('/w/demo/');
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen werkruimte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Instellingen werkruimte' }).waitFor();
      await page.getByRole('table', { name: /Leden van/ }).waitFor();
      await page.getByText('Er zijn nog geen API-sleutels.').waitFor();
      await assertAccessible(page, 'the workspace settings page');
    });

    await t.test('inviting someone who already is a member shows the API error at the field', async () => {
      await page.locator('#invite-email').fill(DEMO.email);
      await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
      const email = page.locator('#invite-email');
      await page.waitForFunction(() =>
        document.querySelector('#invite-email')?.getAttribute('aria-invalid') === 'true');
      const described = await email.getAttribute('aria-describedby');
      assert.match((await page.locator(`#${described}`).textContent()) ?? '', /al lid/);
      await assertAccessible(page, 'the invite form with an error');
    });

    await t.test('an owner invites an existing account; without mail the link is shown to pass on', async () => {
      await page.locator('#invite-email').fill(SAM.email);
      await page.locator('#invite-role').selectOption('viewer');
      await page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
      // This server has no mail relay: the owner gets the link to pass on personally.
      await page.getByRole('heading', { name: `Geef deze link zelf door aan ${SAM.email}` }).waitFor();
      const link = await page.getByLabel('Link voor de uitnodiging').inputValue();
      assert.match(link, /\/invitation#[\w-]{20,}$/);
      await page.getByRole('list', { name: /Openstaande uitnodigingen/ }).getByText(SAM.email, { exact: true }).waitFor();
      await assertAccessible(page, 'the settings page with an invitation link');
      await page.getByRole('button', { name: 'Klaar' }).click();

      // Sam accepts with the password of the existing account.
      const token = new URL(link).hash.slice(1);
      const accepted = await fetch(`${e2e.server.baseUrl}/api/v1/invitations/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token, password: SAM.password }),
      });
      assert.equal(accepted.status, 201);
      await page.reload();
      await page.getByRole('rowheader', { name: SAM.name }).waitFor();
      await page.getByText('Er zijn geen openstaande uitnodigingen.').waitFor();
    });

    await t.test('an owner changes a role', async () => {
      await page.getByLabel(`Rol van ${SAM.name}`).selectOption('editor');
      await page.getByRole('button', { name: `Rol wijzigen voor ${SAM.name}` }).click();
      await page.getByRole('status').getByText(`De rol van ${SAM.name} is nu: Bewerker.`).waitFor();
    });

    await t.test('the last owner cannot give up the owner role', async () => {
      await page.getByLabel(`Rol van ${DEMO.name}`).selectOption('viewer');
      await page.getByRole('button', { name: `Rol wijzigen voor ${DEMO.name}` }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /eigenaar/i);
      await page.getByLabel(`Rol van ${DEMO.name}`).selectOption('owner');
    });

    let secret = '';
    await t.test('creating a token shows the secret once, with a copy button', async () => {
      await page.getByLabel('Naam van de sleutel').fill('Koppeling planning');
      await page.getByRole('button', { name: 'Sleutel maken' }).click();
      await page.getByRole('heading', { name: 'Je nieuwe sleutel "Koppeling planning"' }).waitFor();
      secret = await page.locator('#new-token-secret').inputValue();
      assert.match(secret, /^aat_/);
      await page.getByRole('button', { name: 'Kopieer sleutel' }).click();
      await page.getByText(/De sleutel staat op het klembord|Kopiëren lukte niet/).waitFor();
      await page.getByRole('rowheader', { name: 'Koppeling planning' }).waitFor();
      await assertAccessible(page, 'the settings page with a new token');
      const api = await fetch(`${e2e.server.baseUrl}/api/v1/workspaces/demo/members`, {
        headers: { Authorization: `Bearer ${secret}` },
      });
      assert.equal(api.status, 200, 'the new token works against the API');
      const body = await api.json();
      const sam = body.items.find((m) => m.user.email === SAM.email);
      assert.equal(sam?.role, 'editor', 'the role change reached the server');

      await page.getByRole('button', { name: 'Ik heb de sleutel bewaard' }).click();
      assert.equal(await page.locator('#new-token-secret').count(), 0, 'the secret is gone');
      await page.screenshot({ path: join(screenshots, 'workspace-settings.png'), fullPage: true });
    });

    await t.test('revoking a token asks for confirmation first', async () => {
      await page.getByRole('button', { name: 'Intrekken sleutel Koppeling planning' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Sleutel "Koppeling planning" intrekken?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the revoke confirmation dialog');
      await dialog.getByRole('button', { name: 'Annuleren' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('rowheader', { name: 'Koppeling planning' }).waitFor();

      await page.getByRole('button', { name: 'Intrekken sleutel Koppeling planning' }).click();
      await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
      await page.getByRole('status').getByText('De sleutel "Koppeling planning" is ingetrokken.').waitFor();
      await page.getByText('Er zijn nog geen API-sleutels.').waitFor();
      const api = await fetch(`${e2e.server.baseUrl}/api/v1/workspaces/demo/members`, {
        headers: { Authorization: `Bearer ${secret}` },
      });
      assert.equal(api.status, 401, 'the revoked token no longer works');
    });

    await t.test('removing a member asks for confirmation first', async () => {
      await page.getByRole('button', { name: `Verwijderen voor ${SAM.name}` }).click();
      const dialog = page.getByRole('alertdialog', { name: `${SAM.name} verwijderen?` });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await page.getByRole('status').getByText(`${SAM.name} is verwijderd uit de werkruimte.`).waitFor();
      assert.equal(await page.getByRole('rowheader', { name: SAM.name }).count(), 0);
    });

    await t.test('logging out ends the session', async () => {
      await page.getByRole('button', { name: /Gebruikersmenu/ }).click();
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForURL('**/login');
      await page.getByText('Je bent uitgelogd.').waitFor();
      await assertAccessible(page, 'the login page after logging out');
      await page.goto('/w/demo/settings');
      await page.waitForURL('**/login');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('a member who is not an owner sees members read-only', async () => {
    const { context, page, problems } = await newPage();
    e2e.server.createWorkspace({ slug: 'leesclub', name: 'Leesclub' }, DEMO.email);
    const login = await context.request.post('/api/v1/session', {
      data: { email: DEMO.email, password: DEMO.password },
    });
    assert.equal(login.status(), 201);
    const { csrf_token: csrf } = await login.json();
    await addMember(e2e.server.baseUrl, { request: context.request, csrf }, 'leesclub', SAM, 'viewer');
    await context.clearCookies();

    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(SAM.email);
    await page.getByLabel('Wachtwoord').fill(SAM.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/w/leesclub/');
    await page.goto('/w/leesclub/settings');
    await page.getByRole('table', { name: /Leden van/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Rol wijzigen|Verwijderen/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Uitnodiging sturen' }).count(), 0);
    await page.getByText('Als lezer kun je geen API-sleutels maken.').waitFor();
    await assertAccessible(page, 'the settings page for a viewer');
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('keyboard only: login and main menu', async () => {
    const { context, page, problems } = await newPage();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();

    /** Presses Tab and describes the element that then has focus (in the window, if it shows). */
    const tab = (key = 'Tab') => tabAndDescribe(page, key, { inView: true });

    const loginOrder = [];
    for (let i = 0; i < 6; i += 1) loginOrder.push(await tab());
    assert.deepEqual(
      loginOrder.map((f) => f.name),
      ['Naar de inhoud', 'aantafel – naar de startpagina', 'English', 'E-mailadres', 'Wachtwoord', 'Inloggen'],
    );
    for (const f of loginOrder) assert.ok(f.visible, `focus is not visible on "${f.name}"`);

    // Fill in and submit with the keyboard only.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(DEMO.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/w\/demo\/$/);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();

    // From the top of a freshly loaded page: skip link, header, then the main menu in order.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    const shellOrder = [];
    for (let i = 0; i < 18; i += 1) shellOrder.push(await tab());
    const names = shellOrder.map((f) => f.name);
    // The global search (overview.test.mjs) sits in the header, after the brand; then "Meldingen"
    // (municipality.test.mjs) with its count of new items, which depends on the demo data.
    assert.match(names[3] ?? '', /^Meldingen( \d+\(\d+ nieuw\))?$/);
    names.splice(3, 1);
    assert.deepEqual(names.slice(0, 6), [
      'Naar de inhoud',
      'aantafel – naar de startpagina',
      'Zoeken in deze werkruimte',
      'Werkruimte: Demo Zorg en Welzijn, andere werkruimte kiezen',
      'English',
      `Gebruikersmenu: ${DEMO.name}`,
    ]);
    assert.deepEqual(names.slice(6, 17), [
      'Overzicht',
      'Wie is wie',
      'Beleidskalender',
      'Raad',
      'Strategiewijzer',
      'Contacten en afspraken',
      'Cliëntfeedback',
      'Bekostiging',
      'Samenwerkingsscan',
      'Sociale kaart',
      'Instellingen werkruimte',
    ]);
    for (const f of shellOrder) assert.ok(f.visible, `focus is not visible on "${f.name}"`);

    // Enter on a menu link opens the page and moves focus to its heading.
    await tab('Shift+Tab'); // Sociale kaart
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'page-heading');

    // The skip link jumps to the main content.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await tab();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main-content');

    // Menus open with Enter and close with Escape, returning focus to their button.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    await tab(); // skip link
    await tab(); // brand
    await tab(); // search
    await tab(); // workspace switcher
    await page.keyboard.press('Enter');
    const next = await tab();
    assert.equal(next.tag, 'a', 'Tab goes into the open workspace list');
    await page.keyboard.press('Escape');
    const back = await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'));
    assert.equal(back, 'false', 'Escape closes the menu and focus returns to its button');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('budgets: initial JavaScript and time to first render', async (t) => {
    const runs = 5;
    const results = { login: [], overview: [] };
    for (let i = 0; i < runs; i += 1) {
      const { context, page } = await newPage();
      await page.goto('/login');
      await page.waitForFunction(() => performance.getEntriesByName('aantafel:login-rendered').length > 0);
      results.login.push(await measure(page, 'aantafel:login-rendered'));

      const login = await context.request.post('/api/v1/session', {
        data: { email: DEMO.email, password: DEMO.password },
      });
      assert.equal(login.status(), 201);
      const fresh = await context.newPage(); // same cookies, but a new page; caches are cleared below
      const cdp = await context.newCDPSession(fresh);
      await cdp.send('Network.clearBrowserCache');
      await fresh.goto('/w/demo/');
      await fresh.waitForFunction(() => performance.getEntriesByName('aantafel:overview-rendered').length > 0);
      results.overview.push(await measure(fresh, 'aantafel:overview-rendered'));
      await context.close();
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const summary = {
      date: new Date().toISOString(),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      loadAverage1m: Number(loadavg()[0].toFixed(2)),
      chromium: e2e.browser.version(),
      server: relative(repoRoot, e2e.server.bin),
      runs,
      login: {
        jsGzipBytes: median(results.login.map((r) => r.jsBytes)),
        jsFiles: results.login[0].jsFiles,
        firstRenderMs: median(results.login.map((r) => r.renderMs)),
      },
      overview: {
        jsGzipBytes: median(results.overview.map((r) => r.jsBytes)),
        jsFiles: results.overview[0].jsFiles,
        firstRenderMs: median(results.overview.map((r) => r.renderMs)),
        domContentLoadedMs: median(results.overview.map((r) => r.domContentLoadedMs)),
      },
    };
    t.diagnostic(`budget: login page JS ${summary.login.jsGzipBytes} B gzip in ${summary.login.jsFiles.length} files, first render ${summary.login.firstRenderMs.toFixed(0)} ms`);
    t.diagnostic(`budget: overview JS ${summary.overview.jsGzipBytes} B gzip in ${summary.overview.jsFiles.length} files, first render ${summary.overview.firstRenderMs.toFixed(0)} ms (median of ${runs})`);
    writeFileSync(join(repoRoot, 'build', 'e2e-budgets.json'), `${JSON.stringify(summary, null, 2)}\n`);
  });
});

/** JS bytes on the wire (gzip) and the time from navigation start to the page's render mark. */
async function measure(page, mark) {
  return page.evaluate((markName) => {
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || /\.js(\?|$)/.test(e.name));
    const navigation = performance.getEntriesByType('navigation')[0];
    const rendered = performance.getEntriesByName(markName)[0];
    return {
      jsBytes: scripts.reduce((sum, e) => sum + e.encodedBodySize, 0),
      jsFiles: scripts.map((e) => new URL(e.name).pathname),
      renderMs: rendered ? rendered.startTime : NaN,
      domContentLoadedMs: navigation ? navigation.domContentLoadedEventEnd : NaN,
    };
  }, mark);
}
