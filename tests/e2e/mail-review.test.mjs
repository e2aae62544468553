// End-to-end for Dossiermail from a mailbox: the real server reads a real IMAP mailbox (a private
// Dovecot on 127.0.0.1, support/dovecot.mjs) and files what the demo owner sent with
// dossier+demo@… in CC. A message to Bram Jansen of Wie is wie becomes a contact on Contacten and on
// Utrecht's timeline by itself; messages to people nobody has in Wie is wie wait in "E-mail om na
// te kijken". There the owner adds Kees Nieuw to Wie is wie with the link the panel offers, saves
// his message as a contact (focus goes to the next message) and throws another one away after the
// question (focus goes to the panel's heading). axe-core and screenshots at 1366 px and at 390×844
// (no sideways scrolling on the phone). The messages are real RFC 5322 text with CRLF line ends.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { assertFocused, checkBothSizes, h1, settled, status } from './support/browser.mjs';
import { DOVECOT, dovecotAvailable, startDovecot } from './support/dovecot.mjs';
import { repoRoot } from './support/server.mjs';
import { apiClient, DEMO, e2eSuite, prepareDemo } from './support/suite.mjs';

const screenshots = join(repoRoot, 'build', 'e2e-screenshots');
const DOSSIER = 'dossier@zorg.example';
const DOSSIER_DEMO = 'dossier+demo@zorg.example';
const BRAM = { name: 'Bram Jansen', email: 'b.jansen@voorbeeld.example' };
const KEES = { name: 'Kees Nieuw', email: 'kees.nieuw@elders.example' };
const LOES = { name: 'Loes Onbekend', email: 'l.onbekend@elders.example' };
const SUBJECT_BRAM = 'Afspraak over de kadernota';
const SUBJECT_KEES = 'Kennismaking wijkteam Oost – agenda';
const SUBJECT_LOES = 'Uitnodiging symposium sociaal domein';
const ATTACHMENT = 'agenda-kennismaking.txt';
const PANEL = /^E-mail om na te kijken/;
/** `text` as a regular expression that matches it literally. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * The name of a button such as "Opslaan als contact" with the message's subject after it for a
 * screen reader (in a visually hidden span, which Chromium sets off with a space: "… : subject").
 */
const forMessage = (label, subject) => new RegExp(`^${escape(label)}\\s*: ${escape(subject)}$`);
/** How long the server may take to read the mailbox (it waits in IDLE; polls every 10 s). */
const MAILBOX_LIMIT_MS = 180_000;

const available = dovecotAvailable();
let imap = null;

const e2e = e2eSuite({
  // Dovecot first: the server must know the mailbox's address before it starts.
  async server() {
    if (!available) return {};
    imap = await startDovecot();
    return {
      env: {
        AANTAFEL_MAIL_INTAKE_ADDRESS: DOSSIER,
        AANTAFEL_MAIL_INTAKE_IMAP_URL: imap.url,
        AANTAFEL_MAIL_INTAKE_REQUIRE_TLS: 'false',
        AANTAFEL_MAIL_INTAKE_USERNAME: imap.username,
        AANTAFEL_MAIL_INTAKE_PASSWORD: imap.password,
        AANTAFEL_MAIL_INTAKE_POLL_SECONDS: '10',
      },
    };
  },
  prepare: prepareDemo(),
  screenshots,
  page: { timeout: 30_000 },
});

after(async () => {
  await imap?.stop();
});

// ---- the messages ----

/** RFC 5322 date-time of `date`, in UTC ("Sun, 07 Dec 2025 17:00:00 +0000"). */
const rfcDate = (date) => date.toUTCString().replace(/GMT$/, '+0000');

/** An RFC 2047 encoded word when `text` is not plain ASCII. */
const header = (text) => (/^[\x20-\x7e]*$/.test(text) ? text : `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`);

