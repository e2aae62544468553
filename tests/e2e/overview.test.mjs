// End-to-end for the home page "Overzicht", onboarding and the global search (issue #12): the real
// server with the demo workspace, the built web app and Chromium. The demo home lists "Nu doen"
// items from at least four modules, each with its reason in words; one item is hidden with
// "Verbergen" (and stays hidden after a reload), one is snoozed with "Later"; a callback is closed
// with "Afronden" as "Niet bereikt" (closed, not hidden: it leaves the open callbacks too); an item's
// link opens the page where it is handled. An empty workspace shows "Eerste stappen". The search
// in the header opens with "/", finds Utrecht and goes there with Enter. axe-core checks every
// state: the home page, the open "Later" menu, the message after hiding, the "Afronden" dialog,
// onboarding and the open search.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused } from './support/browser.mjs';
import { DEMO, e2eSuite, prepareDemo } from './support/suite.mjs';

const EMPTY = { slug: 'nog-leeg', name: 'Nieuwe Stichting' };

const e2e = e2eSuite({
  prepare: prepareDemo({ workspaces: [EMPTY] }),
  page: { timeout: 30_000, login: DEMO },
});
const { newPage } = e2e;

/** The "Nu doen" items as {module, title, explain}. */
async function actNowItems(page) {
  const list = page.getByRole('list', { name: /^Nu doen: \d+ punten$/ });
  await list.waitFor();
  return list.locator(':scope > li').evaluateAll((items) =>
    items.map((li) => ({
      module: (() => {
        const copy = li.querySelector('.aantafel-actnow__module')?.cloneNode(true);
        copy?.querySelectorAll('[aria-hidden="true"], .aantafel-actnow__mine').forEach((el) => el.remove());
        return copy?.textContent?.trim() ?? '';
      })(),
      title: li.querySelector('h3')?.textContent?.trim() ?? '',
      explain: li.querySelector('.aantafel-actnow__explain')?.textContent?.trim() ?? '',
      due: li.querySelector('.aantafel-actnow__due')?.textContent?.trim() ?? '',
    })),
  );
}

async function openHome(page, slug = 'demo') {
  await page.goto(`/w/${slug}/`);
  await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
}

