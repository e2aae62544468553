// End-to-end for "Contacten en afspraken" (tag relations): the real server, the built web app and
// Chromium. In its own workspace an editor adds (through the API) Zeist with a wethouder and two
// beleidsadviseurs, then IN THE UI logs a werkbezoek with all three and a colleague, adds a
// follow-up due tomorrow, records an agreement with a commitment on both sides and moves its
// status on (history shown). A follow-up with a due date in the past (made through the API; the
// server clock is real time) shows as overdue with the reason in words on "Deze week". The
// relationship-health page shows the reasons the API gives. axe-core checks every page; the
// contact form is filled in once with the keyboard only. "Forms that finish the job": a contact
// logged with a follow-up typed into its form opens read-only, focus on its heading, with the
// follow-up listed (axe and screenshots at 1366 px and 390×844); so does a saved agreement.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { assertAccessible, assertFocused, checkBothSizes as bothSizes, DESKTOP, h1, status, tab, tabTo } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { repoRoot } from './support/server.mjs';
import { apiClient, DEMO, e2eSuite, login, prepareDemo } from './support/suite.mjs';

const EDITOR = { email: 'eva@wijkzorg.example', name: 'Eva Editor', password: 'editor-wachtwoord-2026' };
const WS = { slug: 'contacten', name: 'Wijkzorg Contacten' };
const BASE = `/w/${WS.slug}/interactions`;
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

const e2e = e2eSuite({
  prepare: prepareDemo({ users: [EDITOR], workspaces: [WS] }), // `demo` loads Zeist into the municipality reference data
  screenshots,
});
const { newPage } = e2e;

/** The page's h1 has focus (after "save" the record's page starts there, for screen readers). */
async function headingFocused(page) {
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
}

/** axe-core and a screenshot at 1366 px and at 390×844 (no sideways scrolling on the phone). */
async function checkBothSizes(page, name, what) {
  await bothSizes(page, what, {
    screenshot: (size) => page.screenshot({ path: join(screenshots, `relations-${name}-${size}.png`), fullPage: true }),
  });
}

