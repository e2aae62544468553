import { Link } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { PublicLayout } from './PublicLayout';

/** The text of a 404, for use inside any layout. */
export function NotFoundContent() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <Link to="/" className="utrecht-link utrecht-link--html-a">
          {t('notFound.home')}
        </Link>
      </Paragraph>
    </>
  );
}

export function NotFoundPage() {
  return (
    <PublicLayout>
      <NotFoundContent />
    </PublicLayout>
  );
}
