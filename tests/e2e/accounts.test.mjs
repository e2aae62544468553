// End-to-end for colleagues and signing in (issue #23): the real server sends its mail to a real
// SMTP server (support/smtp-sink.mjs). An owner invites a colleague as bewerker through the
// settings page; the invitation mail (text and HTML, Dutch with an English line) carries the
// link, which a fresh browser opens: name and password, and the colleague lands in the workspace
// as an editor, while the invitation leaves the owner's list. "Wachtwoord vergeten" end to end
// (login page → mail → link → new password → signed in; the old password and the used link no
// longer work), a wrong password shows under "Recente aanmeldingen", and a password change on
// "Mijn account" ends the other session. axe-core on the
// account page and the accept, forgot and reset pages at 1366 px and at 390×844, with screenshots
// in build/e2e-screenshots/account-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertAccessible, assertFocused, checkBothSizes as bothSizes, DESKTOP, PHONE, tab as tabAndDescribe } from './support/browser.mjs';
import { repoRoot } from './support/server.mjs';
import { linkIn, SmtpSink } from './support/smtp-sink.mjs';
import { DEMO, e2eSuite, login, prepareDemo } from './support/suite.mjs';

const SANNE = { email: 'sanne.e2e@wijkzorg.example', name: 'Sanne de Vries', password: 'een zin die ik onthoud' };
const RITA = { email: 'rita@wijkzorg.example', name: 'Rita Reset', password: 'oud-wachtwoord-2026' };
const RITA_NEW = 'nieuw wachtwoord van Rita';
const SLUG = 'demo';
// Links in mails start with the public address; the default is a loopback address on port 8080.
const PUBLIC_URL = 'http://127.0.0.1:8080';
const FROM = 'aantafel@e2e.example';
const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

let sink;
let workspaceName = '';

const e2e = e2eSuite({
  async server() {
    sink = await new SmtpSink().start();
    return { smtp: { url: sink.url, from: FROM } };
  },
  prepare: prepareDemo({ users: [RITA] }),
  screenshots,
});
after(async () => {
  await sink?.stop();
});

const newPage = (viewport = DESKTOP, options = {}) => e2e.newPage({ viewport, ...options });

