import { PageFooter, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';

/** `inert` while the main menu is open over the page on a phone. */
export function AppFooter({ inert }: { inert?: boolean }) {
  const { t } = useI18n();
  return (
    <PageFooter className="aantafel-footer" inert={inert || undefined}>
      <div className="aantafel-footer__inner">
        <Paragraph>{t('shell.footer')}</Paragraph>
      </div>
    </PageFooter>
  );
}
