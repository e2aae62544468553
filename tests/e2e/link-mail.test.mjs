// End-to-end for links mailed from the app: the real server sends its mail to a real SMTP server
// (support/smtp-sink.mjs), as in accounts.test.mjs. The demo owner invites one partner to a
// Samenwerkingsscan with an e-mail address and a 3-day reminder: the mail arrives with its /s/…
// link, which a fresh browser opens to the questionnaire, and the respondents list says "Gemaild
// op … / Herinnering op …". On a survey's page, "Persoonlijke links versturen" mails links to two
// addresses: both mails arrive, one client answers through the link and sees the thank-you page;
// sending to one of them again is skipped (the survey's pause) and said in plain words. axe-core
// on both new sections at 1366 px and at 390×844 (no sideways scrolling on the phone), with
// screenshots in /var/tmp/e2e-screenshots/linkmail-*.png (AANTAFEL_E2E_SCREENSHOTS overrides).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertAccessible, assertFocused, checkBothSizes as bothSizes, DESKTOP, PHONE } from './support/browser.mjs';
import { startServer } from './support/server.mjs';
import { linkIn, SmtpSink } from './support/smtp-sink.mjs';
import { apiClient, DEMO, e2eSuite, login, prepareDemo } from './support/suite.mjs';

const SLUG = 'demo';
// Links in mails start with the public address; the default is a loopback address on port 8080.
const PUBLIC_URL = 'http://127.0.0.1:8080';
const FROM = 'aantafel@e2e.example';
const screenshots = process.env.AANTAFEL_E2E_SCREENSHOTS ?? '/var/tmp/e2e-screenshots';

const SCAN = { title: 'Samenwerking e-mail e2e', collaboration: 'De Linde en Hart van Oost' };
const PARTNER = { organisation: 'Zorgorganisatie De Linde', label: 'teamleider', email: 'anna.partner@delinde.example' };
const SURVEY = { name: 'Huisbezoek e-mail e2e', team: 'Team Zuid e2e', service: 'het huisbezoek' };
const CLIENTS = ['client.een@voorbeeld.example', 'client.twee@voorbeeld.example'];

let sink;

const e2e = e2eSuite({
  async server() {
    sink = await new SmtpSink().start();
    return { smtp: { url: sink.url, from: FROM } };
  },
  screenshots,
  page: { viewport: DESKTOP, timeout: 20_000 },
});
after(async () => {
  await sink?.stop();
});

const newPage = (viewport = DESKTOP, options = {}) => e2e.newPage({ viewport, ...options });

/**
 * axe-core, no sideways scrolling on the phone, and screenshots (the whole page, and `section` —
 * one locator or several — on its own) at 1366 px and at 390×844; `ready` waits for what must be
 * on screen after a resize.
 */
async function checkBothSizes(page, name, what, section, ready = async () => {}) {
  await bothSizes(page, what, {
    ready,
    sideways: { text: true },
    async screenshot(size) {
      await page.screenshot({ path: join(screenshots, `linkmail-${name}-${size}.png`), fullPage: true });
      const parts = Array.isArray(section) ? section : section ? [section] : [];
      for (const [index, part] of parts.entries()) {
        const suffix = index === 0 ? 'section' : `section${index + 1}`;
        await part.screenshot({ path: join(screenshots, `linkmail-${name}-${suffix}-${size}.png`) });
      }
    },
  });
}

