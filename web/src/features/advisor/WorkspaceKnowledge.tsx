import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading2, Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { KnowledgeSetting, OwnKnowledgeItem } from '../../api/types';
import { addOwnKnowledgeItem, deleteOwnKnowledgeItem } from '../../api/generated/advisor';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { changedSetting, isHidden, noteOf, type SettingsMap } from './workspaceKnowledge';

/**
 * Under a built-in item: the workspace's note and "verborgen" mark, and for editors the buttons
 * to hide or show it and to add or change the note.
 */
export function ItemSettings({
  itemKey,
  name,
  settings,
  canEdit,
  onSave,
}: {
  itemKey: string;
  name: string;
  settings: SettingsMap;
  canEdit: boolean;
  onSave: (setting: KnowledgeSetting) => Promise<void>;
}) {
  const { t } = useI18n();
  const hidden = isHidden(settings, itemKey);
  const note = noteOf(settings, itemKey);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const noteButton = useRef<HTMLButtonElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) textareaRef.current?.focus();
    else if (wasEditing.current) noteButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  async function toggleHidden() {
    setError(null);
    setBusy(true);
    try {
      await onSave(changedSetting(settings, itemKey, { hidden: !hidden }));
      if (!hidden) document.getElementById('knowledge-show-hidden')?.focus();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function saveNote(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setFieldError(undefined);
    setBusy(true);
    try {
      await onSave(changedSetting(settings, itemKey, { note: draft }));
      setEditing(false);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.note) {
        setFieldError(caught.fields.note);
        textareaRef.current?.focus();
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="aantafel-item-settings">
      {hidden ? (
        <p>
          <span className="aantafel-badge aantafel-badge--muted">{t('advisor.knowledge.hiddenMark')}</span>
        </p>
      ) : null}
      {note && !editing ? (
        <div className="aantafel-note">
          <Heading4>{t('advisor.knowledge.noteTitle')}</Heading4>
          <Paragraph className="aantafel-pre-line">{note}</Paragraph>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {canEdit && editing ? (
        <form noValidate onSubmit={(event) => void saveNote(event)} aria-busy={busy || undefined}>
          <TextAreaField
            id={`note-${itemKey}`}
            label={t('advisor.knowledge.noteLabel', { name })}
            description={t('advisor.knowledge.noteHint')}
            maxLength={4000}
            rows={3}
            value={draft}
            error={fieldError}
            textareaRef={textareaRef}
            onChange={(event) => setDraft(event.target.value)}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {busy ? t('common.saving') : t('advisor.knowledge.noteSave')}
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
      {canEdit && !editing ? (
        <ButtonGroup className="aantafel-no-print">
          <Button
            ref={noteButton}
            type="button"
            appearance="subtle-button"
            onClick={() => {
              setDraft(note);
              setFieldError(undefined);
              setEditing(true);
            }}
          >
            {note ? t('advisor.knowledge.noteEdit') : t('advisor.knowledge.noteAdd')}
            <span className="aantafel-visually-hidden"> {t('advisor.knowledge.forItem', { name })}</span>
          </Button>
          <Button type="button" appearance="subtle-button" busy={busy} onClick={() => void toggleHidden()}>
            {hidden ? t('advisor.knowledge.unhide') : t('advisor.knowledge.hide')}
            <span className="aantafel-visually-hidden"> {t('advisor.knowledge.forItem', { name })}</span>
          </Button>
        </ButtonGroup>
      ) : null}
    </div>
  );
}

/** "Eigen kennis": the workspace's own items (already searched), an add form and delete. */
export function OwnKnowledgeSection({
  slug,
  items,
  searching,
  canEdit,
  onChanged,
}: {
  slug: string;
  items: readonly OwnKnowledgeItem[];
  searching: boolean;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [deleting, setDeleting] = useState<OwnKnowledgeItem | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function remove(item: OwnKnowledgeItem) {
    await deleteOwnKnowledgeItem({ slug, item_id: item.id });
    setDeleting(null);
    await onChanged();
    setStatus(t('advisor.own.deleted', { title: item.title }));
    headingRef.current?.focus();
  }

  if (searching && items.length === 0) return null;
  return (
    <section className="aantafel-section" aria-labelledby="knowledge-own">
      <Heading2 id="knowledge-own" ref={headingRef} tabIndex={-1}>
        {t('advisor.own.title')}
      </Heading2>
      <StatusMessage>{status}</StatusMessage>
      {items.length === 0 ? <Paragraph>{t('advisor.own.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <ul className="aantafel-plain-list">
          {items.map((item) => (
            <li key={item.id} className="aantafel-card">
              <Heading3>{item.title}</Heading3>
              <Paragraph className="aantafel-pre-line">{item.text}</Paragraph>
              <p className="aantafel-source aantafel-meta">
                {item.source ? t('advisor.source', { title: item.source }) : t('advisor.source.none')}
              </p>
              {canEdit ? (
                <Button type="button" appearance="subtle-button" hint="danger" onClick={() => setDeleting(item)}>
                  {t('advisor.own.delete')}
                  <span className="aantafel-visually-hidden"> {t('advisor.knowledge.forItem', { name: item.title })}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit && !searching ? (
        <AddOwnItemForm
          slug={slug}
          onAdded={async (item) => {
            await onChanged();
            setStatus(t('advisor.own.added', { title: item.title }));
          }}
        />
      ) : null}
      {canEdit ? (
        <ConfirmDialog
          open={deleting !== null}
          title={t('advisor.own.deleteTitle', { title: deleting?.title ?? '' })}
          confirmLabel={t('advisor.own.deleteConfirm')}
          busyLabel={t('common.deleting')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => (deleting ? remove(deleting) : undefined)}
        >
          {t('advisor.own.deleteBody')}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function AddOwnItemForm({ slug, onAdded }: { slug: string; onAdded: (item: OwnKnowledgeItem) => Promise<void> }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<{ title?: string; text?: string; source?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const problems: typeof errors = {};
    if (!title.trim()) problems.title = t('advisor.own.titleRequired');
    if (!text.trim()) problems.text = t('advisor.own.textRequired');
    setErrors(problems);
    if (problems.title) return titleRef.current?.focus();
    if (problems.text) return textRef.current?.focus();
    setBusy(true);
    try {
      const body = { title: title.trim(), text: text.trim(), ...(source.trim() ? { source: source.trim() } : {}) };
      const item = await addOwnKnowledgeItem({ slug }, body);
      setTitle('');
      setText('');
      setSource('');
      await onAdded(item);
      titleRef.current?.focus();
    } catch (caught) {
      if (isApiError(caught) && (caught.fields.title || caught.fields.text || caught.fields.source)) {
        setErrors({ title: caught.fields.title, text: caught.fields.text, source: caught.fields.source });
        if (caught.fields.title) titleRef.current?.focus();
        else if (caught.fields.text) textRef.current?.focus();
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="own-add-heading" aria-busy={busy || undefined}>
      <Heading3 id="own-add-heading">{t('advisor.own.addTitle')}</Heading3>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id="own-title"
        label={t('advisor.own.itemTitle')}
        required
        maxLength={200}
        autoComplete="off"
        value={title}
        error={errors.title}
        inputRef={titleRef}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextAreaField
        id="own-text"
        label={t('advisor.own.text')}
        required
        maxLength={10000}
        rows={4}
        value={text}
        error={errors.text}
        textareaRef={textRef}
        onChange={(event) => setText(event.target.value)}
      />
      <TextField
        id="own-source"
        label={t('advisor.own.source')}
        description={t('advisor.own.sourceHint')}
        maxLength={500}
        autoComplete="off"
        value={source}
        error={errors.source}
        onChange={(event) => setSource(event.target.value)}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {busy ? t('common.saving') : t('advisor.own.add')}
      </Button>
    </form>
  );
}
