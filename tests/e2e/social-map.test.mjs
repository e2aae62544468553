// End-to-end for "Sociale kaart en consortium" (tag social-map): the real server, the built web
// app and Chromium. In its own workspace an owner follows Zeist, whose wijken the built-in register
// knows by name, adds six neighbourhoods (one through the form, five from a CSV file, after a file with a
// mistake is refused), and three provider organisations exist. One service is made through the UI
// form (field errors first, published); the others through the API, one of them not published. A
// CSV import with a mistake names the line and column and imports nothing. The coverage matrix shows
// gaps and single providers in words, with and without "alleen gepubliceerd". A consortium of the
// three is made through the UI; its page shows the joint offer without the unpublished service. It
// is shared: the /c/… page, opened in a fresh context without an account, shows the published
// service and not the unpublished one; after "Link intrekken" the link gives the "unknown link"
// page. axe-core checks every app page state and the /c/… page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused, h1, status } from './support/browser.mjs';
import { apiClient, DEMO, e2eSuite, login, prepareDemo } from './support/suite.mjs';

const WS = { slug: 'sociale-kaart', name: 'Samen in Zeist' };
const BASE = `/w/${WS.slug}/social-map`;
const GM = 'GM0355'; // Zeist
const HOODS = [
  ['BU03550101', 'Centrum'],
  ['BU03550102', 'Kerckebosch'],
  ['BU03550103', 'Vollenhove'],
  ['BU03550104', 'Crosestein'],
  ['BU03550105', 'Brugakker'],
  ['BU03550106', 'Dijnselburg'],
];
const LINDE = 'Zorggroep De Linde';
const BUURT = 'Stichting Buurtkracht';
const THUIS = 'Thuiszorg Heuvelrug';
const UI_SERVICE = 'Buurtkamer Centrum';
const HIDDEN_SERVICE = 'Jongerenpunt in opbouw';
const CONSORTIUM = 'Samen Sterk Zeist';

const e2e = e2eSuite({
  // `demo` loads Utrecht, Amersfoort and Zeist into the municipality reference data.
  prepare: prepareDemo({ workspaces: [WS] }),
  page: { timeout: 30_000 },
});
const { newPage } = e2e;

/** The cell of the matrix table `table` in the row of area `area` under kind of help `domain`. */
async function cellText(table, area, domain) {
  const headers = await table.locator('thead th').allTextContents();
  const column = headers.indexOf(domain);
  assert.ok(column > 0, `no column "${domain}" in ${headers.join(', ')}`);
  const row = table.locator('tbody tr').filter({ has: table.page().getByRole('rowheader', { name: new RegExp(`^${area}\\b`) }) });
  assert.equal(await row.count(), 1, `one row for ${area}`);
  return (await row.locator('th, td').nth(column).innerText()).replace(/\s+/g, ' ').trim();
}

function csvFile(name, text) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

