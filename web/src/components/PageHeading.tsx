import { useEffect, type ReactNode } from 'react';
import { Heading1 } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/I18nProvider';

/** Sets `document.title` to "title · aantafel" while the page is shown. */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);
}

/**
 * The page's one h1. It sets the document title and can take focus (tabIndex -1), so that after
 * a client-side navigation focus moves to the new page's heading (see RouteFocus).
 */
export function PageHeading({ children, title }: { children?: ReactNode; title: string }) {
  usePageTitle(title);
  return (
    <Heading1 id="page-heading" tabIndex={-1} className="aantafel-page-heading">
      {children ?? title}
    </Heading1>
  );
}
