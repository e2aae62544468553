import type { ReactNode } from 'react';
import { Button } from '@utrecht/component-library-react';
import type { Disclosure } from './useDisclosure';

/**
 * The button that opens and closes a disclosure's panel (useDisclosure): a subtle button that
 * says whether the panel is open (aria-expanded) and which panel it is (aria-controls).
 */
export function DisclosureButton({
  disclosure,
  className,
  label,
  onClick,
  children,
}: {
  disclosure: Pick<Disclosure, 'open' | 'panelId' | 'buttonRef' | 'toggle'>;
  /** More classes besides aantafel-menu__button. */
  className?: string;
  /** The button's accessible name, when its text alone does not say enough. */
  label?: string;
  /** Instead of just toggling (it must toggle too). */
  onClick?: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      ref={disclosure.buttonRef}
      type="button"
      appearance="subtle-button"
      className={className ? `aantafel-menu__button ${className}` : 'aantafel-menu__button'}
      aria-expanded={disclosure.open}
      aria-controls={disclosure.panelId}
      aria-label={label}
      onClick={onClick ?? disclosure.toggle}
    >
      {children}
    </Button>
  );
}
