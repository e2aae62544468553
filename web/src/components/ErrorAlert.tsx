import { Alert, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/** Shows the API's message (or a general one) in an alert that screen readers announce. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  const message = isApiError(error) ? error.message : t('errors.general');
  return (
    <Alert type="error" role="alert">
      {title ? <Paragraph className="aantafel-alert-title">{title}</Paragraph> : null}
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
