import type { ReactNode } from 'react';
import { FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react';

/**
 * A group of fields or choices: a fieldset with a legend, an optional description and error
 * message, both named by the fieldset's aria-describedby. RadioGroupField and CheckboxGroupField
 * put their options in it; a form can put a group of fields in it.
 */
export function FieldsetFrame({
  id,
  legend,
  description,
  descriptionId,
  error,
  errorId,
  children,
}: {
  id?: string | undefined;
  legend: ReactNode;
  description?: ReactNode;
  descriptionId: string;
  error?: string | undefined;
  errorId: string;
  children: ReactNode;
}) {
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      className={error ? 'aantafel-radio-group aantafel-radio-group--invalid' : 'aantafel-radio-group'}
      aria-describedby={describedBy || undefined}
    >
      <legend className="aantafel-radio-group__legend">{legend}</legend>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {children}
    </fieldset>
  );
}
