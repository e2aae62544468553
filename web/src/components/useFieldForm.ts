import { useState, type FormEvent } from 'react';
import { firstInvalid, splitFieldErrors, type FieldErrors } from './formErrors';

export interface FieldFormSubmit {
  /**
   * The form's own check, before anything is sent: a message per field that is wrong (none, or
   * only undefined ones: go on), or null when the check found a problem it showed and moved focus
   * to itself.
   */
  check?: () => FieldErrors | null;
  /** Sends the form; a failure's field problems go to their fields, the rest to `error`. */
  send: () => Promise<void>;
  /** On success the page moves on: the form stays busy until it is gone. */
  leaves?: boolean;
}

/**
 * The one way a form is sent: its own check first, problems shown at their fields with focus on
 * the first (in `fields` order); then the request, with the server's field problems shown the
 * same way and anything else as `error` (for ErrorAlert). `busy` while it runs; a second submit
 * meanwhile does nothing.
 */
export function useFieldForm(fields: readonly string[], focusField: (name: string) => void) {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function showFieldErrors(found: FieldErrors) {
    setFieldErrors(found);
    const first = firstInvalid(found, fields);
    if (first) focusField(first);
  }

  async function submit(event: FormEvent | null, { check, send, leaves = false }: FieldFormSubmit) {
    event?.preventDefault();
    if (busy) return;
    setError(null);
    const local = check ? check() : {};
    if (local && Object.values(local).some(Boolean)) {
      showFieldErrors(local);
      return;
    }
    setFieldErrors({});
    if (local === null) return;
    setBusy(true);
    try {
      await send();
      if (!leaves) setBusy(false);
    } catch (caught) {
      const { fields: found, rest } = splitFieldErrors(caught, fields);
      setError(rest);
      showFieldErrors(found);
      setBusy(false);
    }
  }

  return { fieldErrors, setFieldErrors, error, setError, busy, submit };
}

/** A form's values as one object, and a setter per field. */
export function useFormValues<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const set = <K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value }));
  return { values, setValues, set };
}
