import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { AREAS } from '../areas/areas';

/** The main menu: overview, the feature areas and the workspace settings. */
export function MainNav({ slug }: { slug: string }) {
  const { t } = useI18n();
  const base = `/w/${encodeURIComponent(slug)}`;
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'aantafel-nav__link aantafel-nav__link--current' : 'aantafel-nav__link';
  return (
    <nav className="aantafel-nav" aria-label={t('nav.label')}>
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
