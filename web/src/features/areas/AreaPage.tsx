import { useParams } from 'react-router';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { findArea } from './areas';

/** A feature area whose issue has not landed yet: says so plainly, shows no made-up data. */
export function AreaPage() {
  const { t } = useI18n();
  const { area: path } = useParams();
  const area = findArea(path);
  if (!area) return <NotFoundContent />;
  return (
    <>
      <PageHeading title={t(area.label)} />
      <Alert type="info">
        <Paragraph>{t('area.notAvailable')}</Paragraph>
      </Alert>
      <Paragraph>{t(area.summary)}</Paragraph>
    </>
  );
}
