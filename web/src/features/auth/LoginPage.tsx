import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { Session } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { preloadWorkspaceShell } from '../../lazyPages';
import { PublicLayout } from '../shell/PublicLayout';
import { useSession } from './session';

interface LoginLocationState {
  from?: string;
  reason?: 'expired' | 'logged_out';
}

type FieldErrors = Partial<Record<'email' | 'password', string>>;

/** Where to go after logging in: the page asked for, else the first workspace's overview. */
export function homePath(session: Session): string {
  const first = session.workspaces[0];
  return first ? `/w/${encodeURIComponent(first.slug)}/` : '/no-workspace';
}

export function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const locationState = (location.state ?? {}) as LoginLocationState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    performance.mark('aantafel:login-rendered');
  }, []);

  if (state.status === 'authenticated' && !busy) {
    return <Navigate to={locationState.from ?? homePath(state.session)} replace />;
  }

  function focusFirstInvalid(errors: FieldErrors) {
    if (errors.email) emailRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('login.emailRequired');
    if (!password) errors.password = t('login.passwordRequired');
    setFieldErrors(errors);
    setError(null);
    if (errors.email || errors.password) {
      focusFirstInvalid(errors);
      return;
    }
    setBusy(true);
    void preloadWorkspaceShell();
    try {
      const session = await login(email.trim(), password);
      navigate(locationState.from ?? homePath(session), { replace: true });
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        const fromApi: FieldErrors = {
          email: caught.fields.email,
          password: caught.fields.password,
        };
        setFieldErrors(fromApi);
        // Fields we do not show get their message in the general alert.
        if (!fromApi.email && !fromApi.password) setError(caught);
        focusFirstInvalid(fromApi);
      } else {
        setError(caught);
      }
    }
  }

  return (
    <PublicLayout>
      <div className="aantafel-login">
        <PageHeading title={t('login.title')} />
        <Paragraph>{t('login.intro')}</Paragraph>
        {locationState.reason === 'logged_out' && !error ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('login.loggedOut')}</Paragraph>
          </Alert>
        ) : null}
        {locationState.reason === 'expired' && !error ? (
          <Alert type="info" role="status">
            <Paragraph>{t('login.expired')}</Paragraph>
          </Alert>
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        {state.status === 'loading' ? (
          <Loading />
        ) : (
          <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
            <TextField
              id="login-email"
              name="email"
              type="email"
              label={t('login.email')}
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fieldErrors.email}
              inputRef={emailRef}
            />
            <TextField
              id="login-password"
              name="password"
              type="password"
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
              inputRef={passwordRef}
            />
            <Button type="submit" appearance="primary-action-button" busy={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </Button>
          </form>
        )}
      </div>
    </PublicLayout>
  );
}
