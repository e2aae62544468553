import { useCallback, useEffect, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useLocation } from 'react-router';
import { usePanelDismiss } from './useDisclosure';

/** The id of the main menu, which the menu button controls. */
export const MAIN_NAV_ID = 'main-nav';

/**
 * Below this width the main menu is folded behind the "Menu" button in the header (see
 * .aantafel-nav-toggle in app.css, which uses the same width).
 */
export const NARROW_QUERY = '(max-width: 47.99em)';

function focusables(nav: HTMLElement | null): HTMLElement[] {
  return nav ? Array.from(nav.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')) : [];
}

/**
 * The main menu as a drawer on a narrow screen: the "Menu" button opens it and focus moves to
 * its first link; while it is open, Tab and Shift+Tab go round the button and the menu's links
 * only; Escape closes it and returns focus to the button; choosing a link, a click or focus
 * outside it, a navigation or a wider window close it. The button's aria-expanded tells the
 * state. On a wide screen the button is hidden and the menu is always shown, so this does nothing.
 * `available`: whether the menu is there at all.
 */
export function useNavDrawer(available = true) {
  const [wanted, setOpen] = useState(false);
  // Without a menu (a workspace that does not open) nothing is open, and nothing is inert.
  const open = wanted && available;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  useEffect(() => setOpen(false), [pathname]);

  // Wider than a phone the menu is shown beside the page: nothing is left to close.
  useEffect(() => {
    if (!open || typeof window.matchMedia !== 'function') return;
    const narrow = window.matchMedia(NARROW_QUERY);
    const onChange = () => {
      if (!narrow.matches) setOpen(false);
    };
    narrow.addEventListener('change', onChange);
    return () => narrow.removeEventListener('change', onChange);
  }, [open]);

  useEffect(() => {
    if (open) focusables(navRef.current)[0]?.focus();
  }, [open]);

  usePanelDismiss(open, {
    onKey: (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
        buttonRef.current?.focus();
        return;
      }
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      // The focus trap: the button and the menu's links, round and round.
      const ring = [buttonRef.current, ...focusables(navRef.current)].filter((el): el is HTMLElement => el !== null);
      if (ring.length === 0) return;
      event.preventDefault();
      const at = ring.indexOf(document.activeElement as HTMLElement);
      const next =
        at < 0 ? (event.shiftKey ? ring.length - 1 : 0) : (at + (event.shiftKey ? ring.length - 1 : 1)) % ring.length;
      ring[next]?.focus();
    },
    isInside: (target) =>
      target instanceof Node && Boolean(navRef.current?.contains(target) || buttonRef.current?.contains(target)),
    close: () => setOpen(false),
  });

  const toggle = useCallback(() => setOpen((value) => !value), []);

  /** On the menu: choosing a link closes the drawer. */
  const onNavClick = useCallback(
    (event: ReactMouseEvent<HTMLElement>) => {
      if (!open || !(event.target instanceof Element) || !event.target.closest('a[href]')) return;
      setOpen(false);
      // A new page gets focus on its heading (RouteFocus); the link to the page already shown
      // does not navigate, so focus would stay on the hidden link: move it to the heading too.
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active && active !== document.body && !navRef.current?.contains(active)) return;
        (document.getElementById('page-heading') ?? document.getElementById('main-content'))?.focus();
      });
    },
    [open],
  );

  const close = useCallback(() => setOpen(false), []);
  return { open, toggle, close, onNavClick, buttonRef, navRef, navId: MAIN_NAV_ID };
}
