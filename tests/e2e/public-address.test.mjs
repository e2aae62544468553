// End-to-end for the public address ([server] public_url, issue #23 item 9): while it is the
// loopback default, an owner sees a banner at the top of the page content that says what the
// address is for and how to set it; "Later" hides it for the browser session. Everyone who is
// about to print a survey poster sees a warning there (not on paper). axe-core on the banner and
// the poster at 1366 px and at 390×844 (a phone), and the banner must not cover the page. A
// second server with a public address set shows neither.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, assertNoSideways, DESKTOP, PHONE } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { e2eSuite, login, prepareDemo } from './support/suite.mjs';

const EDITOR = { email: 'eddy@wijkzorg.example', name: 'Eddy Editor', password: 'editor-wachtwoord-2026' };
const SLUG = 'demo';
const SET_URL = 'http://aantafel.test';
const BANNER = 'Het openbare adres van aantafel is nog niet ingesteld';
const WARNING = 'Deze link werkt nu alleen op de computer waarop aantafel draait';
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

/** The demo and the editor's account, on both servers. */
const prepareServer = prepareDemo({ users: [EDITOR] });

const e2e = e2eSuite({ prepare: prepareServer, screenshots });
let local; // the default public_url (loopback): the suite's server, once it runs
let set; // public_url set to a real-looking address
// Starts while the suite's hook starts the other server and the browser.
before(async () => {
  set = await startServer({ publicUrl: SET_URL }, prepareServer);
});
after(async () => {
  await set?.stop();
});

const newPage = (server, viewport = DESKTOP) => e2e.newPage({ server, viewport });

/** The banner sits in the page flow: not fixed or sticky, above the h1, and no sideways scrolling. */
async function assertInFlow(page, banner, what) {
  const position = await banner.evaluate((el) => getComputedStyle(el).position);
  assert.equal(position, 'static', `the banner is part of the page on ${what}`);
  const box = await banner.boundingBox();
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  assert.ok(box && heading && box.y + box.height <= heading.y, `the banner ends above the h1 on ${what}`);
  // After a resize the header re-renders on the media query's change event: let it settle.
  await assertNoSideways(page, what, { settle: true });
}

/** A survey made through the API, and the editor added as a member; returns the survey. */
async function prepare(server) {
  const { context } = await newPage(server);
  const { csrf_token: csrf } = await login(context);
  const headers = { 'X-CSRF-Token': csrf };
  await addMember(server.baseUrl, { request: context.request, csrf }, SLUG, EDITOR, 'editor');
  const made = await context.request.post(`/api/v1/workspaces/${SLUG}/feedback/surveys`, {
    data: { name: 'Wachtkamer e2e', team: 'Noord', service: 'het wijkteam' },
    headers,
  });
  assert.equal(made.status(), 201);
  const survey = await made.json();
  await context.close();
  return survey;
}

