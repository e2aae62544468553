import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textarea,
} from '@utrecht/component-library-react';

export interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: ReactNode;
  error?: string | undefined;
  description?: ReactNode;
  textareaRef?: Ref<HTMLTextAreaElement>;
  id?: string;
}

/** Label, optional description, error message and a multi-line text box (like TextField). */
export function TextAreaField({
  label,
  error,
  description,
  textareaRef,
  id,
  ...textareaProps
}: TextAreaFieldProps) {
  const generated = useId();
  const inputId = id ?? `textarea-${generated}`;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FormField invalid={Boolean(error)}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={inputId}>{label}</FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
      ) : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">
        <Textarea
          {...textareaProps}
          id={inputId}
          ref={textareaRef}
          invalid={Boolean(error)}
          aria-describedby={describedBy || undefined}
        />
      </div>
    </FormField>
  );
}
