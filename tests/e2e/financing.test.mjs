// End-to-end for "Bekostiging" (tag financing): the real server, the built web app and Chromium.
// In its own workspace with Zeist, an owner opens the area from the main menu (empty state),
// makes a scenario for Zeist that compares PxQ with a combined contract (the form's defaults),
// sees a server field problem at its field, runs the streamed simulation with the keyboard
// (progress bar, Stop, then a full run), reads who carries the risk (the figures checked against
// the JSON API for the same scenario and seed), saves, reloads, downloads CSV/XLSX/SVG and a PNG
// of the chart, and opens the printable summary. axe-core checks every page state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused, h1, status, tabTo } from './support/browser.mjs';
import { repoRoot } from './support/server.mjs';
import { apiClient, DEMO, e2eSuite, login, prepareDemo } from './support/suite.mjs';

const WS = { slug: 'bekostiging', name: 'Wijkzorg Bekostiging' };
const BASE = `/w/${WS.slug}/financing`;
const NAME = 'Wmo-begeleiding Zeist 2027';
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

const e2e = e2eSuite({
  prepare: prepareDemo({ workspaces: [WS] }), // `demo` loads Zeist into the municipality reference data
  screenshots,
  page: { acceptDownloads: true, timeout: 30_000 },
});
const { newPage } = e2e;

/** "38%", "minder dan 1%": how the page writes a chance in Dutch. */
function dutchChance(p) {
  if (p <= 0) return '0%';
  if (p >= 1) return '100%';
  if (p < 0.005) return 'minder dan 1%';
  if (p > 0.995) return 'meer dan 99%';
  return `${Math.round(p * 100)}%`;
}

/** Moves focus to the Bereken button with Tab (from the seed field) and presses Enter. */
async function runWithKeyboard(page) {
  const seed = page.getByLabel('Startgetal');
  if (!(await seed.isVisible())) await page.getByText('Geavanceerd: aantal berekeningen en startgetal').click();
  await seed.focus();
  const button = await tabTo(page, (f) => f.tag === 'button' && f.name === 'Bereken', 3);
  assert.equal(button.name, 'Bereken');
  await page.keyboard.press('Enter');
}