describe('the public address with the real server', () => {
  let survey;
  let surveySet;

  before(async () => {
    local = e2e.server;
    [survey, surveySet] = await Promise.all([prepare(local), prepare(set)]);
  });

  test('the session says whether the public address only works on the server', async () => {
    for (const [server, expected] of [
      [local, { url: 'http://127.0.0.1:8080', local_only: true }],
      [set, { url: SET_URL, local_only: false }],
    ]) {
      const { context } = await newPage(server);
      const answer = await login(context);
      assert.deepEqual(answer.public_url, expected, 'the login answer');
      const session = await (await context.request.get('/api/v1/session')).json();
      assert.deepEqual(session.public_url, expected, 'GET /api/v1/session');
      await context.close();
    }
  });

  test('an owner sees the banner; "Later" hides it for the browser session', async (t) => {
    const { context, page, problems } = await newPage(local);
    await login(context);
    await page.goto(`/w/${SLUG}/`);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    const banner = page.getByRole('region', { name: BANNER });
    await banner.waitFor();

    await t.test('it says what the address is for, what it is now and how to set it', async () => {
      await banner.getByText(/Links op posters en QR-codes, naar vragenlijsten, scans en de sociale kaart en in agenda-abonnementen/).waitFor();
      await banner.getByText(/Zulke links werken alleen op de computer waarop aantafel draait/).waitFor();
      await banner.getByText('http://127.0.0.1:8080', { exact: true }).waitFor();
      const how = banner.getByText('Zo stel je het openbare adres in');
      assert.equal(await banner.getByText('AANTAFEL_SERVER_PUBLIC_URL').isVisible(), false, 'the steps start folded');
      await how.click();
      await banner.getByText('AANTAFEL_SERVER_PUBLIC_URL', { exact: true }).waitFor();
      await banner.getByText('[server]', { exact: true }).waitFor();
      await banner.getByText('Start aantafel daarna opnieuw.').waitFor();
      assert.equal(await page.getByRole('dialog').count(), 0, 'not a dialog');
      assert.equal(await page.getByRole('alert').count(), 0, 'does not interrupt as an alert');
    });

    await t.test('axe and layout at 1366 px and at 390×844, with screenshots', async () => {
      await assertInFlow(page, banner, 'the overview at 1366 px');
      await assertAccessible(page, 'the overview with the banner open at 1366 px');
      await banner.screenshot({ path: join(screenshots, 'public-address-banner-1366.png') });
      await page.setViewportSize(PHONE);
      await assertInFlow(page, banner, 'the overview at 390×844');
      await assertAccessible(page, 'the overview with the banner open at 390×844');
      await banner.screenshot({ path: join(screenshots, 'public-address-banner-390-open.png') });
      await banner.getByText('Zo stel je het openbare adres in').click();
      await banner.screenshot({ path: join(screenshots, 'public-address-banner-390.png') });
      // Folded, it takes less than a phone screen, so the page is one short scroll away.
      const folded = await banner.boundingBox();
      assert.ok(folded && folded.height < PHONE.height * 0.75, `the folded banner is ${folded?.height} px high at 390×844`);
      await page.setViewportSize(DESKTOP);
    });

    await t.test('keyboard: the skip link leads to the banner, then past it', async () => {
      await page.goto(`/w/${SLUG}/`);
      await banner.waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Naar de inhoud');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SUMMARY', 'first the steps');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Later');
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => Boolean(document.activeElement?.closest('.aantafel-address-banner')));
      assert.equal(next, false, 'the next Tab leaves the banner');
    });

    await t.test('"Later" hides it, moves focus to the heading, and it stays away this session', async () => {
      await banner.getByRole('button', { name: 'Later: melding over het openbare adres' }).click();
      await banner.waitFor({ state: 'detached' });
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        'page-heading',
        'focus goes to the page heading',
      );
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliëntfeedback' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cliëntfeedback' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Cliëntfeedback' }).waitFor();
      assert.equal(await page.getByRole('region', { name: BANNER }).count(), 0, 'still hidden after a reload');
    });

    await t.test('a new browser session shows it again', async () => {
      const fresh = await newPage(local);
      await login(fresh.context);
      await fresh.page.goto(`/w/${SLUG}/`);
      await fresh.page.getByRole('region', { name: BANNER }).waitFor();
      await fresh.context.close();
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('an editor sees no banner, but a warning on the poster page that is not printed', async (t) => {
    const { context, page, problems } = await newPage(local);
    await login(context, EDITOR);
    await page.goto(`/w/${SLUG}/feedback/surveys`);
    await page.getByRole('heading', { level: 1, name: 'Vragenlijsten' }).waitFor();
    await page.getByText(WARNING).waitFor();
    assert.equal(await page.getByRole('region', { name: BANNER }).count(), 0, 'no banner for an editor');

    await page
      .locator('li.aantafel-survey')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Wachtkamer e2e' }) })
      .getByRole('link', { name: 'Poster afdrukken' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Wat vindt u van ons?' }).waitFor();
    const warning = page.locator('.aantafel-local-link-warning');
    await warning.getByText(WARNING).waitFor();
    await warning.getByText(/de link en de QR-code niet open\..*Print of deel de link pas daarna\./).waitFor();
    const print = page.getByRole('button', { name: 'Afdrukken' });
    assert.match(await print.evaluate((el) => el.getAttribute('aria-describedby') ?? ''), /poster-local-link/);
    await page.getByText(new RegExp(`^http://127\\.0\\.0\\.1:8080/f/${survey.token}$`)).waitFor();

    await t.test('axe at 1366 px and at 390×844, with screenshots', async () => {
      await assertAccessible(page, 'the poster with the warning at 1366 px');
      await page.screenshot({ path: join(screenshots, 'public-address-poster-1366.png'), fullPage: true });
      await page.setViewportSize(PHONE);
      await assertAccessible(page, 'the poster with the warning at 390×844');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling on the poster at 390×844 (${overflow} px)`);
      await page.locator('.aantafel-poster').screenshot({ path: join(screenshots, 'public-address-poster-390.png') });
      await page.setViewportSize(DESKTOP);
    });

    await t.test('the warning is not on paper', async () => {
      await page.emulateMedia({ media: 'print' });
      assert.equal(await warning.isVisible(), false);
      await page.getByRole('heading', { level: 1, name: 'Wat vindt u van ons?' }).waitFor();
      await page.emulateMedia({ media: 'screen' });
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('with the public address set there is no banner and no warning', async () => {
    const { context, page, problems } = await newPage(set);
    await login(context);
    await page.goto(`/w/${SLUG}/feedback/surveys/${surveySet.id}/poster`);
    await page.getByRole('heading', { level: 1, name: 'Wat vindt u van ons?' }).waitFor();
    await page.getByText(`${SET_URL}/f/${surveySet.token}`, { exact: true }).waitFor();
    assert.equal(await page.getByRole('region', { name: BANNER }).count(), 0, 'no banner');
    assert.equal(await page.getByText(WARNING).count(), 0, 'no warning');
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
