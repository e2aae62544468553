import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader, SkipLink } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';
import { AppFooter } from './AppFooter';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

/** Layout for pages without a workspace: login, 404, loading and error states. */
export function PublicLayout({ children, busy }: { children: ReactNode; busy?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="aantafel-app">
      <SkipLink href="#main-content">{t('shell.skipToContent')}</SkipLink>
      <PageHeader className="aantafel-header">
        <div className="aantafel-header__inner">
          <Link to="/" className="aantafel-brand">
            <Brand />
          </Link>
          <div className="aantafel-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </PageHeader>
      <main
        id="main-content"
        tabIndex={-1}
        className="aantafel-main aantafel-main--narrow"
        aria-busy={busy || undefined}
      >
        {children}
      </main>
      <AppFooter />
    </div>
  );
}
