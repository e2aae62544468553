import type { MouseEvent, Ref } from 'react';
import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { AREAS } from '../areas/areas';

/**
 * The main menu: overview, the feature areas and the workspace settings. Beside the page on a
 * wide screen; on a narrow one a drawer that the "Menu" button in the header opens (`open`, see
 * useNavDrawer).
 */
export function MainNav({
  slug,
  id,
  open = false,
  navRef,
  onClick,
}: {
  slug: string;
  id?: string;
  open?: boolean;
  navRef?: Ref<HTMLElement>;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
}) {
  const { t } = useI18n();
  const base = `/w/${encodeURIComponent(slug)}`;
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'aantafel-nav__link aantafel-nav__link--current' : 'aantafel-nav__link';
  return (
    <nav
      id={id}
      ref={navRef}
      className={open ? 'aantafel-nav aantafel-nav--open' : 'aantafel-nav'}
      aria-label={t('nav.label')}
      onClick={onClick}
    >
      <ul className="aantafel-nav__list">
        <li>
          <NavLink to={`${base}/`} end className={linkClass}>
            {t('nav.overview')}
          </NavLink>
        </li>
        {AREAS.map((area) => (
          <li key={area.path}>
            <NavLink to={`${base}/${area.path}`} className={linkClass}>
              {t(area.label)}
            </NavLink>
          </li>
        ))}
        <li className="aantafel-nav__separated">
          <NavLink to={`${base}/settings`} className={linkClass}>
            {t('nav.settings')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
