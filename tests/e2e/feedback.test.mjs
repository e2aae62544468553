// End-to-end for Cliëntfeedback: the real server, the built web app and Chromium.
// An editor makes a survey through the UI and opens the dashboard; a client on a phone-sized
// screen answers the server-rendered survey page (/f/{token}) with a score of 3 and asks to be
// called; without a reload the dashboard's live feed shows the answer and a callback task, the
// editor reveals the phone number and closes the task. The survey page is checked with axe-core
// (form and thank-you page) and filled in once with the keyboard only; the dashboard, surveys,
// poster and responses pages are checked with axe-core too.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused, h1, status } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { repoRoot } from './support/server.mjs';
import { e2eSuite, login, prepareDemo } from './support/suite.mjs';

const EDITOR = { email: 'eva@wijkzorg.example', name: 'Eva Editor', password: 'editor-wachtwoord-2026' };
const SLUG = 'demo';
const BASE = `/w/${SLUG}/feedback`;
const SURVEY = { name: 'Wijkteam Noord e2e', team: 'Noord e2e', service: 'het wijkteam', municipality: 'GM0344' };
const WHY = 'De wachttijd was erg lang en niemand belde terug.';
const BETTER = 'Sneller reageren op mijn vragen.';
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

const e2e = e2eSuite({
  prepare: prepareDemo({ users: [EDITOR] }),
  screenshots,
  page: { permissions: ['clipboard-read', 'clipboard-write'] },
});
const { newPage } = e2e;

