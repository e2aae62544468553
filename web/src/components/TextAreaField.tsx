import { type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import { Textarea } from '@utrecht/component-library-react';
import { FormFieldFrame, useFieldIds } from './FormFieldFrame';

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
  const ids = useFieldIds({ id, prefix: 'textarea', description, error });
  return (
    <FormFieldFrame ids={ids} label={label} description={description} error={error}>
      <Textarea
        {...textareaProps}
        id={ids.inputId}
        ref={textareaRef}
        invalid={Boolean(error)}
        aria-describedby={ids.describedBy}
      />
    </FormFieldFrame>
  );
}
