import { isApiError } from '../api/client';

export type FieldErrors = Record<string, string | undefined>;

/**
 * Splits a failed request into messages for the form's own fields and whatever is left for a
 * general alert. `rest` is null when every problem belongs to a known field. A list item's
 * problem ("portfolios[2]" or "portfolios.2") belongs to its list's field.
 */
export function splitFieldErrors(
  error: unknown,
  known: readonly string[],
): { fields: FieldErrors; rest: unknown } {
  if (!isApiError(error)) return { fields: {}, rest: error };
  const fields: FieldErrors = {};
  let unknown = false;
  for (const [name, message] of Object.entries(error.fields)) {
    const field = name.split(/[[.]/)[0] ?? name;
    if (known.includes(field)) fields[field] ??= message;
    else unknown = true;
  }
  const any = Object.keys(fields).length > 0;
  return { fields, rest: any && !unknown ? null : error };
}

/** The first field (in form order) that has an error, to move focus to. */
export function firstInvalid(fields: FieldErrors, order: readonly string[]): string | undefined {
  return order.find((name) => fields[name]);
}

/** A check's problems (a message key per field) as messages; fields without a problem are left out. */
export function translatedProblems<K extends string>(
  problems: Partial<Record<string, K>>,
  translate: (key: K) => string,
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [name, key] of Object.entries(problems)) if (key) messages[name] = translate(key as K);
  return messages;
}
