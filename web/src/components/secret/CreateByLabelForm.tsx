import type { ReactNode, RefObject } from 'react';
import { Button } from '@utrecht/component-library-react';
import { CardForm } from '../CardForm';
import { TextField } from '../TextField';
import { useFieldForm, useFormValues } from '../useFieldForm';

/**
 * Makes a secret (an API token, a calendar feed) that only needs a label, so its owner can tell
 * it from the others and revoke the right one. A card with a heading (`headingId`), one required
 * label field and a submit button; the field is emptied once `create` succeeds, before `onCreated`.
 */
export function CreateByLabelForm<T>({
  headingId,
  heading,
  fieldId,
  name,
  label,
  description,
  labelRef,
  texts,
  create,
  onCreated,
}: {
  headingId: string;
  /** The heading with `headingId`, and any intro after it. */
  heading: ReactNode;
  fieldId: string;
  name?: string;
  label: string;
  description: string;
  labelRef: RefObject<HTMLInputElement | null>;
  texts: { required: string; submit: string; busy: string };
  create: (label: string) => Promise<T>;
  onCreated: (created: T) => Promise<void>;
}) {
  const { values, setValues } = useFormValues({ label: '' });
  const form = useFieldForm(['label'], () => labelRef.current?.focus());

  async function send() {
    const created = await create(values.label.trim());
    setValues({ label: '' });
    await onCreated(created);
  }

  return (
    <CardForm
      headingId={headingId}
      heading={heading}
      busy={form.busy}
      error={form.error}
      onSubmit={(event) =>
        void form.submit(event, {
          check: () => (values.label.trim() ? {} : { label: texts.required }),
          send,
        })
      }
    >
      <TextField
        id={fieldId}
        name={name}
        label={label}
        description={description}
        required
        maxLength={100}
        autoComplete="off"
        value={values.label}
        onChange={(event) => setValues({ label: event.target.value })}
        error={form.fieldErrors.label}
        inputRef={labelRef}
      />
      <Button type="submit" appearance="primary-action-button" busy={form.busy}>
        {form.busy ? texts.busy : texts.submit}
      </Button>
    </CardForm>
  );
}
