// End-to-end for Raad (Raadsinformatie, issue #26): the real server with the demo workspace, the
// built web app and Chromium, with a local stand-in for Open Besluitvorming
// (support/openbesluitvorming.mjs) that serves the fixture pages of
// tests/fixtures/openbesluitvorming/ with their meeting moved to a few days after today. The demo
// works with Soest (GM0342, added through the API); the Raad page offers Soest once the server has
// read the status list, "Volgen" starts the sync, and the meeting of the Commissie Samenleving
// appears (the page looks again by itself; the test reloads if it must). The meeting page shows
// the agenda item "Beleidsplan beschermd wonen 2027-2030" with its document at the source and
// motion M41 (aangenomen, 14 voor / 9 tegen) with the votes per party. The topic "Beschermd wonen"
// finds the meeting (Raad page, meeting page, the act-now list of Overzicht, and Soest's municipality
// page and policy calendar); a name in use in other capitals is refused by the server, said at the
// name. Zoeken in de raad finds motion M41 for "wachtlijsten" (by stem, "Wachtlijst" marked), a
// word too short is said at the field, and kind Agendapunten with "beschermd wonen" finds the
// agenda item, which opens the meeting page at that item (Back keeps the search, from the URL).
// A viewer sees the same without the buttons; "Niet meer volgen" asks first. Council members in
// Wie is wie (decision 46): with Jan de Vries (GroenLinks) and Piet Jansen (CDA) raadslid in Soest,
// "Vries, J. de" is linked for sure and "Jansen, P." (VVD) waits in the review list of
// "Raadsleden koppelen", with the party Wie is wie has for Piet Jansen and the difference said;
// "Nee, iemand anders" moves it to the names not linked. With Anna Bakker (PvdA) and Ahmed Bakker
// (no party) raadslid too, the co-submitter "A. Bakker" fits both: "Geen van deze" rules both out
// at once and "Ongedaan maken" takes that back. Jan de Vries's page shows "In de raad" with motion
// M41 once the topic "Beschermd wonen" is there. axe-core at
// 1366×768 and 390×844 (no sideways scrolling on the phone); screenshots to
// /var/tmp/e2e-screenshots/council-*.png (AANTAFEL_E2E_SCREENSHOTS=DIR), not into the repository.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertAccessible, assertFocused, assertNoSideways, LAPTOP, PHONE, settled } from './support/browser.mjs';
import { addMember } from './support/members.mjs';
import { OpenBesluitvormingServer } from './support/openbesluitvorming.mjs';
import { DEMO, e2eSuite } from './support/suite.mjs';

const VIEWER = { email: 'kijker@raad.example', password: 'kijken-naar-de-raad', name: 'Kim Kijker' };
const SLUG = 'demo';
const screenshots = process.env.AANTAFEL_E2E_SCREENSHOTS ?? '/var/tmp/e2e-screenshots';

let source;
/** A webhook receiver on loopback: answers 204 and keeps what it got. */
const received = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body });
    response.writeHead(204).end();
  });
});

