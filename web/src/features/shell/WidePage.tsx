import type { ReactNode } from 'react';
import './widePage.css';

/**
 * A data page (a wide table or matrix, a list with many columns): on a wide screen its white
 * box grows to the right edge of the window instead of stopping at the reading width of the
 * other pages. The header and the menu stay where they are. On a phone nothing changes.
 */
export function WidePage({ children }: { children: ReactNode }) {
  return <div className="aantafel-page aantafel-page--wide">{children}</div>;
}
