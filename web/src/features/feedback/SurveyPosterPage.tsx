import { Link, useParams } from 'react-router';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { getSurvey, getSurveyQr } from '../../api/generated/feedback';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading, usePageTitle } from '../../components/PageHeading';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { useLocalOnlyAddress } from '../../components/publicAddress/publicAddress';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { useFeedbackBase } from './common';
import { absoluteUrl } from './feedback';

/** A poster for the waiting room: a large QR code, a short invitation and the link, for A4 print. */
export function SurveyPosterPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const base = useFeedbackBase();
  const surveyId = Number(useParams().surveyId);
  const survey = useApiData(`survey:${workspace.slug}:${surveyId}`, (signal) =>
    getSurvey({ slug: workspace.slug, survey_id: surveyId }, { signal }),
  );
  usePageTitle(t('feedback.poster.documentTitle'));
  const data = survey.data;
  const localOnly = useLocalOnlyAddress() !== null;

  return (
    <div className="aantafel-poster">
      <p className="aantafel-no-print">
        <Link to={`${base}/surveys`} className="utrecht-link utrecht-link--html-a">
          {t('feedback.poster.back')}
        </Link>
      </p>
      {survey.error ? <ErrorAlert error={survey.error} /> : null}
      {survey.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <PageHeading title={t('feedback.poster.heading')} />
          <Paragraph className="aantafel-poster__lead">{t('feedback.poster.lead')}</Paragraph>
          <img
            className="aantafel-poster__qr"
            src={getSurveyQr({ slug: workspace.slug, survey_id: data.id }, { format: 'svg' })}
            alt={t('feedback.poster.qrAlt')}
            width={360}
            height={360}
          />
          <Paragraph className="aantafel-poster__how">{t('feedback.poster.how')}</Paragraph>
          <Paragraph className="aantafel-poster__link">{absoluteUrl(data.url, window.location.origin)}</Paragraph>
          <Paragraph className="aantafel-poster__small">{t('feedback.poster.privacy')}</Paragraph>
          <Paragraph className="aantafel-meta aantafel-no-print">{t('feedback.poster.for', { name: data.name })}</Paragraph>
          {/* Next to the print button it describes, not above the poster: on a phone the
              heading stays in the upper half of the first screen. */}
          <LocalLinkWarning kind="qr" id="poster-local-link" />
          <div className="aantafel-no-print">
            <Button
              type="button"
              appearance="primary-action-button"
              aria-describedby={localOnly ? 'poster-local-link' : undefined}
              onClick={() => window.print()}
            >
              {t('feedback.poster.print')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
