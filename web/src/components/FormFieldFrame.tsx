import { useId, type ReactNode } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';

/**
 * The ids of one labelled control: its own id (the caller's, or `prefix-` + a generated one) and
 * the `aria-describedby` that names its description and error, after any the caller passed.
 */
export function useFieldIds({
  id,
  prefix,
  description,
  error,
  describedBy,
}: {
  id: string | undefined;
  prefix: string;
  description: ReactNode;
  error: string | undefined;
  describedBy?: string | undefined;
}) {
  const generated = useId();
  const inputId = id ?? `${prefix}-${generated}`;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const all = [describedBy, description ? descriptionId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return { inputId, descriptionId, errorId, describedBy: all || undefined };
}

/**
 * The frame around one control: label, optional description and error message (with the ids from
 * useFieldIds), then the control. TextField, TextAreaField and SelectField are built on it.
 */
export function FormFieldFrame({
  ids,
  label,
  description,
  error,
  type,
  className,
  hideLabel,
  children,
}: {
  ids: { inputId: string; descriptionId: string; errorId: string };
  label: ReactNode;
  description: ReactNode;
  error: string | undefined;
  type?: 'text' | undefined;
  className?: string | undefined;
  /** Hide the label visually (it stays available to assistive technology). */
  hideLabel?: boolean | undefined;
  children: ReactNode;
}) {
  return (
    <FormField invalid={Boolean(error)} type={type} className={className}>
      <div className={hideLabel ? 'aantafel-visually-hidden' : 'utrecht-form-field__label'}>
        <FormLabel htmlFor={ids.inputId}>{label}</FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={ids.descriptionId}>{description}</FormFieldDescription>
      ) : null}
      {error ? <FormFieldErrorMessage id={ids.errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}
