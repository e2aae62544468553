// End-to-end for the global search (issue #24, item 9): the real server with the demo workspace,
// the built web app and Chromium. A contact is recorded through the API with notes holding a
// distinctive word; the search in the header, typed with one letter wrong, finds it under
// "Contacten" with the word marked in the piece of the notes shown; the arrow keys and Enter open
// it and land on the contact's page. A search without hits says what is searched instead of
// "check the spelling". axe-core checks the open results at 1366×768 and at 390×844, where the
// list must stay within the screen. Screenshots of the open results at both sizes go to
// /var/tmp/e2e-screenshots/search-*.png (AANTAFEL_E2E_SCREENSHOTS=DIR for another place).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible, LAPTOP, PHONE } from './support/browser.mjs';
import { DEMO, e2eSuite } from './support/suite.mjs';

const SLUG = 'demo';
const WORD = 'Kangoeroeproject';
// One letter wrong: "c" became "k".
const TYPO = 'kangoeroeprojekt';
const SUBJECT = 'Overleg over de buurtkamer in Zuilen';
const screenshots = process.env.AANTAFEL_E2E_SCREENSHOTS ?? '/var/tmp/e2e-screenshots';

let contactId;

const e2e = e2eSuite({ screenshots });
/** A fresh page at `viewport`, signed in as the demo owner. */
const newPage = (viewport) => e2e.newPage({ viewport, timeout: 20_000, login: DEMO });

/** Opens the demo home and types `query` into the search in the header; returns its parts. */
async function search(page, query) {
  await page.goto(`/w/${SLUG}/`);
  await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
  const box = page.getByRole('combobox', { name: 'Zoeken in deze werkruimte' });
  await box.click();
  await box.fill(query);
  return { box, listbox: page.getByRole('listbox', { name: 'Zoekresultaten' }) };
}

