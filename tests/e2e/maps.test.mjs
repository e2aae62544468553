// End-to-end for the maps (issue #22 part 6, and the Sociale kaart's districts by name): the real
// server with the demo workspace, the built web app and Chromium. In one search the Sociale kaart
// opens Zwolle (GM0193, not a municipality of the demo), shows its wijken by name (checked against
// GET /municipalities/GM0193) in the list of areas, in the matrix and on the coverage map, whose
// classes match GET …/social-map/coverage. The map is used with the keyboard only (Tab to the map,
// arrow keys, Enter chooses a wijk), and its table shows the same. The municipality page of
// Utrecht has a map of its wijken; Wie is wie's list of municipalities has a map of the
// workspace's municipalities, coloured by relationship health (checked against
// GET …/relationship-health) or by plan windows, and Enter opens a municipality page. axe-core
// runs on every map page at 1366 px and at 390×844 (a phone); the maps are saved as screenshots in
// docs/img/ for docs/maps.md.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { areaNames, assertAccessible, checkMapBothSizes, DESKTOP, mapOf } from './support/browser.mjs';
import { repoRoot } from './support/server.mjs';
import { apiClient, DEMO, e2eSuite } from './support/suite.mjs';

const ZWOLLE = { code: 'GM0193', name: 'Zwolle' };
const UTRECHT = 1; // the demo's first organisation
// AANTAFEL_E2E_DOCS_IMAGES: write the screenshots elsewhere (a run that should not touch docs/).
const images = process.env.AANTAFEL_E2E_DOCS_IMAGES ?? join(repoRoot, 'docs', 'img');

const e2e = e2eSuite({ screenshots: images });
/** A fresh page, signed in as the demo owner. */
const newPage = () => e2e.newPage({ viewport: DESKTOP, timeout: 30_000, login: DEMO });

