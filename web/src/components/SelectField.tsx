import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import {
  FormField,
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
  /** Hide the label visually (it stays available to assistive technology). */
  hideLabel?: boolean;
  id?: string;
}

export function SelectField({
  label,
  options,
  error,
  hideLabel,
  id,
  className,
  ...selectProps
}: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? `select-${generated}`;
  const errorId = `${selectId}-error`;
  // A caller's description (aria-describedby) is kept, with the error after it.
  const describedBy = [selectProps['aria-describedby'], error ? errorId : null].filter(Boolean).join(' ');
  return (
    <FormField invalid={Boolean(error)} className={className}>
      <div className={hideLabel ? 'aantafel-visually-hidden' : 'utrecht-form-field__label'}>
        <FormLabel htmlFor={selectId}>{label}</FormLabel>
      </div>
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
