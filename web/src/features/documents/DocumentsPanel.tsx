/**
 * Documenten: the files attached to one record (a contact, an agreement, a plan or an
 * organisation). Everyone in the workspace sees the list and downloads; editors and owners add
 * files (a file picker, and a drop zone around it), replace one with a new version and a note,
 * and remove one after a question. See api/openapi.yaml, tag "documents".
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isApiError, Upload } from '../../api/client';
import {
  deleteDocument,
  downloadDocument,
  listDocuments,
  replaceDocument,
  uploadDocument,
} from '../../api/generated/documents';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, StackLabel } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileDropArea, type FileResult } from '../../components/FileDropArea';
import { FileField } from '../../components/FileField';
import { Loading } from '../../components/Loading';
import { RowActionButton } from '../../components/RowActionButton';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import type { Language } from '../../i18n/i18n';
import { useWorkspace } from '../shell/workspaceContext';
import type { DocumentRecord, DocumentRecordKind, DocumentVersion } from './api';
import { ACCEPT, documentKind, formatFileSize, isTooLarge, NAME_MAX, NOTE_MAX, sizeAgainstLimit } from './documents';
import { useDocumentsText, type DocumentsText } from './texts';
import './documents.css';

export interface DocumentsPanelProps {
  recordKind: DocumentRecordKind;
  recordId: number;
  /** Editors and owners add, replace and remove; viewers only see and download. */
  canWrite: boolean;
  /**
   * The frame, like the neighbouring sections: a card (the pages of Contacten en afspraken) or a
   * plain section (a plan, an organisation).
   */
  frame?: 'section' | 'card';
}

