// End-to-end for Wie is wie (issue #4): the real server, the built web app and Chromium.
// A fresh workspace gets a municipality, a wethouder, two raadsleden and a beleidsadviseur with
// assessments, all through the UI; then the grid, the field of forces and an election. axe-core
// checks every page state; one form is filled in with the keyboard only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused, h1, status, tab, tabTo } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { repoRoot } from './support/server.mjs';
import { e2eSuite, login, prepareDemo } from './support/suite.mjs';

const VIEWER = { email: 'lezer@wijkzorg.example', name: 'Lea Lezer', password: 'lezer-wachtwoord-2026' };
const WS = { slug: 'wie-test', name: 'Wie is wie test' };
const IMPORT_WS = { slug: 'import-test', name: 'Import test' };
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');
const fixtures = join(repoRoot, 'tests', 'fixtures', 'people');

const e2e = e2eSuite({
  // `demo` loads Utrecht, Amersfoort and Zeist into the municipality reference data, and
  // fictional people into the demo workspace.
  prepare: prepareDemo({ users: [VIEWER], workspaces: [WS, IMPORT_WS] }),
  screenshots,
  page: { acceptDownloads: true },
});
const { newPage } = e2e;

/** Adds a person with one position and (optionally) an assessment, all through the UI. */
async function addPerson(page, person) {
  await page.goto(`/w/${WS.slug}/people/new`);
  await h1(page, 'Persoon toevoegen');
  await page.getByLabel('Naam', { exact: true }).fill(person.name);
  if (person.email) await page.getByLabel('E-mailadres').fill(person.email);
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  await h1(page, person.name);
  await status(page, `${person.name} is toegevoegd.`);
  const id = Number(new URL(page.url()).pathname.split('/').pop());

  await page.getByRole('button', { name: 'Functie toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Functie toevoegen' });
  await form.getByLabel('Gemeente of organisatie').selectOption({ label: 'Zeist' });
  await form.getByLabel('Functie', { exact: true }).selectOption(person.kind);
  if (person.party) await form.getByLabel('Partij').fill(person.party);
  if (person.portfolios) await form.getByLabel('Portefeuilles').fill(person.portfolios);
  if (person.domains) await form.getByLabel('Domeinen').fill(person.domains);
  await form.getByLabel('Eerste dag in functie').fill(person.startedOn);
  await form.getByRole('button', { name: 'Functie toevoegen' }).click();
  await status(page, 'De functie');
  await page.getByRole('table', { name: `Functies van ${person.name}, ook beëindigde` }).waitFor();

  if (person.scores) {
    const [power, interest, attitude] = person.scores;
    await page.getByRole('button', { name: 'Inschatting toevoegen' }).click();
    const assess = page.getByRole('form', { name: 'Nieuwe inschatting' });
    await assess.getByRole('group', { name: /^Invloed/ }).getByRole('radio', { name: new RegExp(`^${power} `) }).check();
    await assess.getByRole('group', { name: /^Belang/ }).getByRole('radio', { name: new RegExp(`^${interest} `) }).check();
    const sign = attitude > 0 ? `\\+${attitude}` : attitude < 0 ? `−${-attitude}` : '0';
    await assess.getByRole('group', { name: /^Houding/ }).getByRole('radio', { name: new RegExp(`\\(${sign}\\)$`) }).check();
    await assess.getByRole('button', { name: 'Inschatting opslaan' }).click();
    await status(page, `De inschatting van ${person.name} is opgeslagen`);
  }
  return id;
}

