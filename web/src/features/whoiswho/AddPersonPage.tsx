import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { usePeopleBase, WhoIsWhoNav } from './common';
import { firstInvalid, splitFieldErrors, type FieldErrors } from './formErrors';

const FIELDS = ['name', 'email', 'phone', 'notes'] as const;

/** A new person: the name (public) and, if you want, contact details and notes (personal data). */
export function AddPersonPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const base = usePeopleBase();
  const navigate = useNavigate();
  const [values, setValues] = useState({ name: '', email: '', phone: '', notes: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    notes: useRef<HTMLTextAreaElement>(null),
  };

  function focusField(name: string | undefined) {
    if (name && name in refs) refs[name as keyof typeof refs].current?.focus();
  }

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
    setBusy(true);
    try {
      const person = await api.addPerson(workspace.slug, {
        name: values.name.trim(),
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        ...(values.notes.trim() ? { notes: values.notes } : {}),
      });
      navigate(`${base}/${person.id}`, {
        state: { status: t('person.added', { name: person.name }) },
      });
    } catch (caught) {
      const { fields, rest } = splitFieldErrors(caught, FIELDS);
      setFieldErrors(fields);
      setError(rest);
      focusField(firstInvalid(fields, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const set = (name: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));

  return (
    <>
      <PageHeading title={t('person.addTitle')} />
      <WhoIsWhoNav />
      <Paragraph>{t('person.addIntro')}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
        {error ? <ErrorAlert error={error} /> : null}
        <TextField
          id="person-name"
          label={t('person.name')}
          required
          autoComplete="off"
          maxLength={200}
          value={values.name}
          onChange={(event) => set('name')(event.target.value)}
          error={fieldErrors.name}
          inputRef={refs.name}
        />
        <fieldset className="aantafel-personal">
          <legend className="aantafel-personal__legend">{t('person.personalData')}</legend>
          <Paragraph className="aantafel-personal__hint">{t('person.personalDataHint')}</Paragraph>
          <TextField
            id="person-email"
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
            id="person-phone"
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
            id="person-notes"
            label={t('person.notes')}
            description={t('person.notesHint')}
            rows={4}
            maxLength={10000}
            value={values.notes}
            onChange={(event) => set('notes')(event.target.value)}
            error={fieldErrors.notes}
            textareaRef={refs.notes}
          />
        </fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? t('person.adding') : t('person.addSubmit')}
          </Button>
          <Link to={base} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
