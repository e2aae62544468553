import { useId, useRef, useState, type ReactNode } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';
import { useModalDialog } from './useModalDialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Label while the action runs, e.g. "Bezig met verwijderen…". */
  busyLabel?: string;
  /** The action; the dialog stays open (busy) until it settles and shows its error if it fails. */
  onConfirm: () => Promise<void> | void;
  /** Called when the person cancels (button, Escape). The parent then sets open to false. */
  onCancel: () => void;
}

/**
 * Asks before a destructive action. A modal <dialog> (focus stays inside, Escape cancels) with
 * role alertdialog; focus starts on "Cancel" so Enter never destroys by accident.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useModalDialog({
    open,
    busy,
    onOpen: () => {
      setError(null);
      cancelRef.current?.focus();
    },
    onCancel,
  });

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="utrecht-alert-dialog utrecht-alert-dialog--warning aantafel-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
    >
      <div className="utrecht-alert-dialog__message">
        <Heading2 id={titleId} className="aantafel-dialog__title">
          {title}
        </Heading2>
        <div id={bodyId}>{typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}</div>
        {error ? <ErrorAlert error={error} /> : null}
        <ButtonGroup>
          <Button
            type="button"
            appearance="primary-action-button"
            hint="danger"
            busy={busy}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) void confirm();
            }}
          >
            {busy && busyLabel ? busyLabel : confirmLabel}
          </Button>
          <Button
            ref={cancelRef}
            type="button"
            appearance="secondary-action-button"
            disabled={busy}
            onClick={onCancel}
          >
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </div>
    </dialog>
  );
}
