import type { ComponentProps, ReactNode } from 'react';
import { Button } from '@utrecht/component-library-react';

type Props = Omit<ComponentProps<typeof Button>, 'type' | 'children'> & {
  /** What the button does, as sighted users read it in the row ("Verwijderen"). */
  children: ReactNode;
  /** Whom or what in the row it acts on, for screen readers only ("voor Piet Jansen"). */
  target: ReactNode;
  /** A red, destructive action (remove, withdraw, revoke). */
  danger?: boolean;
};

/**
 * A button in a table row. A screen reader lists every "Verwijderen" of a table alike, so the
 * label is completed with the row's subject in visually hidden text (WCAG 2.4.6 and 2.5.3: the
 * visible words still start the accessible name).
 */
export function RowActionButton({ children, target, danger = false, appearance = 'subtle-button', ...rest }: Props) {
  return (
    <Button type="button" appearance={appearance} hint={danger ? 'danger' : undefined} {...rest}>
      {children} <span className="aantafel-visually-hidden">{target}</span>
    </Button>
  );
}
