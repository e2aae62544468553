import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';

export interface SelectFieldProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  /** A hint under the label, tied to the select with aria-describedby. */
  description?: ReactNode;
  /** Hide the label visually (it stays available to assistive technology). */
  hideLabel?: boolean;
  id?: string;
}

export function SelectField({
  label,
  options,
  error,
  description,
  hideLabel,
  id,
  className,
  ...selectProps
}: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? `select-${generated}`;
  const errorId = `${selectId}-error`;
  const descriptionId = `${selectId}-description`;
  // A caller's description (aria-describedby) is kept, with the error after it.
  const describedBy = [selectProps['aria-describedby'], description ? descriptionId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <FormField invalid={Boolean(error)} className={className}>
      <div className={hideLabel ? 'aantafel-visually-hidden' : 'utrecht-form-field__label'}>
        <FormLabel htmlFor={selectId}>{label}</FormLabel>
      </div>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      <div className="utrecht-form-field__input">
        <Select
          {...selectProps}
          id={selectId}
          invalid={Boolean(error)}
          aria-describedby={describedBy || undefined}
        >
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
}
