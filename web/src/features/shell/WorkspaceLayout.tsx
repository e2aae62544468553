import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { PageHeader, SkipLink } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { getWorkspace } from '../../api/generated/workspaces';
import { ErrorBoundary, ErrorPage } from '../../components/ErrorBoundary';
import { Loading } from '../../components/Loading';
import { PublicAddressBanner } from '../../components/publicAddress/PublicAddressBanner';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { NotificationsButton } from '../notifications/NotificationsButton';
import { GlobalSearch } from '../search/GlobalSearch';
import { SsoRequiredPage } from '../sso/SsoRequiredPage';
import { AppFooter } from './AppFooter';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { MenuButton } from './MenuButton';
import { useNavDrawer } from './useNavDrawer';
import { UserMenu } from './UserMenu';
import { WorkspaceContext } from './workspaceContext';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';
import './shell.css';

/**
 * The shell for /w/{slug}/…: header with switcher and user menu, main menu, page. On a narrow
 * screen the main menu folds behind the "Menu" button in the header (useNavDrawer).
 */
export function WorkspaceLayout() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const location = useLocation();
  const { data: workspace, error, loading, reload } = useApiData(`workspace:${slug}`, (signal) =>
    getWorkspace({ slug }, { signal }),
  );
  // The session already lists the person's workspaces: render with that at once and let the
  // request above confirm it (and bring a changed role or name) a moment later.
  const session = useCurrentSession();
  const fromSession = session.workspaces.find((w) => w.slug === slug);
  const current = error && !loading ? undefined : workspace?.slug === slug ? workspace : fromSession;
  // The workspace opens only after single sign-on, and this session started with a password.
  const ssoRequired = !loading && isApiError(error) && error.code === 'sso_required';
  const drawer = useNavDrawer(current !== undefined);
  const context = useMemo(
    () => (current ? { workspace: current, reload } : null),
    [current, reload],
  );

  return (
    <div className="aantafel-app">
      <SkipLink href="#main-content">{t('shell.skipToContent')}</SkipLink>
      <PageHeader className="aantafel-header">
        <div className="aantafel-header__inner">
          <Link to="/" className="aantafel-brand">
            <Brand />
          </Link>
          {current ? (
            <MenuButton
              open={drawer.open}
              controls={drawer.navId}
              onClick={drawer.toggle}
              buttonRef={drawer.buttonRef}
            />
          ) : null}
          {current ? <GlobalSearch slug={slug} /> : null}
          <div className="aantafel-header__tools">
            {current ? <NotificationsButton key={slug} slug={slug} /> : null}
            {current ? <WorkspaceSwitcher current={current} /> : null}
            <LanguageSwitch />
            <UserMenu slug={slug} />
          </div>
        </div>
      </PageHeader>
      {/* Without the menu (a workspace that does not open) the page takes the whole width. */}
      <div className={current ? 'aantafel-body' : 'aantafel-body aantafel-body--single'}>
        {current ? (
          <MainNav
            slug={slug}
            id={drawer.navId}
            open={drawer.open}
            navRef={drawer.navRef}
            onClick={drawer.onNavClick}
          />
        ) : null}
        {/* Behind the open menu on a phone: the page is dimmed, a click on it closes the menu. */}
        <div className="aantafel-nav-backdrop" hidden={!drawer.open} onClick={drawer.close} />
        <main
          id="main-content"
          tabIndex={-1}
          className="aantafel-main"
          aria-busy={(loading && !current) || undefined}
          // While the menu is open the page behind it cannot be reached (focus stays in the menu).
          inert={drawer.open || undefined}
        >
          {current ? <PublicAddressBanner role={current.role} /> : null}
          {context ? (
            <WorkspaceContext.Provider value={context}>
              <ErrorBoundary resetKey={location.pathname}>
                <Suspense fallback={<Loading />}>
                  <Outlet />
                </Suspense>
              </ErrorBoundary>
            </WorkspaceContext.Provider>
          ) : ssoRequired ? (
            <SsoRequiredPage
              workspace={fromSession}
              others={session.workspaces.filter((w) => w.slug !== slug)}
            />
          ) : error && !loading ? (
            <ErrorPage error={error} onRetry={() => void reload()} />
          ) : (
            <Loading />
          )}
        </main>
      </div>
      <AppFooter inert={drawer.open} />
    </div>
  );
}