/** POST /api/v1/session without a browser: the status only. */
async function loginStatus(email, password) {
  const response = await fetch(`${e2e.server.baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return response.status;
}

/**
 * axe-core and a screenshot at 1366 px and at 390×844 (the page is laid out again in between);
 * `ready` waits for what must be on screen after the resize.
 */
async function checkBothSizes(page, name, what, ready = async () => {}) {
  await bothSizes(page, what, {
    ready,
    screenshot: (size) => page.screenshot({ path: join(screenshots, `account-${name}-${size}.png`), fullPage: true }),
  });
}

/** Presses Tab and describes the element that then has focus, and whether it shows (in the window). */
const tab = (page) => tabAndDescribe(page, 'Tab', { inView: true });

/** The address of a link from a mail on the test server (mails use the public address). */
function onTestServer(link) {
  const url = new URL(link);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Both parts of the mail exist; returns the link (the same in both), checked against `path`. */
function linkFromMail(message, path) {
  const { mail, raw } = message;
  assert.match(raw, /Content-Type: multipart\/alternative/i, 'the mail has a text and an HTML version');
  assert.match(raw, /Content-Type: text\/plain/i, 'a text/plain part');
  assert.match(raw, /Content-Type: text\/html/i, 'a text/html part');
  assert.ok(typeof mail.text === 'string' && mail.text.trim(), 'the text/plain part has text');
  assert.ok(typeof mail.html === 'string' && mail.html.includes('<a '), 'the text/html part has a link');
  const prefix = `${PUBLIC_URL}${path}#`;
  const fromText = linkIn(mail.text, prefix);
  assert.ok(fromText, `a link starting with ${prefix} in the text part:\n${mail.text}`);
  assert.ok(mail.html.includes(`href="${fromText}"`), 'the HTML part links to the same address');
  assert.ok(fromText.length > prefix.length + 20, 'the secret travels after "#"');
  assert.equal(new URL(fromText).search, '', 'nothing secret in the query string');
  return fromText;
}

describe('colleagues and signing in, with the real server and a real SMTP server', () => {
  before(async () => {
    const { context } = await newPage();
    await login(context, DEMO);
    workspaceName = (await (await context.request.get(`/api/v1/workspaces/${SLUG}`)).json()).name;
    await context.close();
  });

  test('an owner invites a colleague as bewerker; the colleague accepts with a new account', async (t) => {
    const owner = await newPage();
    await login(owner.context, DEMO);
    await owner.page.goto(`/w/${SLUG}/settings`);
    await owner.page.getByRole('heading', { level: 2, name: 'Leden' }).waitFor();
    await owner.page.getByText('Er zijn geen openstaande uitnodigingen.').waitFor();

    await t.test('someone who already is a member gets a field error, no mail', async () => {
      const before = sink.messages.length;
      await owner.page.getByLabel('E-mailadres', { exact: true }).fill(DEMO.email);
      await owner.page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
      const email = owner.page.locator('#invite-email');
      await owner.page.waitForFunction(() => document.querySelector('#invite-email')?.getAttribute('aria-invalid') === 'true');
      const described = await email.getAttribute('aria-describedby');
      assert.equal(
        (await owner.page.locator(`#${described}`).textContent())?.trim(),
        'Deze persoon is al lid van deze werkruimte.',
      );
      await assertFocused(email, 'focus on the field');
      assert.equal(sink.messages.length, before, 'no mail was sent');
      await assertAccessible(owner.page, 'the invite form with an error');
    });

    let link = '';
    await t.test('the invitation is sent by e-mail and listed as open', async () => {
      await owner.page.getByLabel('E-mailadres', { exact: true }).fill(SANNE.email);
      await owner.page.getByLabel('Rol', { exact: true }).selectOption('editor');
      await owner.page.getByRole('button', { name: 'Uitnodiging sturen' }).click();
      await owner.page.getByRole('status').getByText(`We hebben een uitnodiging gestuurd naar ${SANNE.email}.`).waitFor();
      const list = owner.page.getByRole('list', { name: `Openstaande uitnodigingen voor ${workspaceName}` });
      const row = list.getByRole('listitem').filter({ hasText: SANNE.email });
      await row.waitFor();
      const facts = (await row.textContent()).replace(/\s+/g, ' ');
      assert.match(facts, /Rol ?Bewerker/);
      assert.match(facts, /Per e-mail verstuurd ?\d+ \w+ 20\d\d, \d\d:\d\d/);
      assert.match(facts, /Link werkt tot ?\d+ \w+ 20\d\d, \d\d:\d\d/);
      assert.match(facts, new RegExp(`Uitgenodigd door ?${DEMO.name}`));
      await row.getByRole('button', { name: `Opnieuw sturen uitnodiging voor ${SANNE.email}` }).waitFor();
      await row.getByRole('button', { name: `Intrekken uitnodiging voor ${SANNE.email}` }).waitFor();
      const section = owner.page.locator('section[aria-labelledby="members-heading"]');
      await checkBothSizes(owner.page, 'members-invitations', 'the members and invitations', () => row.waitFor());
      await section.screenshot({ path: join(screenshots, 'account-members-section-1366.png') });
      await owner.page.setViewportSize(PHONE);
      await section.screenshot({ path: join(screenshots, 'account-members-section-390.png') });
      await owner.page.setViewportSize(DESKTOP);
    });

    await t.test('the mail arrives: text and HTML, in Dutch with an English line', async () => {
      const message = await sink.waitFor(SANNE.email, { after: 0 });
      assert.equal(message.envelope.from, FROM);
      assert.equal(message.mail.subject, `Uitnodiging voor ${workspaceName} in aantafel`);
      assert.match(message.mail.text, new RegExp(`${DEMO.name} nodigt je uit om samen te werken in de werkruimte`));
      assert.match(message.mail.text, /als bewerker/);
      assert.match(message.mail.text, /^English: .*invites you to/m, 'one line in English');
      assert.match(message.mail.html, /<html lang="nl"/);
      link = linkFromMail(message, '/invitation');
    });

    const guest = await newPage();
    await t.test('a fresh browser opens the link: workspace, role in words, what it means', async () => {
      await guest.page.goto(onTestServer(link));
      await guest.page.getByRole('heading', { level: 1, name: `Uitnodiging voor ${workspaceName}` }).waitFor();
      await guest.page.getByText(`${DEMO.name} nodigt je uit om samen te werken in de werkruimte ${workspaceName} in aantafel.`).waitFor();
      await guest.page.getByText('Bewerker', { exact: true }).waitFor();
      await guest.page.getByText('Jouw rol', { exact: true }).waitFor();
      await guest.page.getByText('Een bewerker kan gegevens bekijken, toevoegen en wijzigen.').waitFor();
      await guest.page.getByRole('heading', { level: 2, name: 'Maak je account' }).waitFor();
      await guest.page.getByText('Minstens 10 tekens.', { exact: false }).first().waitFor();
      await checkBothSizes(guest.page, 'invitation', 'the invitation page', () =>
        guest.page.getByRole('heading', { level: 2, name: 'Maak je account' }).waitFor(),
      );
    });

    await t.test('name and password; the colleague lands in the workspace as an editor', async () => {
      await guest.page.getByLabel('Jouw naam').fill(SANNE.name);
      await guest.page.getByLabel('Nieuw wachtwoord').fill('kort');
      await guest.page.getByLabel('Herhaal het nieuwe wachtwoord').fill('kort');
      await guest.page.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }).click();
      await guest.page.getByText('Gebruik minstens 10 tekens. Nu zijn het er 4.').waitFor();
      await assertAccessible(guest.page, 'the invitation page with a field error');

      await guest.page.getByLabel('Nieuw wachtwoord').fill(SANNE.password);
      await guest.page.getByLabel('Herhaal het nieuwe wachtwoord').fill(SANNE.password);
      await guest.page.getByRole('button', { name: 'Account maken en uitnodiging aannemen' }).click();
      await guest.page.waitForURL(`**/w/${SLUG}/`);
      await guest.page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      const session = await (await guest.context.request.get('/api/v1/session')).json();
      assert.equal(session.user.email, SANNE.email);
      assert.equal(session.user.name, SANNE.name);
      assert.equal(session.user.language, 'nl', 'the new account speaks the language of the invitation');
      assert.equal(session.workspaces.find((w) => w.slug === SLUG)?.role, 'editor');
      assert.equal(await loginStatus(SANNE.email, SANNE.password), 201, 'the new password works for logging in');
    });

    await t.test('the link works once', async () => {
      const again = await newPage();
      await again.page.goto(onTestServer(link));
      await again.page.getByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet meer' }).waitFor();
      await again.page.getByText(/Vraag de eigenaar van de werkruimte om je opnieuw uit te nodigen/).waitFor();
      await checkBothSizes(again.page, 'invitation-expired', 'the expired invitation page');
      assert.deepEqual(again.problems, [], `the browser reported problems:\n${again.problems.join('\n')}`);
      await again.context.close();
    });

    await t.test("the invitation leaves the owner's list; the colleague is a member", async () => {
      await owner.page.reload();
      await owner.page.getByText('Er zijn geen openstaande uitnodigingen.').waitFor();
      const members = owner.page.getByRole('table', { name: `Leden van ${workspaceName}` });
      await members.getByRole('rowheader', { name: SANNE.name }).waitFor();
      const invitations = await (await owner.context.request.get(`/api/v1/workspaces/${SLUG}/invitations`)).json();
      assert.deepEqual(invitations.items, []);
    });

    assert.deepEqual(owner.problems, [], `the browser reported problems:\n${owner.problems.join('\n')}`);
    assert.deepEqual(guest.problems, [], `the browser reported problems:\n${guest.problems.join('\n')}`);
    await owner.context.close();
    await guest.context.close();
  });

  test('Wachtwoord vergeten: mail, link, new password, signed in; old password and used link fail', async (t) => {
    // Rita has an account (made with the CLI) and becomes a member through a mailed invitation.
    {
      const owner = await newPage();
      const { csrf_token: csrf } = await login(owner.context, DEMO);
      const invited = await owner.context.request.post(`/api/v1/workspaces/${SLUG}/invitations`, {
        data: { email: RITA.email, role: 'viewer' },
        headers: { 'X-CSRF-Token': csrf },
      });
      assert.equal(invited.status(), 201);
      assert.equal((await invited.json()).mailed, true, 'the server mailed the invitation');
      const mail = await sink.waitFor(RITA.email, { after: 0 });
      const token = new URL(linkFromMail(mail, '/invitation')).hash.slice(1);
      const accepted = await fetch(`${e2e.server.baseUrl}/api/v1/invitations/accept`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token, password: RITA.password }),
      });
      assert.equal(accepted.status, 201, 'an existing account accepts with its password');
      await owner.context.close();
    }

    const { context, page, problems } = await newPage();
    let link = '';
    await t.test('the login page links to the forgot page', async () => {
      await page.goto('/login');
      await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
      await page.waitForURL('**/password/forgot');
      await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
      await checkBothSizes(page, 'forgot', 'the forgot-password page');
    });

    await t.test('the answer does not say whether the address has an account', async () => {
      const before = sink.messages.length;
      const unknown = await fetch(`${e2e.server.baseUrl}/api/v1/password-reset`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'niemand@wijkzorg.example' }),
      });
      assert.equal(unknown.status, 202);
      assert.deepEqual(await unknown.json(), { mail: 'sent_if_known' });
      // Keyboard only, from the top of the page.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
      const order = [];
      for (let i = 0; i < 6; i += 1) order.push(await tab(page));
      assert.deepEqual(
        order.map((f) => f.name),
        ['Naar de inhoud', 'aantafel – naar de startpagina', 'English', 'E-mailadres', 'Stuur mij een link', 'Terug naar inloggen'],
      );
      for (const f of order) assert.ok(f.visible, `focus is not visible on "${f.name}"`);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.type(RITA.email);
      await page.keyboard.press('Enter');
      await page
        .getByText('Als er een account is met dit adres, hebben wij een e-mail gestuurd. De link werkt 60 minuten.')
        .waitFor();
      const mail = await sink.waitFor(RITA.email, {
        filter: (m) => m.mail.subject === 'Kies een nieuw wachtwoord voor aantafel',
        after: 0,
      });
      assert.equal(sink.to('niemand@wijkzorg.example').length, 0, 'no mail to an unknown address');
      assert.ok(sink.messages.length > before);
      assert.match(mail.mail.text, new RegExp(`Hallo ${RITA.name},`));
      assert.match(mail.mail.text, /Iemand vroeg om een nieuw wachtwoord voor je account/);
      link = linkFromMail(mail, '/password/reset');
      await checkBothSizes(page, 'forgot-sent', 'the forgot-password page after sending');
    });

    await t.test('the link: a new password, and Rita is signed in', async () => {
      await page.goto(onTestServer(link));
      await page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
      await checkBothSizes(page, 'reset', 'the reset page');
      await page.getByLabel('Nieuw wachtwoord').fill(RITA_NEW);
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(`${RITA_NEW}!`);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.getByText('De twee wachtwoorden zijn niet hetzelfde. Typ ze nog een keer.').waitFor();
      await assertAccessible(page, 'the reset page with a field error');
      await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(RITA_NEW);
      await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await page.waitForURL(`**/w/${SLUG}/`);
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
      const session = await (await context.request.get('/api/v1/session')).json();
      assert.equal(session.user.email, RITA.email);
    });

    await t.test('the old password no longer works; the new one does', async () => {
      assert.equal(await loginStatus(RITA.email, RITA.password), 401);
      assert.equal(await loginStatus(RITA.email, RITA_NEW), 201);
    });

    await t.test('the link does not work a second time', async () => {
      const token = new URL(link).hash.slice(1);
      const api = await fetch(`${e2e.server.baseUrl}/api/v1/password-reset/complete`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token, password: 'nog een ander wachtwoord' }),
      });
      assert.equal(api.status, 410);
      assert.equal((await api.json()).error.code, 'link_expired');

      const again = await newPage();
      await again.page.goto(onTestServer(link));
      await again.page.getByLabel('Nieuw wachtwoord').fill('nog een ander wachtwoord');
      await again.page.getByLabel('Herhaal het nieuwe wachtwoord').fill('nog een ander wachtwoord');
      await again.page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
      await again.page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' }).waitFor();
      await again.page.getByRole('link', { name: 'Vraag een nieuwe link aan' }).waitFor();
      await checkBothSizes(again.page, 'reset-expired', 'the expired reset page');
      assert.equal(await loginStatus(RITA.email, RITA_NEW), 201, 'the password stayed the same');
      assert.deepEqual(again.problems, [], `the browser reported problems:\n${again.problems.join('\n')}`);
      await again.context.close();
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('Mijn account: a new password ends the other session', async (t) => {
    const laptop = await newPage();
    const phone = await newPage(PHONE, { userAgent: IPHONE_UA, isMobile: true, hasTouch: true });
    await login(laptop.context, SANNE);
    await login(phone.context, SANNE);
    assert.equal((await phone.context.request.get('/api/v1/session')).status(), 200);

    await t.test('the account page is in the user menu and lists both devices', async () => {
      await laptop.page.goto(`/w/${SLUG}/`);
      await laptop.page.getByRole('button', { name: /Gebruikersmenu/ }).click();
      await laptop.page.getByRole('link', { name: 'Mijn account' }).click();
      await laptop.page.waitForURL('**/account');
      await laptop.page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
      await laptop.page.getByRole('link', { name: `Terug naar ${workspaceName}` }).waitFor();
      const devices = laptop.page.getByRole('list', { name: 'Apparaten waarop je bent ingelogd' });
      await devices.getByRole('listitem').filter({ hasText: 'dit apparaat' }).getByText(/^Chrome op Linux/).waitFor();
      await devices.getByRole('listitem').filter({ hasText: 'Safari op iPhone' }).waitFor();
      await devices.getByRole('button', { name: /^Uitloggen op Safari op iPhone/ }).waitFor();
      await checkBothSizes(laptop.page, 'account', 'the account page', () =>
        devices.getByRole('listitem').filter({ hasText: 'Safari op iPhone' }).waitFor(),
      );
    });

    await t.test('a wrong password at the login is listed under "Recente aanmeldingen"', async () => {
      assert.equal(await loginStatus(SANNE.email, 'dit is het niet'), 401);
      await laptop.page.reload();
      const signIns = laptop.page.getByRole('list', { name: 'Recente aanmeldingen' });
      const refused = signIns.getByRole('listitem').filter({ hasText: 'Verkeerd wachtwoord' }).first();
      await refused.getByText('Herken je dit niet? Verander dan je wachtwoord.').waitFor();
      await signIns.getByRole('listitem').filter({ hasText: /^Ingelogd/ }).first().waitFor();
      await checkBothSizes(laptop.page, 'sign-ins', 'the account page with a refused sign-in', () =>
        refused.waitFor(),
      );
    });

    await t.test('a wrong current password is shown at its field', async () => {
      const section = laptop.page.getByRole('region', { name: 'Wachtwoord wijzigen' });
      await section.getByLabel('Huidig wachtwoord').fill('dit is niet mijn wachtwoord');
      await section.getByLabel('Nieuw wachtwoord').fill('mijn nieuwe lange zin');
      await section.getByLabel('Herhaal het nieuwe wachtwoord').fill('mijn nieuwe lange zin');
      await section.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await section.getByText('Dit wachtwoord klopt niet.').waitFor();
      await assertFocused(section.getByLabel('Huidig wachtwoord'), 'focus on the wrong current password');
      await assertAccessible(laptop.page, 'the account page with a wrong current password');
    });

    await t.test('the change signs out the phone, not the laptop', async () => {
      const section = laptop.page.getByRole('region', { name: 'Wachtwoord wijzigen' });
      await section.getByLabel('Huidig wachtwoord').fill(SANNE.password);
      await section.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
      await laptop.page
        .getByRole('status')
        .getByText('Je wachtwoord is gewijzigd. Op andere apparaten ben je nu uitgelogd.')
        .waitFor();
      await laptop.page.getByText('Je bent alleen op dit apparaat ingelogd.').waitFor();
      assert.equal((await laptop.context.request.get('/api/v1/session')).status(), 200, 'the laptop stays signed in');
      assert.equal((await phone.context.request.get('/api/v1/session')).status(), 401, 'the phone is signed out');
      await phone.page.goto(`/w/${SLUG}/`);
      await phone.page.waitForURL('**/login');
      assert.equal(await loginStatus(SANNE.email, SANNE.password), 401, 'the old password no longer works');
      SANNE.password = 'mijn nieuwe lange zin';
      assert.equal(await loginStatus(SANNE.email, SANNE.password), 201);
    });

    await t.test('"Overal anders uitloggen" ends the sessions elsewhere', async () => {
      await login(phone.context, SANNE);
      await laptop.page.reload();
      await laptop.page.getByRole('button', { name: 'Overal anders uitloggen' }).click();
      await laptop.page.getByRole('status').getByText(/Je bent op (1 ander apparaat|\d+ andere apparaten) uitgelogd\./).waitFor();
      assert.equal((await phone.context.request.get('/api/v1/session')).status(), 401);
    });

    await t.test('name and language: the app follows the account language', async () => {
      const profile = laptop.page.getByRole('region', { name: 'Jouw gegevens' });
      await profile.getByLabel('Naam', { exact: true }).fill('Sanne van Dijk');
      await profile.getByRole('radio', { name: 'English' }).check();
      await profile.getByRole('button', { name: 'Gegevens opslaan' }).click();
      await laptop.page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
      await laptop.page.getByText('Your details have been saved.').waitFor();
      const account = await (await laptop.context.request.get('/api/v1/account')).json();
      assert.equal(account.name, 'Sanne van Dijk');
      assert.equal(account.language, 'en');
      await assertAccessible(laptop.page, 'the account page in English');
      // A new browser without a choice of its own shows the account's language.
      const elsewhere = await newPage();
      await login(elsewhere.context, SANNE);
      await elsewhere.page.goto(`/w/${SLUG}/`);
      await elsewhere.page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await elsewhere.context.close();
      // Back to Dutch.
      const details = laptop.page.getByRole('region', { name: 'Your details' });
      await details.getByRole('radio', { name: 'Nederlands' }).check();
      await details.getByRole('button', { name: 'Save details' }).click();
      await laptop.page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    });

    await t.test('the e-mail digest is chosen here, per workspace', async () => {
      const choice = laptop.page.getByLabel(`Hoe vaak voor ${workspaceName}?`);
      await choice.selectOption('weekly');
      await laptop.page.getByRole('button', { name: `Opslaan voor ${workspaceName}` }).click();
      await laptop.page.getByText(`Opgeslagen. ${workspaceName}: Elke week (op maandag).`).waitFor();
      const setting = await (await laptop.context.request.get(`/api/v1/workspaces/${SLUG}/notification-settings`)).json();
      assert.equal(setting.digest, 'weekly');
    });

    assert.deepEqual(laptop.problems, [], `the browser reported problems:\n${laptop.problems.join('\n')}`);
    await laptop.context.close();
    await phone.context.close();
  });
});
