// End-to-end for "Samenwerkingsscan en waardecasus" (tag scans): the real server, the built web
// app and Chromium. In its own workspace an owner opens the area from the main menu (empty state),
// starts a scan with the care_cooperative template, invites three people from two organisations
// and sees their links once. Each person answers in a fresh browser context without an account
// (one with the keyboard only); no person sees another's answers. The results page puts the gaps
// first; one improvement step becomes an agreement; closing the scan stops the links. Then a value
// case is written (figures live and from the server) and its print page opened. axe-core checks
// the server-rendered respondent page and every app page state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused, axeViolations, h1, status, watchPage } from './support/browser.mjs';
import { apiClient, DEMO, e2eSuite, login, prepareDemo } from './support/suite.mjs';

const WS = { slug: 'samenwerken', name: 'Wijkzorg Samen' };
const BASE = `/w/${WS.slug}/scan`;
const SCAN = { title: 'Samenwerking najaar 2026', collaboration: 'De Linde en Hart van Oost' };
const TEMPLATE = 'Samenwerkingsscan zorgorganisatie en zorgcoöperatie';
const LINDE = 'Zorgorganisatie De Linde';
const COOP = 'Zorgcoöperatie Hart van Oost';

const e2e = e2eSuite({
  prepare: prepareDemo({ workspaces: [WS] }),
  page: { timeout: 30_000 },
});
const { newPage } = e2e;

/** GET of a path of the workspace, in Dutch (200 expected). */
const apiGet = (context, path) => apiClient(context, null, WS.slug).get(path);

/** The answer of respondent `who` (0, 1, 2) to statement number `i` (0-based): "1"–"5" or "dk". */
function answerOf(who, i) {
  if (who === 0) return '5';
  if (who === 1) return i === 1 ? 'dk' : '4';
  return String((i % 3) + 1); // 1, 2, 3, 1, … : far from the others on every third statement
}

