import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading3 } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import type { Person, PersonUpdate } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { firstInvalid, splitFieldErrors, type FieldErrors } from './formErrors';

const FIELDS = ['name', 'email', 'phone', 'notes'] as const;

/** Changes name, contact details and notes (PATCH; an emptied field is cleared). */
export function EditPersonForm({
  slug,
  person,
  onSaved,
  onCancel,
}: {
  slug: string;
  person: Person;
  onSaved: (person: Person) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    name: person.name,
    email: person.email ?? '',
    phone: person.phone ?? '',
    notes: person.notes ?? '',
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const refs = {
    name: nameRef,
    email: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    notes: useRef<HTMLTextAreaElement>(null),
  };

  // When the form opens.
  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!values.name.trim()) {
      setFieldErrors({ name: t('person.nameRequired') });
      refs.name.current?.focus();
      return;
    }
    setFieldErrors({});
    // Send only what changed; an emptied field is sent as "" and so cleared.
    const patch: PersonUpdate = {};
    if (values.name.trim() !== person.name) patch.name = values.name.trim();
    if (values.email.trim() !== (person.email ?? '')) patch.email = values.email.trim();
    if (values.phone.trim() !== (person.phone ?? '')) patch.phone = values.phone.trim();
    if (values.notes !== (person.notes ?? '')) patch.notes = values.notes;
    setBusy(true);
    try {
      const saved = await api.updatePerson(slug, person.id, patch);
      await onSaved(saved);
    } catch (caught) {
      const { fields, rest } = splitFieldErrors(caught, FIELDS);
      setFieldErrors(fields);
      setError(rest);
      const first = firstInvalid(fields, FIELDS);
      if (first) refs[first as keyof typeof refs].current?.focus();
    } finally {
      setBusy(false);
    }
  }

  const set = (name: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));

  return (
    <form
      className="aantafel-card"
      noValidate
      aria-labelledby="edit-person-heading"
      aria-busy={busy || undefined}
      onSubmit={(event) => void submit(event)}
    >
      <Heading3 id="edit-person-heading">{t('person.editTitle')}</Heading3>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id="edit-person-name"
        label={t('person.name')}
        required
        autoComplete="off"
        maxLength={200}
        value={values.name}
        onChange={(event) => set('name')(event.target.value)}
        error={fieldErrors.name}
        inputRef={refs.name}
      />
      <TextField
        id="edit-person-email"
        type="email"
        label={t('person.email')}
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
        value={values.email}
        onChange={(event) => set('email')(event.target.value)}
        error={fieldErrors.email}
        inputRef={refs.email}
      />
      <TextField
        id="edit-person-phone"
        type="tel"
        label={t('person.phone')}
        autoComplete="off"
        maxLength={40}
        value={values.phone}
        onChange={(event) => set('phone')(event.target.value)}
        error={fieldErrors.phone}
        inputRef={refs.phone}
      />
      <TextAreaField
        id="edit-person-notes"
        label={t('person.notes')}
        description={t('person.notesHint')}
        rows={4}
        maxLength={10000}
        value={values.notes}
        onChange={(event) => set('notes')(event.target.value)}
        error={fieldErrors.notes}
        textareaRef={refs.notes}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
