import type { ComponentProps, FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { FormActions } from './FormActions';

/**
 * The frame of a record's form sent with useFieldForm (a new record's page, or its details changed
 * in place): named by `label`, busy while it is sent, the error of a failed request above the
 * fields, and FormActions (submit and "Annuleren") last. The fields show their own problems.
 */
export function FieldForm({
  label,
  form,
  onSubmit,
  actions,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  /** From useFieldForm. */
  form: { busy: boolean; error: unknown };
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  actions: Omit<ComponentProps<typeof FormActions>, 'busy' | 'children'>;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} aria-busy={form.busy || undefined} aria-label={label}>
      {form.error ? <ErrorAlert error={form.error} /> : null}
      {children}
      <FormActions busy={form.busy} {...actions} />
    </form>
  );
}

/**
 * The props of a record's form component: one form for a new record (`cancelTo`: where "Annuleren"
 * goes) and for changing one in place (`onCancel`), started from `initial`, handing the request
 * body to `onSubmit` (which throws the server's refusal, so its problems show at the fields).
 */
export interface RecordFormProps<Values, Body> {
  /** The form's accessible name. */
  formLabel: string;
  initial: Values;
  cancelTo?: string;
  onCancel?: () => void;
  onSubmit: (body: Body) => Promise<void>;
}
