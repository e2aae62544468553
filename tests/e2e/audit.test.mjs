// End-to-end for the audit log "Logboek" (owners only): the real server with the demo workspace,
// the built web app and Chromium. The owner adds 55 people through the API (so the log has an
// older page) and one more through the UI, opens the log from the settings page and sees that
// last change as the first row in words ("Persoon toegevoegd") with their own name and a Dutch
// date; "Oudere wijzigingen" loads the next page, announces the count and moves focus to the
// first new row. A viewer does not see the link and gets the "owners only" message at the URL.
// Keyboard only: from the settings page to the log and its older page with Tab and Enter.
// axe-core checks every state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { DEMO, e2eSuite, prepareDemo } from './support/suite.mjs';

const SAM = { email: 'sam@logboek.example', name: 'Sam Lezer', password: 'lezer-wachtwoord-42' };
const LINK = 'Logboek: wie wat heeft gewijzigd';
const EXTRA = 55; // more than one page (50)

const e2e = e2eSuite({
  prepare: prepareDemo({ users: [SAM] }),
  page: { timeout: 30_000 },
});
/** A fresh page, signed in as `account`. */
const newPage = (account = DEMO) => e2e.newPage({ login: account });

/** The rows of the log table as [when, who, what]. */
async function logRows(page) {
  const table = page.getByRole('table', { name: /^Logboek van / });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent.trim())),
  );
}

/** Presses Tab until `matches(activeElement)` is true (at most `max` times); fails otherwise. */
async function tabUntil(page, description, matches, max = 80) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(matches);
    if (found) return;
  }
  assert.fail(`${description} was not reached with Tab within ${max} presses`);
}

const DUTCH_DATE_TIME = /^\d{1,2} [a-z]{3,4}\.? \d{4}(,| om) \d{2}:\d{2}$/;

describe('Logboek', () => {
  test('the owner sees a change in words, loads older changes, keyboard only', async (t) => {
    const { context, page, problems, csrf } = await newPage();

    // Changes through the API first, so the log has more than one page.
    for (let i = 1; i <= EXTRA; i += 1) {
      const created = await context.request.post('/api/v1/workspaces/demo/people', {
        data: { name: `Logboek Test ${i}` },
        headers: { 'X-CSRF-Token': csrf },
      });
      assert.equal(created.status(), 201);
    }

    await t.test('a person added in the UI is the first row, with the owner\'s name', async () => {
      await page.goto('/w/demo/people/new');
      await page.getByRole('heading', { level: 1, name: 'Persoon toevoegen' }).waitFor();
      await page.getByLabel('Naam', { exact: true }).fill('Mila Logboek');
      await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mila Logboek' }).waitFor();

      await page.goto('/w/demo/settings');
      await page.getByRole('heading', { level: 1, name: 'Instellingen werkruimte' }).waitFor();
      await page.getByRole('link', { name: LINK }).click();
      await page.waitForURL('**/w/demo/settings/audit-log');
      await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
      assert.equal(await page.title(), 'Logboek · aantafel');
      const rows = await logRows(page);
      assert.equal(rows.length, 50);
      const [when, who, what] = rows[0];
      assert.equal(who, DEMO.name);
      assert.equal(what, 'Persoon toegevoegd');
      assert.match(when, DUTCH_DATE_TIME);
      assert.deepEqual(
        await page.getByRole('columnheader').allTextContents(),
        ['Wanneer', 'Wie', 'Wat'],
      );
      await assertAccessible(page, 'the audit log');
    });

    await t.test('"Oudere wijzigingen" loads the next page and says how many', async () => {
      await page.getByRole('button', { name: 'Oudere wijzigingen' }).click();
      await page.getByRole('status').getByText(/^\d+ oudere wijzigingen? geladen\./).waitFor();
      const rows = await logRows(page);
      assert.ok(rows.length > 50, `expected more than 50 rows, got ${rows.length}`);
      assert.ok(rows.slice(50).every(([, , what]) => what === 'Persoon toegevoegd'));
      const focusedRow = await page.evaluate(() =>
        document.activeElement?.tagName === 'TR'
          ? Array.from(document.querySelectorAll('tbody tr')).indexOf(document.activeElement)
          : -1,
      );
      assert.equal(focusedRow, 50, 'focus moves to the first row that was loaded');
      await assertAccessible(page, 'the audit log with the older page');
    });

    await t.test('keyboard only: settings → log → older changes', async () => {
      await page.goto('/w/demo/settings');
      await page.getByRole('heading', { level: 1, name: 'Instellingen werkruimte' }).waitFor();
      await tabUntil(page, 'the link to the log', () => document.activeElement?.textContent === 'Logboek: wie wat heeft gewijzigd');
      await page.keyboard.press('Enter');
      await page.waitForURL('**/w/demo/settings/audit-log');
      await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
      await logRows(page);
      await tabUntil(
        page,
        'the "Oudere wijzigingen" button',
        () => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent === 'Oudere wijzigingen',
        120,
      );
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText(/oudere wijzigingen? geladen/).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TR');
    });

    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a viewer sees no link and gets a clear message at the URL', async () => {
    const owner = await newPage();
    await addMember(e2e.server.baseUrl, { request: owner.context.request, csrf: owner.csrf }, 'demo', SAM, 'viewer');
    await owner.context.close();

    const { context, page, problems } = await newPage(SAM);
    await page.goto('/w/demo/settings');
    await page.getByRole('heading', { level: 1, name: 'Instellingen werkruimte' }).waitFor();
    await page.getByRole('table', { name: /^Leden van / }).waitFor();
    assert.equal(await page.getByRole('link', { name: LINK }).count(), 0);

    await page.goto('/w/demo/settings/audit-log');
    await page.getByRole('heading', { level: 1, name: 'Logboek' }).waitFor();
    await page.getByText('Alleen voor eigenaren').waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    const forbidden = await context.request.get('/api/v1/workspaces/demo/audit-log');
    assert.equal(forbidden.status(), 403);
    await assertAccessible(page, 'the audit log for a viewer');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