/** Today in Amsterdam, YYYY-MM-DD. */
function today() {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function addDays(day, days) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "20 november 2026": how the UI writes a day in Dutch. */
function dutchDay(day) {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

describe('Contacten en afspraken with the real server', () => {
  const ids = { people: {} };

  test('scenario: a werkbezoek, a follow-up, an agreement, "Deze week" and relationship health', async (t) => {
    const { context, page, problems } = await newPage();
    // The owner makes Eva an editor; Eva does the rest.
    const { csrf_token: ownerCsrf } = await login(context, DEMO);
    await addMember(e2e.server.baseUrl, { request: context.request, csrf: ownerCsrf }, WS.slug, EDITOR, 'editor');
    await context.clearCookies();
    const { csrf_token: csrf } = await login(context, EDITOR);
    const api = apiClient(context, csrf, WS.slug);
    const session = await api.get('/api/v1/session');
    ids.editor = session.user.id;

    await t.test('setup through the API: Zeist with a wethouder and two beleidsadviseurs', async () => {
      const found = await api.get('/api/v1/municipalities?q=Zeist');
      const zeist = found.items.find((m) => m.name === 'Zeist');
      assert.ok(zeist, 'Zeist is in the reference data');
      const organisation = await api.post('/organisations', { kind: 'municipality', municipality_code: zeist.code });
      ids.zeist = organisation.id;
      const started = addDays(today(), -200);
      for (const [name, kind] of [
        ['Wendy Wethouder', 'alderman'],
        ['Bas Beleid', 'policy_adviser'],
        ['Anna Advies', 'policy_adviser'],
      ]) {
        const person = await api.post('/people', { name });
        await api.post(`/people/${person.id}/positions`, { organisation_id: ids.zeist, kind, started_on: started });
        ids.people[name] = person.id;
      }
    });

    await t.test('the area opens from the main menu', async () => {
      await page.goto(`/w/${WS.slug}/`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contacten en afspraken' }).click();
      await h1(page, 'Contacten en afspraken');
      await page.getByRole('heading', { level: 2, name: 'Deze week' }).waitFor();
      await page.getByText('Er staat deze week niets open.').waitFor();
      await page.getByText('Er zijn geen contacten gevonden.').waitFor();
      assert.equal(await page.getByText('Dit onderdeel is nog niet beschikbaar.').count(), 0);
      await assertAccessible(page, 'the area home (empty)');
    });

    await t.test('log a werkbezoek with the wethouder, the two advisers and a colleague', async () => {
      await page.getByRole('navigation', { name: 'Contacten en afspraken' }).getByRole('link', { name: 'Contact vastleggen' }).click();
      await h1(page, 'Contact vastleggen');
      // Field errors first.
      await page.getByLabel('Datum en tijd').fill('');
      await page.getByRole('button', { name: 'Contact opslaan' }).click();
      await page.getByText('Vul een onderwerp in.').waitFor();
      await page.getByText('Kies een gemeente of organisatie.', { exact: true }).waitFor();
      await assertAccessible(page, 'the contact form with field errors');

      await page.getByLabel('Datum en tijd').fill(`${today()}T10:00`);
      await page.getByLabel('Soort contact').selectOption({ label: 'Werkbezoek of wijkbezoek' });
      await page.getByLabel('Gemeente of organisatie').selectOption({ label: 'Zeist' });
      await page.getByLabel('Onderwerp').fill('Werkbezoek wijkteam Zeist-West');
      await page.getByText('We slaan aantekeningen versleuteld op.').waitFor();
      await page.getByLabel('Aantekeningen').fill('Wethouder wil een pilot met de wijkverpleging.');
      await page.getByRole('radio', { name: 'Vragen', exact: true }).check();
      await page.getByLabel('Trefwoorden').fill('Wmo, wijkteam');
      for (const name of ['Wendy Wethouder', 'Bas Beleid', 'Anna Advies']) {
        await page.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
      }
      // The signed-in person starts ticked as one of ours.
      assert.ok(await page.getByRole('checkbox', { name: EDITOR.name }).isChecked(), 'Eva is ticked already');
      await assertAccessible(page, 'the contact form, filled in');
      await page.getByRole('button', { name: 'Contact opslaan' }).click();
      await h1(page, 'Werkbezoek wijkteam Zeist-West');
      await status(page, 'is opgeslagen');
      await headingFocused(page);
      // The read view: no form, the facts in words.
      assert.equal(await page.getByRole('form', { name: 'Contact wijzigen' }).count(), 0);
      const details = page.getByRole('region', { name: 'Gegevens van dit contact' });
      await details.getByText('Werkbezoek of wijkbezoek').waitFor();
      await details.getByRole('link', { name: 'Zeist' }).waitFor();
      for (const name of ['Wendy Wethouder', 'Bas Beleid', 'Anna Advies', EDITOR.name]) {
        await details.getByRole('listitem').filter({ hasText: name }).first().waitFor();
      }
      ids.interaction = Number(new URL(page.url()).pathname.split('/').pop());
      const saved = await api.get(`/interactions/${ids.interaction}`);
      assert.equal(saved.kind, 'working_visit');
      assert.equal(saved.organisation_id, ids.zeist);
      assert.equal(saved.stance, 'ask');
      assert.deepEqual(saved.tags, ['Wmo', 'wijkteam']);
      assert.deepEqual([...saved.person_ids].sort(), Object.values(ids.people).sort());
      assert.deepEqual(saved.staff_ids, [ids.editor]);
      assert.equal(saved.notes, 'Wethouder wil een pilot met de wijkverpleging.');
    });

    await t.test('add a follow-up due tomorrow', async () => {
      await page.getByLabel('Wat moet er gebeuren?').fill('Offerte pilot sturen');
      await page.getByLabel('Wie doet het?').selectOption({ label: EDITOR.name });
      await page.getByLabel('Uiterlijk op').fill(addDays(today(), 1));
      await page.getByRole('button', { name: 'Vervolgactie toevoegen' }).click();
      await status(page, 'Vervolgactie "Offerte pilot sturen" is toegevoegd.');
      await page.getByRole('listitem').filter({ hasText: 'Offerte pilot sturen' }).getByText('moet morgen').waitFor();
      await assertAccessible(page, 'the contact page with a follow-up');
      const { items } = await api.get('/follow-ups?open=true');
      const added = items.find((f) => f.title === 'Offerte pilot sturen');
      assert.equal(added.interaction_id, ids.interaction);
      assert.equal(added.owner_id, ids.editor);
      assert.equal(added.due_on, addDays(today(), 1));
    });

    await t.test('record an agreement with a commitment on both sides, then move its status on', async () => {
      await page.getByRole('navigation', { name: 'Contacten en afspraken' }).getByRole('link', { name: 'Afspraak vastleggen' }).click();
      await h1(page, 'Afspraak vastleggen');
      // The form is ready once the parties (the workspace's organisations) are there.
      await page.getByRole('checkbox', { name: 'Zeist' }).waitFor();
      await page.getByRole('button', { name: 'Afspraak opslaan' }).click();
      await page.getByText('Vul een titel in.').waitFor();
      await page.getByText('Kies minstens één partij.').waitFor();
      await page.getByLabel('Titel').fill('Pilot wijkverpleging Zeist-West');
      await page.getByRole('checkbox', { name: 'Zeist' }).check();
      await page.getByLabel('Wat doen wij?').fill('Wij leveren twee wijkverpleegkundigen.');
      await page.getByLabel('Wat doet Zeist?').fill('Zeist betaalt de coördinatie.');
      await page.getByLabel('Wie van ons is verantwoordelijk?').selectOption({ label: EDITOR.name });
      await page.getByLabel('Uiterlijk klaar op').fill(addDays(today(), 5));
      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Afgesproken' });
      await assertAccessible(page, 'the agreement form, filled in');
      await page.getByRole('button', { name: 'Afspraak opslaan' }).click();
      await h1(page, 'Pilot wijkverpleging Zeist-West');
      await status(page, 'is opgeslagen');
      await headingFocused(page);
      const facts = page.getByRole('region', { name: 'Gegevens van deze afspraak' });
      await facts.getByText('Afgesproken', { exact: true }).waitFor();
      await facts.getByText(dutchDay(addDays(today(), 5)), { exact: true }).waitFor();
      await facts.getByText('Zeist betaalt de coördinatie.').waitFor();
      await checkBothSizes(page, 'agreement-read', 'the saved agreement (read view)');
      ids.agreement = Number(new URL(page.url()).pathname.split('/').pop());
      let agreement = await api.get(`/agreements/${ids.agreement}`);
      assert.deepEqual(agreement.organisation_ids, [ids.zeist]);
      assert.deepEqual(agreement.commitments, [
        { organisation_id: null, text: 'Wij leveren twee wijkverpleegkundigen.' },
        { organisation_id: ids.zeist, text: 'Zeist betaalt de coördinatie.' },
      ]);
      assert.equal(agreement.status, 'agreed');
      assert.equal(agreement.owner_id, ids.editor);

      await facts.getByRole('button', { name: 'Afspraak wijzigen' }).click();
      await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Bezig' });
      await page.getByRole('button', { name: 'Afspraak opslaan' }).click();
      await status(page, 'is opgeslagen');
      await headingFocused(page);
      await facts.getByText('Bezig', { exact: true }).waitFor();
      const history = page.getByRole('region', { name: 'Geschiedenis van de status' });
      await history.getByText(/^Bezig op .* door Eva Editor$/).waitFor();
      agreement = await api.get(`/agreements/${ids.agreement}`);
      assert.equal(agreement.status, 'in_progress');
      assert.equal(await history.getByRole('listitem').count(), agreement.history.length);
      await assertAccessible(page, 'the agreement page with its history');

      await page.getByRole('navigation', { name: 'Contacten en afspraken' }).getByRole('link', { name: 'Afspraken' }).click();
      await h1(page, 'Afspraken');
      const row = page.getByRole('row').filter({ hasText: 'Pilot wijkverpleging Zeist-West' });
      await row.getByText('Bezig').waitFor();
      await row.getByText(`moet uiterlijk ${dutchDay(addDays(today(), 5))}`).waitFor();
      await page.getByLabel('Status').selectOption({ label: 'Nagekomen' });
      await page.getByText('Er zijn geen afspraken gevonden.').waitFor();
      await assertAccessible(page, 'the agreements list');
    });

    await t.test('"Deze week" shows them, an overdue follow-up with the reason in words', async () => {
      const overdueDay = addDays(today(), -3);
      await api.post('/follow-ups', { title: 'Verslag naar de wethouder', due_on: overdueDay, interaction_id: ids.interaction });
      await page.goto(BASE);
      await h1(page, 'Contacten en afspraken');
      const week = page.getByRole('region', { name: 'Deze week' });
      const overdue = week.getByRole('listitem').filter({ hasText: 'Verslag naar de wethouder' });
      await overdue.getByText(`te laat sinds ${dutchDay(overdueDay)}`).waitFor();
      assert.match(await overdue.getAttribute('class'), /overdue/);
      await week.getByRole('listitem').filter({ hasText: 'Offerte pilot sturen' }).getByText('moet morgen').waitFor();
      await week.getByRole('listitem').filter({ hasText: 'Pilot wijkverpleging Zeist-West' }).waitFor();
      const fromApi = await api.get('/this-week');
      assert.equal(await week.getByRole('listitem').count(), fromApi.follow_ups.length + fromApi.agreements.length);
      // The contact is in the list below.
      await page.getByRole('table', { name: 'Contacten, nieuwste eerst' }).getByRole('link', { name: 'Werkbezoek wijkteam Zeist-West' }).waitFor();
      await assertAccessible(page, 'the area home with this week');
      await page.screenshot({ path: join(screenshots, 'relations-home.png'), fullPage: true });

      // Marking the overdue one done takes it off the list.
      await week.getByRole('button', { name: 'Klaar: Verslag naar de wethouder' }).click();
      await status(page, 'Vervolgactie "Verslag naar de wethouder" is klaar.');
      await week.getByText('Verslag naar de wethouder').waitFor({ state: 'detached' });
    });

    await t.test('relationship health of Zeist: reasons, people worst first, timeline', async () => {
      await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Zeist' });
      await page.getByRole('button', { name: 'Bekijk relatie' }).click();
      await h1(page, 'Relatie met Zeist');
      const report = await api.get(`/organisations/${ids.zeist}/relationship-health`);
      const card = page.getByRole('region', { name: 'Hoe staat de relatie ervoor?' });
      const words = { good: 'Goed', attention: 'Aandacht nodig', action: 'Actie nodig' };
      await card.getByText(words[report.health.status], { exact: true }).waitFor();
      assert.ok(report.health.reasons.length > 0, 'the API gives reasons');
      for (const reason of report.health.reasons) await card.getByText(reason.text, { exact: true }).waitFor();
      const table = page.getByRole('table', { name: 'Mensen bij Zeist en hoe de relatie ervoor staat' });
      const rows = table.locator('tbody tr');
      assert.equal(await rows.count(), report.people.length);
      const rank = { action: 0, attention: 1, good: 2 };
      const expected = [...report.people]
        .sort((a, b) => rank[a.health.status] - rank[b.health.status] || a.person.name.localeCompare(b.person.name, 'nl'))
        .map((p) => p.person.name);
      const shown = await rows.locator('th').evaluateAll((ths) => ths.map((th) => th.textContent.trim()));
      assert.deepEqual(shown, expected);
      for (const p of report.people) {
        const row = table.getByRole('row').filter({ hasText: p.person.name });
        await row.getByText(words[p.health.status], { exact: true }).waitFor();
        for (const reason of p.health.reasons) await row.getByText(reason.text, { exact: true }).waitFor();
      }
      const timeline = page.getByRole('region', { name: 'Tijdlijn' });
      await timeline.getByRole('link', { name: 'Werkbezoek wijkteam Zeist-West' }).waitFor();
      await assertAccessible(page, 'the relationship-health page');
      await page.screenshot({ path: join(screenshots, 'relations-health.png'), fullPage: true });
      await page.getByLabel('Soort contact').selectOption({ label: 'Telefoon' });
      await timeline.getByText('Er staat nog niets op de tijdlijn.').waitFor();
      await page.getByLabel('Soort contact').selectOption({ label: 'Werkbezoek of wijkbezoek' });
      await timeline.getByRole('link', { name: 'Werkbezoek wijkteam Zeist-West' }).waitFor();
    });

    await t.test('Wie is wie links to the relationship page', async () => {
      await page.goto(`/w/${WS.slug}/people/organisations/${ids.zeist}`);
      await page.getByRole('link', { name: 'Relatie met Zeist (contacten en afspraken)' }).click();
      await h1(page, 'Relatie met Zeist');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('the personal calendar feed holds exactly my open follow-ups and agreements (ical.js)', async () => {
    const { context } = await newPage();
    const { csrf_token: csrf } = await login(context, EDITOR);
    const api = apiClient(context, csrf, WS.slug);
    const mine = await api.post('/follow-ups', { title: 'Feed: bellen met de griffier', due_on: addDays(today(), 3) });
    const finished = await api.post('/follow-ups', { title: 'Feed: al gedaan', due_on: addDays(today(), 4) });
    const response = await context.request.patch(`/api/v1/workspaces/${WS.slug}/follow-ups/${finished.id}`, {
      data: { done: true },
      headers: { 'X-CSRF-Token': csrf },
    });
    assert.equal(response.status(), 200);
    const agreement = await api.post('/agreements', { title: 'Feed: afspraak met datum', due_on: addDays(today(), 10), status: 'agreed' });
    await api.post('/agreements', { title: 'Feed: afspraak zonder datum', status: 'agreed' });
    const feed = await api.post('/calendar/feeds', { label: 'Test' });
    const text = await (await fetch(`${e2e.server.baseUrl}${feed.path}`)).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    for (const event of events) {
      assert.ok(event.uid && event.component.getFirstPropertyValue('dtstamp'), 'UID and DTSTAMP on every VEVENT');
    }
    const reminders = events.filter((e) => /^(follow-up|agreement)-/.test(e.uid));
    const { items: open } = await api.get('/follow-ups?open=true');
    const { items: agreements } = await api.get('/agreements');
    const me = (await api.get('/api/v1/session')).user.id;
    const expected = [
      ...open.filter((f) => f.owner_id === me).map((f) => `follow-up-${f.id}@aantafel`),
      ...agreements.filter((a) => a.owner_id === me && a.open && a.due_on).map((a) => `agreement-${a.id}@aantafel`),
    ].sort();
    assert.deepEqual(reminders.map((e) => e.uid).sort(), expected);
    const bell = reminders.find((e) => e.uid === `follow-up-${mine.id}@aantafel`);
    assert.equal(bell.summary, 'Vervolgactie: Feed: bellen met de griffier');
    assert.ok(bell.startDate.isDate, 'an all-day reminder');
    assert.equal(bell.startDate.toString(), addDays(today(), 3));
    assert.ok(reminders.some((e) => e.uid === `agreement-${agreement.id}@aantafel`));
    assert.ok(!reminders.some((e) => e.uid === `follow-up-${finished.id}@aantafel`), 'done follow-ups are left out');
    await context.close();
  });

  test('a contact with a follow-up typed into its form opens read-only, heading focused', async () => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context, EDITOR);
    const api = apiClient(context, csrf, WS.slug);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${BASE}/new`);
    await h1(page, 'Contact vastleggen');
    await page.getByRole('option', { name: 'Zeist' }).waitFor({ state: 'attached' });
    await page.getByLabel('Soort contact').selectOption({ label: 'Telefoon' });
    await page.getByLabel('Gemeente of organisatie').selectOption({ label: 'Zeist' });
    await page.getByLabel('Onderwerp').fill('Telefoon met Bas over de pilot');
    await page.getByRole('checkbox', { name: /^Bas Beleid/ }).check();
    await page.getByRole('button', { name: 'Vervolgactie toevoegen' }).click();
    const group = page.getByRole('group', { name: 'Vervolgactie 1' });
    const what = group.getByLabel('Wat moet er gebeuren?');
    await assertFocused(what, 'focus goes to the new follow-up');
    await what.fill('Cijfers naar Bas sturen');
    await group.getByLabel('Wie doet het?').selectOption({ label: EDITOR.name });
    await group.getByLabel('Uiterlijk op').fill(addDays(today(), 2));
    await checkBothSizes(page, 'contact-form-follow-up', 'the contact form with a follow-up');
    await page.getByRole('button', { name: 'Contact opslaan' }).click();

    await h1(page, 'Telefoon met Bas over de pilot');
    await headingFocused(page);
    await status(page, 'Contact "Telefoon met Bas over de pilot" is opgeslagen, met 1 vervolgactie.');
    assert.match(new URL(page.url()).pathname, new RegExp(`^${BASE}/\\d+$`));
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const details = page.getByRole('region', { name: 'Gegevens van dit contact' });
    await details.getByText('Telefoon', { exact: true }).waitFor();
    await details.getByRole('listitem').filter({ hasText: 'Bas Beleid' }).waitFor();
    await details.getByRole('button', { name: 'Contact wijzigen' }).waitFor();
    const listed = page.getByRole('list', { name: 'Vervolgacties bij dit contact' }).getByRole('listitem');
    await listed.filter({ hasText: 'Cijfers naar Bas sturen' }).getByText(`moet uiterlijk ${dutchDay(addDays(today(), 2))}`).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Niet alle vervolgacties zijn opgeslagen' }).count(), 0);
    const { items } = await api.get('/follow-ups?open=true');
    const made = items.find((f) => f.title === 'Cijfers naar Bas sturen');
    assert.equal(made.interaction_id, id);
    assert.equal(made.owner_id, (await api.get('/api/v1/session')).user.id);
    await checkBothSizes(page, 'contact-read', 'the saved contact (read view)');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('keyboard only: the contact form', async () => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context, EDITOR);
    const api = apiClient(context, csrf, WS.slug);
    await page.goto(`${BASE}/new`);
    await h1(page, 'Contact vastleggen');
    await page.getByRole('option', { name: 'Zeist' }).waitFor({ state: 'attached' });
    await page.getByRole('checkbox', { name: EDITOR.name }).waitFor();

    await tabTo(page, (f) => f.id === 'interaction-kind'); // passes the date and time (now)
    await page.keyboard.press('ArrowDown'); // overleg → werkbezoek
    assert.equal((await tab(page)).id, 'interaction-organisation-id');
    await page.keyboard.press('ArrowDown'); // the first (and only) organisation: Zeist
    await page.getByRole('checkbox', { name: /^Wendy Wethouder/ }).waitFor();
    assert.equal((await tab(page)).id, 'interaction-subject');
    await page.keyboard.type('Toetsenbordoverleg');
    assert.equal((await tab(page)).id, 'interaction-notes');
    await page.keyboard.type('Alles met het toetsenbord.');
    let focused = await tab(page);
    assert.equal(focused.type, 'radio', 'Tab goes to the checked stance');
    await page.keyboard.press('ArrowDown'); // brengen → vragen
    assert.equal((await tab(page)).id, 'interaction-tags');
    await page.keyboard.type('toetsenbord');
    focused = await tab(page);
    assert.equal(focused.type, 'checkbox');
    await page.keyboard.press('Space'); // the first person
    focused = await tabTo(page, (f) => f.name === EDITOR.name, 6); // ticked already: Eva is signed in
    await tabTo(page, (f) => f.name === 'Vervolgactie toevoegen', 4);
    const submit = await tabTo(page, (f) => f.name === 'Contact opslaan', 4);
    assert.ok(submit.visible);
    await page.keyboard.press('Enter');
    await h1(page, 'Toetsenbordoverleg');
    await headingFocused(page);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const saved = await api.get(`/interactions/${id}`);
    assert.deepEqual(saved.staff_ids, [(await api.get('/api/v1/session')).user.id]);
    assert.equal(saved.kind, 'working_visit');
    assert.equal(saved.stance, 'ask');
    assert.equal(saved.person_ids.length, 1);
    assert.deepEqual(saved.tags, ['toetsenbord']);
    assert.equal(saved.notes, 'Alles met het toetsenbord.');
    await assertAccessible(page, 'the contact page after the keyboard pass');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
