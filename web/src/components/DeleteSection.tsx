import { useState, type ReactNode } from 'react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * A card at the bottom of a record's page: a heading, an optional line of explanation and a
 * danger button that asks (ConfirmDialog) before `onDelete` runs. `onDelete` usually navigates
 * away; if it fails, the dialog stays open with the error.
 */
export function DeleteSection({
  headingId,
  heading,
  intro,
  buttonLabel,
  dialogTitle,
  confirmLabel,
  busyLabel,
  body,
  onDelete,
}: {
  headingId: string;
  heading: string;
  intro?: string;
  /** The button's text; the heading's by default. */
  buttonLabel?: string;
  dialogTitle: string;
  confirmLabel: string;
  busyLabel?: string;
  body: ReactNode;
  onDelete: () => Promise<void>;
}) {
  const [deleting, setDeleting] = useState(false);
  return (
    <section className="aantafel-card" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{heading}</Heading2>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setDeleting(true)}>
        {buttonLabel ?? heading}
      </Button>
      <ConfirmDialog
        open={deleting}
        title={dialogTitle}
        confirmLabel={confirmLabel}
        busyLabel={busyLabel}
        onCancel={() => setDeleting(false)}
        onConfirm={async () => {
          await onDelete();
          setDeleting(false);
        }}
      >
        {body}
      </ConfirmDialog>
    </section>
  );
}
