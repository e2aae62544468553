import { PageFooter, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';

export function AppFooter() {
  const { t } = useI18n();
  return (
    <PageFooter className="aantafel-footer">
      <div className="aantafel-footer__inner">
        <Paragraph>{t('shell.footer')}</Paragraph>
      </div>
    </PageFooter>
  );
}
