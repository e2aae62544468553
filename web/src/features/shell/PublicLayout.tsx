import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader, SkipLink } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';
import { AppFooter } from './AppFooter';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import './shell.css';

/**
 * Layout for pages without a workspace: login, 404, loading and error states, the pages reached
 * from an e-mail, and the account page (`tools` adds the user menu there; `wide` for more than a
 * form).
 */
export function PublicLayout({
  children,
  busy,
  tools,
  wide,
}: {
  children: ReactNode;
  busy?: boolean;
  tools?: ReactNode;
  wide?: boolean;
}) {
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
            {tools}
          </div>
        </div>
      </PageHeader>
      <main
        id="main-content"
        tabIndex={-1}
        className={wide ? 'aantafel-main aantafel-main--medium' : 'aantafel-main aantafel-main--narrow'}
        aria-busy={busy || undefined}
      >
        {children}
      </main>
      <AppFooter />
    </div>
  );
}
