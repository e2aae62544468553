import { type ReactNode, type SelectHTMLAttributes } from 'react';
import { Select, SelectOption } from '@utrecht/component-library-react';
import { FormFieldFrame, useFieldIds } from './FormFieldFrame';

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
  // A caller's description (aria-describedby) is kept, with the error after it.
  const ids = useFieldIds({
    id,
    prefix: 'select',
    description,
    error,
    describedBy: selectProps['aria-describedby'],
  });
  return (
    <FormFieldFrame
      ids={ids}
      label={label}
      description={description}
      error={error}
      className={className}
      hideLabel={hideLabel}
    >
      <Select
        {...selectProps}
        id={ids.inputId}
        invalid={Boolean(error)}
        aria-describedby={ids.describedBy}
      >
        {options.map((option) => (
          <SelectOption key={option.value} value={option.value}>
            {option.label}
          </SelectOption>
        ))}
      </Select>
    </FormFieldFrame>
  );
}