async function h1(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** JSON in Dutch from the API (a full path): GET expects 200, POST 201. */
const getJson = (context, path) => apiClient(context).get(path);
const postJson = (context, csrf, path, data) => apiClient(context, csrf).post(path, data);

/** Waits until the map has drawn all its areas. */
async function drawn(map, count) {
  await map.getByRole('link').first().waitFor();
  await map.page().waitForFunction(
    ([n]) => document.querySelectorAll('.aantafel-choropleth__area').length >= n,
    [count],
  );
}

/** axe at 1366 px and at 390×844, and a screenshot of the map's figure at each size. */
async function checkBothSizes(page, figure, name, what) {
  await checkMapBothSizes(page, figure, what, { path: (size) => join(images, `${name}-${size}.png`) });
}

const VALUE = (providers) => (providers === 0 ? 'geen aanbieder' : providers === 1 ? 'één aanbieder' : `${providers} aanbieders`);

describe('Kaarten (maps) with the real server', () => {
  test('the Sociale kaart of Zwolle, chosen in one search: its wijken by name and the coverage map', async (t) => {
    const { context, page, problems, csrf } = await newPage();
    const register = await getJson(context, `/api/v1/municipalities/${ZWOLLE.code}`);
    // Two of the demo's providers offer help in Zwolle's Binnenstad, one of them in Diezerpoort
    // too: the map then has all three classes.
    const providers = (await getJson(context, '/api/v1/workspaces/demo/organisations')).items.filter(
      (o) => o.kind !== 'municipality',
    );
    assert.ok(providers.length >= 2, 'the demo has at least two providers');
    await postJson(context, csrf, '/api/v1/workspaces/demo/services', {
      organisation_id: providers[0].id,
      name: 'Buurtkamer Binnenstad (e2e)',
      domain: 'welfare',
      law: 'free',
      areas: ['WK019310', 'WK019311'],
      published: true,
    });
    await postJson(context, csrf, '/api/v1/workspaces/demo/services', {
      organisation_id: providers[1].id,
      name: 'Jongerenwerk Binnenstad (e2e)',
      domain: 'youth_care',
      law: 'jeugdwet',
      areas: ['WK019310'],
      published: true,
    });
    assert.equal(register.name, ZWOLLE.name);
    assert.ok(register.districts.length >= 10, 'Zwolle has its wijken in the register');
    const binnenstad = register.districts.find((d) => d.code === 'WK019310');
    assert.equal(binnenstad?.name, 'Wijk 10 Binnenstad', 'a wijk name from wijk_2025.topojson');

    await t.test('one search finds Zwolle, which the demo does not follow', async () => {
      await page.goto('/w/demo/social-map');
      await h1(page, 'Sociale kaart');
      await page.getByLabel('Zoek een gemeente in Nederland').fill('Zwolle');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'gevonden' }).first().waitFor();
      await page.getByRole('button', { name: /^Zwolle/ }).click();
      await page.waitForURL(/gemeente=GM0193/);
      await page.getByText(`Je ziet nu de sociale kaart van ${ZWOLLE.name}.`).waitFor();
      await page.getByText(/Zwolle staat niet bij je gemeenten in Wie is wie/).waitFor();
    });

    await t.test('the wijken are there by name: in the list of areas and in the matrix', async () => {
      const areas = page.getByRole('table', { name: `Bekende wijken en buurten in ${ZWOLLE.name}` });
      await areas.getByRole('rowheader', { name: binnenstad.name, exact: true }).waitFor();
      assert.equal(await areas.locator('tbody tr').count(), register.districts.length);
      const matrix = page.getByRole('table', { name: `Wie biedt welke hulp in ${ZWOLLE.name}`, exact: true });
      await matrix.getByRole('rowheader', { name: new RegExp(`^${binnenstad.name}`) }).waitFor();
      // A long list has a search box; "Buurt toevoegen" fills in the start of the code.
      await page.getByLabel('Zoek in de lijst').fill('binnenstad');
      assert.equal(await areas.locator('tbody tr').count(), 1);
      await areas.getByRole('button', { name: `Buurt toevoegen in ${binnenstad.name}` }).click();
      assert.equal(await page.getByLabel('Code', { exact: true }).inputValue(), 'BU019310');
      await page.getByLabel('Zoek in de lijst').fill('');
    });

    const title = `Kaart: aanbod per wijk in ${ZWOLLE.name}`;
    await t.test('the coverage map: every wijk a link named by its value in words, as the API says', async () => {
      const coverage = await getJson(context, `/api/v1/workspaces/demo/social-map/coverage?municipality_code=${ZWOLLE.code}`);
      const { map, areas } = mapOf(page, title);
      await drawn(map, register.districts.length);
      assert.equal(await areas.count(), register.districts.length);
      // Providers per wijk from the API (its own row: register districts, no neighbourhoods yet).
      const expected = register.districts
        .map((d) => {
          const ids = new Set(coverage.cells.filter((c) => c.area === d.code).flatMap((c) => c.providers));
          return `${d.name}: ${VALUE(ids.size)}`;
        })
        .sort();
      assert.deepEqual(await areaNames(areas), expected);
      await map.getByRole('link', { name: 'Wijk 10 Binnenstad: 2 aanbieders', exact: true }).waitFor();
      await map.getByRole('link', { name: 'Wijk 11 Diezerpoort: één aanbieder', exact: true }).waitFor();
      await map.getByRole('link', { name: 'Wijk 22 Stadshagen: geen aanbieder', exact: true }).waitFor();
      const summary = await page.getByTestId('coverage-summary').textContent();
      assert.match(summary ?? '', new RegExp(`In (\\d+ van de|alle) ${register.districts.length} wijken`));
      await page.getByText('Kaart: CBS / Kadaster (CC BY 4.0), 2025. Vereenvoudigd door cartomap/nl.').first().waitFor();
      await page.getByRole('list', { name: 'Legenda' }).first().waitFor();
    });

    await t.test('keyboard only: Tab reaches the map, arrow keys move, Enter chooses a wijk', async () => {
      const { map } = mapOf(page, title);
      const views = page.getByRole('group', { name: 'Toon als' }).first();
      await views.getByRole('button', { name: 'Tabel' }).focus();
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      assert.match(first ?? '', /^Wijk 10 Binnenstad: /, 'the first wijk by name has focus');
      // The focus ring is drawn on top, and the name shows above the map.
      await map.locator('.aantafel-choropleth__focus').waitFor({ state: 'attached' });
      assert.match((await page.getByTestId('map-coverage-info').textContent()) ?? '', /^Wijk 10 Binnenstad: /);
      await page.keyboard.press('ArrowRight');
      const second = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      assert.match(second ?? '', /^Wijk 11 Diezerpoort: /);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await page.waitForURL(/wijk=WK019310/);
      await page.getByRole('heading', { level: 2, name: `Gekozen wijk: ${binnenstad.name}` }).waitFor();
      await page.getByRole('table', { name: `Wie biedt welke hulp in ${binnenstad.name}` }).waitFor();
      assert.equal(await map.getByRole('link', { name: new RegExp(`^${binnenstad.name}`) }).getAttribute('aria-current'), 'true');
      // Focus stays on the map (only the query changed), so the keys go on working.
      assert.match((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '', /^Wijk 10 Binnenstad/);
    });

    await t.test('axe and screenshots at 1366 px and at 390×844', async () => {
      const figure = page.getByTestId('map-coverage');
      await checkBothSizes(page, figure, 'map-social-map', 'the Sociale kaart of Zwolle with its map');
    });

    await t.test('the same data as a table', async () => {
      const figure = page.getByTestId('map-coverage');
      await figure.getByRole('button', { name: 'Tabel' }).click();
      const table = figure.getByRole('table', { name: title });
      await table.waitFor();
      assert.equal(await table.locator('tbody tr').count(), register.districts.length);
      await table.getByRole('link', { name: binnenstad.name, exact: true }).waitFor();
      await assertAccessible(page, 'the coverage map as a table');
      await figure.getByRole('button', { name: 'Kaart' }).click();
      await mapOf(page, title).map.waitFor();
    });

    await t.test('a chosen kind of help recolours the map', async () => {
      await page.getByLabel('Soort hulp').selectOption({ label: 'Welzijn' });
      await page.waitForURL(/domein=welfare/);
      const { map } = mapOf(page, `Kaart: aanbod van Welzijn per wijk in ${ZWOLLE.name}`);
      await drawn(map, register.districts.length);
      await map.getByRole('link', { name: 'Wijk 10 Binnenstad: één aanbieder', exact: true }).waitFor();
      await assertAccessible(page, 'the coverage map for one kind of help');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('the municipality page of Utrecht has a map of its wijken', async () => {
    const { context, page, problems } = await newPage();
    const dossier = await getJson(context, `/api/v1/workspaces/demo/organisations/${UTRECHT}/dossier`);
    const code = dossier.municipality.code;
    const register = await getJson(context, `/api/v1/municipalities/${code}`);
    await page.goto(`/w/demo/municipalities/${UTRECHT}`);
    await h1(page, 'Utrecht');
    const facts = page.getByRole('region', { name: 'Over Utrecht' });
    await facts.getByRole('heading', { level: 3, name: 'Wijken' }).waitFor();
    const { map, areas } = mapOf(page, 'Kaart: aanbod per wijk in Utrecht');
    await drawn(map, register.districts.length);
    for (const d of register.districts) {
      await map.getByRole('link', { name: new RegExp(`^${d.name}: `) }).waitFor();
    }
    assert.ok((await areas.count()) >= register.districts.length);
    // A wijk opens the Sociale kaart at that wijk.
    const first = register.districts[0];
    const href = await map.getByRole('link', { name: new RegExp(`^${first.name}: `) }).getAttribute('href');
    assert.equal(href, `/w/demo/social-map?gemeente=${code}&wijk=${first.code}`);
    await checkBothSizes(page, page.getByTestId('map-municipality-districts'), 'map-municipality', 'the municipality page of Utrecht');
    await map.getByRole('link', { name: new RegExp(`^${first.name}: `) }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`social-map\\?gemeente=${code}&wijk=${first.code}`));
    await page.getByRole('heading', { level: 2, name: `Gekozen wijk: ${first.name}` }).waitFor();
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test("the map of the workspace's municipalities: relationship health or windows, Enter opens one", async () => {
    const { context, page, problems } = await newPage();
    const organisations = (await getJson(context, '/api/v1/workspaces/demo/organisations')).items.filter(
      (o) => o.kind === 'municipality' && o.municipality_code,
    );
    assert.ok(organisations.length >= 1, 'the demo works with municipalities');
    const words = { good: 'relatie goed', attention: 'aandacht nodig', action: 'actie nodig' };
    const expected = [];
    for (const o of organisations) {
      const report = await getJson(context, `/api/v1/workspaces/demo/organisations/${o.id}/relationship-health`);
      expected.push(`${o.name}: ${words[report.health.status]}`);
    }

    await page.goto('/w/demo/people/organisations');
    await h1(page, 'Gemeenten en organisaties');
    const section = page.getByRole('region', { name: 'Jouw gemeenten op de kaart' });
    await section.waitFor();
    const health = mapOf(page, 'Kaart: relatie met je gemeenten');
    await drawn(health.map, organisations.length);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    assert.deepEqual(await areaNames(health.areas), expected.sort());
    await page.getByTestId('workspace-map-summary').getByText(`Je werkt met ${organisations.length} gemeente`).waitFor();
    await checkBothSizes(page, page.getByTestId('map-workspace'), 'map-workspace', 'the map of the workspace by relationship');

    await section.getByRole('radio', { name: 'Tijdvensters van je plannen' }).check();
    const windows = mapOf(page, 'Kaart: tijdvensters bij je gemeenten');
    await drawn(windows.map, organisations.length);
    // The demo has a plan for Utrecht with a window that is open now (see municipality.test.mjs).
    await windows.map.getByRole('link', { name: /^Utrecht: tijdvenster open tot \d{1,2} \w+ \d{4}$/ }).waitFor();
    await assertAccessible(page, 'the map of the workspace by windows at 1366 px');
    await page.getByTestId('map-workspace').screenshot({ path: join(images, 'map-workspace-windows-1366.png') });

    // Keyboard: Tab to the map, End to the last municipality by name, Enter opens its page.
    await page.getByTestId('map-workspace').getByRole('button', { name: 'Tabel' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    const last = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'nl', { numeric: true })).at(-1);
    assert.match((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '', new RegExp(`^${last.name}: `));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/w/demo/municipalities/${last.id}`);
    await h1(page, last.name);
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
