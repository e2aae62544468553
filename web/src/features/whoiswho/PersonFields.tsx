import { useRef } from 'react';
import { isEmailAddress } from '../../components/linkMail/linkMail';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useFieldForm, useFormValues } from '../../components/useFieldForm';
import { useI18n } from '../../i18n/I18nProvider';

/** The fields of a person that a form can change, in form order. */
export const PERSON_FIELDS = ['name', 'email', 'phone', 'notes'] as const;

export interface PersonValues {
  name: string;
  email: string;
  phone: string;
  notes: string;
}

/**
 * A person's form (adding one, or changing one): the values, the check (a name is required; an
 * e-mail address, when given, must look like one) and focus on the first field with a problem.
 */
export function usePersonForm(initial: PersonValues) {
  const { t } = useI18n();
  const { values, set } = useFormValues(initial);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    notes: useRef<HTMLTextAreaElement>(null),
  };
  const form = useFieldForm(PERSON_FIELDS, (name) => refs[name as keyof typeof refs].current?.focus());
  const check = () => ({
    name: values.name.trim() ? undefined : t('person.nameRequired'),
    email: values.email.trim() && !isEmailAddress(values.email) ? t('person.emailInvalid') : undefined,
  });
  return { values, set, refs, form, check };
}

type PersonForm = ReturnType<typeof usePersonForm>;

/** The name field (public-role data). */
export function PersonNameField({ idPrefix, person }: { idPrefix: string; person: PersonForm }) {
  const { t } = useI18n();
  return (
    <TextField
      id={`${idPrefix}-name`}
      label={t('person.name')}
      required
      autoComplete="off"
      maxLength={200}
      value={person.values.name}
      onChange={(event) => person.set('name', event.target.value)}
      error={person.form.fieldErrors.name}
      inputRef={person.refs.name}
    />
  );
}

/** E-mail, phone and notes: personal data. */
export function PersonalDataFields({ idPrefix, person }: { idPrefix: string; person: PersonForm }) {
  const { t } = useI18n();
  const { values, set, refs } = person;
  const errors = person.form.fieldErrors;
  return (
    <>
      <TextField
        id={`${idPrefix}-email`}
        type="email"
        label={t('person.email')}
        autoComplete="off"
        spellCheck={false}
        maxLength={254}
        value={values.email}
        onChange={(event) => set('email', event.target.value)}
        error={errors.email}
        inputRef={refs.email}
      />
      <TextField
        id={`${idPrefix}-phone`}
        type="tel"
        label={t('person.phone')}
        autoComplete="off"
        maxLength={40}
        value={values.phone}
        onChange={(event) => set('phone', event.target.value)}
        error={errors.phone}
        inputRef={refs.phone}
      />
      <TextAreaField
        id={`${idPrefix}-notes`}
        label={t('person.notes')}
        description={t('person.notesHint')}
        rows={4}
        maxLength={10000}
        value={values.notes}
        onChange={(event) => set('notes', event.target.value)}
        error={errors.notes}
        textareaRef={refs.notes}
      />
    </>
  );
}