describe('Overzicht, eerste stappen en zoeken', () => {
  test('the demo home, its actions, links and the search', async (t) => {
    const { context, page, problems } = await newPage();

    await t.test('"Nu doen" lists items from at least four modules, each with its reason', async () => {
      await openHome(page);
      const items = await actNowItems(page);
      const modules = new Set(items.map((i) => i.module));
      assert.ok(modules.size >= 4, `expected items from at least 4 modules, got ${[...modules].join(', ')}`);
      for (const name of ['Cliëntfeedback', 'Contacten en afspraken', 'Beleidskalender', 'Samenwerkingsscan']) {
        assert.ok(modules.has(name), `no item from ${name}`);
      }
      const find = (text) => items.find((i) => i.title.includes(text));
      for (const text of ['Terugbellen', 'Vervolgactie', 'Valpreventie in de wijk', 'Samenwerking wijkzorg Overvecht (voorbeeld)']) {
        const item = find(text);
        assert.ok(item, `no item "${text}" in ${JSON.stringify(items.map((i) => i.title))}`);
        assert.match(item.explain, /\S{3}/, `item "${text}" has no reason in words`);
      }
      assert.match(find('Terugbellen').explain, /teruggebeld/);
      assert.match(find('Valpreventie').explain, /venster/);
      assert.match(find('Vervolgactie').due, /^Datum: \d{1,2} \w+ \d{4}$/);
      // Key figures, in words and with links to their module.
      const figures = page.getByRole('region', { name: 'Kerncijfers' });
      // The NPS in plain words (per 100 clients, how sure), no statistics jargon.
      await figures.getByText(/^Van elke 100 cliënten raden er ongeveer \d+ jullie aan \(cijfer 9 of 10\) en zijn er \d+ kritisch/).waitFor();
      await figures.getByText(/^Gebaseerd op \d+ antwoorden\. De echte score ligt waarschijnlijk tussen [-−+]?\d+ en [-−+]?\d+\.$/).waitFor();
      assert.doesNotMatch(await figures.textContent(), /95%|interval/);
      await figures.getByText(/(hoger dan|lager dan|Gelijk aan) de 30 dagen daarvoor/).waitFor();
      await figures.getByRole('link', { name: 'Naar de afspraken' }).waitFor();
      await assertAccessible(page, 'the demo home page');
    });

    await t.test('"Verbergen" hides an item for good; "Later" hides one until a day', async () => {
      const title = (await actNowItems(page)).find((i) => i.title.startsWith('Vervolgactie')).title;
      await page.getByRole('button', { name: `Verbergen: ${title}` }).click();
      await page.getByRole('status').getByText(`“${title}” is verborgen.`).waitFor();
      await page.getByRole('button', { name: 'Ongedaan maken' }).waitFor();
      assert.equal(await page.getByRole('link', { name: title }).count(), 0);
      // Focus went to the next item's link, not lost to the page.
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'A');
      await assertAccessible(page, 'the home page after hiding an item');

      const windowItem = (await actNowItems(page)).find((i) => i.title.includes('Amersfoort')).title;
      const later = page.getByRole('button', { name: `Later: ${windowItem}` });
      await later.click();
      assert.equal(await later.getAttribute('aria-expanded'), 'true');
      await assertAccessible(page, 'the home page with the "Later" menu open');
      await page.getByRole('button', { name: /^Morgen \(/ }).click();
      await page.getByRole('status').getByText(/komt terug op/).waitFor();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      const titles = (await actNowItems(page)).map((i) => i.title);
      assert.ok(!titles.includes(title), 'the dismissed item came back after a reload');
      assert.ok(!titles.includes(windowItem), 'the snoozed item came back after a reload');
      assert.ok(titles.some((x) => x.includes('Utrecht')), 'the other window item is still there');
    });

    await t.test('"Afronden" closes a callback as "Niet bereikt": gone from "Nu doen" and from the open callbacks', async () => {
      const api = async (path) => {
        const response = await context.request.get(`/api/v1/workspaces/demo${path}`);
        assert.equal(response.status(), 200, `GET ${path}`);
        return response.json();
      };
      const overview = await api('/overview');
      const callback = overview.items.find((i) => i.module === 'feedback' && /^callback_/.test(i.reason));
      assert.ok(callback, 'the demo has an open callback in "Nu doen"');
      assert.equal(typeof callback.record_id, 'number', 'overview items carry record_id (is the server up to date?)');
      const item = page.locator('.aantafel-actnow__item').filter({ has: page.locator(`[data-item-link="${callback.key}"]`) });
      // Hidden and closed are different actions with different words.
      await item.getByRole('button', { name: `Verbergen: ${callback.title}` }).waitFor();
      const close = item.getByRole('button', { name: `Afronden: ${callback.title}` });
      // The notifications in the header list the callback too (the list has been opened, so it is loaded).
      const bell = page.getByRole('button', { name: /^Meldingen/ });
      await bell.click();
      const notifications = page.locator('.aantafel-notifications__list');
      await notifications.locator(`[data-item-link="${callback.key}"]`).waitFor();
      const notified = await notifications.locator('li').count();
      await bell.click();
      await close.click();
      const dialog = page.getByRole('dialog', { name: 'Terugbelverzoek afronden' });
      await dialog.waitFor();
      await assertFocused(dialog.getByRole('radio', { name: 'Bereikt', exact: true }), 'focus starts on the first outcome');
      await assertAccessible(page, 'the "Afronden" dialog');
      // Escape closes without changing anything; focus goes back to "Afronden".
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await assertFocused(close, 'focus returns to "Afronden"');
      assert.equal((await api('/feedback/callbacks')).items.some((c) => c.id === callback.record_id), true);

      // With the keyboard: open, choose "Niet bereikt", a short outcome, submit.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Afronden' }).click();
      await dialog.getByText('Kies hoe het is afgelopen.').waitFor();
      await dialog.getByRole('radio', { name: 'Niet bereikt' }).check();
      await dialog.getByLabel('Korte uitkomst (niet verplicht)').fill('Twee keer gebeld, geen gehoor.');
      await dialog.getByRole('button', { name: 'Afronden' }).click();
      await page.getByRole('status').getByText(`“${callback.title}” is afgerond: niet bereikt. Het staat niet meer in de lijst.`).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.locator(`.aantafel-actnow__list [data-item-link="${callback.key}"]`).count(), 0, 'the closed callback left "Nu doen"');
      assert.equal(await page.getByRole('button', { name: 'Ongedaan maken' }).count(), 0, 'closing is not hiding: no undo');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'A', 'focus moved to the next item');
      await assertAccessible(page, 'the home page after closing a callback');
      // Without a reload or a navigation, the notifications in the header dropped it too.
      await bell.click();
      await page.waitForFunction(
        ({ key, n }) =>
          !document.querySelector(`.aantafel-notifications__list [data-item-link="${key}"]`) &&
          document.querySelectorAll('.aantafel-notifications__list > li').length === n,
        { key: callback.key, n: notified - 1 },
      );
      await bell.click();

      // Closed on the server, with that status and the outcome; no longer an open callback.
      const closed = (await api('/feedback/callbacks?status=unreachable')).items.find((c) => c.id === callback.record_id);
      assert.ok(closed, 'the callback is listed as unreachable');
      assert.equal(closed.status, 'unreachable');
      assert.equal(closed.outcome, 'Twee keer gebeld, geen gehoor.');
      const active = (await api('/feedback/callbacks')).items;
      assert.ok(!active.some((c) => c.id === callback.record_id), 'not among the open callbacks');
      assert.ok(!(await api('/overview')).items.some((i) => i.key === callback.key), 'not in the overview any more');

      // The callbacks page lists the open ones: the closed callback is not among them.
      await page.goto('/w/demo/feedback');
      const list = page.getByRole('list', { name: 'Open terugbelverzoeken' });
      await list.waitFor({ state: 'attached' });
      await page.waitForFunction(
        (n) => document.querySelectorAll('.aantafel-callbacks > li').length === n,
        active.length,
      );
      // "Afgerond: niet bereikt" shows it, with the outcome written down.
      await page.getByLabel('Welke terugbelverzoeken wil je zien?').selectOption({ label: 'Afgerond: niet bereikt' });
      const closedList = page.getByRole('list', { name: 'Afgeronde terugbelverzoeken' });
      const closedCard = closedList.getByRole('listitem').filter({ hasText: 'Twee keer gebeld, geen gehoor.' });
      await closedCard.getByText('Afgerond: niet bereikt').waitFor();
      await closedCard.getByTestId('callback-outcome').filter({ hasText: 'Uitkomst: Twee keer gebeld, geen gehoor.' }).waitFor();
      assert.match(page.url(), /callbacks=unreachable/);
      await assertAccessible(page, 'the closed callbacks');

      await openHome(page);
      assert.equal(await page.locator(`.aantafel-actnow__list [data-item-link="${callback.key}"]`).count(), 0, 'still gone after a reload');
    });

    await t.test("an item's link opens the page where it is handled", async () => {
      const scan = (await actNowItems(page)).find((i) => i.title.includes('Samenwerking wijkzorg Overvecht')).title;
      await page.getByRole('link', { name: scan }).click();
      await page.waitForURL('**/w/demo/scan/1');
      await page.getByRole('heading', { level: 1, name: /Samenwerking wijkzorg Overvecht/ }).waitFor();
    });

    await t.test('"/" opens the search; Enter goes to the result', async () => {
      await openHome(page);
      await page.locator('body').click({ position: { x: 5, y: 600 } });
      await page.keyboard.press('/');
      const box = page.getByRole('combobox', { name: 'Zoeken in deze werkruimte' });
      await assertFocused(box, '"/" did not focus the search');
      await page.keyboard.type('utrecht');
      const listbox = page.getByRole('listbox', { name: 'Zoekresultaten' });
      await listbox.waitFor();
      await listbox.getByRole('group', { name: 'Gemeenten' }).waitFor();
      await listbox.getByRole('group', { name: 'Organisaties' }).waitFor();
      await page.getByRole('status').getByText(/^\d+ resultaten?$/).waitFor({ state: 'attached' });
      assert.equal(await box.getAttribute('aria-expanded'), 'true');
      await assertAccessible(page, 'the open search');
      await page.keyboard.press('ArrowDown');
      const chosen = await listbox.getByRole('option', { selected: true }).textContent();
      assert.match(chosen ?? '', /Utrecht/);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/w/demo/municipalities/1');
      await page.getByRole('heading', { level: 1, name: /Utrecht/ }).waitFor();

      // Escape closes the list and keeps the text; a second Escape empties the field.
      await page.keyboard.press('Control+k');
      await page.keyboard.type('utrecht');
      await listbox.waitFor();
      await page.keyboard.press('Escape');
      assert.equal(await box.getAttribute('aria-expanded'), 'false');
      await page.keyboard.press('Escape');
      assert.equal(await box.inputValue(), '');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('an empty workspace shows "Eerste stappen"', async () => {
    const { context, page, problems } = await newPage();
    await openHome(page, EMPTY.slug);
    const steps = page.getByRole('region', { name: 'Eerste stappen' });
    await steps.waitFor();
    for (const name of ['Gemeenten toevoegen in Wie is wie', 'Mensen inlezen', 'Een eerste plan maken', 'Een eerste vragenlijst starten']) {
      await steps.getByRole('link', { name }).waitFor();
    }
    await steps.getByText('(Nog te doen)').first().waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Nu doen' }).count(), 0);
    await assertAccessible(page, 'the onboarding of an empty workspace');
    await steps.getByRole('link', { name: 'Een eerste plan maken' }).click();
    await page.waitForURL(`**/w/${EMPTY.slug}/policy-calendar/plans/new`);
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
