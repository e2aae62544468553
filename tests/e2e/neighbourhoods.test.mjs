// End-to-end for the neighbourhoods (buurten) on the maps: the real server with the demo workspace,
// into whose database the operator's command `aantafel import boundaries` first reads the PDOK
// fixtures of Zwolle (tests/fixtures/pdok: its 16 wijken and 32 buurten; outlines from the CBS
// districts cut in two, names made up). The Sociale kaart of Zwolle then offers "Toon het aanbod in:
// Wijken / Buurten", starts at "Buurten" and colours each buurt by its own row of
// GET …/social-map/coverage (checked against the API); the map is used with the keyboard only, its
// table has a row per buurt, and "Wijken" shows the least-served buurt per wijk. The municipality
// page of Zwolle (once the workspace follows it) shows the same choice. axe-core runs at 1366 px
// and at 390×844; the map at "Buurten" is saved as screenshots in docs/img/ for docs/maps.md.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { areaNames, assertAccessible, checkMapBothSizes, DESKTOP, mapOf, PHONE } from './support/browser.mjs';
import { repoRoot } from './support/server.mjs';
import { apiClient, DEMO, e2eSuite, prepareDemo } from './support/suite.mjs';

const ZWOLLE = { code: 'GM0193', name: 'Zwolle' };
// AANTAFEL_E2E_DOCS_IMAGES: write the screenshots elsewhere (a run that should not touch docs/).
const images = process.env.AANTAFEL_E2E_DOCS_IMAGES ?? join(repoRoot, 'docs', 'img');
const pdok = (name) => join(repoRoot, 'tests', 'fixtures', 'pdok', name);

let imported = '';

const e2e = e2eSuite({
  prepare: prepareDemo({
    then(server) {
      // What an operator runs (see docs/imports.md): the wijken and the two pages of buurten.
      imported = server.cli([
        'import',
        'boundaries',
        '--file',
        pdok('wijken-items.json'),
        '--file',
        pdok('buurten-items-page1.json'),
        '--file',
        pdok('buurten-items-page2.json'),
      ]);
    },
  }),
  screenshots: images,
});
/** A fresh page, signed in as the demo owner. */
const newPage = () => e2e.newPage({ viewport: DESKTOP, timeout: 30_000, login: DEMO });

/** JSON in Dutch from the API (a full path): GET expects 200, POST 201. */
const getJson = (context, path) => apiClient(context).get(path);
const postJson = (context, csrf, path, data) => apiClient(context, csrf).post(path, data);

/** Waits until the map has drawn exactly `count` areas. */
async function drawn(map, count) {
  await map.getByRole('link').first().waitFor();
  await map.page().waitForFunction(
    ([n]) => document.querySelectorAll('.aantafel-choropleth__area').length === n,
    [count],
  );
}

const activeLabel = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

const VALUE = (providers) => (providers === 0 ? 'geen aanbieder' : providers === 1 ? 'één aanbieder' : `${providers} aanbieders`);

/** axe at 1366 px and at 390×844 (nothing wider than the phone), with a screenshot at each size when `name` is given. */
async function checkBothSizes(page, shot, name, what) {
  await checkMapBothSizes(page, shot, what, { path: name ? (size) => join(images, `${name}-${size}.png`) : undefined });
}

