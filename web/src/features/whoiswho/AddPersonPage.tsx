import { useNavigate, useSearchParams } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { addPerson } from '../../api/generated/whoiswho';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { usePeopleBase, WhoIsWhoNav } from './common';
import { PersonalDataFields, PersonNameField, usePersonForm } from './PersonFields';

/**
 * A new person: the name (public) and, if you want, contact details and notes (personal data).
 * `?name=…&email=…` fill the form in (from an e-mail filed with addresses nobody had yet).
 */
export function AddPersonPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const base = usePeopleBase();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const person = usePersonForm({
    name: params.get('name') ?? '',
    email: params.get('email') ?? '',
    phone: '',
    notes: '',
  });
  const { values, form } = person;

  async function send() {
    const added = await addPerson({ slug: workspace.slug }, {
      name: values.name.trim(),
      ...(values.email.trim() ? { email: values.email.trim() } : {}),
      ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.notes.trim() ? { notes: values.notes } : {}),
    });
    navigate(`${base}/${added.id}`, {
      state: { status: t('person.added', { name: added.name }) },
    });
  }

  return (
    <>
      <PageHeading title={t('person.addTitle')} />
      <WhoIsWhoNav />
      <Paragraph>{t('person.addIntro')}</Paragraph>
      <form
        noValidate
        onSubmit={(event) => void form.submit(event, { check: person.check, send })}
        aria-busy={form.busy || undefined}
      >
        {form.error ? <ErrorAlert error={form.error} /> : null}
        <PersonNameField idPrefix="person" person={person} />
        <fieldset className="aantafel-personal">
          <legend className="aantafel-personal__legend">{t('person.personalData')}</legend>
          <Paragraph className="aantafel-personal__hint">{t('person.personalDataHint')}</Paragraph>
          <PersonalDataFields idPrefix="person" person={person} />
        </fieldset>
        <FormActions
          busy={form.busy}
          submitLabel={t('person.addSubmit')}
          busyLabel={t('person.adding')}
          cancelTo={base}
        />
      </form>
    </>
  );
}
