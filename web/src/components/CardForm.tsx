import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

/**
 * A small form opened in place on a record's page, as a card: named by its heading (the caller's
 * Heading2/3 with `headingId`, and any intro after it), the error of a failed request, the fields.
 */
export function CardForm({
  id,
  headingId,
  heading,
  busy,
  error,
  onSubmit,
  children,
}: {
  id?: string;
  headingId: string;
  heading: ReactNode;
  busy: boolean;
  error: unknown;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form
      id={id}
      className="aantafel-card"
      noValidate
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      onSubmit={onSubmit}
    >
      {heading}
      {error ? <ErrorAlert error={error} /> : null}
      {children}
    </form>
  );
}