describe('Wie is wie with the real server', () => {
  test('scenario: municipality, people, assessments, grid, field of forces, election', async (t) => {
    const { context, page, problems } = await newPage();
    await login(context);
    const ids = {};

    await t.test('the area opens from the main menu and starts empty', async () => {
      await page.goto(`/w/${WS.slug}/`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wie is wie' }).click();
      await h1(page, 'Wie is wie');
      await page.getByText('Er staan nog geen personen in deze werkruimte.').waitFor();
      await assertAccessible(page, 'the empty people list');
    });

    await t.test('a municipality is added from the reference data', async () => {
      await page.getByRole('navigation', { name: 'Wie is wie' }).getByRole('link', { name: 'Gemeenten en organisaties' }).click();
      await h1(page, 'Gemeenten en organisaties');
      await page.getByText('Je volgt nog geen gemeenten of organisaties.').waitFor();
      await page.getByRole('button', { name: 'Zoeken' }).click();
      const search = page.getByLabel('Naam of CBS-code');
      assert.equal(await search.getAttribute('aria-invalid'), 'true', 'an empty search is refused at the field');
      await assertAccessible(page, 'the organisations page with a field error');
      await search.fill('Zei');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByRole('heading', { name: /Zoekresultaten \(1\)/ }).waitFor();
      await assertAccessible(page, 'the municipality search results');
      await page.getByRole('button', { name: 'Toevoegen Zeist' }).click();
      await status(page, 'Zeist is toegevoegd.');
      await page.getByRole('table', { name: `Gemeenten en organisaties van ${WS.name}` })
        .getByRole('rowheader', { name: 'Zeist' }).waitFor();
      await assertAccessible(page, 'the organisations list');
      await page.screenshot({ path: join(screenshots, 'whoiswho-organisations.png'), fullPage: true });
    });

    await t.test('the add-person form shows its error at the name field', async () => {
      await page.goto(`/w/${WS.slug}/people/new`);
      await h1(page, 'Persoon toevoegen');
      await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
      const name = page.getByLabel('Naam', { exact: true });
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      await assertFocused(name, 'focus moves to the field');
      const described = await name.getAttribute('aria-describedby');
      assert.equal((await page.locator(`#${described}`).textContent())?.trim(), 'Vul een naam in.');
      await assertAccessible(page, 'the add-person form with an error');
    });

    await t.test('a wethouder with portfolios, assessed', async () => {
      ids.wendy = await addPerson(page, {
        name: 'Wendy Wethouder',
        email: 'wendy@zeist.example',
        kind: 'alderman',
        party: 'Lokaal Zeist',
        portfolios: 'Wmo, Jeugd',
        startedOn: '2022-06-01',
        scores: [5, 4, 1],
      });
      const positions = page.getByRole('table', { name: 'Functies van Wendy Wethouder, ook beëindigde' });
      await positions.getByText('Portefeuilles: Wmo, Jeugd').waitFor();
      await page.getByRole('table', { name: /Alle inschattingen van Wendy Wethouder/ }).getByText('Eerder voor (+1)').waitFor();
      await page.getByRole('region', { name: 'Persoonlijke gegevens' }).getByText('wendy@zeist.example').waitFor();
      await assertAccessible(page, 'the person page');
      await page.screenshot({ path: join(screenshots, 'whoiswho-person.png'), fullPage: true });
    });

    await t.test('personal data is changed with PATCH; an emptied field is cleared', async () => {
      await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
      const form = page.getByRole('form', { name: 'Gegevens wijzigen' });
      await assertFocused(form.getByLabel('Naam', { exact: true }), 'focus starts in the form');
      await form.getByLabel('E-mailadres').fill('');
      await form.getByLabel('Telefoonnummer').fill('030 123 45 67');
      await form.getByLabel('Notities').fill('Voorkeur voor een werkbezoek in de wijk.');
      await assertAccessible(page, 'the edit-person form');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await status(page, 'De gegevens van Wendy Wethouder zijn opgeslagen.');
      const personal = page.getByRole('region', { name: 'Persoonlijke gegevens' });
      await personal.getByText('030 123 45 67').waitFor();
      await personal.getByText('Voorkeur voor een werkbezoek in de wijk.').waitFor();
      assert.equal(await personal.getByText('wendy@zeist.example').count(), 0, 'the e-mail address is cleared');
    });

    await t.test('a position entered by mistake is deleted after confirmation', async () => {
      await page.getByRole('button', { name: 'Functie toevoegen' }).click();
      const form = page.getByRole('form', { name: 'Functie toevoegen' });
      await form.getByLabel('Functie', { exact: true }).selectOption('clerk');
      await form.getByLabel('Eerste dag in functie').fill('2024-01-01');
      await form.getByRole('button', { name: 'Functie toevoegen' }).click();
      await status(page, 'De functie Griffier bij Zeist is toegevoegd.');
      await page.getByRole('button', { name: 'Verwijderen Griffier bij Zeist' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Functie verwijderen?' });
      await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await status(page, 'De functie Griffier bij Zeist is verwijderd.');
      assert.equal(await page.getByRole('button', { name: 'Verwijderen Griffier bij Zeist' }).count(), 0);
    });

    await t.test('two raadsleden (old and new council) and a beleidsadviseur for Wmo', async () => {
      ids.oscar = await addPerson(page, {
        name: 'Oscar Oudgediende',
        kind: 'council_member',
        party: 'Lokaal Zeist',
        startedOn: '2018-03-29',
        scores: [2, 4, -1],
      });
      ids.nina = await addPerson(page, {
        name: 'Nina Nieuwkomer',
        kind: 'council_member',
        party: 'Groen Zeist',
        startedOn: '2022-03-30',
      });
      ids.bas = await addPerson(page, {
        name: 'Bas Beleid',
        kind: 'policy_adviser',
        domains: 'Wmo',
        startedOn: '2021-01-01',
        scores: [4, 5, 2],
      });
      await assertAccessible(page, 'the person page after an assessment');
    });

    await t.test('the municipality page: grid with its table, and the field of forces', async () => {
      await page.goto(`/w/${WS.slug}/people/organisations`);
      // exact: the map of the workspace's municipalities has a link "Zeist: relatie …" too.
      await page.getByRole('link', { name: 'Zeist', exact: true }).click();
      await h1(page, 'Zeist');
      // The chart engine draws an SVG; the same data is in the table.
      await page.locator('.aantafel-chart__canvas svg').first().waitFor();
      const toggle = page.getByRole('button', { name: 'Toon de gegevens als tabel' });
      await toggle.click();
      const grid = page.getByRole('table', { name: 'Invloed en belang bij Zeist' });
      await grid.waitFor();
      const rows = await grid.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
      );
      assert.deepEqual(
        rows.sort(),
        [
          ['Bas Beleid', '5', '4', 'Voor (+2)', 'Nauw betrekken'],
          ['Oscar Oudgediende', '4', '2', 'Eerder tegen (−1)', 'Informeren'],
          ['Wendy Wethouder', '4', '5', 'Eerder voor (+1)', 'Nauw betrekken'],
        ],
      );
      await page.getByText('Nog niet ingeschat (1):').waitFor();

      const college = page.locator('.aantafel-forces__group').filter({ has: page.getByRole('heading', { name: 'College van burgemeester en wethouders' }) });
      assert.match(await college.textContent(), /Wendy Wethouder · Wethouder · portefeuilles: Wmo, Jeugd/);
      assert.match(await college.textContent(), /Houding: Eerder voor \(\+1\)/);
      const council = page.locator('.aantafel-forces__group').filter({ has: page.getByRole('heading', { name: 'Gemeenteraad' }) });
      const parties = await council.getByRole('heading', { level: 4 }).allTextContents();
      assert.deepEqual(parties.sort(), ['Groen Zeist', 'Lokaal Zeist']);
      assert.match(await council.textContent(), /Oscar Oudgediende.*Houding: Eerder tegen \(−1\)/);
      assert.match(await council.textContent(), /Nina Nieuwkomer.*Nog geen inschatting/);
      const civil = page.locator('.aantafel-forces__group').filter({ has: page.getByRole('heading', { name: 'Ambtelijke organisatie' }) });
      assert.deepEqual(await civil.getByRole('heading', { level: 4 }).allTextContents(), ['Wmo']);
      await page.getByText('De zetelverdeling is nog niet bekend.', { exact: false }).waitFor();
      await assertAccessible(page, 'the municipality page with the grid table shown');
      await page.screenshot({ path: join(screenshots, 'whoiswho-municipality.png'), fullPage: true });
    });

    await t.test('an election ends the old council and lists whom to meet', async () => {
      const form = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Verkiezing verwerken' }) });
      await form.getByRole('button', { name: 'Verkiezing verwerken' }).click();
      const installation = form.getByLabel('Dag van installatie van de nieuwe raad');
      assert.equal(await installation.getAttribute('aria-invalid'), 'true');
      await assertAccessible(page, 'the election form with an error');

      await installation.fill('2022-03-30');
      await form.getByLabel('Dag van de verkiezing (niet verplicht)').fill('2022-03-16');
      await form.getByLabel('Partij 1', { exact: true }).fill('Lokaal Zeist');
      await form.getByLabel('Zetels partij 1').fill('10');
      await form.getByRole('button', { name: 'Partij toevoegen' }).click();
      await form.getByLabel('Partij 2', { exact: true }).fill('Groen Zeist');
      await form.getByLabel('Zetels partij 2').fill('7');
      await form.getByRole('button', { name: 'Verkiezing verwerken' }).click();

      const result = page.getByRole('heading', { name: 'De verkiezing is verwerkt' });
      await result.waitFor();
      await assertFocused(result, 'focus moves to the result');
      await page.getByText('1 functie van de oude raadsperiode is beëindigd.').waitFor();
      const notMet = page.locator('.utrecht-alert').filter({ hasText: 'Nog niet ontmoet' });
      await notMet.getByRole('link', { name: 'Nina Nieuwkomer' }).waitFor();
      assert.equal(await notMet.getByRole('link', { name: 'Oscar Oudgediende' }).count(), 0);

      const seats = page.getByRole('table', { name: 'Zetels per partij in de gemeenteraad' });
      await seats.getByRole('row', { name: /Lokaal Zeist\s*10/ }).waitFor();
      await seats.getByRole('row', { name: /Totaal\s*17/ }).waitFor();
      const council = page.locator('.aantafel-forces__group').filter({ has: page.getByRole('heading', { name: 'Gemeenteraad' }) });
      await council.getByRole('heading', { level: 4, name: 'Lokaal Zeist (10 zetels)' }).waitFor();
      assert.doesNotMatch(await council.textContent(), /Oscar Oudgediende/, 'the old council member is gone');
      await assertAccessible(page, 'the municipality page after an election');
      await page.screenshot({ path: join(screenshots, 'whoiswho-election.png'), fullPage: true });

      await notMet.getByRole('link', { name: 'Nina Nieuwkomer' }).click();
      await h1(page, 'Nina Nieuwkomer');
    });

    await t.test('the people list filters by role and name, and keeps the filters in the URL', async () => {
      await page.goto(`/w/${WS.slug}/people`);
      await h1(page, 'Wie is wie');
      await page.getByText('4 personen gevonden.').waitFor();
      await page.getByLabel('Functie', { exact: true }).selectOption('council_member');
      await page.waitForURL(/kind=council_member/);
      await page.getByText('1 persoon gevonden.').waitFor();
      await page.getByRole('link', { name: 'Nina Nieuwkomer' }).waitFor();
      await page.reload();
      await page.getByText('1 persoon gevonden.').waitFor();
      assert.equal(await page.getByLabel('Functie', { exact: true }).inputValue(), 'council_member');
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await page.getByLabel('Naam', { exact: true }).fill('wend');
      await page.waitForURL(/q=wend/);
      await page.getByText('1 persoon gevonden.').waitFor();
      await page.getByRole('link', { name: 'Wendy Wethouder' }).waitFor();
      await page.getByLabel('Kwadrant').selectOption('monitor');
      await page.getByText('Niemand past bij deze filters.', { exact: false }).waitFor();
      await assertAccessible(page, 'the people list with filters');
      await page.getByRole('button', { name: 'Filters wissen' }).click();
      await page.getByText('4 personen gevonden.').waitFor();
      await assertAccessible(page, 'the people list');
      await page.screenshot({ path: join(screenshots, 'whoiswho-people.png'), fullPage: true });
    });

    await t.test('export downloads a CSV with the people', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Downloaden als CSV' }).click(),
      ]);
      const text = readFileSync(await download.path(), 'utf8');
      assert.match(text, /Wendy Wethouder/);
      assert.match(download.suggestedFilename(), /\.csv$/);
    });

    await t.test('ending a position keeps it in the history', async () => {
      await page.goto(`/w/${WS.slug}/people/${ids.bas}`);
      await h1(page, 'Bas Beleid');
      await page.getByRole('button', { name: 'Beëindigen Beleidsadviseur bij Zeist' }).click();
      const form = page.getByRole('form', { name: /Functie beëindigen/ });
      await form.getByLabel('Laatste dag in functie').fill('2025-12-31');
      await assertAccessible(page, 'the end-position form');
      await form.getByRole('button', { name: 'Functie beëindigen' }).click();
      await status(page, 'De functie Beleidsadviseur bij Zeist is beëindigd.');
      await page.getByText('1 januari 2021 tot en met 31 december 2025').waitFor();
    });

    await t.test('AVG: download everything, then erase the person after confirmation', async () => {
      await page.goto(`/w/${WS.slug}/people/${ids.oscar}`);
      await h1(page, 'Oscar Oudgediende');
      await page.getByText('Beëindigd', { exact: true }).waitFor();
      await page.getByText('29 maart 2018 tot en met 29 maart 2022').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Gegevens downloaden' }).click(),
      ]);
      const dossier = JSON.parse(readFileSync(await download.path(), 'utf8'));
      assert.equal(dossier.person.name, 'Oscar Oudgediende');
      assert.equal(dossier.assessments.length, 1);

      await page.getByRole('button', { name: 'Persoon wissen' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Oscar Oudgediende wissen?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the erase confirmation');
      await dialog.getByRole('button', { name: 'Ja, wissen' }).click();
      await h1(page, 'Wie is wie');
      await status(page, 'Oscar Oudgediende is gewist.');
      assert.equal(await page.getByRole('link', { name: 'Oscar Oudgediende' }).count(), 0);
      const gone = await context.request.get(`/api/v1/workspaces/${WS.slug}/people/${ids.oscar}`);
      assert.equal(gone.status(), 404);
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('import: check a file, see rejected rows, then import a good file', async () => {
    const { context, page, problems } = await newPage();
    await login(context);
    await page.goto(`/w/${IMPORT_WS.slug}/people/import`);
    await h1(page, 'Importeren');
    await assertAccessible(page, 'the import page');

    await page.getByLabel('Bestand', { exact: true }).setInputFiles(join(fixtures, 'bad-rows.csv'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: /Resultaat van de controle|Het bestand is afgekeurd/ }).waitFor();
    const rejected = page.getByRole('table', { name: 'Afgekeurde regels' });
    await rejected.waitFor();
    assert.ok((await rejected.locator('tbody tr').count()) >= 3, 'each bad row is listed');
    await rejected.getByRole('rowheader', { name: '3' }).waitFor(); // GM9999 on line 3
    assert.equal(await page.getByRole('button', { name: 'Importeren' }).count(), 0, 'no import with rejections');
    await assertAccessible(page, 'the import report with rejected rows');
    await page.screenshot({ path: join(screenshots, 'whoiswho-import-rejected.png'), fullPage: true });

    await page.getByLabel('Bestand', { exact: true }).setInputFiles(join(fixtures, 'people.csv'));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('heading', { name: 'Resultaat van de controle' }).waitFor();
    await page.getByText('Het bestand is goed.', { exact: false }).waitFor();
    const before = await context.request.get(`/api/v1/workspaces/${IMPORT_WS.slug}/people`);
    assert.equal((await before.json()).items.length, 0, 'a check writes nothing');
    await assertAccessible(page, 'the import check result');
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByRole('heading', { name: 'Het bestand is geïmporteerd' }).waitFor();
    await page.getByRole('navigation', { name: 'Wie is wie' }).getByRole('link', { name: 'Personen' }).click();
    await page.getByRole('link', { name: 'Willem Proef' }).waitFor();
    await page.getByText('3 personen gevonden.').waitFor();

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('a viewer sees the demo data and can export, but cannot change anything', async () => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context);
    await addMember(e2e.server.baseUrl, { request: context.request, csrf }, 'demo', VIEWER, 'viewer');
    await context.clearCookies();
    await login(context, VIEWER);

    await page.goto('/w/demo/people');
    await h1(page, 'Wie is wie');
    await page.getByRole('link', { name: 'Bram Jansen' }).waitFor();
    // Demo people are invented and say so.
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bram Jansen' }) });
    await row.getByText('fictief').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Persoon toevoegen' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Importeren' }).count(), 0);
    await page.getByRole('link', { name: 'Downloaden als Excel (XLSX)' }).waitFor();
    await assertAccessible(page, 'the demo people list for a viewer');

    await page.getByRole('link', { name: 'Bram Jansen' }).click();
    await h1(page, /Bram Jansen/);
    assert.equal(
      await page.getByRole('button', { name: /Functie toevoegen|Beëindigen|Verwijderen|Persoon wissen|Gegevens wijzigen|Inschatting toevoegen/ }).count(),
      0,
    );
    await page.getByRole('link', { name: 'Gegevens downloaden' }).waitFor();
    await assertAccessible(page, 'a demo person for a viewer');

    await page.goto('/w/demo/people/organisations');
    await page.getByRole('link', { name: 'Utrecht', exact: true }).click();
    await h1(page, 'Utrecht');
    await page.locator('.aantafel-chart__canvas svg').first().waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Verkiezing verwerken' }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Gemeente toevoegen' }).count(), 0);
    await assertAccessible(page, 'the Utrecht page with demo data');
    await page.screenshot({ path: join(screenshots, 'whoiswho-demo-utrecht.png'), fullPage: true });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('keyboard only: add a person and record an assessment', async () => {
    const { context, page, problems } = await newPage();
    await login(context);
    await page.goto(`/w/${WS.slug}/people/new`);
    await h1(page, 'Persoon toevoegen');

    await tabTo(page, (f) => f.id === 'person-name');
    await page.keyboard.type('Karel Toetsenbord');
    assert.equal((await tab(page)).id, 'person-email');
    await page.keyboard.type('karel@zeist.example');
    assert.equal((await tab(page)).id, 'person-phone');
    assert.equal((await tab(page)).id, 'person-notes');
    await page.keyboard.type('Alleen met het toetsenbord ingevoerd.');
    const submit = await tab(page);
    assert.equal(submit.name, 'Persoon toevoegen');
    assert.ok(submit.visible);
    await page.keyboard.press('Enter');
    await h1(page, 'Karel Toetsenbord');

    // Open the assessment form with the keyboard; focus starts in its first question.
    await tabTo(page, (f) => f.name === 'Inschatting toevoegen');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'power');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight'); // 1 → 4
    let focused = await tab(page);
    assert.equal(focused.type, 'radio', 'Tab goes to the next question');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // belang 3
    await tab(page); // houding
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight'); // −2 → +2
    // Past the date (Chromium stops at day, month and year) and the note.
    focused = await tabTo(page, (f) => f.name === 'Inschatting opslaan', 8);
    await page.keyboard.press('Enter');
    await status(page, 'De inschatting van Karel Toetsenbord is opgeslagen: Nauw betrekken.');
    const latest = page.getByRole('table', { name: /Alle inschattingen van Karel Toetsenbord/ }).locator('tbody tr').first();
    assert.deepEqual(
      (await latest.locator('td').allTextContents()).slice(0, 4),
      ['4', '3', 'Voor (+2)', 'Nauw betrekken'],
    );
    await assertAccessible(page, 'the person page after the keyboard pass');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
