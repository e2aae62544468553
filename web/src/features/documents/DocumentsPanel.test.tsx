import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '../../api/types';
import { answer, noContent, problem, type Schema } from '../../test/answer';
import { formatDateTime } from '../../i18n/i18n';
import { mockFetch, renderInWorkspace, type Handler } from '../whoiswho/testing';
import { DocumentsPanel } from './DocumentsPanel';

const PATH = '/api/v1/workspaces/demo/documents';
const MB = 1024 * 1024;
const MAX = 25 * MB;

const REPORT = {
  id: 3,
  record_kind: 'interaction',
  record_id: 42,
  name: 'verslag-overleg.pdf',
  content_type: 'application/pdf',
  size_bytes: Math.round(1.2 * MB),
  version: 2,
  uploaded_at: '2026-12-04T10:15:00Z',
  versions: [
    {
      version: 2,
      name: 'verslag-overleg.pdf',
      content_type: 'application/pdf',
      size_bytes: Math.round(1.2 * MB),
      note: 'Definitieve versie na het overleg.',
      uploaded_by: 1,
      uploaded_by_name: 'Demo Gebruiker',
      uploaded_at: '2026-12-04T10:15:00Z',
    },
    {
      version: 1,
      name: 'verslag-concept.docx',
      content_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size_bytes: 48_000,
      note: '',
      uploaded_by: 2,
      uploaded_by_name: 'Anna de Vries',
      uploaded_at: '2026-12-01T09:00:00Z',
    },
  ],
} satisfies Schema<'Document'>;

const MAIL = {
  id: 4,
  record_kind: 'interaction',
  record_id: 42,
  name: 'uitnodiging-wethouder.eml',
  content_type: 'text/plain',
  size_bytes: 812,
  version: 1,
  uploaded_at: '2026-12-02T08:00:00Z',
  versions: [
    {
      version: 1,
      name: 'uitnodiging-wethouder.eml',
      content_type: 'text/plain',
      size_bytes: 812,
      note: '',
      uploaded_by: null,
      uploaded_by_name: null,
      uploaded_at: '2026-12-02T08:00:00Z',
    },
  ],
} satisfies Schema<'Document'>;

type Doc = Schema<'Document'>;

/** A document as the server answers an upload of `file`. */
function uploaded(id: number, file: File): Doc {
  const version = {
    version: 1,
    name: file.name,
    content_type: 'application/pdf',
    size_bytes: file.size,
    note: '',
    uploaded_by: 1,
    uploaded_by_name: 'Demo Gebruiker',
    uploaded_at: '2026-12-06T13:00:00Z',
  };
  return { ...version, id, record_kind: 'interaction', record_id: 42, versions: [version] };
}

/** A file of `bytes` without filling the memory: jsdom takes the size as given. */
function fileOfSize(name: string, bytes: number): File {
  const file = new File(['%PDF-1.7'], name, { type: 'application/pdf' });
  Object.defineProperty(file, 'size', { value: bytes });
  return file;
}

function mockServer(initial: Doc[], routes: Record<string, Handler> = {}) {
  let stored = initial;
  let nextId = 10;
  const fetchMock = mockFetch({
    [`GET ${PATH}`]: (url) => {
      expect(url.searchParams.get('record_kind')).toBe('interaction');
      expect(url.searchParams.get('record_id')).toBe('42');
      return answer('listDocuments', 200, { items: stored, max_file_bytes: MAX });
    },
    [`POST ${PATH}`]: (_url, init) => {
      const saved = uploaded(nextId++, init?.body as File);
      stored = [saved, ...stored];
      return answer('uploadDocument', 201, saved);
    },
    [`POST ${PATH}/3/versions`]: (url, init) => {
      const file = init?.body as File;
      const version = {
        version: 3,
        name: url.searchParams.get('name') ?? '',
        content_type: 'application/pdf',
        size_bytes: file.size,
        note: url.searchParams.get('note') ?? '',
        uploaded_by: 1,
        uploaded_by_name: 'Demo Gebruiker',
        uploaded_at: '2026-12-06T13:00:00Z',
      };
      const saved: Doc = { ...REPORT, name: version.name, version: 3, size_bytes: file.size, versions: [version, ...REPORT.versions] };
      stored = stored.map((d) => (d.id === 3 ? saved : d));
      return answer('replaceDocument', 201, saved);
    },
    [`DELETE ${PATH}/3`]: () => {
      stored = stored.filter((d) => d.id !== 3);
      return noContent('deleteDocument');
    },
    ...routes,
  });
  return fetchMock;
}

