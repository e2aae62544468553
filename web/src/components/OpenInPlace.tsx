import { useRef, useState, type ReactNode } from 'react';
import { Button } from '@utrecht/component-library-react';

/**
 * A form opened in place by a button (add a position, change a person's data). `cancel` closes
 * it and gives focus back to the button, once it is drawn again; `close` closes it and leaves
 * focus to the caller (usually the heading of what changed).
 */
export function useOpenInPlace() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return {
    open,
    buttonRef,
    show: () => setOpen(true),
    close: () => setOpen(false),
    cancel: () => {
      setOpen(false);
      requestAnimationFrame(() => buttonRef.current?.focus());
    },
  };
}

export type OpenInPlaceState = ReturnType<typeof useOpenInPlace>;

/**
 * The button (`label`) while `state` is closed, the form (`children`) while it is open. The button
 * is gone while the form shows, so it says aria-expanded="false". `onOpen` runs before it opens.
 */
export function OpenInPlace({
  state,
  label,
  onOpen,
  children,
}: {
  state: OpenInPlaceState;
  label: string;
  onOpen?: () => void;
  children: ReactNode;
}) {
  if (state.open) return <>{children}</>;
  return (
    <Button
      ref={state.buttonRef}
      type="button"
      appearance="secondary-action-button"
      aria-expanded={false}
      onClick={() => {
        onOpen?.();
        state.show();
      }}
    >
      {label}
    </Button>
  );
}
