import { Link, useLocation } from 'react-router';
import { CircleUserRound } from 'lucide-react';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { LogoutButton } from './LogoutButton';
import { DisclosureButton } from './DisclosureButton';
import { useDisclosure } from './useDisclosure';
import { useNarrowScreen } from './useNarrowScreen';

/**
 * The signed-in person: name, e-mail, their own account, the workspace's settings (inside a
 * workspace) and log out.
 */
export function UserMenu({ slug }: { slug?: string }) {
  const { t } = useI18n();
  const { user } = useCurrentSession();
  const location = useLocation();
  const disclosure = useDisclosure();
  const { open, panelId, rootRef } = disclosure;
  const narrow = useNarrowScreen();
  const onAccount = location.pathname === '/account';
  return (
    <div className="aantafel-menu aantafel-menu--end" ref={rootRef}>
      <DisclosureButton disclosure={disclosure}>
        <span className="aantafel-visually-hidden">{t('userMenu.label')}: </span>
        {/* On a phone the header shows a person icon; the name stays the button's name. */}
        {narrow ? <Icon icon={CircleUserRound} className="aantafel-user-menu__icon" /> : null}
        <span className={narrow ? 'aantafel-visually-hidden' : undefined}>{user.name}</span>
        <span className="aantafel-menu__chevron" aria-hidden="true" />
      </DisclosureButton>
      <div id={panelId} className="aantafel-menu__panel" hidden={!open}>
        <p className="aantafel-menu__heading">{user.name}</p>
        <p className="aantafel-menu__meta">{user.email}</p>
        <ul className="aantafel-menu__list">
          <li>
            <Link
              to="/account"
              // The account page links back to where the person came from.
              state={onAccount ? location.state : { from: location.pathname }}
              className="aantafel-menu__link"
              aria-current={onAccount ? 'page' : undefined}
            >
              {t('userMenu.account')}
            </Link>
          </li>
          {slug ? (
            <li>
              <Link to={`/w/${encodeURIComponent(slug)}/settings`} className="aantafel-menu__link">
                {t('nav.settings')}
              </Link>
            </li>
          ) : null}
        </ul>
        <LogoutButton className="aantafel-menu__action" />
      </div>
    </div>
  );
}
