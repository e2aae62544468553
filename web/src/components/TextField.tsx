import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { Textbox } from '@utrecht/component-library-react';
import { FormFieldFrame, useFieldIds } from './FormFieldFrame';

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
  const ids = useFieldIds({ id, prefix: 'field', description, error });
  return (
    <FormFieldFrame ids={ids} label={label} description={description} error={error} type="text">
      <Textbox
        {...inputProps}
        id={ids.inputId}
        ref={inputRef}
        required={required}
        invalid={Boolean(error)}
        aria-describedby={ids.describedBy}
      />
    </FormFieldFrame>
  );
}
