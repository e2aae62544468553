// End-to-end for Dossiermail: the real server with the demo workspace, the built web app and
// Chromium. The owner saves a real Outlook message (tests/fixtures/mail, invented people) as an
// .eml file into the "E-mail in het dossier" box on the Contacten page; it becomes a contact of
// kind e-mail with the person of Wie is wie whose address is in it, and shows on the timeline of
// that person's municipality. The same message again is not filed twice; an Outlook .msg is not
// sent. axe-core and screenshots at 1366 px and at 390×844 (no sideways scrolling on the phone).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkBothSizes } from './support/browser.mjs';
import { repoRoot } from './support/server.mjs';
import { apiClient, DEMO, e2eSuite, prepareDemo } from './support/suite.mjs';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'mail');
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');
const MESSAGE = 'outlook-kadernota.eml';
const SUBJECT = 'Verslag overleg kadernota – wachttijden';

const e2e = e2eSuite({ prepare: prepareDemo(), screenshots, page: { timeout: 30_000 } });

describe('Dossiermail', () => {
  test('an .eml dropped on Contacten becomes a contact on the municipality timeline, once', async () => {
    const { context, page, problems, csrf } = await e2e.newPage({ login: DEMO });
    const api = apiClient(context, csrf, 'demo');
    const organisations = await api.get('/organisations');
    const municipality = organisations.items.find((o) => o.kind === 'municipality');
    assert.ok(municipality, 'the demo workspace has a municipality');
    // The sender of the message, as a beleidsadviseur of that municipality.
    const person = await api.post('/people', { name: 'Bo Beleid', email: 'b.beleid@denkstad.example', fictional: true });
    await api.post(`/people/${person.id}/positions`, {
      organisation_id: municipality.id,
      kind: 'policy_adviser',
      started_on: '2020-01-01',
    });

    await page.goto('/w/demo/interactions');
    const panel = page.getByRole('region', { name: 'E-mail in het dossier' });
    await panel.getByText('Hoe bewaar ik een e-mail als .eml-bestand?').click();
    await panel.getByText('Gmail: open de e-mail', { exact: false }).waitFor();
    // The file picker, by its label, as a keyboard or screen reader user reaches it.
    await panel.getByLabel('E-mail toevoegen (.eml)').setInputFiles(join(fixtures, MESSAGE));
    const line = panel.getByRole('listitem').filter({ hasText: MESSAGE });
    await line.getByText('Toegevoegd als contact.', { exact: false }).waitFor();
    await line.getByText('Mensen: Bo Beleid.').waitFor();
    // Els Jansen is not in Wie is wie yet: one step to add her, with her name the right way round.
    const add = line.getByRole('link', { name: /Voeg Els Jansen .* toe aan Wie is wie/ });
    assert.match(await add.getAttribute('href'), /people\/new\?name=Els\+Jansen&email=e\.jansen%40denkstad\.example/);
    // The list of contacts below has it now.
    await page.getByRole('link', { name: SUBJECT }).first().waitFor();
    await checkBothSizes(page, 'an e-mail filed on Contacten', {
      screenshot: (size) => page.screenshot({ path: join(screenshots, `mail-intake-filed-${size}.png`), fullPage: true }),
    });

    // The same message again: not a second contact.
    await panel.getByLabel('E-mail toevoegen (.eml)').setInputFiles(join(fixtures, MESSAGE));
    await panel.getByRole('listitem').filter({ hasText: `${MESSAGE}: Stond al in het dossier.` }).waitFor();
    const contacts = await api.get('/interactions?limit=100');
    assert.equal(contacts.items.filter((i) => i.subject === SUBJECT).length, 1);

    // An Outlook .msg is not sent: the line says what to do instead.
    await panel.getByLabel('E-mail toevoegen (.eml)').setInputFiles({
      name: 'bericht.msg',
      mimeType: 'application/vnd.ms-outlook',
      buffer: Buffer.from('not read'),
    });
    await panel.getByRole('listitem').filter({ hasText: 'bericht.msg: Niet toegevoegd. Dit is geen .eml-bestand.' }).waitFor();

    // The contact: kind e-mail, the person, the message and its attachment as documents.
    const filed = contacts.items.find((i) => i.subject === SUBJECT);
    assert.equal(filed.kind, 'email');
    assert.deepEqual(filed.person_ids, [person.id]);
    assert.equal(filed.organisation_id, municipality.id);
    await page.goto(`/w/demo/interactions/${filed.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const documents = page.getByRole('region', { name: 'Documenten' });
    await documents.getByRole('row', { name: /outlook-kadernota\.eml/ }).waitFor();
    await documents.getByRole('row', { name: /Verslag overleg kadernota\.pdf/ }).waitFor();

    // On the municipality's timeline.
    await page.goto(`/w/demo/interactions/organisations/${municipality.id}`);
    await page.getByRole('region', { name: /Tijdlijn/ }).getByText(SUBJECT, { exact: false }).waitFor();
    await checkBothSizes(page, 'the municipality timeline with the filed e-mail', {
      screenshot: (size) => page.screenshot({ path: join(screenshots, `mail-intake-timeline-${size}.png`), fullPage: true }),
    });

    assert.deepEqual(problems, []);
    await context.close();
  });
});
