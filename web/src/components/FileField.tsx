import type { ReactNode, Ref } from 'react';
import { FormFieldFrame, useFieldIds } from './FormFieldFrame';

/**
 * A file to upload (an import): label, description (which kind of file), error message and a
 * native file input, wired with aria-describedby like TextField. `onChange` gets the chosen file.
 */
export function FileField({
  id,
  label,
  description,
  error,
  accept,
  inputRef,
  onChange,
}: {
  id: string;
  label: ReactNode;
  description: ReactNode;
  error: string | undefined;
  accept: string;
  inputRef: Ref<HTMLInputElement>;
  onChange: (file: File | null) => void;
}) {
  const ids = useFieldIds({ id, prefix: 'file', description, error });
  return (
    <FormFieldFrame ids={ids} label={label} description={description} error={error}>
      <input
        ref={inputRef}
        id={ids.inputId}
        type="file"
        className="aantafel-file"
        accept={accept}
        aria-describedby={ids.describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </FormFieldFrame>
  );
}
