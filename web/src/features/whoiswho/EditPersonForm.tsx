import { useEffect } from 'react';
import { Heading3 } from '@utrecht/component-library-react';
import type { Person, PersonUpdate } from '../../api/types';
import { updatePerson } from '../../api/generated/whoiswho';
import { CardForm } from '../../components/CardForm';
import { FormActions } from '../../components/FormActions';
import { useI18n } from '../../i18n/I18nProvider';
import { PersonalDataFields, PersonNameField, usePersonForm } from './PersonFields';

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
  const edit = usePersonForm({
    name: person.name,
    email: person.email ?? '',
    phone: person.phone ?? '',
    notes: person.notes ?? '',
  });
  const { values, form } = edit;
  const nameRef = edit.refs.name;

  // When the form opens.
  useEffect(() => {
    nameRef.current?.focus();
  }, [nameRef]);

  async function send() {
    // Send only what changed; an emptied field is sent as "" and so cleared.
    const patch: PersonUpdate = {};
    if (values.name.trim() !== person.name) patch.name = values.name.trim();
    if (values.email.trim() !== (person.email ?? '')) patch.email = values.email.trim();
    if (values.phone.trim() !== (person.phone ?? '')) patch.phone = values.phone.trim();
    if (values.notes !== (person.notes ?? '')) patch.notes = values.notes;
    const saved = await updatePerson({ slug, person_id: person.id }, patch);
    await onSaved(saved);
  }

  return (
    <CardForm
      headingId="edit-person-heading"
      heading={<Heading3 id="edit-person-heading">{t('person.editTitle')}</Heading3>}
      busy={form.busy}
      error={form.error}
      onSubmit={(event) => void form.submit(event, { check: edit.check, send })}
    >
      <PersonNameField idPrefix="edit-person" person={edit} />
      <PersonalDataFields idPrefix="edit-person" person={edit} />
      <FormActions
        busy={form.busy}
        submitLabel={t('common.save')}
        busyLabel={t('common.saving')}
        onCancel={onCancel}
        cancelAppearance="secondary-action-button"
      />
    </CardForm>
  );
}