const e2e = e2eSuite({
  async server() {
    source = new OpenBesluitvormingServer({ daysAhead: 3 });
    await source.start();
    await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    return {
      publicUrl: 'https://aantafel.example.nl',
      // The receiver is on loopback, which a real installation refuses (decision 49).
      env: {
        AANTAFEL_COUNCIL_URL: source.url,
        AANTAFEL_COUNCIL_PAGE_SIZE: '2',
        AANTAFEL_COUNCIL_WEBHOOK_PRIVATE_ADDRESSES: 'true',
      },
    };
  },
  screenshots,
  page: { timeout: 30_000 },
});
after(async () => {
  await source?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

/** A fresh page at `viewport`, signed in as `who`. */
const newPage = (who = DEMO, viewport = LAPTOP) => e2e.newPage({ login: who, viewport });

/**
 * Waits until `locator` shows: the page looks again by itself, and after every `reloadAfter` ms
 * without it the page is reloaded; fails after `timeout` ms.
 */
async function eventually(page, locator, { timeout = 90_000, reloadAfter = 15_000, what = 'it' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await locator.first().waitFor({ timeout: Math.min(reloadAfter, Math.max(1, deadline - Date.now())) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw new Error(`${what} did not appear within ${timeout / 1000} s: ${error.message.split('\n')[0]}`);
      await page.reload();
      await page.locator('main h1').first().waitFor();
    }
  }
}

/** "dinsdag 9 december" (and the year when it is not this year), as the page writes a day. */
function dutchDay(date, { year = false } = {}) {
  const sameYear =
    !year &&
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(date) ===
      new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date());
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

function dutchClock(date) {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

describe('Raad (Raadsinformatie)', () => {
  test('follow the council of Soest, read its meeting, agenda and motion; a viewer only looks', async (t) => {
    const { context, page, problems, csrf } = await newPage();
    const api = (path) => `/api/v1/workspaces/${SLUG}${path}`;

    await t.test('the demo works with Soest (added through the API when it is missing)', async () => {
      const organisations = await (await context.request.get(api('/organisations'))).json();
      if (!organisations.items.some((o) => o.municipality_code === 'GM0342')) {
        const added = await context.request.post(api('/organisations'), {
          data: { kind: 'municipality', municipality_code: 'GM0342' },
          headers: { 'X-CSRF-Token': csrf },
        });
        assert.equal(added.status(), 201, await added.text());
      }
    });

    const offered = page.getByRole('region', { name: 'Raden die je kunt volgen' });
    const followed = page.getByRole('region', { name: 'Raden die je volgt' });

    await t.test('the Raad page from the main menu offers Soest once the status list is read', async () => {
      await page.goto(`/w/${SLUG}/`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Raad' }).click();
      await page.getByRole('heading', { level: 1, name: 'Raad' }).waitFor();
      assert.equal(
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Raad' }).getAttribute('aria-current'),
        'page',
      );
      // Opening the list woke the server's sync, which reads the status list from the stand-in.
      await eventually(page, offered.getByRole('heading', { level: 3, name: 'Soest' }), { what: 'Soest in "Raden die je kunt volgen"' });
      await offered.getByText('Open Besluitvorming haalt de stukken van deze raad goed op.').waitFor();
      assert.ok(source.asked('/api/status') >= 1, 'the server read the status list');
      // Utrecht, Amersfoort and Zeist of the demo are not in the fixtures' status list.
      await offered.getByText('Van Amersfoort en Utrecht heeft Open Besluitvorming (nog) geen gegevens.').waitFor();
      await settled(page);
      await assertAccessible(page, 'the Raad page with Soest to follow at 1366×768');
    });

    await t.test('"Volgen" (keyboard) follows Soest; the meeting appears once the sync has run', async () => {
      const follow = offered.getByRole('button', { name: 'Volgen: Soest' });
      await follow.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Je volgt nu Soest. De gegevens worden opgehaald. Dat kan even duren.').waitFor();
      await followed.getByRole('heading', { level: 3, name: 'Soest' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === 'Soest' && document.activeElement.tagName === 'H3');

      const meetings = page.getByRole('region', { name: 'Komende vergaderingen' });
      const meeting = meetings.getByRole('link', { name: 'Commissie Samenleving' });
      await eventually(page, meeting, { what: 'the meeting of the Commissie Samenleving' });
      const item = meetings.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Commissie Samenleving' }) });
      const when = `${dutchDay(source.meetingStart)}, van ${dutchClock(source.meetingStart)} tot ${dutchClock(source.meetingEnd)} uur`;
      await item.getByText(when).waitFor();
      await item.getByText('Raad van Soest · Trouwzaal, Raadhuis Soest · 3 agendapunten').waitFor();

      // The copy is caught up: the state in words, checked against the API.
      await eventually(page, followed.getByText(/^Bijgewerkt op \d{1,2} \p{L}+ om \d{2}:\d{2}\.$/u), { what: '"Bijgewerkt op …"' });
      const councils = await (await context.request.get(api('/councils'))).json();
      assert.equal(councils.follows[0].source_key, 'soest');
      assert.equal(councils.follows[0].sync.phase, 'changes');
      assert.equal(councils.follows[0].sync.records, 7);
      // The owner sees the line of the feed that could not be read.
      await followed.getByText('1 regel uit de bron was niet te lezen. Die is overgeslagen.').waitFor();
      assert.equal(source.asked('/api/export/snapshot', { source: 'soest' }), 2, 'two snapshot pages');
      assert.equal(source.asked('/api/export/changes', { source: 'soest', cursor: '7' }), 1, 'the change feed from the first page\'s position');
      assert.ok(source.requests.every((r) => r.userAgent.includes('aantafel')), 'the server says who it is');

      await settled(page);
      await assertAccessible(page, 'the Raad page following Soest at 1366×768');
      await page.screenshot({ path: join(screenshots, 'council-list-1366.png'), fullPage: true });
    });

    const topicsRegion = page.getByRole('region', { name: 'Onderwerpen', exact: true });
    const matchesRegion = page.getByRole('region', { name: 'Je onderwerpen op de agenda' });
    await t.test('a topic "Beschermd wonen" (words one per line) finds the meeting; a second with the same name is refused at the name', async () => {
      await topicsRegion.getByText(/‘wonen’ vindt ook ‘woont’/).waitFor();
      await matchesRegion.getByText('Voeg een onderwerp toe. Dan zie je hier in welke vergaderingen het voorkomt.').waitFor();
      await topicsRegion.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
      const form = topicsRegion.getByRole('form', { name: 'Nieuw onderwerp' });
      await form.waitFor();
      await settled(page);
      await assertAccessible(page, 'the topic form at 1366×768');
      await page.screenshot({ path: join(screenshots, 'council-topic-form-1366.png'), fullPage: true });
      await form.getByRole('textbox', { name: /^Naam/ }).fill('Beschermd wonen');
      await form.getByRole('textbox', { name: /^Woorden om te zoeken/ }).fill('beschermd wonen');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').getByText('Onderwerp Beschermd wonen is toegevoegd.').waitFor();
      const card = topicsRegion.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Beschermd wonen' }) });
      await card.getByText('beschermd wonen', { exact: true }).waitFor();
      const topics = await (await context.request.get(api('/council-topics'))).json();
      assert.deepEqual(
        topics.items.map((topic) => [topic.name, topic.terms, topic.exclusions]),
        [['Beschermd wonen', ['beschermd wonen'], []]],
      );

      // The meeting a few days ahead holds the phrase: in its agenda item, its documents and motion M41.
      const match = matchesRegion.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Commissie Samenleving' }) });
      await match.getByText('Gevonden: Beschermd wonen').waitFor();
      await match.getByText('Beleidsplan beschermd wonen 2027-2030', { exact: false }).first().waitFor();
      assert.match(await match.textContent(), /Agendapunt: Beleidsplan beschermd wonen 2027-2030/);
      assert.match(await match.textContent(), /Motie: M41 Wachtlijst beschermd wonen terugdringen/);

      // A name that is used already is said at the name; the server's 422 for a word shows at the words.
      await topicsRegion.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
      const again = topicsRegion.getByRole('form', { name: 'Nieuw onderwerp' });
      const name = again.getByRole('textbox', { name: /^Naam/ });
      const words = again.getByRole('textbox', { name: /^Woorden om te zoeken/ });
      await name.fill('beschermd wonen');
      await words.fill('wonen');
      await again.getByRole('button', { name: 'Opslaan' }).click();
      await again.getByText('Er is al een onderwerp met deze naam. Kies een andere naam.').waitFor();
      await assertFocused(name, 'the name field has focus');
      await name.fill('Wonen');
      await words.fill('wonen\nx');
      await again.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA' && document.activeElement.getAttribute('aria-invalid') === 'true');
      assert.equal(await name.getAttribute('aria-invalid'), null, 'the name is fine');
      const said = await words.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).textContent);
      assert.match(said, /^‘x’: /, `the problem with "x" is said at the words: ${said}`);
      assert.equal((await (await context.request.get(api('/council-topics'))).json()).items.length, 1, 'nothing was added');
      await settled(page);
      await assertAccessible(page, 'the topic form with an error at 1366×768');
      await again.screenshot({ path: join(screenshots, 'council-topic-error-1366.png') });
      await again.getByRole('button', { name: 'Annuleren' }).click();
      await topicsRegion.getByRole('button', { name: 'Onderwerp toevoegen' }).waitFor();

      // A topic added meanwhile (through the API, so the page does not know it): the server refuses
      // the same name in other capitals (422, field name, issue "taken"), and the form says so at the name.
      const meanwhile = await context.request.post(api('/council-topics'), {
        data: { name: 'Jeugdhulp', terms: ['jeugdhulp'], exclusions: [] },
        headers: { 'X-CSRF-Token': csrf },
      });
      assert.equal(meanwhile.status(), 201, await meanwhile.text());
      await topicsRegion.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
      const third = topicsRegion.getByRole('form', { name: 'Nieuw onderwerp' });
      const thirdName = third.getByRole('textbox', { name: /^Naam/ });
      await thirdName.fill('JEUGDHULP');
      await third.getByRole('textbox', { name: /^Woorden om te zoeken/ }).fill('jeugdhulp');
      await third.getByRole('button', { name: 'Opslaan' }).click();
      await third.getByText('Er is al een onderwerp met deze naam. Kies een andere naam.').waitFor();
      await assertFocused(thirdName, 'the name field has focus');
      assert.equal(await thirdName.getAttribute('aria-invalid'), 'true');
      const taken = await context.request.post(api('/council-topics'), {
        data: { name: 'jeugdHULP', terms: ['jeugd'], exclusions: [] },
        headers: { 'X-CSRF-Token': csrf, 'Accept-Language': 'nl' },
      });
      assert.equal(taken.status(), 422);
      assert.ok((await taken.json()).error.fields.name, 'the server names the field "name"');
      const removed = await context.request.delete(api(`/council-topics/${(await meanwhile.json()).id}`), { headers: { 'X-CSRF-Token': csrf } });
      assert.equal(removed.status(), 204);
      await third.getByRole('button', { name: 'Annuleren' }).click();
      await topicsRegion.getByRole('button', { name: 'Onderwerp toevoegen' }).waitFor();

      await settled(page);
      await assertAccessible(page, 'the Raad page with a topic and its match at 1366×768');
      await topicsRegion.screenshot({ path: join(screenshots, 'council-topics-1366.png') });
      await page.screenshot({ path: join(screenshots, 'council-topics-page-1366.png'), fullPage: true });
    });

    await t.test('a webhook: the key is shown once, a signed test arrives, the matches follow', async () => {
      const region = page.getByRole('region', { name: 'Webhook' });
      await region.getByText('Er is nog geen webhook.').waitFor();
      const { port } = receiver.address();
      await region.getByLabel('Adres van de webhook').fill(`http://127.0.0.1:${port}/aantafel`);
      await region.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('heading', { name: 'Bewaar de sleutel van de webhook' }).waitFor();
      const secret = await page.getByLabel('Sleutel', { exact: true }).inputValue();
      assert.match(secret, /^[A-Za-z0-9_-]{43}$/, 'a key of 32 random bytes in base64url');
      await assertAccessible(page, 'the webhook key shown once at 1366×768');
      await page.getByRole('button', { name: 'Klaar' }).click();
      assert.equal(await page.getByLabel('Sleutel', { exact: true }).count(), 0, 'the key is not shown again');

      await region.getByRole('button', { name: 'Test versturen' }).click();
      await region.getByText('De test is aangekomen. Het systeem antwoordde met 204.').waitFor();
      const ping = received.find((r) => r.headers['x-aantafel-event'] === 'ping');
      assert.ok(ping, 'the receiver got the test');
      const expected = createHmac('sha256', secret).update(`${ping.headers['x-aantafel-timestamp']}.${ping.body}`).digest('hex');
      assert.equal(ping.headers['x-aantafel-signature'], `sha256=${expected}`, 'signed with the key that was shown');
      // The council thread delivers the topic's match within a round (at least once a minute).
      await eventually(page, region.getByText(/De laatste melding kwam goed aan op/), { what: 'a delivered match' });
      const match = received.find((r) => r.headers['x-aantafel-event'] === 'council.topic_match');
      assert.ok(match, 'the topic match was delivered');
      assert.equal(JSON.parse(match.body).topic.name, 'Beschermd wonen');
      await assertAccessible(page, 'the Raad page with a webhook at 1366×768');
    });

    await t.test('the meeting within two weeks that discusses the topic is on the act-now list of Overzicht', async () => {
      await page.goto(`/w/${SLUG}/`);
      const actNow = page.getByRole('region', { name: 'Nu doen' });
      const item = actNow.locator('li[data-module="council"]');
      await item.first().waitFor();
      assert.match((await item.first().locator('.aantafel-actnow__module').textContent()).trim(), /^Raad(?!s)/);
      assert.match(await item.first().textContent(), /Beleidsplan beschermd wonen 2027-2030/);
      assert.match(await item.first().textContent(), /Jullie onderwerp "Beschermd wonen"/);
      await page.goto(`/w/${SLUG}/council`);
      await settled(page);
    });

    let meetingPath = '';
    await t.test('the meeting page: when and where, the agenda, the documents at the source, the motion with its votes', async () => {
      const link = page.getByRole('region', { name: 'Komende vergaderingen' }).getByRole('link', { name: 'Commissie Samenleving' });
      await link.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Commissie Samenleving' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
      meetingPath = new URL(page.url()).pathname;
      const id = Number(meetingPath.split('/').pop());
      const detail = await (await context.request.get(api(`/council-meetings/${id}`))).json();

      const when = `${dutchDay(source.meetingStart, { year: true })}, van ${dutchClock(source.meetingStart)} tot ${dutchClock(source.meetingEnd)} uur`;
      await page.getByText(when, { exact: true }).waitFor();
      await page.getByText('Trouwzaal, Raadhuis Soest').waitFor();

      const agenda = page.getByRole('region', { name: 'Agenda' });
      await agenda.getByRole('heading', { level: 3, name: '2 Bespreekstukken' }).waitFor();
      await agenda.getByText('Beleidsplan beschermd wonen 2027-2030', { exact: true }).waitFor();
      await agenda.getByText('Onderwerp: Beschermd wonen', { exact: true }).waitFor();
      const agendaDoc = agenda.getByRole('link', { name: 'Raadsvoorstel Beleidsplan beschermd wonen 2027-2030' });
      assert.equal(await agendaDoc.getAttribute('href'), detail.agenda[2].documents[0].url);
      assert.equal(await agendaDoc.getAttribute('target'), null, 'the source opens in the same tab');

      const documents = page.getByRole('region', { name: 'Stukken' });
      await documents.getByText('De stukken staan op de site van de raad. Een link opent het stuk daar.').waitFor();
      assert.equal(
        await documents.getByRole('link', { name: /geanonimiseerd/ }).getAttribute('href'),
        'https://api.notubiz.nl/document/12399/1',
        'the document of the change feed (the tombstoned one is gone)',
      );

      const motion = page.getByRole('region', { name: 'Moties' }).getByRole('article', { name: 'M41 Wachtlijst beschermd wonen terugdringen' });
      await motion.getByText('Aangenomen', { exact: true }).waitFor();
      await motion.getByText('Uitslag: 14 voor, 9 tegen.').waitFor();
      assert.equal(detail.motions[0].in_favour, 14);
      assert.equal(detail.motions[0].against, 9);
      await motion.getByText('Ingediend door: J. de Vries, A. Bakker.').waitFor();
      const rows = await motion
        .getByRole('table', { name: /^Stemmen per partij/ })
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
      assert.deepEqual(rows, [
        ['GroenLinks', '1', '0'],
        ['VVD', '0', '1'],
      ]);
      await motion.getByText('De raad publiceert 2 van de 23 stemmen per persoon.').waitFor();
      // The details open with the keyboard.
      const summary = motion.getByText('Wie stemde wat (2 stemmen)');
      await summary.focus();
      await page.keyboard.press('Enter');
      await motion.getByText('Voor: Vries, J. de').waitFor();
      await motion.getByText('Tegen: Jansen, P.').waitFor();

      await page.getByText(/De gegevens komen van Open Besluitvorming \(VNG\)\. Dit is geen officiële publicatie\./).waitFor();
      await assertAccessible(page, 'the meeting page at 1366×768');
      await page.screenshot({ path: join(screenshots, 'council-meeting-1366.png'), fullPage: true });
    });

    await t.test('Zoeken in de raad: words by stem with the words found marked, a filter on kind, the hit opens at its place in the meeting', async () => {
      await page.goto(`/w/${SLUG}/council`);
      await settled(page);
      const section = page.getByRole('region', { name: 'Zoeken in de raad' });
      const form = section.getByRole('search', { name: 'Zoeken in de raad' });
      const field = form.getByRole('searchbox', { name: 'Zoekwoorden' });
      const status = page.locator('#council-search-status');

      // "wachtlijsten" finds motion M41 by its stem, with "Wachtlijst" marked; Enter searches.
      await field.fill('wachtlijsten');
      await field.press('Enter');
      const results = section.getByRole('region', { name: /^\d+ resulta(?:at|ten) voor ‘wachtlijsten’$/ });
      await results.waitFor();
      assert.equal(new URL(page.url()).search, '?q=wachtlijsten', 'the search is in the URL');
      assert.match(await status.textContent(), /^\d+ resulta(?:at|ten) voor ‘wachtlijsten’$/, 'the count is in the live region');
      const motionHit = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'M41 Wachtlijst beschermd wonen terugdringen' }) });
      await motionHit.waitFor();
      assert.deepEqual(await motionHit.locator('mark').allTextContents(), ['Wachtlijst']);
      assert.match(await motionHit.textContent(), /Motie Raad van Soest · \d{1,2} \p{L}+ \d{4}/u);
      assert.match(await motionHit.textContent(), /Vergadering: Commissie Samenleving/);
      const motionHref = await motionHit.getByRole('link', { name: 'M41 Wachtlijst beschermd wonen terugdringen' }).getAttribute('href');
      assert.match(motionHref, /^\/w\/demo\/council\/meetings\/\d+#motion-\d+$/);
      await settled(page);
      await assertAccessible(page, 'the search results on the Raad page at 1366×768');
      await section.screenshot({ path: join(screenshots, 'council-search-1366.png') });

      // A word the server refuses (too short) is said at the field, which takes focus.
      await field.fill('w');
      await form.getByRole('button', { name: 'Zoeken' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'council-search-q' && document.activeElement.getAttribute('aria-invalid') === 'true');
      const said = await field.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).textContent);
      assert.equal(said, 'Gebruik minstens 2 tekens.');
      await status.getByText('Zoeken lukte niet. Bij het veld staat wat je kunt aanpassen.').waitFor();
      await assertAccessible(page, 'the search with a word that is too short at 1366×768');

      // Kind "Agendapunten" with "beschermd wonen" (the filters unfold with the keyboard): the agenda
      // item, both words marked.
      const filters = form.getByText('Filters: raad, soort en periode', { exact: true });
      await filters.focus();
      await page.keyboard.press('Enter');
      await form.getByRole('combobox', { name: 'Soort' }).selectOption({ label: 'Agendapunten' });
      await form.getByText('Filters: raad, soort en periode (1 gekozen)').waitFor();
      await field.fill('beschermd wonen');
      await form.getByRole('button', { name: 'Zoeken' }).click();
      const agendaResults = section.getByRole('region', { name: /^\d+ resulta(?:at|ten) voor ‘beschermd wonen’$/ });
      await agendaResults.waitFor();
      assert.equal(new URL(page.url()).search, '?q=beschermd+wonen&kind=agenda_item');
      const kinds = await agendaResults.locator('.aantafel-council-hit__kind').allTextContents();
      assert.ok(kinds.length >= 1 && kinds.every((kind) => kind === 'Agendapunt'), `only agenda items: ${kinds.join(', ')}`);
      const item = agendaResults.getByRole('link', { name: 'Beleidsplan beschermd wonen 2027-2030' });
      await item.waitFor();
      const itemHit = agendaResults.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Beleidsplan beschermd wonen 2027-2030' }) });
      assert.deepEqual(await itemHit.locator('mark').allTextContents(), ['beschermd', 'wonen']);
      await itemHit.getByText('Het college vraagt de raad het regionale beleidsplan vast te stellen.').waitFor();
      await settled(page);
      await assertAccessible(page, 'the agenda items found at 1366×768');
      await section.screenshot({ path: join(screenshots, 'council-search-agenda-1366.png') });

      // Opening it (keyboard) goes to the meeting page, at the agenda item.
      await item.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Commissie Samenleving' }).waitFor();
      const opened = new URL(page.url());
      assert.equal(opened.pathname, meetingPath, 'the meeting of the agenda item');
      assert.match(opened.hash, /^#agenda-item-\d+$/);
      await page.waitForFunction((id) => document.activeElement?.id === id, opened.hash.slice(1));
      const focused = page.locator(opened.hash);
      assert.match(await focused.textContent(), /Beleidsplan beschermd wonen 2027-2030/);
      assert.match((await focused.getAttribute('class')) ?? '', /aantafel-council-target/);
      await settled(page);
      await assertAccessible(page, 'the meeting page opened at an agenda item at 1366×768');
      await page.screenshot({ path: join(screenshots, 'council-search-opened-1366.png') });

      // Back: the search is still there, from the URL.
      await page.goBack();
      await agendaResults.waitFor();
      assert.equal(await field.inputValue(), 'beschermd wonen');
      assert.equal(await form.getByRole('combobox', { name: 'Soort' }).inputValue(), 'agenda_item');

      // On a phone: no sideways scrolling, axe.
      await page.setViewportSize(PHONE);
      try {
        await page.goto(`/w/${SLUG}/council?q=wachtlijsten`);
        await settled(page);
        await results.waitFor();
        await assertNoSideways(page, 'the search results at 390×844');
        await assertAccessible(page, 'the search results at 390×844');
        await section.screenshot({ path: join(screenshots, 'council-search-390.png') });
        await filters.click();
        await form.getByRole('combobox', { name: 'Soort' }).selectOption({ label: 'Agendapunten' });
        await field.fill('beschermd wonen');
        await field.press('Enter');
        await agendaResults.waitFor();
        await settled(page);
        // Below the unfolded filters, the count is brought into sight.
        await page.waitForFunction(() => {
          const box = document.getElementById('council-search-status').getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        });
        await assertNoSideways(page, 'the agenda items found at 390×844');
        await assertAccessible(page, 'the agenda items found at 390×844');
        await section.screenshot({ path: join(screenshots, 'council-search-agenda-390.png') });
      } finally {
        await page.setViewportSize(LAPTOP);
      }
    });

    await t.test('both pages on a phone (390×844): no sideways scrolling, axe', async () => {
      await page.setViewportSize(PHONE);
      await page.goto(meetingPath);
      await settled(page);
      await page.getByRole('region', { name: 'Moties' }).waitFor();
      await assertNoSideways(page, 'the meeting page at 390×844');
      await assertAccessible(page, 'the meeting page at 390×844');
      await page.screenshot({ path: join(screenshots, 'council-meeting-390.png') });
      await page.screenshot({ path: join(screenshots, 'council-meeting-390-full.png'), fullPage: true });
      await page.goto(`/w/${SLUG}/council`);
      await settled(page);
      await page.getByRole('region', { name: 'Komende vergaderingen' }).getByRole('link', { name: 'Commissie Samenleving' }).waitFor();
      await assertNoSideways(page, 'the Raad page at 390×844');
      await assertAccessible(page, 'the Raad page at 390×844');
      await topicsRegion.getByRole('button', { name: 'Wijzigen: Beschermd wonen' }).click();
      await topicsRegion.getByRole('form', { name: 'Onderwerp Beschermd wonen wijzigen' }).waitFor();
      await assertNoSideways(page, 'the topic form at 390×844');
      await assertAccessible(page, 'the topic form at 390×844');
      await topicsRegion.screenshot({ path: join(screenshots, 'council-topic-form-390.png') });
      await topicsRegion.getByRole('button', { name: 'Annuleren' }).click();
      await matchesRegion.screenshot({ path: join(screenshots, 'council-matches-390.png') });
      await page.screenshot({ path: join(screenshots, 'council-list-390.png') });
      await page.screenshot({ path: join(screenshots, 'council-list-390-full.png'), fullPage: true });
      await page.setViewportSize(LAPTOP);
    });

    await t.test('the municipality page and the policy calendar of Soest show the meeting with the topic (1366 and 390×844)', async () => {
      const organisations = await (await context.request.get(api('/organisations'))).json();
      const soest = organisations.items.find((o) => o.municipality_code === 'GM0342');
      assert.ok(soest, 'Soest is in the demo');
      // The year of the meeting, in Dutch time (a run on 30 December has it next year).
      const meetingYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(source.meetingStart);
      const checks = async (size, label) => {
        await page.goto(`/w/${SLUG}/municipalities/${soest.id}`);
        await page.getByRole('heading', { level: 1, name: 'Soest' }).waitFor();
        const agenda = page.getByRole('region', { name: 'Op de agenda van de raad' });
        const matched = agenda.getByRole('list', { name: 'Met jullie onderwerpen' });
        const link = matched.getByRole('link', { name: 'Commissie Samenleving' });
        await link.waitFor();
        assert.equal(await link.getAttribute('href'), meetingPath, 'the meeting links to its page');
        const card = matched.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Commissie Samenleving' }) });
        await card.getByText(/^Jullie onderwerp Beschermd wonen: 1 agendapunt/).waitFor();
        await card.getByText(`${dutchDay(source.meetingStart)}, van ${dutchClock(source.meetingStart)} tot ${dutchClock(source.meetingEnd)} uur`).waitFor();
        assert.match(await card.textContent(), /Agendapunt: Beleidsplan beschermd wonen 2027-2030/);
        await agenda.getByRole('link', { name: 'Alle vergaderingen en onderwerpen bij Raad' }).waitFor();
        await settled(page);
        if (size === PHONE) await assertNoSideways(page, `the municipality page of Soest at ${label}`);
        await assertAccessible(page, `the municipality page of Soest at ${label}`);
        await agenda.scrollIntoViewIfNeeded();
        await agenda.screenshot({ path: join(screenshots, `council-municipality-${label}.png`) });

        await page.goto(`/w/${SLUG}/policy-calendar/municipalities/${soest.id}?year=${meetingYear}`);
        const table = page.getByRole('table', { name: `Beleids- en begrotingscyclus van Soest in ${meetingYear}` });
        const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Commissie Samenleving' }) });
        await row.waitFor();
        assert.equal(await row.getByRole('link', { name: 'Commissie Samenleving' }).getAttribute('href'), meetingPath);
        await row.getByText('Raadsvergadering', { exact: true }).waitFor();
        await row.getByText(/^Jullie onderwerp Beschermd wonen: 1 agendapunt/).waitFor();
        await row.getByText(`van ${dutchClock(source.meetingStart)} tot ${dutchClock(source.meetingEnd)} uur`).waitFor();
        // At a glance above the year's long list too.
        const soon = page.getByRole('list', { name: 'Jullie onderwerpen binnenkort in de raad' });
        assert.equal(await soon.getByRole('link', { name: 'Commissie Samenleving' }).getAttribute('href'), meetingPath);
        await soon.getByText(/^Jullie onderwerp Beschermd wonen: 1 agendapunt/).waitFor();
        await settled(page);
        if (size === PHONE) await assertNoSideways(page, `the policy calendar of Soest at ${label}`);
        await assertAccessible(page, `the policy calendar of Soest at ${label}`);
        await page.screenshot({ path: join(screenshots, `council-calendar-${label}.png`), fullPage: true });
        await soon.locator('xpath=..').screenshot({ path: join(screenshots, `council-calendar-soon-${label}.png`) });
        await row.scrollIntoViewIfNeeded();
        await row.screenshot({ path: join(screenshots, `council-calendar-row-${label}.png`) });
      };
      await checks(LAPTOP, '1366');
      await page.setViewportSize(PHONE);
      try {
        await checks(PHONE, '390');
      } finally {
        await page.setViewportSize(LAPTOP);
      }
    });

    await t.test('a viewer sees the councils and meetings without the buttons', async () => {
      await addMember(e2e.server.baseUrl, { request: context.request, csrf }, SLUG, VIEWER, 'viewer');
      const viewer = await newPage(VIEWER);
      await viewer.page.goto(`/w/${SLUG}/council`);
      await viewer.page.getByRole('heading', { level: 1, name: 'Raad' }).waitFor();
      await viewer.page.getByRole('region', { name: 'Komende vergaderingen' }).getByRole('link', { name: 'Commissie Samenleving' }).waitFor();
      await viewer.page.getByText(/Je kunt hier alleen kijken/).waitFor();
      await settled(viewer.page);
      assert.equal(await viewer.page.getByRole('button', { name: /Volgen|Niet meer volgen/ }).count(), 0);
      const viewerTopics = viewer.page.getByRole('region', { name: 'Onderwerpen', exact: true });
      await viewerTopics.getByRole('heading', { level: 3, name: 'Beschermd wonen' }).waitFor();
      assert.equal(await viewerTopics.getByRole('button').count(), 0, 'a viewer reads the topics without buttons');
      // Skipped lines and errors are for owners.
      assert.equal(await viewer.page.getByText(/overgeslagen/).count(), 0);
      await assertAccessible(viewer.page, 'the Raad page of a viewer');
      assert.deepEqual(viewer.problems, [], `the browser reported problems:\n${viewer.problems.join('\n')}`);
      await viewer.context.close();
    });

    await t.test('"Niet meer volgen" asks first; Soest is offered again', async () => {
      await page.goto(`/w/${SLUG}/council`);
      await settled(page);
      await followed.getByRole('button', { name: 'Niet meer volgen: Soest' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Soest niet meer volgen?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the confirmation to stop following');
      await dialog.getByRole('button', { name: 'Niet meer volgen' }).click();
      await page.getByRole('status').getByText('Je volgt Soest niet meer.').waitFor();
      await offered.getByRole('button', { name: 'Volgen: Soest' }).waitFor();
      assert.equal(await followed.count(), 0, 'no followed councils any more');
      const councils = await (await context.request.get(api('/councils'))).json();
      assert.deepEqual(councils.follows, []);
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('council members in Wie is wie: the review list on Raad with parties, "Nee" moves a name out, "Geen van deze" rules out several, "In de raad" on a person’s page', async (t) => {
    const { context, page, problems, csrf } = await newPage();
    const api = (path) => `/api/v1/workspaces/${SLUG}${path}`;
    const headers = { 'X-CSRF-Token': csrf, 'Accept-Language': 'nl' };
    const send = async (method, path, data, expected) => {
      const response = await context.request.fetch(api(path), { method, data, headers });
      assert.equal(response.status(), expected, `${method} ${path}: ${await response.text()}`);
      return response.status() === 204 ? null : response.json();
    };
    const get = (path) => send('GET', path, undefined, 200);
    let jan;
    let piet;
    let anna;
    let ahmed;

    await t.test('set-up through the API: Soest followed, Jan de Vries (GroenLinks), Piet Jansen (CDA), Anna Bakker (PvdA) and Ahmed Bakker (no party) raadslid in Soest', async () => {
      let soest = (await get('/organisations')).items.find((o) => o.municipality_code === 'GM0342');
      soest ??= await send('POST', '/organisations', { kind: 'municipality', municipality_code: 'GM0342' }, 201);
      jan = await send('POST', '/people', { name: 'Jan de Vries', fictional: true }, 201);
      await send('POST', `/people/${jan.id}/positions`, { organisation_id: soest.id, kind: 'council_member', party: 'GroenLinks', started_on: '2022-03-30' }, 201);
      piet = await send('POST', '/people', { name: 'Piet Jansen', fictional: true }, 201);
      await send('POST', `/people/${piet.id}/positions`, { organisation_id: soest.id, kind: 'council_member', party: 'CDA', started_on: '2022-03-30' }, 201);
      // Two people for the co-submitter "A. Bakker" (a name without party): several fit.
      anna = await send('POST', '/people', { name: 'Anna Bakker', fictional: true }, 201);
      await send('POST', `/people/${anna.id}/positions`, { organisation_id: soest.id, kind: 'council_member', party: 'PvdA', started_on: '2022-03-30' }, 201);
      ahmed = await send('POST', '/people', { name: 'Ahmed Bakker', fictional: true }, 201);
      await send('POST', `/people/${ahmed.id}/positions`, { organisation_id: soest.id, kind: 'council_member', started_on: '2022-03-30' }, 201);
      // The earlier test stopped following Soest (and this one may run on its own).
      for (let tries = 0; ; tries += 1) {
        const councils = await get('/councils');
        if (councils.follows.some((f) => f.source_key === 'soest')) break;
        if (councils.available.some((s) => s.source_key === 'soest')) {
          await send('PUT', '/councils/soest', undefined, 200);
          break;
        }
        assert.ok(tries < 180, 'Soest is offered');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      // Without topics, the person's page says how to get motions on it.
      for (const topic of (await get('/council-topics')).items) await send('DELETE', `/council-topics/${topic.id}`, undefined, 204);
      for (let tries = 0; ; tries += 1) {
        const { items } = await get('/council-people?source_key=soest');
        if (items.some((name) => name.name === 'Jansen, P.')) {
          const jansen = items.find((name) => name.name === 'Jansen, P.');
          assert.equal(jansen.state, 'suggested');
          assert.deepEqual(jansen.person, { id: piet.id, name: 'Piet Jansen', party: 'CDA' });
          const bakker = items.find((name) => name.name === 'A. Bakker');
          assert.equal(bakker.state, 'suggested');
          assert.equal(bakker.reason, 'several');
          assert.equal(bakker.person, null);
          assert.deepEqual(
            [...bakker.options].sort((a, b) => a.id - b.id),
            [
              { id: anna.id, name: 'Anna Bakker', party: 'PvdA' },
              { id: ahmed.id, name: 'Ahmed Bakker', party: '' },
            ],
          );
          const vries = items.find((name) => name.name_key === 'de vries|j|groenlinks');
          assert.equal(vries.state, 'certain', 'Vries, J. de of GroenLinks is Jan de Vries for sure');
          assert.equal(vries.person.id, jan.id);
          break;
        }
        assert.ok(tries < 180, 'the names of Soest are there once the sync has run');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    });

    const linking = page.getByRole('region', { name: 'Raadsleden koppelen' });
    const review = linking.getByRole('list', { name: 'Te controleren in de raad van Soest' });
    await t.test('Raad: Jansen, P. waits in the review list; "Nee, iemand anders" moves it out', async () => {
      await page.goto(`/w/${SLUG}/council`);
      const row = review.getByRole('listitem').filter({ hasText: 'Jansen, P.' });
      await row.waitFor();
      await row.getByText('Partij: VVD').waitFor();
      assert.equal(await row.getByRole('link', { name: 'Piet Jansen' }).getAttribute('href'), `/w/${SLUG}/people/${piet.id}`);
      // The party Wie is wie has for Piet Jansen, and the difference with the council's in words.
      await row.getByText('Voorstel van aantafel: Piet Jansen (CDA in Wie is wie)').waitFor();
      await row
        .getByText('De partij is anders: de raad noemt VVD, in Wie is wie staat CDA. Is iemand van partij gewisseld? Dan kan het toch dezelfde persoon zijn.')
        .waitFor();
      await row.getByRole('button', { name: 'Ja, dit is Piet Jansen: Jansen, P.' }).waitFor();
      // Linked names are folded: Vries, J. de is linked by the rule.
      await linking.getByText(/^Gekoppeld \(\d+\)$/).click();
      await linking.getByRole('list', { name: 'Gekoppeld in de raad van Soest' }).getByRole('link', { name: 'Jan de Vries' }).waitFor();
      await settled(page);
      await assertAccessible(page, 'Raadsleden koppelen at 1366×768');
      await linking.screenshot({ path: join(screenshots, 'council-people-review-1366.png') });

      const no = row.getByRole('button', { name: 'Nee, iemand anders: Jansen, P. is niet Piet Jansen' });
      await no.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').getByText('Genoteerd: Jansen, P. is niet Piet Jansen. De naam staat nu bij Niet gekoppeld.').waitFor();
      assert.equal(await review.getByText('Jansen, P.').count(), 0, 'Jansen, P. left the review list');
      // Focus stays in the review (the next name, or its heading when none is left).
      await page.waitForFunction(() => document.activeElement?.closest('.aantafel-council-people__council') !== null);
      const unmatched = linking.locator('details').filter({ has: page.getByText(/^Niet gekoppeld \(\d+\)$/) });
      await unmatched.locator('summary').click();
      const moved = unmatched.getByRole('listitem').filter({ hasText: 'Jansen, P.' });
      await moved.getByText('Een collega zei: dit is niet Piet Jansen.').waitFor();
      const { items } = await get('/council-people?source_key=soest&show=review');
      assert.ok(!items.some((name) => name.name === 'Jansen, P.'), 'the server has it out of the review list');
      await settled(page);
      await assertAccessible(page, 'Raadsleden koppelen after "Nee" at 1366×768');

      await page.setViewportSize(PHONE);
      try {
        await page.reload();
        await linking.getByRole('heading', { level: 3, name: 'Raad van Soest' }).waitFor();
        await linking.getByText(/^Niet gekoppeld \(\d+\)$/).click();
        await linking.getByText('Een collega zei: dit is niet Piet Jansen.').waitFor();
        await settled(page);
        await assertNoSideways(page, 'Raadsleden koppelen at 390×844');
        await assertAccessible(page, 'Raadsleden koppelen at 390×844');
        await linking.screenshot({ path: join(screenshots, 'council-people-review-390.png') });
      } finally {
        await page.setViewportSize(LAPTOP);
      }
    });

    await t.test('Raad: A. Bakker fits Anna and Ahmed Bakker; "Geen van deze" rules both out at once, "Ongedaan maken" takes it back', async () => {
      await page.goto(`/w/${SLUG}/council`);
      const row = review.getByRole('listitem').filter({ hasText: 'A. Bakker' });
      await row.waitFor();
      await row.getByText('Meer mensen in Wie is wie passen bij deze naam. Kies wie het is.').waitFor();
      // The people who fit, with their party in Wie is wie; the same in the choice.
      const fit = row.getByRole('list', { name: 'Deze mensen passen:' });
      assert.deepEqual(await fit.getByRole('listitem').allTextContents(), [
        'Anna Bakker (PvdA in Wie is wie)',
        'Ahmed Bakker (geen partij in Wie is wie)',
      ]);
      assert.equal(await fit.getByRole('link', { name: 'Anna Bakker' }).getAttribute('href'), `/w/${SLUG}/people/${anna.id}`);
      const select = row.getByRole('combobox', { name: 'Wie is A. Bakker?' });
      assert.deepEqual(await select.locator('option').allTextContents(), ['Kies een persoon', 'Anna Bakker (PvdA)', 'Ahmed Bakker (geen partij)']);
      await settled(page);
      await row.scrollIntoViewIfNeeded();
      await row.screenshot({ path: join(screenshots, 'council-people-choose-1366.png') });

      const none = row.getByRole('button', { name: 'Geen van deze: A. Bakker is iemand anders' });
      await none.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .getByText('Genoteerd: A. Bakker is niemand van deze mensen: Anna Bakker en Ahmed Bakker. De naam staat nu bij Niet gekoppeld.')
        .waitFor();
      assert.equal(await review.getByText('A. Bakker', { exact: true }).count(), 0, 'A. Bakker left the review list');
      await page.waitForFunction(() => document.activeElement?.closest('.aantafel-council-people__council') !== null);
      let bakker = (await get('/council-people?source_key=soest')).items.find((name) => name.name === 'A. Bakker');
      assert.equal(bakker.state, 'unmatched', 'the server ruled out both');
      assert.deepEqual([...bakker.rejected].sort((a, b) => a - b), [anna.id, ahmed.id]);

      // Under Niet gekoppeld: one line for both, taken back with one button.
      const unmatched = linking.locator('details').filter({ has: page.getByText(/^Niet gekoppeld \(\d+\)$/) });
      await unmatched.locator('summary').click();
      const moved = unmatched.getByRole('listitem').filter({ hasText: 'A. Bakker' });
      await moved.getByText('Een collega zei: dit is niemand van deze mensen: Anna Bakker en Ahmed Bakker.').waitFor();
      await settled(page);
      await assertAccessible(page, 'Raadsleden koppelen after "Geen van deze" at 1366×768');
      await moved.screenshot({ path: join(screenshots, 'council-people-none-1366.png') });
      const undo = moved.getByRole('button', { name: 'Ongedaan maken: A. Bakker is misschien toch een van deze mensen' });
      await undo.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .getByText('Je hebt ‘nee’ over Anna Bakker en Ahmed Bakker ongedaan gemaakt. De naam staat bij Te controleren: kies wie het is.')
        .waitFor();
      // Back to choose, with focus on the name.
      await row.getByRole('combobox', { name: 'Wie is A. Bakker?' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === 'A. Bakker');
      bakker = (await get('/council-people?source_key=soest')).items.find((name) => name.name === 'A. Bakker');
      assert.equal(bakker.state, 'suggested');
      assert.deepEqual(bakker.rejected, []);

      await page.setViewportSize(PHONE);
      try {
        await page.reload();
        await row.getByRole('button', { name: 'Geen van deze: A. Bakker is iemand anders' }).waitFor();
        await settled(page);
        await assertNoSideways(page, 'Raadsleden koppelen with a choice at 390×844');
        await assertAccessible(page, 'Raadsleden koppelen with a choice at 390×844');
        await row.scrollIntoViewIfNeeded();
        await row.screenshot({ path: join(screenshots, 'council-people-choose-390.png') });
      } finally {
        await page.setViewportSize(LAPTOP);
      }
    });

    const inCouncil = page.getByRole('region', { name: 'In de raad' });
    await t.test('Jan de Vries’s page: "In de raad" asks for a topic, and after "Beschermd wonen" shows motion M41', async () => {
      await page.goto(`/w/${SLUG}/people/${jan.id}`);
      await page.getByRole('heading', { level: 1, name: /^Jan de Vries/ }).waitFor();
      // The spelling used most: the vote's "Vries, J. de" or the submitter's "J. de Vries".
      await inCouncil
        .getByRole('list', { name: 'Namen van Jan de Vries in de raad' })
        .getByText(/^(Vries, J\. de|J\. de Vries) · GroenLinks · Raad van Soest/)
        .waitFor();
      await inCouncil.getByText(/^In alle moties samen: 1 motie ingediend, 1 keer voor gestemd en nooit tegen gestemd\.$/).waitFor();
      await inCouncil.getByText(/Je werkruimte heeft nog geen onderwerpen\./).waitFor();

      // The link goes to the topics on Raad; the topic is added there.
      await inCouncil.getByRole('link', { name: 'Naar de onderwerpen bij Raad' }).click();
      const topicsRegion = page.getByRole('region', { name: 'Onderwerpen', exact: true });
      await page.waitForFunction(() => document.activeElement?.id === 'council-topics');
      await topicsRegion.getByRole('button', { name: 'Onderwerp toevoegen' }).click();
      const form = topicsRegion.getByRole('form', { name: 'Nieuw onderwerp' });
      await form.getByRole('textbox', { name: /^Naam/ }).fill('Beschermd wonen');
      await form.getByRole('textbox', { name: /^Woorden om te zoeken/ }).fill('beschermd wonen');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByRole('status').getByText('Onderwerp Beschermd wonen is toegevoegd.').waitFor();

      await page.goBack();
      await page.getByRole('heading', { level: 1, name: /^Jan de Vries/ }).waitFor();
      const motions = inCouncil.getByRole('list', { name: 'Moties van Jan de Vries over je onderwerpen' });
      const m41 = motions.getByRole('link', { name: 'M41 Wachtlijst beschermd wonen terugdringen' });
      await m41.waitFor();
      assert.match(await m41.getAttribute('href'), new RegExp(`^/w/${SLUG}/council/meetings/\\d+#motion-\\d+$`));
      const item = motions.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'M41 Wachtlijst beschermd wonen terugdringen' }) });
      await item.getByText('Jan de Vries: ingediend en voor gestemd').waitFor();
      await item.getByText('Aangenomen', { exact: true }).waitFor();
      await item.getByText(dutchDay(source.meetingStart, { year: true }).replace(/^\p{L}+ /u, '')).waitFor();
      const table = inCouncil.getByRole('table', { name: /^Per onderwerp van je werkruimte/ });
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
      assert.deepEqual(rows, [['Beschermd wonen', '1', '1', '0']]);
      // The rest of the page is there too.
      await page.getByRole('region', { name: 'Persoonlijke gegevens' }).waitFor();
      await settled(page);
      await assertAccessible(page, 'the person page with "In de raad" at 1366×768');
      await inCouncil.screenshot({ path: join(screenshots, 'council-people-person-1366.png') });

      // The motion opens the meeting page at the motion.
      await m41.click();
      await page.getByRole('heading', { level: 1, name: 'Commissie Samenleving' }).waitFor();
      await page.waitForFunction(() => /^motion-\d+$/.test(document.activeElement?.id ?? ''));
      await page.goBack();
      await m41.waitFor();

      await page.setViewportSize(PHONE);
      try {
        await page.reload();
        await m41.waitFor();
        await settled(page);
        await assertNoSideways(page, 'the person page with "In de raad" at 390×844');
        await assertAccessible(page, 'the person page with "In de raad" at 390×844');
        await inCouncil.screenshot({ path: join(screenshots, 'council-people-person-390.png') });
      } finally {
        await page.setViewportSize(LAPTOP);
      }

      // Piet Jansen is linked to nothing now: his page says so and points to the review list.
      await page.goto(`/w/${SLUG}/people/${piet.id}`);
      await inCouncil.getByText(/Piet Jansen is nog niet gekoppeld aan een naam uit de moties en stemmingen\./).waitFor();
      assert.equal(
        await inCouncil.getByRole('link', { name: 'Naar Raadsleden koppelen' }).getAttribute('href'),
        `/w/${SLUG}/council#council-people-soest`,
      );
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