describe('Cliëntfeedback with the real server', () => {
  let surveyUrl = '';
  let surveyPath = '';

  test('scenario: a survey, a client on a phone, the live feed and a callback', async (t) => {
    const { context, page, problems } = await newPage();
    const { csrf_token: ownerCsrf } = await login(context);
    await addMember(e2e.server.baseUrl, { request: context.request, csrf: ownerCsrf }, SLUG, EDITOR, 'editor');
    await context.clearCookies();
    await login(context, EDITOR);

    await t.test('the area opens from the main menu', async () => {
      await page.goto(`/w/${SLUG}/`);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Cliëntfeedback' }).click();
      await h1(page, 'Cliëntfeedback');
      assert.equal(await nav.getByRole('link', { name: 'Cliëntfeedback' }).getAttribute('aria-current'), 'page');
      assert.equal(await page.getByText('Dit onderdeel is nog niet beschikbaar.').count(), 0);
      await page.getByRole('heading', { level: 2, name: 'NPS van de laatste 30 dagen' }).waitFor();
    });

    await t.test('an editor makes a survey through the UI', async () => {
      await page.getByRole('navigation', { name: 'Cliëntfeedback' }).getByRole('link', { name: 'Vragenlijsten' }).click();
      await h1(page, 'Vragenlijsten');
      const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Vragenlijst maken' }) });
      await form.getByRole('button', { name: 'Vragenlijst maken' }).click();
      const name = form.getByLabel('Naam', { exact: true });
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      await assertFocused(name, 'focus moves to the field with an error');
      await form.getByText('Vul een naam in.').waitFor();
      await assertAccessible(page, 'the survey form with an error');

      await name.fill(SURVEY.name);
      await form.getByLabel('Team of locatie').fill(SURVEY.team);
      await form.getByLabel('Dienst', { exact: true }).fill(SURVEY.service);
      await form.getByLabel('Gemeentecode (CBS)').fill(SURVEY.municipality);
      await form.getByLabel('Wet').selectOption({ label: 'Wmo' });
      await form.getByLabel('Domein').fill('wijkzorg');
      await form.getByRole('button', { name: 'Vragenlijst maken' }).click();
      await status(page, `Vragenlijst ${SURVEY.name} is gemaakt.`);

      const card = page.locator('li.aantafel-survey').filter({ has: page.getByRole('heading', { level: 3, name: SURVEY.name }) });
      await card.getByText('Gemeente: GM0344').waitFor();
      surveyUrl = await card.getByLabel('Link voor cliënten').inputValue();
      // Absolute when server.public_url is set (the default names 127.0.0.1:8080); the test server
      // listens on another port, so the client opens the path on it.
      assert.match(surveyUrl, /^https?:\/\/[^/]+\/f\/[A-Za-z0-9_-]+$/);
      surveyPath = new URL(surveyUrl).pathname;
      const qr = card.getByRole('img', { name: `QR-code naar de vragenlijst ${SURVEY.name}` });
      await qr.waitFor();
      await page.waitForFunction(
        (alt) => [...document.images].some((img) => img.alt.endsWith(alt) && img.complete && img.naturalWidth > 0),
        SURVEY.name,
      );
      await card.getByRole('button', { name: 'Link kopiëren' }).click();
      await status(page, 'De link is gekopieerd.');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), surveyUrl);
      const csv = card.page().getByRole('link', { name: 'Download als CSV' });
      assert.match(await csv.getAttribute('href'), /\/feedback\/export\?format=csv$/);
      await assertAccessible(page, 'the surveys page');

      await card.getByRole('link', { name: 'Poster afdrukken' }).click();
      await h1(page, 'Wat vindt u van ons?');
      await page.getByText(surveyUrl).waitFor();
      await page.getByRole('img', { name: /^QR-code: scan met de camera/ }).waitFor();
      await assertAccessible(page, 'the poster');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false, 'the poster prints without the menu');
      await page.screenshot({ path: join(screenshots, 'feedback-poster-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('link', { name: 'Terug naar de vragenlijsten' }).click();
      await h1(page, 'Vragenlijsten');
    });

    await t.test('the dashboard opens and connects to the live feed', async () => {
      await page.getByRole('navigation', { name: 'Cliëntfeedback' }).getByRole('link', { name: 'Overzicht' }).click();
      await h1(page, 'Cliëntfeedback');
      await page.getByText('Live: nieuwe reacties verschijnen vanzelf.').waitFor();
      await assertAccessible(page, 'the feedback dashboard');
      // Marks this document: if the page were reloaded, the mark would be gone.
      await page.evaluate(() => {
        window.__feedbackNoReload = true;
      });
    });

    await t.test('a client answers on a phone-sized screen', async () => {
      const phone = await newPage({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
        permissions: [],
      });
      const client = phone.page;
      await client.goto(surveyPath);
      await client.locator('h1').waitFor();
      assert.equal(await client.evaluate(() => document.documentElement.lang), 'nl');
      await assertAccessible(client, 'the survey form (phone)');
      assert.ok(
        await client.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        'the survey page does not scroll sideways on a phone',
      );
      // The radio lies over its label (opacity 0), so a finger lands on the radio itself.
      await client.locator('#s3').tap();
      assert.equal(await client.locator('#s3').isChecked(), true);
      await client.locator('#why').fill(WHY);
      await client.locator('#better').fill(BETTER);
      await client.locator('#callback').tap();
      assert.equal(await client.locator('#callback').isChecked(), true);
      await client.locator('#phone').fill('06 12345678');
      await client.screenshot({ path: join(screenshots, 'feedback-survey-phone.png'), fullPage: true });
      await client.locator('form button[type=submit]').tap();
      await h1(client, 'Bedankt voor uw antwoorden');
      await assertAccessible(client, 'the thank-you page (phone)');
      assert.deepEqual(phone.problems, [], `the browser reported problems:\n${phone.problems.join('\n')}`);
      await phone.context.close();
    });

    await t.test('the answer and the callback appear on the dashboard without a reload', async () => {
      const feed = page.getByRole('list', { name: 'Laatste reacties' });
      const item = feed.getByRole('listitem').filter({ hasText: WHY });
      await item.waitFor({ timeout: 10_000 });
      assert.equal(await page.evaluate(() => window.__feedbackNoReload), true, 'the page was not reloaded');
      await item.getByText('Cijfer 3 · criticus').waitFor();
      await item.getByText('wil teruggebeld worden').waitFor();
      await item.getByText(BETTER).waitFor();
      assert.match(await item.getAttribute('class'), /aantafel-feed__item--attention/);
      const announcer = page.getByTestId('feed-announcer');
      assert.equal(await announcer.getAttribute('aria-live'), 'polite');
      assert.equal((await announcer.textContent()).trim(), `Nieuw terugbelverzoek: cijfer 3 voor ${SURVEY.name}.`);

      const callbacks = page.getByRole('list', { name: 'Open terugbelverzoeken' });
      const card = callbacks.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: `${SURVEY.name}: cijfer 3` }) });
      await card.waitFor({ timeout: 10_000 });
      await card.getByText(/bellen vóór|te laat/).first().waitFor();
      await card.getByText('Nog niemand belt deze cliënt.').waitFor();
      await assertAccessible(page, 'the dashboard with a new response and a callback');
      await page.screenshot({ path: join(screenshots, 'feedback-dashboard-live.png'), fullPage: true });

      await card.getByRole('button', { name: 'Ik bel deze cliënt' }).click();
      await card.getByText('Wie belt: jij').waitFor();

      await card.getByRole('button', { name: 'Toon telefoonnummer' }).click();
      const number = card.locator('.aantafel-phone__number');
      await number.waitFor();
      assert.match((await number.textContent()).trim(), /^(\+31\s?6|06)[\s-]?1?2?/);
      assert.match((await number.textContent()).replace(/\D/g, ''), /(31|0)612345678$/);
      await card.getByText('Dat je dit nummer bekijkt, wordt vastgelegd.').waitFor();

      await card.getByLabel('Status').selectOption({ label: 'bereikt' });
      await card.getByLabel('Uitkomst van het gesprek').fill('Excuses gemaakt; nieuwe afspraak gepland.');
      await card.getByRole('button', { name: 'Terugbelverzoek opslaan' }).click();
      await status(page, 'Opgeslagen. Status: bereikt.');
      await card.waitFor({ state: 'detached' });
      const open = await page.request.get(`/api/v1/workspaces/${SLUG}/feedback/callbacks?status=done`);
      const done = (await open.json()).items.find((c) => c.survey_name === SURVEY.name);
      assert.equal(done?.outcome, 'Excuses gemaakt; nieuwe afspraak gepland.');
      assert.equal(done?.assignee?.email, EDITOR.email);
      await assertAccessible(page, 'the dashboard after closing the callback');
      // The closed callback is one choice away, with how it ended and the outcome.
      await page.getByLabel('Welke terugbelverzoeken wil je zien?').selectOption({ label: 'Afgerond: bereikt' });
      const closed = page
        .getByRole('list', { name: 'Afgeronde terugbelverzoeken' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: `${SURVEY.name}: cijfer 3` }) });
      await closed.getByText('Afgerond: bereikt').waitFor();
      await closed.getByTestId('callback-outcome').filter({ hasText: 'Uitkomst: Excuses gemaakt; nieuwe afspraak gepland.' }).waitFor();
      await closed.getByText('Wie belde: jij').waitFor();
      await assertAccessible(page, 'the closed callbacks');
      await page.getByLabel('Welke terugbelverzoeken wil je zien?').selectOption({ label: 'Open: nog bellen' });
      await page.getByRole('list', { name: 'Open terugbelverzoeken' }).waitFor({ state: 'attached' });
    });

    await t.test('the groups show NPS with the reason when there are too few answers', async () => {
      await page.reload();
      await h1(page, 'Cliëntfeedback');
      await page.locator('#nps-total').filter({ hasText: /^NPS [-−+]?\d+/ }).waitFor();
      const total = (await page.locator('#nps-total').textContent()).trim();
      assert.match(total, /^NPS [-−+]?\d+$/);
      // What the number means, in plain words: per 100 clients, and how sure it is.
      const plain = (await page.getByTestId('nps-plain').textContent()).trim();
      assert.match(plain, /^Van elke 100 cliënten raden er ongeveer \d+ jullie aan: ze geven een 9 of 10\. Ongeveer \d+ zijn kritisch/);
      await page.getByText(/^Gebaseerd op \d+ antwoorden?\./).first().waitFor();
      assert.doesNotMatch(await page.locator('.aantafel-nps-total').textContent(), /betrouwbaarheidsinterval|n = /);
      const table = page.getByRole('table', { name: /^NPS per Team,/ });
      const row = table.getByRole('row').filter({ hasText: SURVEY.team });
      await row.waitFor();
      await row.getByText('te weinig antwoorden om te vergelijken (minder dan 30)').waitFor();
      await page.getByLabel('Groeperen per').selectOption({ label: 'Maand' });
      await page.getByRole('table', { name: /^NPS per Maand,/ }).waitFor();
      await assertAccessible(page, 'the dashboard grouped per month');
    });

    await t.test('responses can be filtered and personal data erased', async () => {
      await page.getByRole('navigation', { name: 'Cliëntfeedback' }).getByRole('link', { name: 'Reacties' }).click();
      await h1(page, 'Reacties');
      await page.getByLabel('Groep').selectOption({ label: 'criticus' });
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.waitForURL(/category=detractor/);
      const row = page.getByRole('row').filter({ hasText: WHY });
      await row.waitFor();
      await assertAccessible(page, 'the responses list');
      await row.getByRole('button', { name: /^Persoonsgegevens wissen/ }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Persoonsgegevens wissen?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the erase dialog');
      await dialog.getByRole('button', { name: 'Ja, wissen' }).click();
      await status(page, 'De persoonsgegevens zijn gewist.');
      await page.getByRole('row').filter({ hasText: WHY }).waitFor({ state: 'detached' });
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('the survey page can be completed with the keyboard only', async () => {
    assert.ok(surveyPath, 'the scenario made a survey');
    const { context, page, problems } = await newPage({ permissions: [] });
    await page.goto(surveyPath);
    await page.locator('h1').waitFor();
    // Tab into the score: the radio group takes one Tab stop; arrow keys choose the score.
    let focused = '';
    for (let i = 0; i < 10 && focused !== 's0'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    assert.equal(focused, 's0', 'Tab reaches the score');
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('#s8').isChecked(), true, 'arrow keys choose the score');
    await page.keyboard.press('Tab');
    await assertFocused(page.locator('#why'), 'focus on #why');
    await page.keyboard.type('Vriendelijke medewerkers.');
    await page.keyboard.press('Tab');
    await assertFocused(page.locator('#better'), 'focus on #better');
    await page.keyboard.type('Iets vaker langskomen.');
    await page.keyboard.press('Tab');
    await assertFocused(page.locator('#callback'), 'focus on #callback');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#callback').isChecked(), true);
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#callback').isChecked(), false, 'Space toggles the checkbox');
    await page.keyboard.press('Tab');
    await assertFocused(page.locator('#phone'), 'focus on #phone');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BUTTON', 'the honeypot is skipped');
    await page.keyboard.press('Enter');
    await h1(page, 'Bedankt voor uw antwoorden');
    await assertAccessible(page, 'the thank-you page (keyboard)');
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
