// End-to-end for Documenten: the real server with the demo workspace, the built web app and
// Chromium. The owner opens one of the demo contacts, attaches the minutes of a meeting (a real
// PDF) with the file picker, sees it listed with its kind, size and version, downloads it (the
// bytes that went up come back, as an attachment), replaces it with a new version and a note, and
// tries a zip named .pdf, which is refused with the reason in words. axe-core and screenshots at
// 1366 px and at 390×844 (no sideways scrolling on the phone).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkBothSizes } from './support/browser.mjs';
import { repoRoot } from './support/server.mjs';
import { apiClient, DEMO, e2eSuite, prepareDemo } from './support/suite.mjs';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'documents');
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');
const PDF = 'verslag-overleg-wethouder.pdf';

const e2e = e2eSuite({ prepare: prepareDemo(), screenshots, page: { timeout: 30_000 } });

describe('Documenten', () => {
  test('attach the minutes to a contact, download them, replace them; a zip named .pdf is refused', async () => {
    const { context, page, problems, csrf } = await e2e.newPage({ login: DEMO });
    const api = apiClient(context, csrf, 'demo');
    const contacts = await api.get('/interactions?limit=1');
    const contact = contacts.items[0];
    assert.ok(contact, 'the demo workspace has contacts');

    await page.goto(`/w/demo/interactions/${contact.id}`);
    const panel = page.getByRole('region', { name: 'Documenten' });
    await panel.getByText('Nog geen documenten.', { exact: false }).waitFor();

    // The file picker, as a keyboard or screen reader user reaches it: by its label.
    await panel.getByLabel('Bestand toevoegen').setInputFiles(join(fixtures, PDF));
    const row = panel.getByRole('row', { name: new RegExp(PDF.replace('.', '\\.')) });
    await row.waitFor();
    const rowText = await row.innerText();
    assert.match(rowText, /PDF/);
    assert.match(rowText, /versie 1|^1$/m);
    await checkBothSizes(page, 'a contact with a document', {
      screenshot: (size) => page.screenshot({ path: join(screenshots, `documents-contact-${size}.png`), fullPage: true }),
    });

    // Download: the same bytes, offered as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: new RegExp(PDF.replace('.', '\\.')) }).click(),
    ]);
    assert.equal(download.suggestedFilename(), PDF);
    const saved = await download.path();
    assert.deepEqual(readFileSync(saved), readFileSync(join(fixtures, PDF)));

    // A new version with a note; the first stays downloadable.
    await row.getByRole('button', { name: /^Vervangen/ }).click();
    await panel.getByLabel('Nieuw bestand').setInputFiles(join(fixtures, 'afspraken-wijkteam.docx'));
    await panel.getByLabel(/Wat is er veranderd/).fill('Definitieve versie na het overleg');
    await panel.getByRole('button', { name: 'Nieuwe versie opslaan' }).click();
    await panel.getByText(/versie 2/).first().waitFor();
    await panel.getByText('Wat is er veranderd: Definitieve versie na het overleg').waitFor();

    // A zip named .pdf: refused, with the reason in words, nothing stored.
    const before = await api.get(`/documents?record_kind=interaction&record_id=${contact.id}`);
    await panel.getByLabel('Bestand toevoegen').setInputFiles({
      name: 'rapport.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(join(fixtures, 'zipbom.pdf')),
    });
    await panel.getByText('rapport.pdf: Niet toegevoegd. De inhoud van dit bestand past niet bij de naam.', { exact: false }).waitFor();
    const after = await api.get(`/documents?record_kind=interaction&record_id=${contact.id}`);
    assert.equal(after.items.length, before.items.length);
    await checkBothSizes(page, 'a refused upload', {
      screenshot: (size) => page.screenshot({ path: join(screenshots, `documents-refused-${size}.png`), fullPage: true }),
    });

    assert.deepEqual(problems.filter((p) => !/status of 422/.test(p)), []);
    await context.close();
  });
});
