import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { Session } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useI18n } from '../../i18n/I18nProvider';
import { preloadWorkspaceShell } from '../../lazyPages';
import { PublicLayout } from '../shell/PublicLayout';
import { ssoProblem } from '../sso/errors';
import { SsoButton, ssoLabel } from '../sso/SsoButton';
import { SsoProblemSummary } from '../sso/SsoProblem';
import { useSsoText } from '../sso/texts';
import { useSsoOffer } from '../sso/useSsoOffer';
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

/**
 * /login: e-mail address and password, and — when the server offers single sign-on — first the
 * button "Inloggen met Microsoft 365" (what people of an organisation with Microsoft 365 use
 * every day). After a refused single sign-on the provider's answer comes back as
 * `?sso_error=<reason>`, explained in an error summary.
 */
export function LoginPage() {
  const { t } = useI18n();
  const sso = useSsoText();
  const { state, login } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const locationState = (location.state ?? {}) as LoginLocationState;
  const offer = useSsoOffer();
  const problem = ssoProblem(new URLSearchParams(location.search).get('sso_error'));
  const label = ssoLabel(offer, sso);
  const withSso = offer?.enabled === true;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // The form waits for the single sign-on offer (at most a few seconds), so the button does not
  // push it down while someone is typing.
  const ready = state.status !== 'loading' && offer !== undefined;
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    performance.mark('aantafel:login-rendered');
  }, [ready]);

  if (state.status === 'authenticated' && !busy) {
    // Single sign-on was refused while a session (with a password) goes on: say so, then go on.
    if (problem) {
      return (
        <PublicLayout>
          <div className="aantafel-login">
            <PageHeading title={t('login.title')} />
            {offer === undefined ? (
              <Loading />
            ) : (
              <>
                <SsoProblemSummary problem={problem} label={label} />
                <Paragraph>{sso('error.signedIn')}</Paragraph>
                <Paragraph>
                  <Link to={homePath(state.session)} className="utrecht-link utrecht-link--html-a">
                    {sso('error.continue')}
                  </Link>
                </Paragraph>
              </>
            )}
          </div>
        </PublicLayout>
      );
    }
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
    <PublicLayout busy={!ready || undefined}>
      <div className="aantafel-login">
        <PageHeading title={t('login.title')} />
        {/* After the offer: the summary names the provider ("Microsoft 365"). */}
        {problem && offer !== undefined ? <SsoProblemSummary problem={problem} label={label} /> : null}
        {locationState.reason === 'logged_out' && !error && !problem ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('login.loggedOut')}</Paragraph>
          </Alert>
        ) : null}
        {locationState.reason === 'expired' && !error && !problem ? (
          <Alert type="info" role="status">
            <Paragraph>{t('login.expired')}</Paragraph>
          </Alert>
        ) : null}
        {!ready ? (
          <Loading />
        ) : (
          <>
            {withSso ? (
              <>
                <Paragraph>{sso('login.intro')}</Paragraph>
                <SsoButton label={label} returnTo={locationState.from}>
                  {sso('button', { label })}
                </SsoButton>
                <Heading2 id="password-login-heading" className="aantafel-login__or">
                  {sso('login.passwordTitle')}
                </Heading2>
                <Paragraph>{sso('login.passwordIntro')}</Paragraph>
              </>
            ) : (
              <Paragraph>{t('login.intro')}</Paragraph>
            )}
            {error ? <ErrorAlert error={error} /> : null}
            <form
              noValidate
              onSubmit={(event) => void submit(event)}
              aria-busy={busy || undefined}
              aria-labelledby={withSso ? 'password-login-heading' : undefined}
            >
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
              <Button
                type="submit"
                appearance={withSso ? 'secondary-action-button' : 'primary-action-button'}
                busy={busy}
              >
                {busy ? t('login.submitting') : t('login.submit')}
              </Button>
            </form>
            <Paragraph className="aantafel-after-form">
              <Link to="/password/forgot" className="utrecht-link utrecht-link--html-a">
                {t('login.forgot')}
              </Link>
            </Paragraph>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
