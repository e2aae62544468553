// End-to-end for the Beleidskalender (issue #5): the real server, the built web app and Chromium.
// In the demo workspace a plan for three municipalities is made through the UI (Zeist is added
// through Wie is wie first), each municipality shows what to do when (chart and table), an
// actual kadernota date moves the windows, and a calendar feed is made, fetched and checked with
// an independent RFC 5545 parser (ical.js) against the windows the API returns, then revoked.
// axe-core checks every page state; the plan form is filled in once with the keyboard only.
// Dates come from the server's clock, so expectations are computed from the API's answers.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { assertAccessible, assertFocused, assertInvalid, h1, status, tab, tabTo } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { repoRoot } from './support/server.mjs';
import { e2eSuite, login, prepareDemo } from './support/suite.mjs';

const VIEWER = { email: 'kijker@wijkzorg.example', name: 'Kees Kijker', password: 'kijker-wachtwoord-2026' };
const SLUG = 'demo';
const BASE = `/w/${SLUG}/policy-calendar`;
const PLAN_TITLE = 'Buurtteams met de wijkverpleging';
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

const e2e = e2eSuite({
  // `demo` loads Utrecht, Amersfoort and Zeist as reference data; the demo workspace follows
  // Utrecht and Amersfoort.
  prepare: prepareDemo({ users: [VIEWER] }),
  screenshots,
  page: { permissions: ['clipboard-read', 'clipboard-write'] },
});
const { newPage } = e2e;

async function api(context, path) {
  const response = await context.request.get(`/api/v1/workspaces/${SLUG}${path}`, {
    headers: { 'Accept-Language': 'nl' },
  });
  assert.equal(response.status(), 200, `GET ${path}`);
  return response.json();
}

