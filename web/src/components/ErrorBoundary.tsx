import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  children: ReactNode;
  /** Change it (for example the path) to leave the error state after navigating. */
  resetKey?: string;
}

interface State {
  error: unknown;
}

/** Catches render errors below it and shows the API's message (or a general one). */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(previous: Props) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) {
      this.setState({ error: null });
    }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('aantafel: page failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return <ErrorPage error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}

export function ErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = isApiError(error) ? error.message : t('errors.general');
  return (
    <div className="aantafel-error-page">
      <Heading1 id="page-heading" tabIndex={-1}>
        {t('errors.pageTitle')}
      </Heading1>
      <Alert type="error" role="alert">
        <Paragraph>{message}</Paragraph>
      </Alert>
      {onRetry ? (
        <Button type="button" appearance="secondary-action-button" onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      ) : null}
    </div>
  );
}