describe('Zoeken in alles', () => {
  test('a contact is found by a word of its notes with one letter wrong, marked, and opened with the keyboard', async () => {
    const { context, page, problems, csrf } = await newPage(LAPTOP);
    const created = await context.request.post(`/api/v1/workspaces/${SLUG}/interactions`, {
      headers: { 'X-CSRF-Token': csrf, 'Accept-Language': 'nl' },
      data: {
        occurred_at: '2026-05-12T10:00',
        kind: 'meeting',
        subject: SUBJECT,
        notes:
          'We hebben lang gesproken over de wachtlijsten en de rol van de huisartsen in de wijk. Daarna kwam het ' +
          `${WORD} ter sprake: de gemeente wil dit uitbreiden in 2027, met extra geld voor respijtzorg 🙂 en een steunpunt.`,
      },
    });
    assert.equal(created.status(), 201, await created.text());
    contactId = (await created.json()).id;

    const { box, listbox } = await search(page, TYPO);
    await listbox.waitFor();
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    const group = listbox.getByRole('group', { name: 'Contacten' });
    const option = group.getByRole('option', { name: new RegExp(SUBJECT) });
    await option.waitFor();
    // The word as it is written in the notes is marked, once, in the piece of the notes shown.
    assert.deepEqual(await option.locator('mark').allTextContents(), [WORD]);
    const snippet = option.locator('.aantafel-search__snippet');
    assert.match(await snippet.textContent(), new RegExp(`${WORD} ter sprake`));
    assert.equal(await snippet.locator('mark').count(), 1);
    // The date in words, and the name of the option reads each part once.
    const name = await option.evaluate((el) => el.textContent);
    assert.match(name, /12 mei 2026/);
    assert.equal(name.split(WORD).length - 1, 1);
    assert.equal(name.split(SUBJECT).length - 1, 1);
    // The marked word shows within the two lines of the snippet (not cut off by the ellipsis).
    const [markBox, snippetBox] = await Promise.all([option.locator('mark').boundingBox(), snippet.boundingBox()]);
    assert.ok(markBox && snippetBox && markBox.y + markBox.height <= snippetBox.y + snippetBox.height + 1, 'the mark is cut off');
    await page.getByRole('status').getByText(/^(1 resultaat|\d+ resultaten)$/).waitFor({ state: 'attached' });
    await assertAccessible(page, 'the open search results at 1366×768');
    await page.screenshot({ path: join(screenshots, 'search-desktop.png') });

    // Arrow down to the contact (the first result of all, or further down), then Enter.
    const optionId = await option.getAttribute('id');
    for (let i = 0; i < 40 && (await box.getAttribute('aria-activedescendant')) !== optionId; i += 1) {
      await page.keyboard.press('ArrowDown');
    }
    assert.equal(await box.getAttribute('aria-activedescendant'), optionId);
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/w/${SLUG}/interactions/${contactId}`);
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByText(new RegExp(`${WORD} ter sprake`)).first().waitFor();
    assert.equal(await box.inputValue(), '', 'the search is emptied after choosing');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a long list scrolls, keeps the chosen result in sight under its group heading, and passes axe', async () => {
    for (const viewport of [LAPTOP, PHONE]) {
      const { context, page, problems } = await newPage(viewport);
      const { box, listbox } = await search(page, 'utrecht');
      await listbox.getByRole('group', { name: 'Gemeenten' }).waitFor();
      const popup = page.locator('.aantafel-search__popup');
      assert.ok(await popup.evaluate((el) => el.scrollHeight > el.clientHeight), `the list does not scroll at ${viewport.width}`);
      await assertAccessible(page, `the long open search results at ${viewport.width}×${viewport.height}`);
      // The chosen result is in sight and not under a sticky group heading: the top and the
      // bottom of it are the option itself.
      const inSight = async () =>
        page.evaluate((id) => {
          const option = document.getElementById(id);
          const rect = option.getBoundingClientRect();
          const x = rect.left + rect.width / 2;
          return [rect.top + 3, rect.bottom - 3].every((y) => document.elementFromPoint(x, y)?.closest('[role="option"]') === option);
        }, await box.getAttribute('aria-activedescendant'));
      const count = await listbox.getByRole('option').count();
      for (let i = 0; i < count - 1; i += 1) await page.keyboard.press('ArrowDown');
      assert.ok(await inSight(), `the last result is out of sight at ${viewport.width}`);
      for (let i = 0; i < 8; i += 1) {
        await page.keyboard.press('ArrowUp');
        assert.ok(await inSight(), `going up, result ${count - 2 - i} is out of sight at ${viewport.width}`);
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('nothing found: what is searched, instead of "check the spelling"; Escape closes', async () => {
    const { context, page, problems } = await newPage(LAPTOP);
    const { box } = await search(page, 'qxzqxv');
    await page.getByText('Geen resultaten voor “qxzqxv”.', { exact: true }).waitFor();
    await page.getByRole('status').getByText(/^Geen resultaten voor “qxzqxv”\. Je zoekt in/).waitFor({ state: 'attached' });
    await page.getByText(/^Je zoekt in namen, titels, notities van contacten/).waitFor();
    assert.equal(await page.locator('.aantafel-search__popup').getByText(/spelling|spel/i).count(), 0);
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await assertAccessible(page, 'a search without results');
    await page.keyboard.press('Escape');
    assert.equal(await box.inputValue(), '');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('on a phone the results stay within the screen and pass axe', async () => {
    assert.ok(contactId, 'the first test made the contact');
    const { context, page, problems } = await newPage(PHONE);
    const { listbox } = await search(page, TYPO);
    const option = listbox.getByRole('group', { name: 'Contacten' }).getByRole('option', { name: new RegExp(SUBJECT) });
    await option.waitFor();
    assert.deepEqual(await option.locator('mark').allTextContents(), [WORD]);
    const popup = page.locator('.aantafel-search__popup');
    const box = await popup.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `the results stick out: ${JSON.stringify(box)}`);
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth), 'the page scrolls sideways');
    await assertAccessible(page, 'the open search results at 390×844');
    await page.screenshot({ path: join(screenshots, 'search-phone.png') });
    // A tap opens the contact too.
    await option.click();
    await page.waitForURL(`**/w/${SLUG}/interactions/${contactId}`);
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