describe('Samenwerkingsscan with the real server', () => {
  test('scan: invite, answer without an account, gaps first, agreement, close; value case and print', async (t) => {
    const { context, page, problems } = await newPage();
    await login(context, DEMO);
    const state = { links: [], scanId: 0, statements: [] };

    await t.test('the area opens from the main menu and explains itself when empty', async () => {
      await page.goto(`/w/${WS.slug}/`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Samenwerkingsscan' }).click();
      await h1(page, 'Samenwerkingsscan');
      await page.getByRole('heading', { level: 2, name: 'Nog geen scans' }).waitFor();
      await page.getByText(/Met een scan vullen jij en je partners dezelfde korte vragenlijst in/).waitFor();
      assert.equal(await page.getByText('Dit onderdeel is nog niet beschikbaar.').count(), 0);
      await assertAccessible(page, 'the scan list (empty)');
    });

    await t.test('start a scan: the template shows its intro and source', async () => {
      await page.getByRole('main').getByRole('link', { name: 'Nieuwe scan' }).last().click();
      await h1(page, 'Nieuwe scan');
      const option = page.getByRole('radio', { name: TEMPLATE });
      await option.waitFor();
      await page.getByText(/Bron: It takes two to tango/).first().waitFor();
      // Sending without choosing shows the problems at their fields.
      await page.getByRole('button', { name: 'Scan starten' }).click();
      await page.getByText('Kies een vragenlijst.').waitFor();
      await assertFocused(option, 'focus moves to the choice');
      await assertAccessible(page, 'the new-scan form with errors');
      await option.check();
      await page.getByLabel('Naam van de scan').fill(SCAN.title);
      await page.getByLabel('Welke samenwerking onderzoek je?').fill(SCAN.collaboration);
      await assertAccessible(page, 'the new-scan form');
      await page.getByRole('button', { name: 'Scan starten' }).click();
      await h1(page, SCAN.title);
      await status(page, `De scan "${SCAN.title}" is gestart.`);
      state.scanId = Number(new URL(page.url()).pathname.split('/').pop());
      assert.ok(state.scanId > 0);
      await assertAccessible(page, 'a new scan without respondents');
    });

    await t.test('invite three people from two organisations; the links are shown once', async () => {
      const row = (n) => page.getByRole('group', { name: `Persoon ${n}` });
      await row(1).getByLabel('Organisatie').fill(LINDE);
      await row(1).getByLabel('Rol (niet verplicht)').fill('teamleider');
      await page.getByRole('button', { name: 'Nog een persoon toevoegen' }).click();
      await row(2).getByLabel('Organisatie').fill(LINDE);
      await page.getByRole('button', { name: 'Nog een persoon toevoegen' }).click();
      await row(3).getByLabel('Organisatie').fill(COOP);
      await row(3).getByLabel('Rol (niet verplicht)').fill('coördinator');
      await page.getByLabel('Hoeveel dagen werkt de link?').fill('14');
      await assertAccessible(page, 'the invitation form with three rows');
      await page.getByRole('button', { name: 'Links maken' }).click();
      await page.getByRole('heading', { level: 2, name: 'De nieuwe links' }).waitFor();
      await page.getByText(/je ziet deze links alleen nu/).waitFor();
      await status(page, 'Er zijn 3 links gemaakt.');
      const urls = await page.locator('.aantafel-scan-link').allTextContents();
      assert.equal(urls.length, 3);
      for (const url of urls) assert.match(url, /\/s\/[A-Za-z0-9_-]+$/);
      // The server's public address may differ from the test server's port: keep the path.
      state.links = urls.map((url) => new URL(url).pathname);
      await page.getByRole('button', { name: `Kopieer de link voor ${COOP} (coördinator)` }).waitFor();
      const table = page.getByRole('table', { name: 'Uitgenodigde personen, per organisatie' });
      assert.equal(await table.getByText('Uitgenodigd', { exact: true }).count(), 3);
      await assertAccessible(page, 'the scan with its new links');
      await page.getByRole('button', { name: 'Ik heb de links bewaard' }).click();
      assert.equal(await page.locator('.aantafel-scan-link').count(), 0, 'the links are gone');
      await page.reload();
      await h1(page, SCAN.title);
      assert.equal(await page.locator('.aantafel-scan-link').count(), 0, 'the links are not shown again');
    });

    await t.test('before three answers the results only say how many answered', async () => {
      await page.getByRole('link', { name: 'Uitkomsten bekijken' }).click();
      await h1(page, `Uitkomsten: ${SCAN.title}`);
      await page.getByText('Nog niet genoeg antwoorden').waitFor();
      await page.getByText(/Er hebben 0 van de 3 personen geantwoord/).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Zo beschermen we de antwoorden' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Waar verschillen de partners het meest?' }).count(), 0);
      await assertAccessible(page, 'the results before three answers');
    });

    await t.test('each person answers through the own link, without an account', async () => {
      const respondentViolations = [];
      for (let who = 0; who < 3; who += 1) {
        const fresh = await e2e.browser.newContext({ baseURL: e2e.server.baseUrl, locale: 'nl-NL' });
        fresh.setDefaultTimeout(30_000);
        const p = await fresh.newPage();
        const seen = await watchPage(p);
        await p.goto(state.links[who]);
        await p.getByRole('heading', { level: 1, name: SCAN.title }).waitFor();
        await p.getByText(who < 2 ? LINDE : COOP).first().waitFor();
        // Nobody sees another person's answers: a new link starts empty.
        assert.equal(await p.locator('input[type=radio]:checked').count(), 0, `link ${who + 1} starts empty`);
        assert.equal(await p.getByText('Dat gaat best goed').count(), 0, 'no comment of someone else');
        const names = await p
          .locator('input[type=radio]')
          .evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('name')))]);
        if (who === 0) {
          state.statements = names.map((name) => name.slice(2));
          const violations = await axeViolations(p);
          if (violations.length > 0) respondentViolations.push(...violations);
        }
        for (const [i, name] of names.entries()) {
          const value = answerOf(who, i);
          const id = name.slice(2);
          if (who === 0) {
            // Keyboard only: Space picks the focused option, arrow keys move the choice.
            await p.locator(`#a-${id}-1`).focus();
            await p.keyboard.press('Space');
            for (let k = 1; k < Number(value); k += 1) await p.keyboard.press('ArrowRight');
            assert.equal(await p.locator(`input[name="${name}"]:checked`).getAttribute('value'), value);
          } else {
            await p.locator(`input[name="${name}"][value="${value}"]`).check();
          }
        }
        if (who === 0) await p.locator('textarea').first().fill('Dat gaat best goed');
        if (who === 2) await p.locator('textarea').first().fill('We spreken elkaar te weinig');
        if (who === 0) {
          await p.getByRole('button', { name: 'Mijn antwoorden bewaren' }).focus();
          await p.keyboard.press('Enter');
        } else {
          await p.getByRole('button', { name: 'Mijn antwoorden bewaren' }).click();
        }
        await p.getByText(/uw antwoorden zijn bewaard/).waitFor();
        if (who === 0) {
          const violations = await axeViolations(p);
          if (violations.length > 0) respondentViolations.push(...violations.map((v) => `(thank-you page) ${v}`));
        }
        assert.deepEqual(seen, [], `the respondent page reported problems:\n${seen.join('\n')}`);
        await fresh.close();
      }
      // Reopening your own link shows your own answers again, and only yours.
      const again = await e2e.browser.newContext({ baseURL: e2e.server.baseUrl, locale: 'nl-NL' });
      const p = await again.newPage();
      await p.goto(state.links[1]);
      await p.getByRole('heading', { level: 1, name: SCAN.title }).waitFor();
      assert.equal(await p.locator('input[type=radio][value="4"]:checked').count(), state.statements.length - 1);
      assert.equal(await p.locator('input[type=radio][value="5"]:checked').count(), 0, 'not the answers of person 1');
      assert.equal(await p.getByText('Dat gaat best goed').count(), 0);
      assert.equal(await p.getByText('We spreken elkaar te weinig').count(), 0);
      await again.close();
      if (respondentViolations.length > 0) {
        t.diagnostic(`axe on the server-rendered respondent page /s/…:\n${respondentViolations.join('\n')}`);
      }
      assert.deepEqual(respondentViolations, [], 'the respondent page (server-rendered) has axe violations');
    });

    await t.test('the results show the gaps first', async () => {
      const results = await apiGet(context, `/scans/${state.scanId}/results`);
      assert.equal(results.shown, true);
      assert.ok(results.gaps.length > 0);
      const templates = await apiGet(context, '/scan-templates');
      const template = templates.items.find((x) => x.id === 'care_cooperative');
      const texts = new Map(template.dimensions.flatMap((d) => d.statements.map((s) => [s.id, s.text.nl])));

      await page.reload();
      await h1(page, `Uitkomsten: ${SCAN.title}`);
      const headings = await page.locator('main h2').allTextContents();
      assert.equal(headings[0], 'Waar verschillen de partners het meest?', `first section: ${headings.join(' | ')}`);
      assert.ok(headings.indexOf('Gemiddelde score per onderwerp') > 0);
      assert.ok(headings.indexOf('Alle stellingen') > headings.indexOf('Gemiddelde score per onderwerp'));
      const firstGap = page.locator('.aantafel-scan-gap').first();
      assert.match(await firstGap.locator('h3').textContent(), new RegExp(escape(texts.get(results.gaps[0]))));
      await firstGap.getByText('Spreiding').waitFor();
      // Two of Linde and one of the cooperative: no organisation is shown on its own.
      await page.getByText(/Te weinig antwoorden om apart te tonen: .*Zorgcoöperatie Hart van Oost \(1\)/).waitFor();
      const chart = page.getByRole('img', { name: 'Gemiddelde score per onderwerp' });
      await chart.waitFor();
      await page.getByRole('table', { name: 'Gemiddelde score per onderwerp (1 tot 5)' }).waitFor();
      await page.getByRole('table', { name: 'Scores per stelling (1 tot 5)' }).waitFor();
      await page.getByText('We spreken elkaar te weinig').waitFor();
      assert.equal(await page.getByText(/Zorgorganisatie De Linde.*Dat gaat best goed/).count(), 0);
      await assertAccessible(page, 'the results with gaps first');
    });

    await t.test('an improvement step becomes an agreement', async () => {
      const button = page.getByRole('button', { name: /^Maak er een afspraak van/ }).first();
      await button.click();
      await status(page, /Er is een afspraak gemaakt van stelling \d+\./);
      await assertAccessible(page, 'the results after making an agreement');
      await page.getByRole('link', { name: /^Bekijk de afspraak bij stelling/ }).click();
      await page.waitForURL(/\/interactions\/agreements\/\d+$/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const agreements = await apiGet(context, '/agreements');
      assert.equal(agreements.items.length, 1);
      assert.match(agreements.items[0].description, new RegExp(escape(SCAN.title)));
    });

    await t.test('closing the scan stops the links', async () => {
      await page.goto(`${BASE}/${state.scanId}`);
      await h1(page, SCAN.title);
      const table = page.getByRole('table', { name: 'Uitgenodigde personen, per organisatie' });
      // The respondents come in their own request, after the scan (and its h1).
      await table.getByText('Beantwoord', { exact: true }).first().waitFor();
      assert.equal(await table.getByText('Beantwoord', { exact: true }).count(), 3);
      await page.getByRole('button', { name: 'Scan sluiten' }).click();
      await status(page, 'De scan is gesloten.');
      await page.getByRole('button', { name: 'Scan weer openen' }).waitFor();
      await page.getByText(/De scan is gesloten. Open de scan weer/).waitFor();
      await assertAccessible(page, 'a closed scan');
      const fresh = await e2e.browser.newContext({ baseURL: e2e.server.baseUrl, locale: 'nl-NL' });
      const p = await fresh.newPage();
      await p.goto(state.links[2]);
      await p.locator('h1').waitFor();
      assert.equal(await p.locator('form').count(), 0, 'no form on a closed scan');
      assert.equal(await p.locator('input[type=radio]').count(), 0);
      const violations = await axeViolations(p);
      if (violations.length > 0) t.diagnostic(`axe on the closed-scan respondent page:\n${violations.join('\n')}`);
      assert.deepEqual(violations, [], 'the closed-scan page (server-rendered) has axe violations');
      await fresh.close();
      await page.goto(BASE);
      await h1(page, 'Samenwerkingsscan');
      const row = page.getByRole('row', { name: new RegExp(SCAN.title) });
      await row.getByText('Gesloten').waitFor();
      await row.getByText('3 van 3').waitFor();
      await assertAccessible(page, 'the scan list');
    });

    await t.test('a value case: live figures, save, server figures, print page', async () => {
      await page.getByRole('navigation', { name: 'Samenwerkingsscan' }).getByRole('link', { name: 'Waardecasussen' }).click();
      await h1(page, 'Waardecasussen');
      await page.getByRole('heading', { level: 2, name: 'Nog geen waardecasussen' }).waitFor();
      await assertAccessible(page, 'the value case list (empty)');
      await page.getByRole('main').getByRole('link', { name: 'Nieuwe waardecasus' }).last().click();
      await h1(page, 'Nieuwe waardecasus');
      await page.getByLabel('Naam van de waardecasus').fill('Huiskamer in de wijk');
      await page.getByLabel('Aantal cliënten bereikt').fill('40');
      await page.getByLabel('Aantal cliënten dat actief meedoet').fill('30');
      await page.getByText('Deel dat actief meedoet: 75%').waitFor();
      await page.getByLabel('Kosten van het initiatief (euro)').fill('10000');
      const line = page.getByRole('group', { name: 'Voorkomen kosten 1' });
      await line.getByLabel('Wat wordt voorkomen?').fill('Opname in het ziekenhuis');
      await line.getByLabel('Kosten per keer (euro)').fill('2500');
      await line.getByLabel('Hoe vaak wordt het voorkomen? (verwacht)').fill('8');
      await line.getByLabel('Deel dat komt door het initiatief (%)').fill('60');
      await line.getByText(/Voorkomen kosten voor deze regel: €\s12\.000/).waitFor();
      await line.getByText(/terugverdiend als dit 6,7 keer wordt voorkomen/).waitFor();
      const live = page.getByTestId('vc-figures-live');
      await live.getByText('€ 2.000').waitFor(); // net
      await live.getByText('€ 1,20 per euro die je uitgeeft').waitFor();
      await page
        .getByRole('group', { name: 'Hoe staat het ervoor bij Participatie?' })
        .getByLabel('Groen: goed')
        .check();
      await page
        .getByRole('group', { name: 'Hoe staat het ervoor bij Rendement?' })
        .getByLabel('Oranje: let op')
        .check();
      await page.getByText('Participatie: groen').first().waitFor();
      await assertAccessible(page, 'the value case form with live figures');
      await page.getByRole('button', { name: 'Waardecasus opslaan' }).click();
      await h1(page, 'Waardecasus: Huiskamer in de wijk');
      await status(page, 'De waardecasus "Huiskamer in de wijk" is opgeslagen.');
      const saved = page.getByTestId('vc-figures-saved');
      await saved.getByText('€ 12.000').waitFor();
      await saved.getByText('€ 1,20 per euro die je uitgeeft').waitFor();
      await saved.getByText('Opname in het ziekenhuis: 6,7 keer').waitFor();
      await page.getByText('Legitimiteit: nog niet beoordeeld').first().waitFor();
      await assertAccessible(page, 'a saved value case');

      await page.getByRole('link', { name: 'Samenvatting om af te drukken' }).click();
      await h1(page, 'Waardecasus: Huiskamer in de wijk');
      await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
      await page.getByText('Participatie: groen').waitFor();
      await page.getByText('Rendement: oranje').waitFor();
      await assertAccessible(page, 'the value case print page');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
      assert.equal(await page.locator('.aantafel-nav').isVisible(), false);
      await page.emulateMedia({ media: 'screen' });
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
