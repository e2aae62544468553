import { useId, type ReactNode, type Ref } from 'react';
import { FieldsetFrame } from './FieldsetFrame';
import './choices.css';

export interface RadioGroupFieldProps {
  /** The question; becomes the fieldset's legend. */
  legend: ReactNode;
  name: string;
  /** `lang` marks a label in another language (the name of a language in that language). */
  options: readonly { value: string; label: string; lang?: string }[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  /** Ref to the first radio button, to move focus to the group. */
  firstRef?: Ref<HTMLInputElement>;
  /** Lay the options out in a row (short labels such as scores). */
  inline?: boolean;
}

/**
 * A group of native radio buttons in a fieldset with a legend. Arrow keys move between the
 * options; the error message is tied to the group with aria-describedby.
 */
export function RadioGroupField({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  description,
  firstRef,
  inline,
}: RadioGroupFieldProps) {
  const id = useId();
  return (
    <FieldsetFrame
      legend={legend}
      description={description}
      descriptionId={`${id}-description`}
      error={error}
      errorId={`${id}-error`}
    >
      <div className={inline ? 'aantafel-radio-group__options aantafel-radio-group__options--inline' : 'aantafel-radio-group__options'}>
        {options.map((option, index) => {
          const optionId = `${id}-${index}`;
          return (
            <div key={option.value} className="aantafel-radio">
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                ref={index === 0 ? firstRef : undefined}
                className="aantafel-radio__input"
              />
              <label htmlFor={optionId} className="aantafel-radio__label" lang={option.lang}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </FieldsetFrame>
  );
}