/** The address of a link from a mail on the test server (mails use the public address). */
function onTestServer(link) {
  const url = new URL(link);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The link in the mail's text part (the HTML part links to the same address). */
function linkFromMail(message, path) {
  const prefix = `${PUBLIC_URL}${path}`;
  const link = linkIn(message.mail.text, prefix);
  assert.ok(link, `a link starting with ${prefix} in the text part:\n${message.mail.text}`);
  assert.ok(message.mail.html.includes(`href="${link}"`), 'the HTML part links to the same address');
  return link;
}

describe('links mailed from the app, with the real server and a real SMTP server', () => {
  test('the session says this server can send e-mail', async () => {
    const { context } = await newPage();
    const session = await login(context);
    assert.equal(session.mail, true);
    await context.close();
  });

  test('scan: a partner gets the link by e-mail with a reminder; the list says "Gemaild op"', async (t) => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context);
    const scan = await apiClient(context, csrf, SLUG).post('/scans', { template_id: 'care_cooperative', ...SCAN });

    await page.goto(`/w/${SLUG}/scan/${scan.id}`);
    await page.getByRole('heading', { level: 1, name: SCAN.title }).waitFor();
    const form = page.getByRole('form', { name: 'Partners uitnodigen' });
    const row = form.getByRole('group', { name: 'Persoon 1' });

    await t.test('the e-mail field, then the language and reminder once an address is filled in', async () => {
      await page.getByText(/Vul je een e-mailadres in\? Dan krijgt die persoon de link per e-mail/).waitFor();
      assert.equal(await form.getByRole('group', { name: 'Taal van de e-mail' }).count(), 0, 'no mail choices yet');
      await row.getByLabel('Organisatie').fill(PARTNER.organisation);
      await row.getByLabel('Rol (niet verplicht)').fill(PARTNER.label);
      await row.getByLabel('E-mailadres (niet verplicht)').fill(PARTNER.email);
      await form.getByLabel('Hoeveel dagen werkt de link?').fill('14');
      const language = form.getByRole('group', { name: 'Taal van de e-mail' });
      await language.waitFor();
      assert.equal(await language.getByLabel('Nederlands').isChecked(), true, 'Dutch by default');
      const remind = form.getByLabel('Herinnering');
      assert.deepEqual(await remind.locator('option').allTextContents(), [
        'Geen herinnering',
        'Na 3 dagen',
        'Na 5 dagen',
        'Na 7 dagen',
      ]);
      await remind.selectOption({ label: 'Na 3 dagen' });
      await checkBothSizes(page, 'scan-invite', 'the scan invitation with an e-mail address', page.locator('section[aria-labelledby="scan-invite-heading"]'));
    });

    let link = '';
    await t.test('after sending: "Verstuurd naar het e-mailadres", and the mail arrives', async () => {
      await form.getByRole('button', { name: 'Links maken en versturen' }).click();
      const links = page.getByRole('list', { name: 'Nieuwe links, één per persoon' });
      await links.getByRole('listitem').filter({ hasText: PARTNER.organisation }).getByText('Verstuurd naar het e-mailadres').waitFor();
      assert.equal(await links.getByRole('button', { name: /^Kopieer de link/ }).count(), 0, 'nothing to copy');
      await page.getByRole('status').filter({ hasText: 'De link is gemaakt en per e-mail verstuurd.' }).waitFor();
      await page.getByText('De link is per e-mail verstuurd. Je hoeft niets te kopiëren.').waitFor();

      const message = await sink.waitFor(PARTNER.email, { after: 0 });
      assert.equal(message.envelope.from, FROM);
      assert.ok(message.mail.subject.startsWith('Samenwerkingsscan'), `subject: ${message.mail.subject}`);
      assert.ok(message.mail.subject.includes(SCAN.title));
      link = linkFromMail(message, '/s/');
      assert.match(new URL(link).pathname, /^\/s\/[A-Za-z0-9_-]+$/);
    });

    await t.test('the respondents list says when it was mailed and when the reminder comes', async () => {
      const table = page.getByRole('table', { name: 'Uitgenodigde personen, per organisatie' });
      const cells = table.getByRole('row').filter({ hasText: PARTNER.organisation });
      await cells.getByText(/^Gemaild op \d{1,2} [a-z]{3}\.?( \d{4})?$/).waitFor();
      await cells.getByText(/^Herinnering op \d{1,2} [a-z]{3}\.?( \d{4})?$/).waitFor();
      const [respondent] = (await apiClient(context, null, SLUG).get(`/scans/${scan.id}/respondents`)).items;
      assert.ok(respondent.mail?.sent_at, 'the API says the link was mailed');
      const days = (Date.parse(respondent.mail.remind_at) - Date.parse(respondent.mail.sent_at)) / 86_400_000;
      assert.equal(Math.round(days), 3, 'the reminder is 3 days after the mail');
      const shown = await cells.getByText(/^Herinnering op/).textContent();
      const expected = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' }).format(
        new Date(respondent.mail.remind_at),
      );
      assert.ok(shown.startsWith(`Herinnering op ${expected}`), `"${shown}" names ${expected}`);
      await checkBothSizes(
        page,
        'scan-mailed',
        'the scan after mailing a link',
        [page.locator('section[aria-labelledby="scan-respondents-heading"]'), page.locator('section.aantafel-scan-links')],
        () => table.waitFor(),
      );
      await page.getByRole('button', { name: 'Klaar', exact: true }).click();
      assert.equal(await page.getByRole('list', { name: 'Nieuwe links, één per persoon' }).count(), 0);
    });

    await t.test('the mailed link opens the scan questionnaire without an account', async () => {
      const fresh = await newPage(PHONE);
      await fresh.page.goto(onTestServer(link));
      await fresh.page.getByRole('heading', { level: 1, name: SCAN.title }).waitFor();
      await fresh.page.getByText(PARTNER.organisation).first().waitFor();
      assert.ok((await fresh.page.locator('input[type=radio]').count()) > 0, 'the statements to answer');
      await fresh.page.getByRole('button', { name: 'Mijn antwoorden bewaren' }).waitFor();
      assert.deepEqual(fresh.problems, [], `the respondent page reported problems:\n${fresh.problems.join('\n')}`);
      await fresh.context.close();
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('survey: personal links to two addresses by e-mail; a client answers; a repeat is skipped', async (t) => {
    const { context, page, problems } = await newPage(DESKTOP, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { csrf_token: csrf } = await login(context);
    const survey = await apiClient(context, csrf, SLUG).post('/feedback/surveys', { ...SURVEY, law: 'wmo' });

    await t.test('the survey card leads to its page with "Persoonlijke links versturen"', async () => {
      await page.goto(`/w/${SLUG}/feedback/surveys`);
      const card = page.locator('li.aantafel-survey').filter({ has: page.getByRole('heading', { level: 3, name: SURVEY.name }) });
      const personal = card.getByRole('link', { name: 'Persoonlijke links versturen' });
      await personal.waitFor();
      await checkBothSizes(page, 'survey-card', 'the surveys page with the new link', card, () => personal.waitFor());
      await personal.click();
      await page.getByRole('heading', { level: 1, name: SURVEY.name }).waitFor();
      assert.equal(new URL(page.url()).pathname, `/w/${SLUG}/feedback/surveys/${survey.id}`);
      await page.getByRole('heading', { level: 2, name: 'Persoonlijke links versturen' }).waitFor();
      await page.getByText(`Kreeg iemand in de afgelopen ${survey.pause_days} dagen al een uitnodiging`).waitFor();
    });

    const section = page.locator('section[aria-labelledby="personal-links-heading"]');
    await t.test('a bad line is named before anything is sent', async () => {
      const before = sink.messages.length;
      await page.getByLabel('E-mailadressen').fill(`${CLIENTS[0]}\nclient-zonder-apenstaartje`);
      await page.getByRole('button', { name: 'Links versturen' }).click();
      const addresses = page.getByLabel('E-mailadressen');
      await page.waitForFunction(() => document.querySelector('#personal-links-addresses')?.getAttribute('aria-invalid') === 'true');
      await page.getByText('Regel 2: dit is geen goed e-mailadres.').waitFor();
      await assertFocused(addresses, 'focus on the addresses');
      assert.equal(sink.messages.length, before, 'no mail was sent');
      await assertAccessible(page, 'the personal links form with a line error');
    });

    await t.test('the form: addresses, validity, language, reminder (only before the link stops)', async () => {
      await page.getByLabel('E-mailadressen').fill(`${CLIENTS[0]}\n2026-041;${CLIENTS[1]}`);
      const days = page.getByLabel('Hoeveel dagen werkt de link?');
      assert.equal(await days.inputValue(), '14');
      const remind = page.getByLabel('Herinnering');
      await days.fill('6');
      assert.deepEqual(await remind.locator('option').allTextContents(), ['Geen herinnering', 'Na 3 dagen', 'Na 5 dagen']);
      await days.fill('14');
      await remind.selectOption({ label: 'Na 3 dagen' });
      await checkBothSizes(page, 'survey-form', 'the personal links form', section);
    });

    let link = '';
    await t.test('two links are mailed; both mails arrive', async () => {
      await page.getByRole('button', { name: 'Links versturen' }).click();
      const result = section.getByRole('status').filter({ hasText: '2 links zijn per e-mail verstuurd.' });
      await result.waitFor();
      assert.equal(await page.getByRole('list', { name: 'Links om zelf door te geven' }).count(), 0, 'nothing to copy');
      assert.equal(await page.getByLabel('E-mailadressen').inputValue(), '', 'the box is empty again');
      const mails = await Promise.all(CLIENTS.map((to) => sink.waitFor(to, { after: 0 })));
      for (const message of mails) {
        assert.ok(message.mail.subject.startsWith('Hoe was uw ervaring met'), `subject: ${message.mail.subject}`);
        assert.match(message.mail.text, /^English: /m, 'one line in English');
      }
      link = linkFromMail(mails[0], '/f/');
      assert.match(new URL(link).pathname, /^\/f\/[A-Za-z0-9_-]+$/);
      await checkBothSizes(page, 'survey-mailed', 'the personal links result', section, () => result.waitFor());
    });

    await t.test('a client opens the mailed link on a phone, answers and sees the thanks page', async () => {
      const client = await newPage({ width: 360, height: 740 }, { isMobile: true, hasTouch: true });
      await client.page.goto(onTestServer(link));
      await client.page.locator('h1').waitFor();
      await client.page.locator('#s8').tap();
      await client.page.locator('#why').fill('Vriendelijk en op tijd.');
      await client.page.locator('form button[type=submit]').tap();
      await client.page.getByRole('heading', { level: 1, name: 'Bedankt voor uw antwoorden' }).waitFor();
      await assertAccessible(client.page, 'the thank-you page');
      assert.deepEqual(client.problems, [], `the survey page reported problems:\n${client.problems.join('\n')}`);
      await client.context.close();
    });

    await t.test('sending to a client again within the pause is skipped, in plain words', async () => {
      const before = sink.to(CLIENTS[1]).length;
      await page.getByLabel('E-mailadressen').fill(CLIENTS[1]);
      await page.getByRole('button', { name: 'Links versturen' }).click();
      await section
        .getByText(
          `1 adres is overgeslagen. Deze persoon kreeg in de afgelopen ${survey.pause_days} dagen al een uitnodiging voor een vragenlijst.`,
          { exact: false },
        )
        .first()
        .waitFor();
      await section.getByRole('list', { name: 'Overgeslagen adressen' }).getByText(`${CLIENTS[1]} (regel 1)`).waitFor();
      await section.getByText('Er zijn geen nieuwe links gemaakt.').first().waitFor();
      await checkBothSizes(page, 'survey-skipped', 'the personal links result with a skipped address', section, () =>
        section.getByRole('list', { name: 'Overgeslagen adressen' }).waitFor(),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(sink.to(CLIENTS[1]).length, before, 'no second mail');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('without a mail relay: no e-mail field, one sentence, links to copy', async (t) => {
    const plain = await startServer({}, prepareDemo());
    try {
      const { context, page, problems, session } = await e2e.newPage({ server: plain, login: DEMO });
      assert.equal(session.mail, false);
      const survey = await (
        await context.request.post(`/api/v1/workspaces/${SLUG}/feedback/surveys`, {
          data: { name: SURVEY.name, team: SURVEY.team },
          headers: { 'X-CSRF-Token': session.csrf_token },
        })
      ).json();

      await t.test('the survey page makes links to copy and says e-mail is not set up', async () => {
        await page.goto(`/w/${SLUG}/feedback/surveys/${survey.id}`);
        await page.getByRole('heading', { level: 2, name: 'Persoonlijke links maken' }).waitFor();
        await page.getByText('E-mail is op deze server niet ingesteld. Daarom geef je de links zelf door.').waitFor();
        assert.equal(await page.getByLabel('Herinnering').count(), 0);
        await page.getByLabel('E-mailadressen').fill(CLIENTS.join('\n'));
        await page.getByRole('button', { name: 'Links maken' }).click();
        const table = page.getByRole('list', { name: 'Links om zelf door te geven' });
        await table.waitFor();
        assert.equal(await table.getByRole('button', { name: /^Kopieer de link voor/ }).count(), 2);
        await checkBothSizes(
          page,
          'survey-nomail',
          'the personal links made to copy',
          page.locator('section[aria-labelledby="personal-links-heading"]'),
          () => table.waitFor(),
        );
      });

      await t.test('the scan page has no e-mail field', async () => {
        const scan = await (
          await context.request.post(`/api/v1/workspaces/${SLUG}/scans`, {
            data: { template_id: 'care_cooperative', ...SCAN },
            headers: { 'X-CSRF-Token': session.csrf_token },
          })
        ).json();
        await page.goto(`/w/${SLUG}/scan/${scan.id}`);
        const row = page.getByRole('group', { name: 'Persoon 1' });
        await row.getByLabel('Organisatie').waitFor();
        await page.getByText('E-mail is op deze server niet ingesteld. Daarom geef je de links zelf door.').waitFor();
        assert.equal(await row.getByLabel(/E-mailadres/).count(), 0);
        await checkBothSizes(page, 'scan-nomail', 'the scan invitation without mail', page.locator('section[aria-labelledby="scan-invite-heading"]'));
        await row.getByLabel('Organisatie').fill(PARTNER.organisation);
        await row.getByLabel('Rol (niet verplicht)').fill(PARTNER.label);
        await page.getByRole('button', { name: 'Links maken' }).click();
        const links = page.getByRole('list', { name: 'Nieuwe links, één per persoon' });
        await links.getByRole('button', { name: `Kopieer de link voor ${PARTNER.organisation} (${PARTNER.label})` }).waitFor();
        assert.equal(await links.getByText('De e-mail kon niet worden verstuurd').count(), 0);
        await checkBothSizes(page, 'scan-nomail-links', 'the new scan links to copy', page.locator('section.aantafel-scan-links'), () =>
          links.waitFor(),
        );
      });
      assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
      await context.close();
    } finally {
      await plain.stop();
    }
  });
});
