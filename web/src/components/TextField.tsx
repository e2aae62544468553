import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: ReactNode;
  /** The error to show under the label; also marks the input invalid and describes it. */
  error?: string | undefined;
  description?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  id?: string;
}

/** Label, optional description, error message and text box, wired with aria-describedby. */
export function TextField({
  label,
  error,
  description,
  inputRef,
  id,
  required,
  ...inputProps
}: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? `field-${generated}`;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FormField invalid={Boolean(error)} type="text">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={inputId}>{label}</FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
      ) : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">
        <Textbox
          {...inputProps}
          id={inputId}
          ref={inputRef}
          required={required}
          invalid={Boolean(error)}
          aria-describedby={describedBy || undefined}
        />
      </div>
    </FormField>
  );
}
