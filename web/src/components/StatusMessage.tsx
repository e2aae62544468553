import type { ReactNode } from 'react';

/**
 * A polite live region that is always in the DOM, so screen readers announce a message when it
 * appears in it (for results of actions: "role changed", "token revoked").
 */
export function StatusMessage({ children, id }: { children?: ReactNode; id?: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" id={id} className="aantafel-status">
      {children ? <p className="aantafel-status__message">{children}</p> : null}
    </div>
  );
}
