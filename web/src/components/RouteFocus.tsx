import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, moves focus to the new page's h1 so keyboard and screen reader
 * users start at the top of the new content (the first load keeps the browser's default).
 */
export function RouteFocus() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Wait a frame: lazy pages render their heading after the route changes.
    let tries = 0;
    let frame = 0;
    const focusHeading = () => {
      const heading = document.getElementById('page-heading');
      if (heading) {
        heading.focus({ preventScroll: false });
      } else if (tries++ < 30) {
        frame = requestAnimationFrame(focusHeading);
      }
    };
    frame = requestAnimationFrame(focusHeading);
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
  return null;
}