describe('Bekostiging with the real server', () => {
  const ids = {};

  test('scenario: PxQ against a combined contract for Zeist, run, risk, save, reload, exports, print', async (t) => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context, DEMO);
    const api = apiClient(context, csrf, WS.slug);

    await t.test('setup through the API: Zeist as a municipality of the workspace', async () => {
      const found = await api.get('/api/v1/municipalities?q=Zeist');
      const zeist = found.items.find((m) => m.name === 'Zeist');
      assert.ok(zeist, 'Zeist is in the reference data');
      ids.zeistCode = zeist.code;
      await api.post('/organisations', { kind: 'municipality', municipality_code: zeist.code });
    });

    await t.test('the area opens from the main menu and explains itself when empty', async () => {
      await page.goto(`/w/${WS.slug}/`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bekostiging' }).click();
      await h1(page, 'Bekostiging');
      await page.getByRole('heading', { level: 2, name: 'Nog geen scenario’s' }).waitFor();
      await page.getByText(/Met een scenario reken je uit wat een contractvorm/).waitFor();
      assert.equal(await page.getByText('Dit onderdeel is nog niet beschikbaar.').count(), 0);
      await assertAccessible(page, 'the scenario list (empty)');
    });

    await t.test('a new scenario starts from sensible Dutch defaults', async () => {
      await page.getByRole('main').getByRole('link', { name: 'Nieuw scenario' }).last().click();
      await h1(page, 'Nieuw scenario');
      await page.getByRole('option', { name: 'Zeist' }).waitFor({ state: 'attached' });
      assert.equal(await page.getByLabel('Gemiddeld aantal cliënten').inputValue(), '500');
      assert.equal(await page.getByLabel('Jouw kosten per uur (€)').inputValue(), '58');
      const pxq = page.getByRole('group', { name: 'Contractvorm 1: PxQ' });
      const combined = page.getByRole('group', { name: 'Contractvorm 2: Combinatie' });
      assert.equal(await pxq.getByLabel('Vorm').inputValue(), 'effort_based');
      assert.equal(await combined.getByLabel('Vorm').inputValue(), 'combined');
      await pxq.getByText(/Het risico op meer cliënten ligt dus bij de gemeente/).waitFor();
      await combined.getByText(/Zo delen jij en de gemeente het risico/).waitFor();
      await page.getByLabel('Naam van het scenario').fill(NAME);
      await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Zeist' });
      await assertAccessible(page, 'the new-scenario form');
    });

    await t.test('a problem the server finds is shown at its field', async () => {
      await page.getByLabel('Gemiddeld aantal cliënten').fill('2000000'); // the server allows 1 000 000
      await page.getByRole('button', { name: 'Bereken' }).click();
      const field = page.getByLabel('Gemiddeld aantal cliënten');
      await page.locator('#fin-clients-mean[aria-invalid="true"]').waitFor();
      await assertFocused(field, 'focus moves to the field');
      await assertAccessible(page, 'the form with a field error');
      await field.fill('500');
    });

    await t.test('run with the keyboard: progress bar, Stop, then a full run', async () => {
      await page.getByText('Geavanceerd: aantal berekeningen en startgetal').click();
      await page.getByLabel('Aantal berekeningen').fill('200000');
      await runWithKeyboard(page);
      const bar = page.getByRole('progressbar', { name: 'Voortgang van de berekening' });
      await bar.waitFor();
      await page.waitForFunction(
        () => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 0,
      );
      await assertAccessible(page, 'the form while a calculation runs');
      // Stop with the keyboard: while it runs, Bereken is disabled, so Tab from the seed lands on Stop.
      await page.getByLabel('Startgetal').focus();
      await tabTo(page, (f) => f.tag === 'button' && f.name === 'Stop', 3);
      await page.keyboard.press('Enter');
      await status(page, 'De berekening is gestopt.');
      assert.equal(await bar.count(), 0);

      await page.getByLabel('Aantal berekeningen').fill('20000');
      await page.getByLabel('Startgetal').fill('7');
      await runWithKeyboard(page);
      await status(page, 'De berekening is klaar: 20.000 keer doorgerekend.');
      await page.getByRole('heading', { level: 2, name: 'Wie draagt het risico?' }).waitFor();
    });

    await t.test('who carries the risk, in words and figures that match the API', async () => {
      const scenario = {
        population: {
          clients: { poisson: { mean: 500 } },
          intensity: { lognormal: { median: 20, p90: 60 } },
          unit: 'hour',
          result_share: { beta: { mean: 0.6, strength: 40 } },
        },
        costs: { cost_per_unit: 58, fixed_costs: 150000 },
        budget: 1100000,
        variants: [
          { name: 'PxQ', form: 'effort_based', price_per_unit: 68 },
          {
            name: 'Combinatie', form: 'combined', fixed_part: 400000, price_per_unit: 40, floor: 800000, cap: 1100000,
            incentive: { target_share: 0.55, bonus_per_result: 200, malus_per_result: 200 },
          },
        ],
        runs: 20000,
        seed: 7,
      };
      const summary = await api.post('/financing/simulations', scenario, 200);
      const [pxq, combined] = summary.variants;
      const risk = page.getByRole('region', { name: 'Wie draagt het risico?' });
      const pxqText = risk.getByText(/^Bij PxQ betaalt de gemeente meer als er meer cliënten komen/);
      await pxqText.waitFor();
      const text = await pxqText.textContent();
      assert.ok(
        text.includes(`kans dat het budget overschreden wordt ${dutchChance(pxq.over_budget_probability)}.`),
        `the budget chance of PxQ is in: ${text}`,
      );
      assert.ok(text.includes(`Je loopt ${dutchChance(pxq.loss_probability)} kans op verlies.`), `the loss chance of PxQ is in: ${text}`);
      assert.match(text, /Loopt het anders dan verwacht, dan merkt vooral de gemeente dat\./);
      const combinedText = await risk.getByText(/^Bij Combinatie delen jij en de gemeente het risico/).textContent();
      assert.ok(combinedText.includes(`Je loopt ${dutchChance(combined.loss_probability)} kans op verlies.`), combinedText);
      // The comparison chart has a visible table with the same figures.
      await page.getByRole('img', { name: /Vergelijking: Jouw resultaat/ }).waitFor();
      const chances = page.getByRole('table', { name: 'Kansen' });
      await chances.getByRole('row', { name: /PxQ/ }).getByText(dutchChance(pxq.loss_probability), { exact: true }).waitFor();
      await page.getByRole('table', { name: 'Invloed van de onzekere invoer op jouw resultaat' }).waitFor();
      await page.getByRole('img', { name: 'Verdeling van jouw resultaat bij PxQ' }).waitFor();
      await assertAccessible(page, 'the results');
      await page.screenshot({ path: join(screenshots, 'financing-results.png'), fullPage: true });
    });

    await t.test('save, then reload the saved scenario', async () => {
      await page.getByRole('button', { name: 'Scenario opslaan' }).click();
      await h1(page, NAME);
      await status(page, `Scenario "${NAME}" is opgeslagen.`);
      ids.scenario = Number(new URL(page.url()).pathname.split('/').pop());
      assert.ok(ids.scenario > 0);
      const saved = await api.get(`/financing/scenarios/${ids.scenario}`);
      assert.equal(saved.municipality_code, ids.zeistCode);
      assert.deepEqual(saved.scenario.variants.map((v) => v.form), ['effort_based', 'combined']);
      assert.equal(saved.scenario.runs, 20000);
      assert.equal(saved.scenario.seed, 7);

      await page.reload();
      await h1(page, NAME);
      assert.equal(await page.getByLabel('Naam van het scenario').inputValue(), NAME);
      // A saved scenario opens with its results: calculated again with its own seed, no "Bereken".
      await status(page, 'De uitkomsten van dit scenario staan onder het formulier.');
      await page.getByRole('heading', { level: 2, name: 'Wie draagt het risico?' }).waitFor();
      await page.getByText('20.000 keer doorgerekend, startgetal 7.').waitFor();
      assert.equal(await page.getByText(/veranderd na de berekening/).count(), 0, 'no "changed since the calculation" warning');
      const again = await api.post('/financing/simulations', saved.scenario, 200);
      const chancesOnOpen = page.getByRole('table', { name: 'Kansen' });
      for (const variant of again.variants) {
        await chancesOnOpen.getByRole('row', { name: new RegExp(variant.name) }).getByText(dutchChance(variant.loss_probability), { exact: true }).first().waitFor();
      }
      // Dutch amounts on every chart axis: "€ 20.000", "€ 1,5 mln", never "€ 100K".
      await page.getByLabel('Wat wil je vergelijken?').selectOption('spending');
      const axisOf = async (name) =>
        page.getByRole('img', { name }).locator('text').evaluateAll((texts) =>
          texts.map((t) => t.textContent.trim()).filter((t) => t.startsWith('€') || t.startsWith('-€')),
        );
      const spendingAxis = await axisOf(/^Vergelijking: Uitgaven van de gemeente/);
      assert.ok(spendingAxis.length >= 3, `axis labels: ${spendingAxis}`);
      for (const label of spendingAxis) assert.match(label, /^€\u00a0-?\d+(,\d+)?\u00a0mln$/, `a Dutch million on the axis: ${label}`);
      await page.getByLabel('Wat wil je vergelijken?').selectOption('margin');
      const marginAxis = await axisOf(/^Vergelijking: Jouw resultaat/);
      for (const label of marginAxis) assert.match(label, /^€\u00a0-?\d{1,3}(\.\d{3})*$/, `Dutch whole euros on the axis: ${label}`);
      assert.ok(marginAxis.includes('€\u00a00'), `a zero tick: ${marginAxis}`);
      const histogramAxis = await axisOf('Verdeling van jouw resultaat bij PxQ');
      for (const label of histogramAxis) assert.match(label, /^€\u00a0-?\d{1,3}(\.\d{3})*(,\d+)?(\u00a0mln)?$/, `histogram axis: ${label}`);
      const texts = await page.locator('.aantafel-financing-results').innerText();
      assert.doesNotMatch(texts, /\d\s?K\b/, 'no "K" for thousands anywhere in the results');
      assert.equal(await page.getByLabel('Gemeente', { exact: true }).inputValue(), ids.zeistCode);
      assert.equal(
        await page.getByRole('group', { name: 'Contractvorm 2: Combinatie' }).getByLabel('Bovengrens (niet verplicht) (€)').inputValue(),
        '1100000',
      );
      await assertAccessible(page, 'the saved scenario');

      // Saving again replaces it (PUT) and keeps the page.
      await page.getByLabel('Toelichting (niet verplicht)').fill('Voor het overleg met de wethouder.');
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await status(page, `Scenario "${NAME}" is opgeslagen.`);
      assert.equal(Number(new URL(page.url()).pathname.split('/').pop()), ids.scenario);
      assert.equal((await api.get(`/financing/scenarios/${ids.scenario}`)).description, 'Voor het overleg met de wethouder.');
    });

    await t.test('exports answer 200, and the chart downloads as a PNG', async () => {
      const exports = page.getByRole('region', { name: 'Downloaden en afdrukken' });
      const expected = [
        ['Uitkomsten downloaden (CSV)', 'text/csv'],
        ['Uitkomsten downloaden (Excel)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['Grafiek van de marge downloaden (SVG)', 'image/svg+xml'],
      ];
      for (const [label, type] of expected) {
        const href = await exports.getByRole('link', { name: label }).getAttribute('href');
        assert.match(href, new RegExp(`^/api/v1/workspaces/${WS.slug}/financing/scenarios/${ids.scenario}/export\\?format=`));
        const response = await context.request.get(href);
        assert.equal(response.status(), 200, `${label}: ${href}`);
        assert.ok(response.headers()['content-type'].startsWith(type), `${label}: ${response.headers()['content-type']}`);
        assert.ok((await response.body()).length > 0);
      }
      // The PNG is drawn in the browser from the page's chart: calculate once more (keyboard).
      await runWithKeyboard(page);
      await status(page, 'De berekening is klaar');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download als afbeelding (PNG)' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /\.png$/);
      const file = readFileSync(await download.path());
      assert.deepEqual([...file.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    });

    await t.test('the printable one-page summary', async () => {
      await page.getByRole('link', { name: 'Samenvatting om af te drukken' }).click();
      await h1(page, `Samenvatting: ${NAME}`);
      await page.getByRole('heading', { level: 2, name: 'Wie draagt het risico?' }).waitFor();
      await page.getByText(/startgetal 7 · 20\.000 berekeningen/).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Uitgangspunten' }).waitFor();
      await page.getByRole('table', { name: 'Kansen' }).waitFor();
      await page.getByRole('button', { name: 'Afdrukken' }).waitFor();
      await assertAccessible(page, 'the printable summary');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false, 'prints without the menu');
      assert.equal(await page.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, 'the summary fits on one A4 page');
      await page.screenshot({ path: join(screenshots, 'financing-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
    });

    await t.test('the list shows the scenario and filters by municipality', async () => {
      await page.goto(BASE);
      await h1(page, 'Bekostiging');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: NAME }) });
      await row.getByText('Zeist', { exact: true }).waitFor();
      await page.getByLabel('Gemeente').selectOption({ label: 'Zeist' });
      await page.waitForURL(/municipality=GM\d{4}/);
      await page.getByRole('link', { name: NAME }).waitFor();
      await assertAccessible(page, 'the scenario list');
    });

    await t.test('save as a new scenario, then delete that copy', async () => {
      await page.getByRole('link', { name: NAME }).click();
      await h1(page, NAME);
      await page.getByLabel('Naam van het scenario').fill(`${NAME} (kopie)`);
      await page.getByRole('button', { name: 'Opslaan als nieuw scenario' }).click();
      await h1(page, `${NAME} (kopie)`);
      const copy = Number(new URL(page.url()).pathname.split('/').pop());
      assert.notEqual(copy, ids.scenario);
      await page.getByRole('button', { name: 'Scenario verwijderen' }).click();
      const dialog = page.getByRole('alertdialog', { name: `Scenario "${NAME} (kopie)" verwijderen?` });
      await dialog.waitFor();
      await assertAccessible(page, 'the delete confirmation');
      await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await h1(page, 'Bekostiging');
      await status(page, `Scenario "${NAME} (kopie)" is verwijderd.`);
      const { items } = await api.get('/financing/scenarios');
      assert.deepEqual(items.map((s) => s.id), [ids.scenario]);
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
