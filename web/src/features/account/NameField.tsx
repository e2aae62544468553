import type { Ref } from 'react';
import { TextField } from '../../components/TextField';

/**
 * A person's own name, as their colleagues see it: in the profile and when an invitation makes a
 * new account. The same rule for both (required, at most 200 characters, `autocomplete="name"`).
 */
export function NameField({
  id,
  label,
  description,
  value,
  onChange,
  error,
  inputRef,
}: {
  id: string;
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement>;
}) {
  return (
    <TextField
      id={id}
      name="name"
      label={label}
      description={description}
      autoComplete="name"
      required
      maxLength={200}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      inputRef={inputRef}
    />
  );
}