describe('Buurten (neighbourhoods) on the maps, after `aantafel import boundaries`', () => {
  test('the Sociale kaart of Zwolle: the choice Wijken / Buurten, the map of buurten, its table', async (t) => {
    assert.match(imported, /gebieden nieuw: 48/, `the import read 16 wijken and 32 buurten:\n${imported}`);
    const { context, page, problems, csrf } = await newPage();
    const providers = (await getJson(context, '/api/v1/workspaces/demo/organisations')).items.filter(
      (o) => o.kind !== 'municipality',
    );
    assert.ok(providers.length >= 2, 'the demo has at least two providers');
    // One provider in the wijken Binnenstad and Diezerpoort (so in all their buurten), another in
    // one buurt only: Binnenstad West has two, its neighbour one, the rest of Zwolle none.
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
      name: 'Jongerenwerk Binnenstad West (e2e)',
      domain: 'youth_care',
      law: 'jeugdwet',
      areas: ['BU01931001'],
      published: true,
    });
    const areas = (await getJson(context, `/api/v1/workspaces/demo/areas?municipality_code=${ZWOLLE.code}`)).items;
    const hoods = areas.filter((a) => /^BU\d{8}$/.test(a.code));
    assert.equal(hoods.length, 32, 'the 32 buurten of the fixtures are known areas');
    assert.ok(hoods.every((h) => h.source === 'register'));
    const coverage = await getJson(context, `/api/v1/workspaces/demo/social-map/coverage?municipality_code=${ZWOLLE.code}`);
    assert.ok(coverage.areas.every((a) => a.code.startsWith('BU')), 'the coverage has a row per buurt');
    const providersIn = (code) => new Set(coverage.cells.filter((c) => c.area === code).flatMap((c) => c.providers)).size;

    await page.goto(`/w/demo/social-map?gemeente=${ZWOLLE.code}`);
    await page.getByRole('heading', { level: 1, name: 'Sociale kaart' }).waitFor();
    const title = `Kaart: aanbod per buurt in ${ZWOLLE.name}`;
    const level = page.getByRole('group', { name: 'Toon het aanbod in' });

    await t.test('the map starts at "Buurten": every buurt a link named by its value, as the API says', async () => {
      await level.waitFor();
      assert.equal(await level.getByRole('radio', { name: 'Buurten' }).isChecked(), true);
      assert.equal(await level.getByRole('radio', { name: 'Wijken' }).isChecked(), false);
      const { map, areas: links } = mapOf(page, title);
      await drawn(map, 32);
      const expected = coverage.areas.map((a) => `${a.name}: ${VALUE(providersIn(a.code))}`).sort();
      assert.deepEqual(await areaNames(links), expected);
      await map.getByRole('link', { name: 'Wijk 10 Binnenstad West: 2 aanbieders', exact: true }).waitFor();
      await map.getByRole('link', { name: 'Wijk 10 Binnenstad Oost: één aanbieder', exact: true }).waitFor();
      await map.getByRole('link', { name: 'Wijk 22 Stadshagen Oost: geen aanbieder', exact: true }).waitFor();
      assert.equal(
        await page.getByTestId('coverage-summary').textContent(),
        'In 28 van de 32 buurten is geen aanbieder. In 3 buurten is maar één aanbieder. In 1 buurt zijn twee of meer aanbieders.',
      );
      // The wijken's borders are drawn over the buurten, and named in the legend.
      assert.equal(await map.locator('.aantafel-choropleth__borders path').count(), 16);
      await page.getByRole('list', { name: 'Legenda' }).getByText('Grens van een wijk', { exact: true }).waitFor();
      // The buurten are in the list of areas by name.
      const list = page.getByRole('table', { name: new RegExp(`^Bekende wijken en buurten in ${ZWOLLE.name}`) });
      await list.getByRole('rowheader', { name: 'Wijk 10 Binnenstad West', exact: true }).waitFor();
    });

    await t.test('keyboard only: the level choice with the arrow keys, Tab to the map, Enter opens a buurt', async () => {
      const buurten = level.getByRole('radio', { name: 'Buurten' });
      await buurten.focus();
      await page.keyboard.press('ArrowLeft');
      assert.equal(await level.getByRole('radio', { name: 'Wijken' }).isChecked(), true);
      await drawn(mapOf(page, `Kaart: aanbod per wijk in ${ZWOLLE.name}`).map, 16);
      await page.keyboard.press('ArrowRight');
      assert.equal(await buurten.isChecked(), true);
      const { map } = mapOf(page, title);
      await drawn(map, 32);
      // From the choice: "Kaart", "Tabel", then the map (one Tab stop): the first buurt by name.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.match((await activeLabel(page)) ?? '', /^Wijk 10 Binnenstad Oost: /);
      await map.locator('.aantafel-choropleth__focus').waitFor({ state: 'attached' });
      assert.match((await page.getByTestId('map-coverage-info').textContent()) ?? '', /^Wijk 10 Binnenstad Oost: /);
      await page.keyboard.press('ArrowRight');
      assert.equal(await activeLabel(page), 'Wijk 10 Binnenstad West: 2 aanbieders');
      await page.keyboard.press('Enter');
      await page.waitForURL(/wijk=BU01931001/);
      await page.getByRole('heading', { level: 2, name: 'Gekozen buurt: Wijk 10 Binnenstad West' }).waitFor();
      const chosen = page.getByRole('table', { name: 'Wie biedt welke hulp in Wijk 10 Binnenstad West' });
      await chosen.getByText(providers[1].name).first().waitFor();
      assert.equal(await map.getByRole('link', { name: /^Wijk 10 Binnenstad West: / }).getAttribute('aria-current'), 'true');
      // Only the query changed: focus stays on the map.
      assert.equal(await activeLabel(page), 'Wijk 10 Binnenstad West: 2 aanbieders');
    });

    await t.test('axe and screenshots at 1366 px and at 390×844', async () => {
      const section = page.getByRole('region', { name: 'Kaart', exact: true });
      await checkBothSizes(page, section, 'map-neighbourhoods', 'the Sociale kaart of Zwolle by buurt');
    });

    await t.test('the same data as a table: a row per buurt, with its wijk', async () => {
      const figure = page.getByTestId('map-coverage');
      await figure.getByRole('button', { name: 'Tabel' }).click();
      const table = figure.getByRole('table', { name: title });
      await table.waitFor();
      assert.equal(await table.locator('tbody tr').count(), 32);
      assert.deepEqual(await table.locator('thead th').allTextContents(), [
        'Buurt',
        'Aanbod',
        'In wijk',
        'Aanbieders',
        'Soorten hulp zonder aanbieder',
      ]);
      const oost = table.getByRole('row', { name: /^Wijk 10 Binnenstad Oost/ });
      assert.match((await oost.textContent()) ?? '', /één aanbieder\s*Wijk 10 Binnenstad/);
      await assertAccessible(page, 'the map of buurten as a table at 1366 px');
      await page.setViewportSize(PHONE);
      await assertAccessible(page, 'the map of buurten as a table at 390×844');
      await page.setViewportSize(DESKTOP);
      await figure.getByRole('button', { name: 'Kaart' }).click();
      await mapOf(page, title).map.waitFor();
    });

    await t.test('"Wijken": each wijk takes its least-served buurt', async () => {
      await level.getByRole('radio', { name: 'Wijken' }).check();
      const { map } = mapOf(page, `Kaart: aanbod per wijk in ${ZWOLLE.name}`);
      await drawn(map, 16);
      await map.getByRole('link', { name: 'Wijk 10 Binnenstad: één aanbieder', exact: true }).waitFor();
      // The chosen buurt shows as its wijk.
      assert.equal(await map.getByRole('link', { name: /^Wijk 10 Binnenstad: / }).getAttribute('aria-current'), 'true');
      assert.match(
        (await page.getByTestId('coverage-summary').textContent()) ?? '',
        /^In 14 van de 16 wijken is geen aanbieder\. In 2 wijken is maar één aanbieder\. Voor wijken met buurten telt de buurt met de minste aanbieders\.$/,
      );
      assert.equal(await map.locator('.aantafel-choropleth__borders path').count(), 0);
      await checkBothSizes(page, page.getByTestId('map-coverage'), null, 'the Sociale kaart of Zwolle by wijk');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('the municipality page of Zwolle has the same choice; a buurt opens the Sociale kaart at that buurt', async () => {
    const { context, page, problems, csrf } = await newPage();
    const zwolle = await postJson(context, csrf, '/api/v1/workspaces/demo/organisations', {
      kind: 'municipality',
      municipality_code: ZWOLLE.code,
    });
    await page.goto(`/w/demo/municipalities/${zwolle.id}`);
    await page.getByRole('heading', { level: 1, name: ZWOLLE.name }).waitFor();
    const facts = page.getByRole('region', { name: `Over ${ZWOLLE.name}` });
    await facts.getByRole('heading', { level: 3, name: 'Wijken en buurten' }).waitFor();
    assert.equal(await facts.getByRole('radio', { name: 'Buurten' }).isChecked(), true);
    const { map } = mapOf(page, `Kaart: aanbod per buurt in ${ZWOLLE.name}`);
    await drawn(map, 32);
    const west = map.getByRole('link', { name: 'Wijk 10 Binnenstad West: 2 aanbieders', exact: true });
    assert.equal(await west.getAttribute('href'), `/w/demo/social-map?gemeente=${ZWOLLE.code}&wijk=BU01931001`);
    await checkBothSizes(page, page.getByTestId('map-municipality-districts'), null, 'the municipality page of Zwolle');
    await west.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/social-map\?gemeente=GM0193&wijk=BU01931001/);
    await page.getByRole('heading', { level: 2, name: 'Gekozen buurt: Wijk 10 Binnenstad West' }).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Toon het aanbod in' }).getByRole('radio', { name: 'Buurten' }).isChecked(), true);
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
