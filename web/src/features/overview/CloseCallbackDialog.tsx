import { useId, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { OverviewItem } from '../../api/types';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { useModalDialog } from '../../components/useModalDialog';
import { CALLBACK_OUTCOMES, type CallbackOutcome } from './overview';
import { useOverviewText } from './texts';

/**
 * "Terugbelverzoek afronden": a small modal <dialog> that asks how the callback went (Bereikt,
 * Niet bereikt, Niet meer nodig) and for an optional short outcome. Focus starts on the first
 * choice and stays inside; Escape and "Annuleren" close it without changing anything. The parent
 * returns focus to where it belongs (the "Afronden" button, or the next item after closing).
 */
export function CloseCallbackDialog({
  item,
  onClose,
  onCancel,
}: {
  /** The callback item to close; null keeps the dialog shut. */
  item: OverviewItem | null;
  /** Closes the callback; a thrown error keeps the dialog open with a message. */
  onClose: (item: OverviewItem, outcome: CallbackOutcome, note: string) => Promise<void>;
  onCancel: () => void;
}) {
  const ot = useOverviewText();
  const firstRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<CallbackOutcome | ''>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const noteId = useId();
  const dialogRef = useModalDialog({
    open: item !== null,
    busy,
    onOpen: () => {
      setOutcome('');
      setNote('');
      setError('');
      setFailed(false);
      firstRef.current?.focus();
    },
    onCancel,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!item || busy) return;
    if (!outcome) {
      setError(ot('close.outcomeRequired'));
      firstRef.current?.focus();
      return;
    }
    setError('');
    setFailed(false);
    setBusy(true);
    try {
      await onClose(item, outcome, note);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialogRef} className="aantafel-dialog aantafel-close-callback" aria-labelledby={titleId} aria-modal="true">
      {item ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Heading2 id={titleId} className="aantafel-dialog__title">
            {ot('close.title')}
          </Heading2>
          <Paragraph className="aantafel-close-callback__item">{item.title}</Paragraph>
          <RadioGroupField
            legend={ot('close.outcome')}
            name="callback-outcome"
            options={CALLBACK_OUTCOMES.map((value) => ({ value, label: ot(`close.outcome.${value}`) }))}
            value={outcome}
            onChange={(value) => {
              setOutcome(value as CallbackOutcome);
              setError('');
            }}
            error={error || undefined}
            firstRef={firstRef}
          />
          <TextAreaField
            id={noteId}
            label={ot('close.note')}
            description={ot('close.noteHint')}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          {failed ? (
            <p role="alert" className="aantafel-actnow__error">
              {ot('actNow.failed')}
            </p>
          ) : null}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy || undefined}>
              {busy ? ot('close.busy') : ot('close.submit')}
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={onCancel}>
              {ot('close.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </dialog>
  );
}