function renderPanel({ canWrite = true, role = 'editor' }: { canWrite?: boolean; role?: Role } = {}) {
  return renderInWorkspace(<DocumentsPanel recordKind="interaction" recordId={42} canWrite={canWrite} />, {
    role,
    route: '/w/demo/interactions/42',
    path: '/w/:slug/interactions/:interactionId',
  });
}

const calls = (fetchMock: ReturnType<typeof mockServer>, method: string) =>
  fetchMock.mock.calls.filter(([, init]) => (init?.method ?? 'GET') === method);

describe('DocumentsPanel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the documents with type, size, version, date and uploader, and the earlier versions', async () => {
    mockServer([REPORT, MAIL]);
    renderPanel();
    const section = await screen.findByRole('region', { name: 'Documenten' });
    const table = await within(section).findByRole('table', { name: 'Documenten, nieuwste eerst' });
    const [, reportRow, mailRow] = within(table).getAllByRole('row');

    const report = within(reportRow!).getByRole('link', { name: 'verslag-overleg.pdf (downloaden)' });
    expect(report).toHaveAttribute('href', `${PATH}/3/content`);
    expect(report).toHaveAttribute('download');
    expect(reportRow).toHaveTextContent('PDF');
    expect(reportRow).toHaveTextContent('1,2 MB');
    expect(reportRow).toHaveTextContent('versie 2');
    expect(reportRow).toHaveTextContent('Wat is er veranderd: Definitieve versie na het overleg.');
    expect(reportRow).toHaveTextContent(`${formatDateTime('nl', REPORT.uploaded_at)}door Demo Gebruiker`);

    // The earlier version: in a disclosure, with its own download (?version=1).
    const older = within(reportRow!).getByText('Eerdere versie').closest('details')!;
    expect(older).not.toHaveAttribute('open');
    const first = within(older).getByRole('link', { name: 'verslag-concept.docx (versie 1) (downloaden)' });
    expect(first).toHaveAttribute('href', `${PATH}/3/content?version=1`);
    expect(older).toHaveTextContent('versie 1 · 47 kB');
    expect(older).toHaveTextContent('door Anna de Vries');

    // An e-mail reads as text/plain from its bytes: the extension says what it is.
    expect(mailRow).toHaveTextContent('e-mail');
    expect(mailRow).toHaveTextContent('812 bytes');
    expect(within(mailRow!).queryByText(/door/)).not.toBeInTheDocument();
    expect(within(mailRow!).queryByText(/Eerdere versie/)).not.toBeInTheDocument();

    // Writers: a row's actions name the document for screen readers.
    expect(within(reportRow!).getByRole('button', { name: 'Vervangen verslag-overleg.pdf' })).toBeInTheDocument();
    expect(within(reportRow!).getByRole('button', { name: 'Verwijderen verslag-overleg.pdf' })).toBeInTheDocument();
    expect(within(section).getByLabelText('Bestand toevoegen')).toHaveAccessibleDescription(
      'Je kunt PDF, Word, Excel, PowerPoint, OpenDocument, e-mail (.eml of .msg), agenda (.ics), tekst, CSV en foto’s toevoegen. Hoogstens 25 MB per bestand. Je kunt meer bestanden tegelijk kiezen.',
    );
  });

  it('says there are no documents yet and how to add one', async () => {
    mockServer([]);
    renderPanel();
    expect(await screen.findByText('Nog geen documenten. Voeg een verslag, afspraak of e-mail toe.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('uploads a chosen file as its raw bytes, with the record and the name in the query', async () => {
    const fetchMock = mockServer([]);
    const user = userEvent.setup();
    renderPanel();
    const input = await screen.findByLabelText('Bestand toevoegen');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('multiple');
    const file = new File(['%PDF-1.7 verslag'], 'verslag wethouder.pdf', { type: 'application/pdf' });
    await user.upload(input, file);

    expect(await screen.findByText('verslag wethouder.pdf is toegevoegd.')).toBeInTheDocument();
    const [post] = calls(fetchMock, 'POST');
    const [url, init] = post!;
    const sent = new URL(String(url), 'http://localhost');
    expect(sent.pathname).toBe(PATH);
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      record_kind: 'interaction',
      record_id: '42',
      name: 'verslag wethouder.pdf',
    });
    expect(init?.body).toBe(file);
    const headers = init?.headers as Record<string, string>;
    expect(headers['Content-Type']).toBe('application/octet-stream');
    expect(headers['X-CSRF-Token']).toBe('csrf');

    expect(screen.getByRole('list', { name: 'Bestanden die je toevoegt' })).toHaveTextContent(
      'verslag wethouder.pdf: Toegevoegd.',
    );
    // The list is loaded again and shows the new document.
    expect(await screen.findByRole('link', { name: 'verslag wethouder.pdf (downloaden)' })).toBeInTheDocument();
    expect(calls(fetchMock, 'GET')).toHaveLength(2);
  });

  it('refuses a file larger than the server takes without sending it', async () => {
    const fetchMock = mockServer([]);
    const user = userEvent.setup();
    renderPanel();
    await user.upload(await screen.findByLabelText('Bestand toevoegen'), fileOfSize('scan.pdf', Math.round(31.4 * MB)));
    const message = 'scan.pdf is niet toegevoegd. Dit bestand is 31,4 MB; de grens is 25 MB.';
    // Said in the panel's live region.
    expect((await screen.findByText(message)).closest('[role="status"][aria-live="polite"]')).not.toBeNull();
    expect(screen.getByRole('list', { name: 'Bestanden die je toevoegt' })).toHaveTextContent(
      'scan.pdf: Niet toegevoegd. Dit bestand is 31,4 MB; de grens is 25 MB.',
    );
    expect(calls(fetchMock, 'POST')).toHaveLength(0);
  });

  it("shows the server's reason per file when files are dropped, one by one", async () => {
    const fetchMock = mockServer([], {
      [`POST ${PATH}`]: (url) =>
        url.searchParams.get('name') === 'foto.pdf'
          ? problem('uploadDocument', 'invalid_input', 'Niet alle velden zijn goed ingevuld.', {
              file: 'De inhoud van dit bestand past niet bij de naam. Controleer of je het goede bestand kiest.',
            })
          : answer('uploadDocument', 201, uploaded(11, new File(['x'], 'notulen.pdf'))),
    });
    renderPanel();
    await screen.findByLabelText('Bestand toevoegen');
    const zone = screen.getByText('Of sleep bestanden naar dit vak.').closest('div')!;
    const files = [new File(['x'], 'foto.pdf'), new File(['x'], 'notulen.pdf')];
    fireEvent.dragEnter(zone, { dataTransfer: { files, types: ['Files'] } });
    expect(zone).toHaveClass('aantafel-file-drop--over');
    fireEvent.drop(zone, { dataTransfer: { files, types: ['Files'] } });
    expect(zone).not.toHaveClass('aantafel-file-drop--over');

    expect(await screen.findByText('1 van de 2 bestanden zijn toegevoegd. Niet toegevoegd: foto.pdf.')).toBeInTheDocument();
    const progress = screen.getByRole('list', { name: 'Bestanden die je toevoegt' });
    const [failed, done] = within(progress).getAllByRole('listitem');
    // The field's own message, not the general "not every field is right".
    expect(failed).toHaveTextContent('foto.pdf: Niet toegevoegd. De inhoud van dit bestand past niet bij de naam. Controleer of je het goede bestand kiest.');
    expect(done).toHaveTextContent('notulen.pdf: Toegevoegd.');
    // One after the other, in the order they came.
    expect(calls(fetchMock, 'POST').map(([url]) => new URL(String(url), 'http://localhost').searchParams.get('name'))).toEqual([
      'foto.pdf',
      'notulen.pdf',
    ]);
  });

  it('replaces a document with a new file and a note', async () => {
    const fetchMock = mockServer([REPORT]);
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Vervangen verslag-overleg.pdf' }));
    const form = screen.getByRole('form', { name: 'Nieuwe versie van verslag-overleg.pdf' });
    const fileInput = within(form).getByLabelText('Nieuw bestand');
    await waitFor(() => expect(fileInput).toHaveFocus());

    // No file yet: said at the field, nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Nieuwe versie opslaan' }));
    expect(within(form).getByText('Kies een bestand.')).toBeInTheDocument();
    expect(fileInput).toHaveFocus();
    expect(calls(fetchMock, 'POST')).toHaveLength(0);

    const file = new File(['%PDF-1.7 v3'], 'verslag-overleg-v3.pdf', { type: 'application/pdf' });
    await user.upload(fileInput, file);
    const note = within(form).getByLabelText('Wat is er veranderd? (niet verplicht)');
    expect(note).toHaveAttribute('maxlength', '500');
    await user.type(note, 'Actiepunten van de wethouder toegevoegd.');
    await user.click(within(form).getByRole('button', { name: 'Nieuwe versie opslaan' }));

    expect(
      await screen.findByText('Nieuwe versie van verslag-overleg-v3.pdf opgeslagen (versie 3).'),
    ).toBeInTheDocument();
    const [[url, init]] = calls(fetchMock, 'POST') as [[string, RequestInit]];
    const sent = new URL(url, 'http://localhost');
    expect(sent.pathname).toBe(`${PATH}/3/versions`);
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      name: 'verslag-overleg-v3.pdf',
      note: 'Actiepunten van de wethouder toegevoegd.',
    });
    expect(init.body).toBe(file);
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/octet-stream');
    expect(screen.queryByRole('form', { name: /Nieuwe versie van/ })).not.toBeInTheDocument();
    expect(await screen.findByText('versie 3')).toBeInTheDocument();
    expect(screen.getByText('Eerdere versies (2)')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Vervangen verslag-overleg-v3.pdf' })).toHaveFocus());
  });

  it("shows the server's reason for a refused new version at the file field", async () => {
    mockServer([REPORT], {
      [`POST ${PATH}/3/versions`]: () =>
        problem('replaceDocument', 'payload_too_large', 'Het verzoek is te groot.', {
          file: 'Kies een bestand van hoogstens 25 MB.',
        }),
    });
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Vervangen verslag-overleg.pdf' }));
    const form = screen.getByRole('form', { name: 'Nieuwe versie van verslag-overleg.pdf' });
    await user.upload(within(form).getByLabelText('Nieuw bestand'), new File(['x'], 'groot.pdf'));
    await user.click(within(form).getByRole('button', { name: 'Nieuwe versie opslaan' }));
    expect(await within(form).findByText('Kies een bestand van hoogstens 25 MB.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Nieuw bestand')).toHaveFocus();

    // Cancel: the form closes and focus goes back to the row's button.
    await user.click(within(form).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Vervangen verslag-overleg.pdf' })).toHaveFocus());
  });

  it('removes a document only after a question', async () => {
    const fetchMock = mockServer([REPORT, MAIL]);
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Verwijderen verslag-overleg.pdf' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'verslag-overleg.pdf verwijderen?' });
    expect(dialog).toHaveTextContent('Het document en al zijn eerdere versies worden verwijderd.');
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(calls(fetchMock, 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Verwijderen verslag-overleg.pdf' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Verwijderen' }));
    expect(await screen.findByText('verslag-overleg.pdf is verwijderd.')).toBeInTheDocument();
    expect(calls(fetchMock, 'DELETE')).toHaveLength(1);
    expect(screen.queryByRole('link', { name: /verslag-overleg\.pdf/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'uitnodiging-wethouder.eml (downloaden)' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Documenten' })).toHaveFocus());
  });

  it('shows a viewer the documents and downloads, but nothing to change', async () => {
    mockServer([REPORT]);
    renderPanel({ canWrite: false, role: 'viewer' });
    expect(await screen.findByRole('link', { name: 'verslag-overleg.pdf (downloaden)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'verslag-concept.docx (versie 1) (downloaden)' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Bestand toevoegen')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Vervangen|Verwijderen/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Acties' })).not.toBeInTheDocument();
  });

  it('tells a viewer only that there are no documents yet', async () => {
    mockServer([]);
    renderPanel({ canWrite: false, role: 'viewer' });
    expect(await screen.findByText('Nog geen documenten.')).toBeInTheDocument();
    expect(screen.queryByText(/Voeg een verslag/)).not.toBeInTheDocument();
  });
});