/** Base64 in lines of 76 characters (RFC 2045). */
const base64Lines = (data) => Buffer.from(data, 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');

/**
 * A message from the demo owner to `to`, with the workspace's dossier address in CC, as a mail
 * program writes it; with `attachment` ({ name, text }) a multipart/mixed with a text file.
 */
function message({ to, subject, body, attachment }) {
  const id = `<${randomBytes(8).toString('hex')}.e2e@aantafel.example>`;
  const head = [
    `From: ${DEMO.name} <${DEMO.email}>`,
    `To: ${to.name} <${to.email}>`,
    `Cc: ${DOSSIER_DEMO}`,
    `Subject: ${header(subject)}`,
    `Date: ${rfcDate(new Date())}`,
    `Message-ID: ${id}`,
    'MIME-Version: 1.0',
  ];
  const text = `${body.join('\r\n')}\r\n`;
  if (!attachment) {
    return [...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', text].join('\r\n');
  }
  const boundary = `grens-${randomBytes(6).toString('hex')}`;
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
    `--${boundary}`,
    `Content-Type: text/plain; charset=utf-8; name="${attachment.name}"`,
    `Content-Disposition: attachment; filename="${attachment.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    `${base64Lines(attachment.text)}--${boundary}--`,
    '',
  ].join('\r\n');
}

/**
 * Opens `path` and reloads it until `ready()` (Playwright checks on the page) holds: the server
 * reads the mailbox in its own time. Fails after MAILBOX_LIMIT_MS with the server's and
 * Dovecot's logs.
 */
async function openWhenReady(page, path, ready, what) {
  const deadline = Date.now() + MAILBOX_LIMIT_MS;
  await page.goto(path);
  for (;;) {
    await settled(page);
    if (await ready()) return;
    if (Date.now() > deadline) {
      assert.fail(`${what} did not show within ${MAILBOX_LIMIT_MS / 1000} s\nserver:\n${e2e.server.output}\ndovecot:\n${imap.log()}`);
    }
    await page.waitForTimeout(2000);
    await page.reload();
  }
}

describe('Dossiermail from the mailbox', { skip: !available && `${DOVECOT} is not installed` }, () => {
  test('mail to the dossier address is filed or waits in "E-mail om na te kijken"', async () => {
    const { context, page, problems, csrf } = await e2e.newPage({ login: DEMO });
    const api = apiClient(context, csrf, 'demo');
    const people = (await api.get('/people?limit=100')).items;
    const bram = people.find((p) => p.name === BRAM.name);
    assert.ok(bram, 'the demo has Bram Jansen');
    const utrecht = (await api.get('/organisations')).items.find((o) => o.name === 'Utrecht');
    assert.ok(utrecht, 'the demo has Utrecht');

    // Three messages into the mailbox, the way a mail system puts them there.
    const uids = [];
    uids.push(
      await imap.deliver(
        message({
          to: BRAM,
          subject: SUBJECT_BRAM,
          body: ['Beste Bram,', '', 'Zoals besproken sturen wij de reactie op de kadernota vóór 1 maart.', '', 'Met vriendelijke groet,', DEMO.name],
        }),
      ),
    );
    uids.push(
      await imap.deliver(
        message({
          to: KEES,
          subject: SUBJECT_KEES,
          body: ['Beste Kees,', '', 'Fijn dat we elkaar volgende week spreken. De agenda zit als bijlage bij deze e-mail.', '', 'Groet,', DEMO.name],
          attachment: { name: ATTACHMENT, text: '1. Kennismaking\r\n2. Wachttijden wijkteam Oost\r\n3. Afspraken\r\n' },
        }),
      ),
    );
    uids.push(
      await imap.deliver(
        message({
          to: LOES,
          subject: SUBJECT_LOES,
          body: ['Beste Loes,', '', 'Dank voor de uitnodiging. Ik kom graag.', '', DEMO.name],
        }),
      ),
    );

    // Contacten: Bram's message in the list of contacts, the other two waiting.
    const panel = page.getByRole('region', { name: PANEL });
    const contacts = page.getByRole('region', { name: 'Contacten', exact: true });
    const waiting = panel.getByRole('list', { name: 'E-mails om na te kijken' });
    const item = (subject) => waiting.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: subject }) });
    await openWhenReady(
      page,
      '/w/demo/interactions',
      async () =>
        (await contacts.getByRole('link', { name: SUBJECT_BRAM }).count()) > 0 &&
        (await item(SUBJECT_KEES).count()) === 1 &&
        (await item(SUBJECT_LOES).count()) === 1,
      'the messages from the mailbox',
    );

    // What the server made of them.
    const filedBram = (await api.get('/interactions?limit=100')).items.filter((i) => i.subject === SUBJECT_BRAM);
    assert.equal(filedBram.length, 1, 'one contact for the message to Bram');
    assert.equal(filedBram[0].kind, 'email');
    assert.deepEqual(filedBram[0].person_ids, [bram.id]);
    assert.equal(filedBram[0].organisation_id, utrecht.id);
    const reviews = await api.get('/mail-intake/reviews');
    assert.equal(reviews.address, DOSSIER_DEMO);
    assert.equal(reviews.total, 2);
    assert.deepEqual(reviews.items.map((r) => r.subject).sort(), [SUBJECT_KEES, SUBJECT_LOES].sort());
    const keesReview = reviews.items.find((r) => r.subject === SUBJECT_KEES);
    assert.deepEqual(keesReview.from, { name: DEMO.name, address: DEMO.email });
    assert.equal(keesReview.forwarded_by?.name, DEMO.name);
    assert.deepEqual(keesReview.files, [ATTACHMENT]);
    assert.ok(!keesReview.addresses.some((a) => a.address === DOSSIER_DEMO), 'the dossier address is left out');

    // The panel: its count, the dossier address to forward to, and the waiting message in words.
    await panel.getByRole('heading', { level: 2, name: 'E-mail om na te kijken (2)' }).waitFor();
    assert.equal(await panel.locator('code').filter({ hasText: DOSSIER_DEMO }).count(), 1, 'the dossier address is shown');
    await panel.getByRole('button', { name: 'Kopieer het adres' }).waitFor();
    const kees = item(SUBJECT_KEES);
    await kees.getByText(`${DEMO.name} (${DEMO.email})`, { exact: true }).waitFor(); // Van
    await kees.getByText(`${DEMO.name} (${DEMO.email}): collega`, { exact: true }).waitFor(); // Adressen
    // The colleague sent it herself (the dossier address in Cc): no separate "sent to the dossier by".
    assert.equal(await kees.getByText('Naar het dossier gestuurd door').count(), 0);
    await kees.getByText('Fijn dat we elkaar volgende week spreken.', { exact: false }).waitFor(); // Tekst
    await kees.getByText(ATTACHMENT, { exact: true }).waitFor(); // Bijlagen
    const addKees = kees.getByRole('link', { name: `Voeg ${KEES.name} (${KEES.email}) toe aan Wie is wie` });
    assert.match(await addKees.getAttribute('href'), /\/w\/demo\/people\/new\?name=Kees\+Nieuw&email=kees\.nieuw%40elders\.example$/);
    await kees.getByRole('button', { name: forMessage('Opslaan als contact', SUBJECT_KEES) }).waitFor();
    await kees.getByRole('button', { name: forMessage('Weggooien', SUBJECT_KEES) }).waitFor();

    await panel.scrollIntoViewIfNeeded();
    await checkBothSizes(page, 'e-mail waiting to be checked on Contacten', {
      sideways: { settle: true, text: true },
      screenshot: (size) => page.screenshot({ path: join(screenshots, `mail-review-${size}.png`), fullPage: true }),
    });

    // Bram's message on Utrecht's timeline.
    await page.goto(`/w/demo/interactions/organisations/${utrecht.id}`);
    await page.getByRole('region', { name: /Tijdlijn/ }).getByText(SUBJECT_BRAM, { exact: false }).waitFor();

    // Kees into Wie is wie from the panel's link: the form comes filled in.
    await page.goto('/w/demo/interactions');
    await addKees.click();
    await h1(page, 'Persoon toevoegen');
    assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), KEES.name);
    assert.equal(await page.getByLabel('E-mailadres').inputValue(), KEES.email);
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await h1(page, KEES.name);
    await status(page, `${KEES.name} is toegevoegd.`);
    const keesId = Number(new URL(page.url()).pathname.split('/').pop());

    // Back on Contacten, the address is Kees now; saving makes the contact, with him.
    await page.goto('/w/demo/interactions');
    await kees.getByRole('link', { name: KEES.name, exact: true }).waitFor();
    await kees.getByRole('button', { name: forMessage('Opslaan als contact', SUBJECT_KEES) }).click();
    await status(page, `“${SUBJECT_KEES}” is opgeslagen als contact.`);
    const saved = panel.getByRole('list', { name: 'E-mails die je net hebt opgeslagen' }).getByRole('listitem');
    await saved.filter({ hasText: `${SUBJECT_KEES}: Toegevoegd als contact.` }).getByText(`Mensen: ${KEES.name}.`).waitFor();
    await saved.getByRole('link', { name: 'Open het contact' }).waitFor();
    await panel.getByRole('heading', { level: 2, name: 'E-mail om na te kijken (1)' }).waitFor();
    await item(SUBJECT_KEES).waitFor({ state: 'detached' });
    // Focus on the message that is next in the list now.
    await assertFocused(panel.getByRole('heading', { level: 3, name: SUBJECT_LOES }), 'after saving a message');
    await contacts.getByRole('link', { name: SUBJECT_KEES }).waitFor();
    await checkBothSizes(page, 'a message just saved as a contact', {
      sideways: { settle: true, text: true },
      screenshot: (size) => page.screenshot({ path: join(screenshots, `mail-review-saved-${size}.png`), fullPage: true }),
    });
    const filedKees = (await api.get('/interactions?limit=100')).items.filter((i) => i.subject === SUBJECT_KEES);
    assert.equal(filedKees.length, 1, 'one contact for the message to Kees');
    assert.equal(filedKees[0].kind, 'email');
    assert.deepEqual(filedKees[0].person_ids, [keesId]);

    // Throwing away asks first; Escape keeps the message and puts focus back on its button.
    const loes = item(SUBJECT_LOES);
    const discard = loes.getByRole('button', { name: forMessage('Weggooien', SUBJECT_LOES) });
    await discard.click();
    const dialog = page.getByRole('alertdialog', { name: `E-mail “${SUBJECT_LOES}” weggooien?` });
    await dialog.getByText('Dit kun je niet ongedaan maken.', { exact: false }).waitFor();
    await assertFocused(dialog.getByRole('button', { name: 'Annuleren' }), 'in the question before throwing away');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await assertFocused(discard, 'after cancelling the question');
    await discard.click();
    await dialog.getByRole('button', { name: 'Weggooien' }).click();
    await status(page, `“${SUBJECT_LOES}” is weggegooid.`);
    await panel.getByText('Er wacht geen e-mail.').waitFor();
    await panel.getByRole('heading', { level: 2, name: 'E-mail om na te kijken', exact: true }).waitFor();
    // Nothing left: focus on the panel's heading.
    await assertFocused(panel.getByRole('heading', { level: 2 }), 'after throwing the last message away');
    assert.equal((await api.get('/mail-intake/reviews')).total, 0);
    const all = (await api.get('/interactions?limit=100')).items;
    assert.ok(!all.some((i) => i.subject === SUBJECT_LOES), 'a message thrown away is no contact');

    // In the mailbox, every message is marked as processed and none was marked read.
    for (const uid of uids) {
      const flags = await imap.flags(uid);
      assert.ok(flags?.includes('$AantafelFiled'), `message ${uid} is marked: ${flags}`);
      assert.ok(!flags.includes('\\Seen'), `message ${uid} is not marked read`);
    }

    assert.deepEqual(problems, []);
    await context.close();
  });
});
