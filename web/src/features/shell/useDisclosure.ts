import { useCallback, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * While a panel is `open`: `onKey` hears every key press on the page, and a click or focus
 * outside it (`isInside` says no) calls `close`. The menus (useDisclosure) and the narrow
 * screen's main menu (useNavDrawer) close the same way.
 */
export function usePanelDismiss(
  open: boolean,
  {
    onKey,
    isInside,
    close,
  }: {
    onKey: (event: KeyboardEvent) => void;
    isInside: (target: EventTarget | null) => boolean;
    close: () => void;
  },
) {
  const key = useEffectEvent(onKey);
  const inside = useEffectEvent(isInside);
  const dismiss = useEffectEvent(close);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => key(event);
    const onOutside = (event: Event) => {
      if (!inside(event.target)) dismiss();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('mousedown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('mousedown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);
}

/**
 * A disclosure (button + panel): Escape closes and returns focus to the button; a click or focus
 * outside closes; a navigation closes.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);

  usePanelDismiss(open, {
    onKey: (event) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    },
    isInside: (target) => !rootRef.current || rootRef.current.contains(target as Node),
    close: () => setOpen(false),
  });

  const toggle = useCallback(() => setOpen((value) => !value), []);
  return { open, setOpen, toggle, panelId, rootRef, buttonRef };
}

export type Disclosure = ReturnType<typeof useDisclosure>;