/** "1 oktober 2026": how the UI writes a YYYY-MM-DD day in Dutch. */
function dutchDay(day) {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

function dutchMonth(day) {
  return new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day.slice(0, 7)}-15T12:00:00Z`),
  );
}

function nextDay(day) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The badge text for a schedule's timing, as the UI writes it. */
function badge(schedule) {
  switch (schedule.timing) {
    case 'on_time':
      return 'op tijd';
    case 'late':
      return 'laat';
    case 'fallback_only':
      return 'alleen nog begroting';
    default:
      return schedule.earliest_feasible_year === null
        ? 'te laat'
        : `te laat → vroegst haalbaar ${schedule.earliest_feasible_year}`;
  }
}

async function tableRows(table) {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())),
  );
}

describe('Beleidskalender with the real server', () => {
  const ids = {};

  test('scenario: a plan for three municipalities, an actual date, a calendar feed', async (t) => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context);

    await t.test('the area opens from the main menu', async () => {
      await page.goto(`/w/${SLUG}/`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beleidskalender' }).click();
      await h1(page, 'Beleidskalender');
      await page.getByRole('heading', { level: 2, name: 'Nu doen' }).waitFor();
      // The demo workspace may come with an example plan; either way the list has loaded.
      await page.getByRole('table', { name: /^Plannen van / }).or(page.getByText('Je hebt nog geen plannen.')).waitFor();
      await assertAccessible(page, 'the empty policy calendar');
    });

    await t.test('the plan form shows its errors at the fields', async () => {
      await page.getByRole('navigation', { name: 'Beleidskalender' }).getByRole('link', { name: 'Plan toevoegen' }).click();
      await h1(page, 'Plan toevoegen');
      await page.getByRole('button', { name: 'Plan opslaan' }).click();
      const title = page.getByLabel('Titel', { exact: true });
      await assertInvalid(title, 'the title is required');
      await assertFocused(title, 'focus moves to the first field with an error');
      assert.equal((await page.locator(`#${await title.getAttribute('aria-describedby')}`).textContent())?.trim(), 'Vul een titel in.');
      await page.getByRole('group', { name: 'Gemeenten' }).getByText('Kies minstens één gemeente.').waitFor();
      await assertAccessible(page, 'the plan form with errors');
    });

    await t.test('Zeist is added through Wie is wie in a new tab; what was typed in the plan form stays', async () => {
      await page.getByLabel('Titel', { exact: true }).fill('Nog niet af');
      const [whoIsWho] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('link', { name: /^Staat de gemeente er niet bij\? Voeg haar toe in Wie is wie \(opent in een nieuw tabblad/ }).click(),
      ]);
      await h1(whoIsWho, 'Gemeenten en organisaties');
      await whoIsWho.getByLabel('Naam of CBS-code').fill('Zei');
      await whoIsWho.getByRole('button', { name: 'Zoeken' }).click();
      await whoIsWho.getByRole('button', { name: 'Toevoegen Zeist' }).click();
      await status(whoIsWho, 'Zeist is toegevoegd.');
      await whoIsWho.close();
      await page.bringToFront();
      await h1(page, 'Plan toevoegen');
      assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Nog niet af');
      await page.getByRole('button', { name: 'Gemeenten opnieuw ophalen' }).click();
      await page.getByRole('group', { name: 'Gemeenten' }).getByRole('checkbox', { name: /^Zeist/ }).waitFor();
    });

    await t.test('a plan for Utrecht, Amersfoort and Zeist', async () => {
      const thisYear = Number(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()),
      );
      ids.budgetYear = thisYear + 2;
      await page.getByLabel('Titel', { exact: true }).fill(PLAN_TITLE);
      await page.getByLabel('Waarom (kernboodschap)').fill('Minder opnames door vroeg erbij te zijn in de wijk.');
      await page.getByLabel('Beschrijving').fill('Wijkverpleging en welzijn werken samen in drie wijken.');
      await page.getByLabel('Domein').fill('Wmo');
      await page.getByLabel('Begrotingsjaar').selectOption(String(ids.budgetYear));
      await page.getByLabel("Benodigd bedrag per jaar in euro's (niet verplicht)").fill('75.000');
      await page.getByLabel('Status').selectOption('preparing');
      await page.getByRole('radio', { name: 'Voorbereiding' }).check();
      const municipalities = page.getByRole('group', { name: 'Gemeenten' });
      for (const name of ['Utrecht', 'Amersfoort', 'Zeist']) {
        await municipalities.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
      }
      await assertAccessible(page, 'the filled-in plan form');
      await page.screenshot({ path: join(screenshots, 'calendar-plan-form.png'), fullPage: true });
      await page.getByRole('button', { name: 'Plan opslaan' }).click();
      await h1(page, PLAN_TITLE);
      await status(page, `Het plan ${PLAN_TITLE} is opgeslagen.`);
      ids.plan = Number(new URL(page.url()).pathname.split('/').pop());
      const { plan } = await api(context, `/plans/${ids.plan}`);
      assert.equal(plan.budget_needed, 75000);
      assert.equal(plan.phase, 'preparation');
      assert.equal(plan.status, 'preparing');
      assert.equal(plan.organisation_ids.length, 3);
    });

    await t.test('per municipality: timing, chart with its table, and what to do when', async () => {
      const { schedules } = await api(context, `/plans/${ids.plan}`);
      assert.deepEqual(schedules.map((s) => s.organisation.name).sort(), ['Amersfoort', 'Utrecht', 'Zeist']);
      await page.locator('.aantafel-chart__canvas svg').nth(2).waitFor();
      for (const schedule of schedules) {
        const name = schedule.organisation.name;
        const section = page.getByRole('region', { name, exact: true });
        await section.locator('.aantafel-badge').filter({ hasText: badge(schedule) }).first().waitFor();
        const toggle = section.getByRole('button', { name: 'Toon de gegevens als tabel' });
        await toggle.click();
        const table = section.getByRole('table', { name: `Tijdlijn voor ${name} (begrotingsjaar ${ids.budgetYear})` });
        await table.waitFor();
        const expected = [...schedule.windows]
          .sort((a, b) => a.from.localeCompare(b.from))
          .map((w) => [w.label, dutchDay(w.from), dutchDay(w.to), w.explain]);
        assert.deepEqual(await tableRows(table), expected, `the timeline table of ${name} matches the API`);
        const steps = await section.locator('ol.aantafel-steps > li .aantafel-steps__what strong').allTextContents();
        assert.deepEqual(steps, expected.map((row) => row[0]), `what to do when in ${name}, in order`);
      }
      await assertAccessible(page, 'the plan page with its timeline tables');
      await page.screenshot({ path: join(screenshots, 'calendar-plan.png'), fullPage: true });
    });

    await t.test('an actual kadernota date in Utrecht moves its windows', async () => {
      const before = await api(context, `/plans/${ids.plan}`);
      const kadernotaYear = ids.budgetYear - 1;
      const utrecht = page.getByRole('region', { name: 'Utrecht', exact: true });
      await utrecht.getByRole('link', { name: `Kalender van Utrecht in ${kadernotaYear}` }).click();
      await h1(page, `Kalender Utrecht ${kadernotaYear}`);
      const table = page.getByRole('table', { name: `Beleids- en begrotingscyclus van Utrecht in ${kadernotaYear}` });
      await table.getByText('Wettelijke termijn').first().waitFor();
      await assertAccessible(page, 'the municipality calendar');

      await page.getByRole('button', { name: 'Datum wijzigen Raad besluit over de kadernota' }).click();
      const form = page.getByRole('form', { name: 'Echte datum: Raad besluit over de kadernota' });
      const date = form.getByLabel('Echte datum');
      await assertFocused(date, 'focus moves to the date field');
      await date.fill(`${kadernotaYear - 1}-06-10`);
      await form.getByRole('button', { name: 'Datum opslaan' }).click();
      await assertInvalid(date, 'a day in another year is refused at the field');
      await assertAccessible(page, 'the actual-date form with an error');
      await date.fill(`${kadernotaYear}-06-10`);
      await form.getByRole('button', { name: 'Datum opslaan' }).click();
      await status(page, `De datum van Raad besluit over de kadernota is opgeslagen: 10 juni ${kadernotaYear}.`);
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Raad besluit over de kadernota/ }) });
      await row.getByText('Echte datum', { exact: true }).waitFor();
      await row.getByText(`10 juni ${kadernotaYear}`).waitFor();
      await assertAccessible(page, 'the municipality calendar with an actual date');
      await page.screenshot({ path: join(screenshots, 'calendar-municipality.png'), fullPage: true });

      const after = await api(context, `/plans/${ids.plan}`);
      const vote = (detail, name) =>
        detail.schedules.find((s) => s.organisation.name === name).windows.find((w) => w.id === 'kadernota_vote');
      assert.equal(vote(after, 'Utrecht').from, `${kadernotaYear}-06-10`);
      assert.deepEqual(vote(after, 'Amersfoort'), vote(before, 'Amersfoort'), 'other municipalities keep their dates');

      await page.goto(`${BASE}/plans/${ids.plan}`);
      await h1(page, PLAN_TITLE);
      const step = (name) =>
        page.getByRole('region', { name, exact: true }).locator('ol.aantafel-steps > li').filter({ hasText: 'Raad stemt over de kadernota' });
      await step('Utrecht').getByText(`10 juni ${kadernotaYear}`).waitFor();
      assert.match(await step('Amersfoort').textContent(), new RegExp(dutchDay(vote(after, 'Amersfoort').from)));
    });

    await t.test('a merger date is saved for Zeist', async () => {
      const zeist = (await api(context, '/organisations')).items.find((o) => o.name === 'Zeist');
      const year = ids.budgetYear;
      await page.goto(`${BASE}/municipalities/${zeist.id}?year=${year - 1}`);
      await h1(page, `Kalender Zeist ${year - 1}`);
      await page.getByLabel('Datum van de herindeling').selectOption(`${year}-01-01`);
      await page.getByRole('button', { name: 'Herindeling opslaan' }).click();
      await status(page, `De herindeling van Zeist op 1 januari ${year} is opgeslagen.`);
      await page.getByText(`Zeist gaat samen met andere gemeenten op 1 januari ${year}.`).waitFor();
      await page.getByRole('rowheader', { name: /^Herindelingsverkiezingen/ }).waitFor();
      await assertAccessible(page, 'the municipality calendar with a merger');
      // Back to no merger, so the rest of the run sees the regular cycle.
      await page.getByLabel('Datum van de herindeling').selectOption('');
      await page.getByRole('button', { name: 'Herindeling opslaan' }).click();
      await status(page, 'Er staat geen herindeling meer voor Zeist.');
    });

    await t.test('the overview: act now by month, and the plans with their timing', async () => {
      // A plan for this year's budget is always too late.
      const thisYear = ids.budgetYear - 2;
      const utrecht = (await api(context, '/organisations')).items.find((o) => o.name === 'Utrecht');
      const late = await context.request.post(`/api/v1/workspaces/${SLUG}/plans`, {
        data: { title: 'Te laat plan', budget_year: thisYear, organisation_ids: [utrecht.id] },
        headers: { 'X-CSRF-Token': csrf },
      });
      assert.equal(late.status(), 201);
      ids.latePlan = (await late.json()).id;

      await page.goto(BASE);
      await h1(page, 'Beleidskalender');
      const plans = page.getByRole('table', { name: 'Plannen van Demo Zorg' });
      await plans.waitFor({ state: 'attached' });
      const { schedules } = await api(context, `/plans/${ids.plan}`);
      const row = plans.getByRole('row').filter({ has: page.getByRole('link', { name: PLAN_TITLE }) });
      for (const schedule of schedules) {
        await row.getByText(`${schedule.organisation.name}: ${badge(schedule)}`).waitFor();
      }
      const lateDetail = await api(context, `/plans/${ids.latePlan}`);
      assert.equal(lateDetail.schedules[0].timing, 'too_late');
      const lateRow = plans.getByRole('row').filter({ has: page.getByRole('link', { name: 'Te laat plan' }) });
      await lateRow.getByText(`Utrecht: te laat → vroegst haalbaar ${lateDetail.schedules[0].earliest_feasible_year}`).waitFor();

      for (const days of [90, 30]) {
        if (days !== 90) {
          await page.getByLabel('Periode').selectOption(String(days));
          await page.waitForURL(new RegExp(`days=${days}`));
        }
        const upcoming = await api(context, `/calendar/upcoming?days=${days}`);
        const months = [...new Set(upcoming.items.map((item) => dutchMonth(item.date)))];
        const section = page.getByRole('region', { name: 'Nu doen' });
        if (upcoming.items.length === 0) {
          await section.getByText(`Er staat niets op de kalender in de komende ${days} dagen.`).waitFor();
        } else {
          await section.getByText(`${upcoming.items.length} momenten in de komende ${days} dagen.`).waitFor();
        }
        assert.deepEqual(
          (await section.getByRole('heading', { level: 3 }).allTextContents()).map((m) => m.toLowerCase()),
          months,
          `months of the next ${days} days`,
        );
        assert.equal(await section.locator('.aantafel-upcoming__item').count(), upcoming.items.length);
        const window = upcoming.items.find((item) => item.kind === 'window');
        if (window) await section.getByRole('link', { name: `Voor je plan: ${window.plan.title}` }).first().waitFor();
        await assertAccessible(page, `the overview with the next ${days} days`);
      }
      await page.getByLabel('Periode').selectOption('90');
      await page.screenshot({ path: join(screenshots, 'calendar-overview.png'), fullPage: true });
    });

    await t.test('editing clears the amount (null), and a plan is deleted after confirmation', async () => {
      await page.goto(`${BASE}/plans/${ids.plan}/edit`);
      await h1(page, `${PLAN_TITLE} wijzigen`);
      const amount = page.getByLabel("Benodigd bedrag per jaar in euro's (niet verplicht)");
      assert.equal(await amount.inputValue(), '75.000');
      await amount.fill('');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await h1(page, PLAN_TITLE);
      await status(page, `De wijzigingen in ${PLAN_TITLE} zijn opgeslagen.`);
      assert.equal((await api(context, `/plans/${ids.plan}`)).plan.budget_needed, null);

      await page.goto(`${BASE}/plans/${ids.latePlan}/edit`);
      await h1(page, 'Te laat plan wijzigen');
      await page.getByRole('button', { name: 'Plan verwijderen' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Te laat plan verwijderen?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the delete-plan confirmation');
      await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await h1(page, 'Beleidskalender');
      await status(page, 'Het plan Te laat plan is verwijderd.');
      assert.equal(await page.getByRole('link', { name: 'Te laat plan' }).count(), 0);
    });

    await t.test('a calendar feed: valid RFC 5545 with the plan windows, then revoked', async () => {
      await page.getByRole('navigation', { name: 'Beleidskalender' }).getByRole('link', { name: 'Agenda-abonnement' }).click();
      await h1(page, 'Agenda-abonnement');
      await page.getByText('Je hebt nog geen agenda-abonnement.').waitFor();
      await page.getByRole('button', { name: 'Adres maken' }).click();
      await assertInvalid(page.getByLabel('Naam', { exact: true }), 'a feed needs a name');
      await assertAccessible(page, 'the feed form with an error');
      await page.getByLabel('Naam', { exact: true }).fill('Outlook op het werk');
      await page.getByRole('button', { name: 'Adres maken' }).click();
      const heading = page.getByRole('heading', { name: 'Het adres voor Outlook op het werk is klaar' });
      await heading.waitFor();
      await assertFocused(heading, 'focus moves to the new address');
      const url = await page.getByLabel('Adres van de agenda').inputValue();
      // Built on the server's public address, like the survey and scan links (the test server runs
      // with the loopback default, so the page warns that the link only works on the server).
      const { public_url: publicUrl } = await (await context.request.get('/api/v1/session')).json();
      assert.match(url, new RegExp(`^${publicUrl.url.replace(/[.]/g, '\\.')}/ical/[A-Za-z0-9_-]+$`));
      assert.equal(publicUrl.local_only, true);
      await page.locator('.aantafel-new-token').getByText('Deze link werkt nu alleen op de computer waarop aantafel draait').waitFor();
      // The test server listens on a port of its own: a calendar app would use the public address.
      const feedUrl = `${e2e.server.baseUrl}${new URL(url).pathname}`;
      const webcal = await page.getByRole('link', { name: 'Openen in je agenda-app' }).getAttribute('href');
      assert.equal(webcal, url.replace(/^http:/, 'webcal:'));
      await page.getByRole('button', { name: 'Adres kopiëren' }).click();
      await status(page, /Het adres is gekopieerd|Kopiëren lukte niet/);
      await page.getByRole('table', { name: 'Je agenda-abonnementen in deze werkruimte' })
        .getByRole('rowheader', { name: 'Outlook op het werk' }).waitFor();
      await assertAccessible(page, 'the new calendar feed');
      await page.screenshot({ path: join(screenshots, 'calendar-feed.png'), fullPage: true });

      // The feed, fetched like a calendar app does, parsed by an independent RFC 5545 parser.
      const response = await fetch(feedUrl);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
      const text = await response.text();
      const calendar = new ICAL.Component(ICAL.parse(text));
      assert.equal(calendar.name, 'vcalendar');
      assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
      assert.ok(calendar.getFirstPropertyValue('prodid'), 'PRODID is required');
      const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
      assert.ok(events.length > 0);
      for (const event of events) {
        assert.ok(event.uid, 'every VEVENT has a UID');
        assert.ok(event.component.getFirstPropertyValue('dtstamp'), 'every VEVENT has a DTSTAMP');
      }
      assert.equal(new Set(events.map((e) => e.uid)).size, events.length, 'UIDs are unique');

      // Round trip: every window of the plan is in the feed with the same days (DTEND exclusive).
      const { plan, schedules } = await api(context, `/plans/${ids.plan}`);
      let matched = 0;
      for (const schedule of schedules) {
        for (const window of schedule.windows) {
          const found = events.filter(
            (e) =>
              e.summary.includes(plan.title) &&
              e.summary.includes(schedule.organisation.name) &&
              e.summary.includes(window.label),
          );
          assert.equal(found.length, 1, `one VEVENT for ${schedule.organisation.name}: ${window.label}`);
          const [event] = found;
          assert.ok(event.startDate.isDate, 'all-day event');
          assert.equal(event.startDate.toString(), window.from, `DTSTART of ${window.label}`);
          assert.equal(event.endDate.toString(), nextDay(window.to), `DTEND of ${window.label}`);
          matched += 1;
        }
      }
      assert.ok(matched >= 3 * 4, `the windows of three municipalities are in the feed (${matched})`);

      await page.getByRole('button', { name: 'Klaar' }).click();
      await assertFocused(page.getByLabel('Naam', { exact: true }), 'focus goes back to the form');
      await page.getByRole('button', { name: 'Intrekken abonnement Outlook op het werk' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Abonnement Outlook op het werk intrekken?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the revoke-feed confirmation');
      await dialog.getByRole('button', { name: 'Ja, intrekken' }).click();
      await status(page, 'Het abonnement Outlook op het werk is ingetrokken.');
      await page.getByText('Je hebt nog geen agenda-abonnement.').waitFor();
      assert.equal((await fetch(feedUrl)).status, 404, 'a revoked feed is gone');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('a viewer sees plans and calendars but cannot change anything', async () => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context);
    await addMember(e2e.server.baseUrl, { request: context.request, csrf }, SLUG, VIEWER, 'viewer');
    await context.clearCookies();
    await login(context, VIEWER);

    await page.goto(BASE);
    await h1(page, 'Beleidskalender');
    await page.getByRole('link', { name: PLAN_TITLE, exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Plan toevoegen' }).count(), 0);
    await assertAccessible(page, 'the policy calendar for a viewer');

    await page.getByRole('link', { name: PLAN_TITLE, exact: true }).click();
    await h1(page, PLAN_TITLE);
    await page.locator('.aantafel-chart__canvas svg').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Plan wijzigen' }).count(), 0);
    await assertAccessible(page, 'a plan for a viewer');

    await page.getByRole('link', { name: /^Kalender van Utrecht in / }).click();
    await h1(page, /^Kalender Utrecht /);
    await page.getByRole('table').first().waitFor();
    assert.equal(await page.getByRole('button', { name: /Datum wijzigen|Herindeling opslaan/ }).count(), 0);
    await assertAccessible(page, 'a municipality calendar for a viewer');

    await page.goto(`${BASE}/feeds`);
    await h1(page, 'Agenda-abonnement');
    await page.getByText('Je kunt als lezer geen agenda-abonnement maken.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Adres maken' }).count(), 0);
    await assertAccessible(page, 'the feeds page for a viewer');

    await page.goto(`${BASE}/plans/new`);
    await h1(page, 'Plan toevoegen');
    await page.getByText('Je kunt als lezer geen plannen toevoegen of wijzigen.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Plan opslaan' }).count(), 0);

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('keyboard only: the plan form', async () => {
    const { context, page, problems } = await newPage();
    await login(context);
    await page.goto(`${BASE}/plans/new`);
    await h1(page, 'Plan toevoegen');
    // Wait for the municipalities, so the tab order is final, and for the proposed budget year.
    await page.getByRole('checkbox', { name: /^Amersfoort/ }).waitFor();
    await page.getByText(/^Voorstel: \d{4}\./).waitFor();
    const defaultYear = Number(await page.getByLabel('Begrotingsjaar').inputValue());

    await tabTo(page, (f) => f.id === 'plan-title');
    await page.keyboard.type('Toetsenbordplan');
    assert.equal((await tab(page)).id, 'plan-core-message');
    await page.keyboard.type('Alles met het toetsenbord.');
    assert.equal((await tab(page)).id, 'plan-description');
    assert.equal((await tab(page)).id, 'plan-domain');
    await page.keyboard.type('Jeugd');
    assert.equal((await tab(page)).id, 'plan-budget-year');
    await page.keyboard.press('ArrowDown'); // one year later than the default
    assert.equal((await tab(page)).id, 'plan-budget-needed');
    await page.keyboard.type('12.500');
    assert.equal((await tab(page)).id, 'plan-status');
    let focused = await tab(page);
    assert.equal(focused.type, 'radio', 'Tab goes to the checked phase');
    await page.keyboard.press('ArrowDown'); // agendavorming → voorbereiding
    focused = await tab(page);
    assert.equal(focused.type, 'checkbox');
    assert.match(focused.name, /^Amersfoort/);
    await page.keyboard.press('Space');
    focused = await tab(page);
    assert.match(focused.name, /^Utrecht/);
    await page.keyboard.press('Space');
    const submit = await tabTo(page, (f) => f.name === 'Plan opslaan', 4);
    assert.ok(submit.visible);
    await page.keyboard.press('Enter');
    await h1(page, 'Toetsenbordplan');
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const { plan, schedules } = await api(context, `/plans/${id}`);
    assert.equal(plan.budget_year, defaultYear + 1);
    assert.equal(plan.budget_needed, 12500);
    assert.equal(plan.phase, 'preparation');
    assert.equal(plan.domain, 'Jeugd');
    assert.deepEqual(schedules.map((s) => s.organisation.name).sort(), ['Amersfoort', 'Utrecht']);
    await assertAccessible(page, 'the plan page after the keyboard pass');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
  test('a new plan proposes the earliest budget year that is not too late; a late plan moves there in one click', async () => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const thisYear = Number(today.slice(0, 4));
    const utrecht = (await api(context, '/organisations')).items.find((o) => o.name === 'Utrecht');
    const cycle = await api(context, `/organisations/${utrecht.id}/cycle?year=${thisYear}`);
    const vote = cycle.events.find((e) => e.id === 'kadernota_vote').date;
    // The budget for year Y is decided in Y − 1: next year only while this year's kadernota vote is ahead.
    const expected = today < vote ? thisYear + 1 : thisYear + 2;

    await page.goto(`${BASE}/plans/new`);
    await h1(page, 'Plan toevoegen');
    await page.getByRole('group', { name: 'Gemeenten' }).getByRole('checkbox', { name: /^Utrecht/ }).check();
    const year = page.getByLabel('Begrotingsjaar');
    await page.getByText(new RegExp(`^Voorstel: ${expected}\\. Dat is het eerste jaar waarvoor je in de gekozen gemeenten`)).waitFor();
    assert.equal(Number(await year.inputValue()), expected, `the proposed budget year (kadernota vote ${vote}, today ${today})`);
    assert.match((await year.getAttribute('aria-describedby')) ?? '', /description/, 'the proposal is tied to the field');
    await assertAccessible(page, 'the plan form with its proposed budget year');
    await page.getByLabel('Titel', { exact: true }).fill('Op tijd plan');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await h1(page, 'Op tijd plan');
    const onTime = Number(new URL(page.url()).pathname.split('/').pop());
    const detail = await api(context, `/plans/${onTime}`);
    assert.equal(detail.plan.budget_year, expected);
    for (const schedule of detail.schedules) {
      assert.ok(['on_time', 'late'].includes(schedule.timing), `${schedule.organisation.name}: ${schedule.timing} is feasible`);
    }
    assert.equal(await page.getByRole('button', { name: /^Plan voor / }).count(), 0, 'no fix needed');

    // A plan for the year before the proposal cannot reach its kadernota any more.
    const created = await context.request.post(`/api/v1/workspaces/${SLUG}/plans`, {
      data: { title: 'Te laat voor de kadernota', budget_year: expected - 1, organisation_ids: [utrecht.id] },
      headers: { 'X-CSRF-Token': csrf },
    });
    assert.equal(created.status(), 201);
    const lateId = (await created.json()).id;
    const late = await api(context, `/plans/${lateId}`);
    assert.ok(['fallback_only', 'too_late'].includes(late.schedules[0].timing), `the year before is not feasible: ${late.schedules[0].timing}`);
    await page.goto(`${BASE}/plans/${lateId}`);
    await h1(page, 'Te laat voor de kadernota');
    if (late.schedules[0].timing === 'too_late') {
      const earliest = late.schedules[0].earliest_feasible_year;
      assert.equal(earliest, expected, 'the server agrees with the proposal');
      await page.getByRole('heading', { level: 2, name: `Te laat voor ${expected - 1}` }).waitFor();
      await assertAccessible(page, 'a plan that is too late, with "Plan voor"');
      await page.getByRole('button', { name: `Plan voor ${earliest}` }).click();
      await status(page, `Het begrotingsjaar van dit plan is nu ${earliest}.`);
      assert.equal(await page.getByRole('button', { name: /^Plan voor / }).count(), 0);
      const moved = await api(context, `/plans/${lateId}`);
      assert.equal(moved.plan.budget_year, earliest);
      assert.notEqual(moved.schedules[0].timing, 'too_late');
      await assertFocused(page.getByRole('heading', { level: 2, name: 'Over dit plan' }), 'focus goes to the plan facts');
    }
    for (const id of [onTime, lateId]) {
      const response = await context.request.delete(`/api/v1/workspaces/${SLUG}/plans/${id}`, { headers: { 'X-CSRF-Token': csrf } });
      assert.equal(response.status(), 204);
    }

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
