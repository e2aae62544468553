import { useEffect, useRef } from 'react';

/**
 * A modal <dialog> driven by an `open` prop: shown with showModal() (focus stays inside) when
 * `open` turns true, closed when it turns false. `onOpen` runs right after it is shown (reset the
 * form, move focus to the element that should have it). Escape calls `onCancel`, but not while
 * `busy`: the dialog never closes itself, the parent sets `open` to false.
 */
export function useModalDialog({
  open,
  busy,
  onOpen,
  onCancel,
}: {
  open: boolean;
  busy: boolean;
  onOpen: () => void;
  onCancel: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The latest onOpen, without making it a reason to show the dialog again.
  const onOpenRef = useRef(onOpen);
  useEffect(() => {
    onOpenRef.current = onOpen;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      onOpenRef.current();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      if (!busy) onCancel();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => dialog.removeEventListener('cancel', onCancelEvent);
  }, [busy, onCancel]);

  return dialogRef;
}
