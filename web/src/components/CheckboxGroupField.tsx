import type { ReactNode, Ref } from 'react';
import { FieldsetFrame } from './FieldsetFrame';
import './choices.css';

export interface CheckboxOption<V extends string | number> {
  value: V;
  /** The checkbox's own id (stable, so a label, a test or a focus move can find it). */
  id: string;
  label: ReactNode;
}

/**
 * A group of native checkboxes in a fieldset with a legend (see FieldsetFrame): pick any number.
 * The description and error are `${idBase}-hint` and `${idBase}-error`; every checkbox is marked
 * invalid while there is an error. `children` stand between the error and the options (loading,
 * "nothing to choose"), `after` below them.
 */
export function CheckboxGroupField<V extends string | number>({
  id,
  idBase,
  legend,
  description,
  error,
  name,
  options,
  selected,
  onToggle,
  firstRef,
  children,
  after,
}: {
  /** The fieldset's id. */
  id?: string;
  idBase: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Gives every checkbox this name and its value (for a form that is read as form data). */
  name?: string;
  options: readonly CheckboxOption<V>[];
  selected: readonly V[];
  onToggle: (value: V, checked: boolean) => void;
  /** Ref to the first checkbox, to move focus to the group. */
  firstRef?: Ref<HTMLInputElement>;
  children?: ReactNode;
  after?: ReactNode;
}) {
  return (
    <FieldsetFrame
      id={id}
      legend={legend}
      description={description}
      descriptionId={`${idBase}-hint`}
      error={error}
      errorId={`${idBase}-error`}
    >
      {children}
      <div className="aantafel-radio-group__options">
        {options.map((option, index) => (
          <div key={option.value} className="aantafel-radio">
            <input
              type="checkbox"
              id={option.id}
              name={name}
              value={name === undefined ? undefined : option.value}
              className="aantafel-radio__input"
              ref={index === 0 ? firstRef : undefined}
              aria-invalid={error ? true : undefined}
              checked={selected.includes(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            <label htmlFor={option.id} className="aantafel-radio__label">
              {option.label}
            </label>
          </div>
        ))}
      </div>
      {after}
    </FieldsetFrame>
  );
}