export function DocumentsPanel({ recordKind, recordId, canWrite, frame = 'section' }: DocumentsPanelProps) {
  const dt = useDocumentsText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const documents = useApiData(`documents:${slug}:${recordKind}:${recordId}`, (signal) =>
    listDocuments({ slug }, { record_kind: recordKind, record_id: recordId }, { signal }),
  );
  const [announcement, setAnnouncement] = useState('');
  // Upload results are already shown per file (in green or red) below the file field; their
  // summary is for screen readers only, so a refusal never shows in the green status box.
  const [announcementVisible, setAnnouncementVisible] = useState(true);
  const [replacing, setReplacing] = useState<DocumentRecord | null>(null);
  const [removing, setRemoving] = useState<DocumentRecord | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const idBase = `documents-${recordKind}-${recordId}`;
  const headingId = `${idBase}-heading`;
  const items = documents.data?.items ?? [];
  const maxBytes = documents.data?.max_file_bytes;

  /** After an action, focus goes to the element with this id once it is drawn (or the heading). */
  function focusSoon(id: string | null) {
    requestAnimationFrame(() => {
      const target = id ? document.getElementById(id) : null;
      (target ?? headingRef.current)?.focus();
    });
  }

  async function remove(item: DocumentRecord) {
    await deleteDocument({ slug, document_id: item.id });
    setRemoving(null);
    if (replacing?.id === item.id) setReplacing(null);
    await documents.reload();
    setAnnouncementVisible(true);
    setAnnouncement(dt('remove.done', { name: item.name }));
    focusSoon(null);
  }

  return (
    <section className={`aantafel-${frame} aantafel-documents`} aria-labelledby={headingId}>
      <Heading2 id={headingId} ref={headingRef} tabIndex={-1} className="aantafel-focus-target">
        {dt('title')}
      </Heading2>
      <div className={announcementVisible ? undefined : 'aantafel-visually-hidden'}>
        <StatusMessage>{announcement}</StatusMessage>
      </div>
      {documents.error && !documents.data ? <ErrorAlert error={documents.error} /> : null}
      {!documents.data && !documents.error ? <Loading /> : null}
      {documents.data && items.length === 0 ? (
        <Paragraph>{canWrite ? dt('empty') : dt('emptyViewer')}</Paragraph>
      ) : null}
      {items.length > 0 ? (
        <DocumentTable
          slug={slug}
          items={items}
          canWrite={canWrite}
          idBase={idBase}
          onReplace={(item) => {
            setAnnouncement('');
            setReplacing(item);
          }}
          onRemove={(item) => {
            setAnnouncement('');
            setRemoving(item);
          }}
        />
      ) : null}
      {canWrite && replacing ? (
        <ReplaceForm
          key={replacing.id}
          slug={slug}
          item={replacing}
          idBase={idBase}
          maxBytes={maxBytes}
          onCancel={() => {
            setReplacing(null);
            focusSoon(`${idBase}-replace-${replacing.id}`);
          }}
          onReplaced={async (saved) => {
            await documents.reload();
            setReplacing(null);
            setAnnouncementVisible(true);
            setAnnouncement(dt('replace.done', { name: saved.name, number: saved.version }));
            focusSoon(`${idBase}-replace-${saved.id}`);
          }}
        />
      ) : null}
      {canWrite && documents.data ? (
        <UploadArea
          slug={slug}
          recordKind={recordKind}
          recordId={recordId}
          idBase={idBase}
          maxBytes={maxBytes}
          onUploaded={() => documents.reload()}
          onAnnounce={(text) => {
            setAnnouncementVisible(false);
            setAnnouncement(text);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={dt('remove.title', { name: removing?.name ?? '' })}
        confirmLabel={dt('remove')}
        busyLabel={dt('remove.busy')}
        onConfirm={() => (removing ? remove(removing) : undefined)}
        onCancel={() => {
          const id = removing?.id;
          setRemoving(null);
          if (id !== undefined) focusSoon(`${idBase}-remove-${id}`);
        }}
      >
        {dt('remove.body')}
      </ConfirmDialog>
    </section>
  );
}

/** The version of a document that is its newest (the list is newest first, but say so by number). */
function currentVersion(item: DocumentRecord): DocumentVersion | undefined {
  return item.versions.find((v) => v.version === item.version) ?? item.versions[0];
}

function DocumentTable({
  slug,
  items,
  canWrite,
  idBase,
  onReplace,
  onRemove,
}: {
  slug: string;
  items: readonly DocumentRecord[];
  canWrite: boolean;
  idBase: string;
  onReplace: (item: DocumentRecord) => void;
  onRemove: (item: DocumentRecord) => void;
}) {
  const dt = useDocumentsText();
  const { language, formatDateTime } = useI18n();
  return (
    <DataTable
      caption={dt('caption')}
      captionHidden
      stack
      className="aantafel-documents__table"
      columns={[
        dt('col.name'),
        dt('col.kind'),
        dt('col.size'),
        dt('col.version'),
        dt('col.added'),
        canWrite && { label: dt('col.actions'), hidden: true },
      ]}
    >
      {items.map((item) => {
        const current = currentVersion(item);
        const older = item.versions.filter((v) => v.version !== item.version);
        return (
          <tr key={item.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell aantafel-documents__name">
              <a
                href={downloadDocument({ slug, document_id: item.id })}
                download
                className="utrecht-link utrecht-link--html-a"
              >
                {item.name} <span className="aantafel-visually-hidden">{dt('download')}</span>
              </a>
              {current?.note ? (
                <span className="aantafel-meta aantafel-documents__note">{dt('note', { note: current.note })}</span>
              ) : null}
            </th>
            <td className="utrecht-table__cell aantafel-documents__kind">
              <StackLabel>{dt('col.kind')}</StackLabel>
              {dt(`kind.${documentKind(item.content_type, item.name)}`)}
            </td>
            <td className="utrecht-table__cell aantafel-documents__size">
              <StackLabel>{dt('col.size')}</StackLabel>
              {formatFileSize(item.size_bytes, language)}
            </td>
            <td className="utrecht-table__cell aantafel-documents__version">
              <StackLabel>{dt('col.version')}</StackLabel>
              {dt('version', { number: item.version })}
              {older.length > 0 ? <OlderVersions slug={slug} item={item} older={older} /> : null}
            </td>
            <td className="utrecht-table__cell">
              <StackLabel>{dt('col.added')}</StackLabel>
              <time dateTime={item.uploaded_at}>{formatDateTime(item.uploaded_at)}</time>
              {current?.uploaded_by_name ? (
                <span className="aantafel-meta aantafel-documents__by">{dt('by', { name: current.uploaded_by_name })}</span>
              ) : null}
            </td>
            {canWrite ? (
              <td className="utrecht-table__cell">
                <div className="aantafel-row-actions">
                  <RowActionButton id={`${idBase}-replace-${item.id}`} target={item.name} onClick={() => onReplace(item)}>
                    {dt('replace')}
                  </RowActionButton>
                  <RowActionButton
                    id={`${idBase}-remove-${item.id}`}
                    danger
                    target={item.name}
                    onClick={() => onRemove(item)}
                  >
                    {dt('remove')}
                  </RowActionButton>
                </div>
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}

/** The earlier versions of a document behind a native disclosure, each with its note and download. */
function OlderVersions({ slug, item, older }: { slug: string; item: DocumentRecord; older: readonly DocumentVersion[] }) {
  const dt = useDocumentsText();
  const { language, formatDateTime } = useI18n();
  return (
    <details className="aantafel-documents__older">
      <summary>
        {older.length === 1 ? dt('older.one') : dt('older.many', { count: older.length })}
        <span className="aantafel-visually-hidden"> {dt('older.of', { name: item.name })}</span>
      </summary>
      <ol className="aantafel-documents__versions">
        {older.map((v) => (
          <li key={v.version}>
            <a
              href={downloadDocument({ slug, document_id: item.id }, { version: v.version })}
              download
              className="utrecht-link utrecht-link--html-a"
            >
              {v.name}{' '}
              <span className="aantafel-visually-hidden">
                ({dt('older.version', { number: v.version })}) {dt('download')}
              </span>
            </a>
            <span className="aantafel-meta aantafel-documents__version-facts">
              {[
                dt('older.version', { number: v.version }),
                formatFileSize(v.size_bytes, language),
                formatDateTime(v.uploaded_at),
                v.uploaded_by_name ? dt('by', { name: v.uploaded_by_name }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {v.note ? <span className="aantafel-documents__note">{dt('note', { note: v.note })}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Which files are taken, and the largest (once the list told it). */
function typesHint(dt: DocumentsText, maxBytes: number | undefined, language: Language): string {
  const hint = dt('upload.hint');
  return maxBytes ? `${hint} ${dt('upload.max', { max: formatFileSize(maxBytes, language) })}` : hint;
}

/** Why a file is not sent at all (too large, a name the server does not take), or null. */
function refusal(file: File, maxBytes: number | undefined, dt: DocumentsText, language: Language): string | null {
  if (maxBytes !== undefined && isTooLarge(file.size, maxBytes)) {
    return dt('upload.tooLarge', sizeAgainstLimit(file.size, maxBytes, language));
  }
  if (file.name.length > NAME_MAX) return dt('upload.nameTooLong', { max: NAME_MAX });
  return null;
}

/**
 * The server's reason in words: what it says about the file or its name ("De inhoud van dit
 * bestand past niet bij de naam."), else its general message; a 413 from a proxy (no Problem
 * body) gets ours.
 */
function failureText(caught: unknown, dt: DocumentsText, general: string): string {
  if (!isApiError(caught)) return general;
  if (caught.status === 413 && caught.code === 'http_413') return dt('upload.tooLargeServer');
  return caught.fields.file ?? caught.fields.name ?? caught.message;
}

/**
 * "Bestand toevoegen": the shared FileDropArea, sending each file as a document of the record; the
 * result is said in the panel's live region.
 */
function UploadArea({
  slug,
  recordKind,
  recordId,
  idBase,
  maxBytes,
  onUploaded,
  onAnnounce,
}: {
  slug: string;
  recordKind: DocumentRecordKind;
  recordId: number;
  idBase: string;
  maxBytes: number | undefined;
  onUploaded: () => Promise<void>;
  onAnnounce: (text: string) => void;
}) {
  const dt = useDocumentsText();
  const { t, language } = useI18n();

  async function batchDone(results: readonly FileResult[]) {
    const added = results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok);
    if (added > 0) await onUploaded();
    const only = results[0];
    if (results.length === 1 && only) {
      onAnnounce(
        only.ok
          ? dt('upload.addedOne', { name: only.name })
          : dt('upload.failedOne', { name: only.name, reason: only.reason }),
      );
    } else {
      const names = failed.map((f) => f.name).join(', ');
      onAnnounce(
        [dt('upload.addedSome', { done: added, total: results.length }), names ? dt('upload.failedNames', { names }) : '']
          .filter(Boolean)
          .join(' '),
      );
    }
  }

  return (
    <FileDropArea
      id={`${idBase}-upload`}
      label={dt('upload.label')}
      hint={`${typesHint(dt, maxBytes, language)} ${dt('upload.several')}`}
      accept={ACCEPT}
      dropText={dt('upload.drop')}
      progressLabel={dt('upload.progress')}
      stateText={(state) => dt(`upload.${state}`)}
      failedText={(reason) => dt('upload.failed', { reason })}
      refuse={(file) => refusal(file, maxBytes, dt, language)}
      send={async (file) => {
        await uploadDocument({ slug }, new Upload(file, 'application/octet-stream'), {
          record_kind: recordKind,
          record_id: recordId,
          name: file.name,
        });
      }}
      reasonOf={(caught) => failureText(caught, dt, t('errors.general'))}
      onBatchDone={batchDone}
      onStart={() => onAnnounce('')}
    />
  );
}

/** A new version of one document: the file and what changed (at most 500 characters). */
function ReplaceForm({
  slug,
  item,
  idBase,
  maxBytes,
  onCancel,
  onReplaced,
}: {
  slug: string;
  item: DocumentRecord;
  idBase: string;
  maxBytes: number | undefined;
  onCancel: () => void;
  onReplaced: (saved: DocumentRecord) => Promise<void>;
}) {
  const dt = useDocumentsText();
  const { t, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; note?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const fileId = `${idBase}-replace-file`;
  const noteId = `${idBase}-replace-note`;
  const headingId = `${idBase}-replace-heading`;

  // Opened from the row's "Vervangen": focus goes to the file field.
  useEffect(() => {
    fileRef.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const problems: { file?: string; note?: string } = {};
    if (!file) problems.file = dt('replace.noFile');
    else problems.file = refusal(file, maxBytes, dt, language) ?? undefined;
    if (note.length > NOTE_MAX) problems.note = dt('replace.noteTooLong', { max: NOTE_MAX });
    setFieldErrors(problems);
    if (problems.file || !file) {
      fileRef.current?.focus();
      return;
    }
    if (problems.note) {
      noteRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await replaceDocument(
        { slug, document_id: item.id },
        new Upload(file, 'application/octet-stream'),
        { name: file.name, note: note.trim() || undefined },
      );
      await onReplaced(saved);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.note) {
        setFieldErrors({ note: caught.fields.note });
        noteRef.current?.focus();
      } else if (isApiError(caught) && (caught.status === 413 || caught.status === 422)) {
        setFieldErrors({ file: failureText(caught, dt, t('errors.general')) });
        fileRef.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="aantafel-documents__replace"
      noValidate
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      onSubmit={(event) => void submit(event)}
    >
      <Heading3 id={headingId}>{dt('replace.title', { name: item.name })}</Heading3>
      <Paragraph>{dt('replace.intro')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <FileField
        id={fileId}
        label={dt('replace.file')}
        description={typesHint(dt, maxBytes, language)}
        accept={ACCEPT}
        inputRef={fileRef}
        error={fieldErrors.file}
        onChange={(chosen) => {
          setFile(chosen);
          setFieldErrors((current) => ({ ...current, file: undefined }));
        }}
      />
      <TextAreaField
        id={noteId}
        textareaRef={noteRef}
        label={dt('replace.note')}
        description={dt('replace.noteHint', { max: NOTE_MAX })}
        rows={3}
        maxLength={NOTE_MAX}
        value={note}
        error={fieldErrors.note}
        onChange={(event) => setNote(event.target.value)}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {busy ? dt('replace.busy') : dt('replace.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={onCancel}>
          {dt('replace.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
