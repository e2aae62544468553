import type { Ref } from 'react';
import { Button } from '@utrecht/component-library-react';
import { Menu, X } from 'lucide-react';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * "Menu" in the header of a narrow screen: opens and closes the main menu (useNavDrawer). Its
 * name stays "Menu"; aria-expanded tells whether the menu is open. Hidden on a wide screen,
 * where the menu is always shown.
 */
export function MenuButton({
  open,
  controls,
  onClick,
  buttonRef,
}: {
  open: boolean;
  controls: string;
  onClick: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}) {
  const { t } = useI18n();
  return (
    <Button
      ref={buttonRef}
      type="button"
      appearance="subtle-button"
      className="aantafel-nav-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onClick}
    >
      <Icon icon={open ? X : Menu} strokeWidth={2.5} />
      {t('nav.menu')}
    </Button>
  );
}