describe('Sociale kaart en consortium with the real server', () => {
  test('areas, services, coverage, a consortium and its read-only link', async (t) => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context, DEMO);
    const api = apiClient(context, csrf, WS.slug);
    const ids = {};

    await t.test('the workspace follows Zeist and knows three providers', async () => {
      await api.post('/organisations', { kind: 'municipality', municipality_code: GM });
      for (const name of [LINDE, BUURT, THUIS]) {
        ids[name] = (await api.post('/organisations', { kind: 'provider', name })).id;
      }
      assert.equal(Object.keys(ids).length, 3);
    });

    const register = { count: 0 };
    await t.test('the area opens from the main menu and shows the wijken of the register by name', async () => {
      await page.goto(`/w/${WS.slug}/`);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Sociale kaart' }).click();
      await h1(page, 'Sociale kaart');
      assert.equal(await page.getByText('Dit onderdeel is nog niet beschikbaar.').count(), 0);
      assert.equal(await nav.getByRole('link', { name: 'Sociale kaart' }).getAttribute('aria-current'), 'page');
      // Zeist's wijken come from the built-in register: by name, without typing a code.
      register.count = (await api.get(`/areas?municipality_code=${GM}`)).items.length;
      assert.ok(register.count > 0, 'the register knows the wijken of Zeist');
      const matrix = page.getByRole('table', { name: 'Wie biedt welke hulp in Zeist' });
      await matrix.getByRole('rowheader', { name: /^Zeist Centrum/ }).waitFor();
      const known = page.getByRole('table', { name: 'Bekende wijken en buurten in Zeist' });
      await known.getByRole('rowheader', { name: 'Zeist Centrum', exact: true }).waitFor();
      assert.equal(await known.locator('tbody tr').count(), register.count);
      await page.getByRole('group', { name: 'Kaart: aanbod per wijk in Zeist', exact: true }).getByRole('link').first().waitFor();
      assert.equal(await page.getByText(/Voor deze gemeente zijn nog geen wijken of buurten bekend/).count(), 0);
      await assertAccessible(page, 'the social map with the wijken of the register');
    });

    await t.test('add six neighbourhoods: one by hand, a refused file, then five from a file', async () => {
      // A wrong code is caught before sending.
      await page.getByLabel('Code', { exact: true }).fill('BU12');
      await page.getByLabel('Naam', { exact: true }).fill(HOODS[0][1]);
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      await page.locator('#area-code-error').waitFor();
      await assertFocused(page.locator('#area-code'), 'focus on #area-code');
      await assertAccessible(page, 'the add-area form with an error');
      await page.getByLabel('Code', { exact: true }).fill(HOODS[0][0]);
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      await status(page, `${HOODS[0][1]} is toegevoegd.`);

      // A file with an unknown municipality in line 3 is refused as a whole.
      await page.getByLabel('CSV-bestand', { exact: true }).setInputFiles(
        csvFile('fout.csv', `code;naam\n${HOODS[1][0]};${HOODS[1][1]}\nBU99990101;Nergens\n`),
      );
      await page.getByRole('button', { name: 'Bestand inlezen' }).click();
      const refused = page.getByRole('alert').filter({ hasText: 'Het bestand is niet ingelezen' });
      await refused.waitFor();
      await refused.getByText(/^Regel 3, kolom code: /).waitFor();
      await assertAccessible(page, 'the area upload with problems');
      assert.equal((await api.get(`/areas?municipality_code=${GM}`)).items.length, register.count + 1, 'nothing saved');

      const rows = HOODS.slice(1).map(([code, name]) => `${code};${name}`).join('\n');
      await page.getByLabel('CSV-bestand', { exact: true }).setInputFiles(csvFile('buurten.csv', `code;naam\n${rows}\n`));
      await page.getByRole('button', { name: 'Bestand inlezen' }).click();
      await status(page, '5 wijken en buurten zijn opgeslagen.');
      const areas = page.getByRole('table', { name: 'Bekende wijken en buurten in Zeist' });
      await areas.getByRole('rowheader', { name: HOODS[5][1] }).waitFor();
      assert.equal(await areas.locator('tbody tr').count(), register.count + 6);
      assert.equal((await api.get(`/areas?municipality_code=${GM}`)).items.length, register.count + 6);
      const matrix = page.getByRole('table', { name: 'Wie biedt welke hulp in Zeist' });
      await matrix.getByRole('rowheader', { name: /^Dijnselburg/ }).waitFor();
      assert.equal(await page.getByText(/Voor deze gemeente zijn nog geen wijken of buurten bekend/).count(), 0);
      await assertAccessible(page, 'the social map with six neighbourhoods');
    });

    await t.test('a service through the form: errors at their fields, then published', async () => {
      await page.getByRole('navigation', { name: 'Sociale kaart' }).getByRole('link', { name: 'Nieuwe voorziening' }).click();
      await h1(page, 'Nieuwe voorziening');
      await page.getByRole('button', { name: 'Voorziening opslaan' }).click();
      await page.locator('#service-organisation-id-error').waitFor();
      await page.getByText('Kies minstens één gebied of typ een code.').waitFor();
      await assertFocused(page.locator('#service-organisation-id'), 'focus on #service-organisation-id');
      await assertAccessible(page, 'the service form with errors');

      await page.getByLabel('Organisatie die de hulp biedt').selectOption({ label: LINDE });
      await page.getByLabel('Naam van de voorziening').fill(UI_SERVICE);
      await page.getByLabel('Soort hulp').selectOption({ label: 'Welzijn' });
      await page.getByLabel('Wet', { exact: true }).selectOption({ label: 'Vrij toegankelijk' });
      await page.getByLabel('Doelgroepen (niet verplicht)').fill('ouderen, mantelzorgers');
      await page.getByRole('checkbox', { name: /^Centrum/ }).check();
      // A typed code that is not a CBS code is refused at the areas group.
      await page.getByLabel('Andere gebieden (codes)').fill('BU1');
      await page.getByLabel('Contact (niet verplicht)').fill('Loket De Linde, 030 111 22 33');
      await page.getByLabel('Wachttijd in weken (niet verplicht)').fill('2');
      const publish = page.getByRole('checkbox', { name: 'Publiceren' });
      assert.match(
        (await publish.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby'))?.textContent)) ?? '',
        /Alleen gepubliceerde voorzieningen zijn zichtbaar/,
      );
      await publish.check();
      await page.getByRole('button', { name: 'Voorziening opslaan' }).click();
      await page.getByText(/Deze codes kloppen niet: BU1\./).waitFor();
      await page.getByLabel('Andere gebieden (codes)').fill(HOODS[1][0]);
      await assertAccessible(page, 'the filled-in service form');
      await page.getByRole('button', { name: 'Voorziening opslaan' }).click();
      await h1(page, 'Voorzieningen');
      await status(page, `De voorziening "${UI_SERVICE}" is opgeslagen.`);
      const saved = (await api.get('/services')).items.find((s) => s.name === UI_SERVICE);
      assert.ok(saved, 'the service was saved');
      assert.equal(saved.organisation_id, ids[LINDE]);
      assert.equal(saved.domain, 'welfare');
      assert.equal(saved.published, true);
      assert.deepEqual([...saved.areas].sort(), [HOODS[0][0], HOODS[1][0]]);
      assert.deepEqual(saved.target_groups, ['ouderen', 'mantelzorgers']);
      assert.equal(saved.waiting_weeks, 2);
    });

    await t.test('more services through the API, one of them not published', async () => {
      const add = (organisation, name, domain, areas, published) =>
        api.post('/services', { organisation_id: ids[organisation], name, domain, law: 'wmo', areas, published });
      await add(BUURT, 'Buurthuis De Brug', 'welfare', [HOODS[0][0], HOODS[2][0]], true);
      await add(THUIS, 'Dagbesteding De Boomgaard', 'daytime_activities', [HOODS[0][0]], true);
      await add(BUURT, HIDDEN_SERVICE, 'youth_care', [HOODS[3][0]], false);
      assert.equal((await api.get('/services')).items.length, 4);
    });

    await t.test('the services list, its filters and a refused CSV import', async () => {
      await page.reload();
      await h1(page, 'Voorzieningen');
      const list = page.getByRole('table', { name: 'Voorzieningen (4)' });
      await list.waitFor();
      const hidden = list.getByRole('row').filter({ hasText: HIDDEN_SERVICE });
      await hidden.getByText('Niet gepubliceerd').waitFor();
      // The areas by name, per municipality; the CBS code only in the title.
      const made = list.getByRole('row').filter({ hasText: UI_SERVICE });
      await made.getByText(HOODS[0][1], { exact: true }).waitFor();
      assert.match(await made.textContent(), new RegExp(`Zeist: (${HOODS[0][1]}, ${HOODS[1][1]}|${HOODS[1][1]}, ${HOODS[0][1]})`));
      assert.equal(await made.getByText(HOODS[0][1], { exact: true }).getAttribute('title'), HOODS[0][0]);
      assert.doesNotMatch(await list.textContent(), /\b(GM\d{4}|WK\d{6}|BU\d{8})\b/);
      await page.getByLabel('Gepubliceerd', { exact: true }).selectOption({ label: 'Alleen gepubliceerd' });
      await page.getByRole('table', { name: 'Voorzieningen (3)' }).waitFor();
      assert.equal(await page.getByText(HIDDEN_SERVICE).count(), 0);
      await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: LINDE });
      await page.getByRole('table', { name: 'Voorzieningen (1)' }).getByText(UI_SERVICE).waitFor();
      assert.match(new URL(page.url()).search, /gepubliceerd=ja/);
      await assertAccessible(page, 'the filtered services list');

      const href = await page.getByRole('link', { name: 'Alle voorzieningen downloaden (CSV)' }).getAttribute('href');
      const exported = await context.request.get(href);
      assert.equal(exported.status(), 200);
      assert.match(await exported.text(), new RegExp(UI_SERVICE));
      assert.ok(await page.getByRole('link', { name: 'Alle voorzieningen downloaden (Excel)' }).getAttribute('href'));

      await page.getByLabel('CSV-bestand met voorzieningen').setInputFiles(
        csvFile(
          'voorzieningen.csv',
          'organisatie;naam;domein;gebieden;gepubliceerd\n' +
            `${THUIS};Thuishulp Centrum;Huishoudelijke hulp;${HOODS[0][0]};ja\n` +
            `${THUIS};Iets anders;Toverij;${HOODS[1][0]};ja\n`,
        ),
      );
      await page.getByRole('button', { name: 'Bestand inlezen' }).click();
      const refused = page.getByRole('alert').filter({ hasText: 'Het bestand is niet ingelezen' });
      await refused.waitFor();
      await refused.getByText(/^Regel 3, kolom domein: /).waitFor();
      await refused.getByText('Er is niets ingelezen. Pas het bestand aan en probeer het opnieuw.').waitFor();
      assert.equal((await api.get('/services')).items.length, 4, 'nothing imported');
      await assertAccessible(page, 'the services import with problems');
    });

    await t.test('the coverage matrix marks gaps and single providers in words', async () => {
      await page.getByRole('navigation', { name: 'Sociale kaart' }).getByRole('link', { name: 'Kaart per gemeente' }).click();
      await h1(page, 'Sociale kaart');
      const matrix = page.getByRole('table', { name: 'Wie biedt welke hulp in Zeist' });
      await matrix.getByRole('rowheader', { name: /^Centrum/ }).waitFor();
      assert.equal(await cellText(matrix, 'Centrum', 'Welzijn'), `2 aanbieders: ${BUURT} ${LINDE}`);
      assert.equal(await cellText(matrix, 'Kerckebosch', 'Welzijn'), `Eén aanbieder: ${LINDE}`);
      assert.equal(await cellText(matrix, 'Dijnselburg', 'Welzijn'), 'Geen aanbieder');
      assert.equal(await cellText(matrix, 'Crosestein', 'Jeugdhulp'), `Eén aanbieder: ${BUURT}`);
      const coverage = await api.get(`/social-map/coverage?municipality_code=${GM}`);
      await page.getByText(`Geen aanbieder: ${coverage.gaps}`).waitFor();
      await page.getByText(`Maar één aanbieder: ${coverage.single}`).waitFor();
      const region = page.getByRole('region', { name: 'Wie biedt welke hulp in Zeist' });
      assert.equal(await region.getAttribute('tabindex'), '0', 'the wide table scrolls in a focusable region');
      // Keyboard only: the region takes focus and the arrow keys scroll the wide table sideways.
      const wide = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
      assert.ok(wide, 'ten kinds of help make the table wider than the page');
      await region.focus();
      for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => (document.querySelector('[role="region"][tabindex="0"]')?.scrollLeft ?? 0) > 0);
      await assertAccessible(page, 'the coverage matrix');

      await page.getByLabel('Alleen gepubliceerde voorzieningen').check();
      await page.waitForURL(/gepubliceerd=ja/);
      await matrix.getByRole('rowheader', { name: /^Crosestein/ }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await page.getByText(`Geen aanbieder: ${coverage.gaps + 1}`).waitFor();
      assert.equal(await cellText(matrix, 'Crosestein', 'Jeugdhulp'), 'Geen aanbieder');
      await page.getByLabel('Soort hulp').selectOption({ label: 'Dagbesteding' });
      await page.waitForURL(/domein=daytime_activities/);
      await page.getByText('Van de 6 vakken in de tabel:').waitFor();
      assert.equal(await cellText(matrix, 'Centrum', 'Dagbesteding'), `Eén aanbieder: ${THUIS}`);
      await assertAccessible(page, 'the filtered coverage matrix');
    });

    await t.test('a consortium of the three through the form', async () => {
      await page.getByRole('navigation', { name: 'Sociale kaart' }).getByRole('link', { name: 'Nieuw consortium' }).click();
      await h1(page, 'Nieuw consortium');
      await page.getByRole('button', { name: 'Consortium opslaan' }).click();
      await page.getByText('Kies minstens één organisatie.').waitFor();
      await assertFocused(page.locator('#consortium-name'), 'focus on #consortium-name');
      await assertAccessible(page, 'the consortium form with errors');
      await page.getByLabel('Naam van het consortium').fill(CONSORTIUM);
      await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: `Zeist (${GM})` });
      for (const name of [LINDE, BUURT, THUIS]) await page.getByRole('checkbox', { name }).check();
      await page.getByLabel('Aanspreekpunt voor de gemeente').selectOption({ label: BUURT });
      await page.getByLabel('Hoe bereikt de gemeente het aanspreekpunt?').fill('Loket Samen Sterk, 030 999 88 77');
      await assertAccessible(page, 'the filled-in consortium form');
      await page.getByRole('button', { name: 'Consortium opslaan' }).click();
      await h1(page, CONSORTIUM);
      await status(page, `Het consortium "${CONSORTIUM}" is opgeslagen.`);
    });

    await t.test('the consortium page: joint offer of published services only, niches, gaps', async () => {
      await page.getByText(/Hier staan alleen gepubliceerde voorzieningen van de leden/).waitFor();
      await page.getByText(`${BUURT}: Loket Samen Sterk, 030 999 88 77`).waitFor();
      const matrix = page.getByRole('table', { name: 'Wie biedt welke hulp in Zeist' });
      await matrix.waitFor();
      assert.equal(await cellText(matrix, 'Centrum', 'Welzijn'), `2 aanbieders: ${BUURT} ${LINDE}`);
      assert.equal(await cellText(matrix, 'Centrum', 'Dagbesteding'), `Eén aanbieder: ${THUIS}`);
      assert.equal(await cellText(matrix, 'Crosestein', 'Jeugdhulp'), 'Geen aanbieder');
      assert.equal(await cellText(matrix, 'Dijnselburg', 'Welzijn'), 'Geen aanbieder');
      await page.getByText(`Alleen ${THUIS} biedt Dagbesteding in Centrum.`).waitFor();
      await page.getByText(`Alleen ${LINDE} biedt Welzijn in Kerckebosch.`).waitFor();
      await page.getByText(`Alleen ${BUURT} biedt Welzijn in Vollenhove.`).waitFor();
      await page.getByText(`Welzijn in Centrum: ${BUURT}, ${LINDE}`).waitFor();
      await page.getByText(/^Crosestein: .*Jeugdhulp/).waitFor();
      const services = page.getByRole('table', { name: 'Gepubliceerde voorzieningen (3)' });
      await services.getByText(UI_SERVICE).waitFor();
      assert.equal(await page.getByText(HIDDEN_SERVICE).count(), 0, 'the unpublished service is not shown');
      await assertAccessible(page, 'the consortium page');
    });

    const state = { url: '' };
    await t.test('share with the municipality: the link is shown once', async () => {
      await page.getByText('Er is nu geen link gedeeld.').waitFor();
      await page.getByRole('button', { name: 'Deel met de gemeente' }).click();
      await page.getByRole('heading', { name: 'De link voor de gemeente' }).waitFor();
      await page.getByText('Je ziet deze link maar één keer. Kopieer hem nu en stuur hem naar de gemeente.').waitFor();
      state.url = (await page.getByTestId('share-url').textContent()).trim();
      assert.match(state.url, /\/c\/[A-Za-z0-9_-]+$/);
      await page.getByText('Er is een link gedeeld met de gemeente.').waitFor();
      await page.getByRole('button', { name: 'Link kopiëren' }).waitFor();
      await assertAccessible(page, 'the consortium page with a new link');
    });

    await t.test('the municipality opens the link without an account', async () => {
      const visitor = await newPage();
      const path = new URL(state.url).pathname;
      const response = await visitor.page.goto(path);
      assert.equal(response.status(), 200);
      await visitor.page.getByRole('heading', { level: 1, name: CONSORTIUM }).waitFor();
      await visitor.page.getByText(UI_SERVICE).first().waitFor();
      await visitor.page.getByText('Dagbesteding De Boomgaard').first().waitFor();
      assert.equal(await visitor.page.getByText(HIDDEN_SERVICE).count(), 0, 'the unpublished service is not shared');
      await assertAccessible(visitor.page, 'the shared /c/… page');
      const json = await visitor.context.request.get(`${path}/social-map.json`);
      assert.equal(json.status(), 200);
      assert.doesNotMatch(await json.text(), new RegExp(HIDDEN_SERVICE));
      assert.deepEqual(visitor.problems, [], `the browser reported problems:\n${visitor.problems.join('\n')}`);
      await visitor.context.close();
    });

    await t.test('withdraw the link: it then gives the unknown-link page', async () => {
      await page.getByRole('button', { name: 'Link intrekken' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'De link intrekken?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the withdraw confirmation');
      await dialog.getByRole('button', { name: 'Link intrekken' }).click();
      await status(page, 'De link is ingetrokken. Hij werkt niet meer.');
      await page.getByText('Er is nu geen link gedeeld.').waitFor();
      assert.equal(await page.getByTestId('share-url').count(), 0);
      await assertAccessible(page, 'the consortium page after withdrawing');

      const visitor = await newPage();
      const response = await visitor.page.goto(new URL(state.url).pathname);
      assert.equal(response.status(), 404);
      await visitor.page.getByRole('heading', { level: 1, name: 'Deze link kennen wij niet' }).waitFor();
      assert.equal(await visitor.page.getByText(UI_SERVICE).count(), 0);
      await assertAccessible(visitor.page, 'the unknown-link page');
      await visitor.context.close();
    });

    await t.test('the consortia list', async () => {
      await page.getByRole('navigation', { name: 'Sociale kaart' }).getByRole('link', { name: 'Consortia' }).click();
      await h1(page, 'Consortia');
      const row = page.getByRole('table', { name: 'Consortia (1)' }).getByRole('row').filter({ hasText: CONSORTIUM });
      await row.getByText(`${LINDE}, ${BUURT}, ${THUIS}`).waitFor();
      await assertAccessible(page, 'the consortia list');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
