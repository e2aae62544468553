import { useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { useSession } from '../auth/session';
import { PublicLayout } from '../shell/PublicLayout';
import { accountApi, tokenFromHash } from './api';
import { LinkProblem, TextLink } from './LinkProblem';
import { checkNewPassword, NewPasswordFields, type NewPasswordErrors } from './PasswordFields';
import { useAccountText } from './texts';

/**
 * /password/reset#<secret>: choose a new password. The server ends every session of the account
 * and signs in here; the page then goes to "/" (the first workspace).
 */
export function ResetPasswordPage() {
  const at = useAccountText();
  const location = useLocation();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const token = tokenFromHash(location.hash);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<NewPasswordErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [expired, setExpired] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);

  function focusFirst(errors: NewPasswordErrors) {
    if (errors.password) passwordRef.current?.focus();
    else if (errors.repeat) repeatRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const errors = checkNewPassword(password, repeat, at);
    setFieldErrors(errors);
    if (errors.password || errors.repeat) {
      focusFirst(errors);
      return;
    }
    setBusy(true);
    try {
      const session = await accountApi.completePasswordReset(token, password);
      signIn(session);
      navigate('/', { replace: true });
    } catch (caught) {
      setBusy(false);
      if (isApiError(caught) && (caught.status === 410 || (caught.status === 422 && caught.fields.token))) {
        setExpired(true);
      } else if (isApiError(caught) && caught.fields.password) {
        const fromApi = { password: caught.fields.password };
        setFieldErrors(fromApi);
        focusFirst(fromApi);
      } else {
        setError(caught);
      }
    }
  }

  if (!token || expired) {
    return (
      <PublicLayout>
        <LinkProblem
          title={expired ? at('reset.expiredTitle') : at('link.missingTitle')}
          body={expired ? at('reset.expiredBody') : at('link.missingBody')}
        >
          <Paragraph>
            <TextLink to="/password/forgot">{at('reset.askNew')}</TextLink>
          </Paragraph>
          <Paragraph>
            <TextLink to="/login">{at('toLogin')}</TextLink>
          </Paragraph>
        </LinkProblem>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <div className="aantafel-login">
        <PageHeading title={at('reset.title')} />
        <Paragraph>{at('reset.intro')}</Paragraph>
        {error ? <ErrorAlert error={error} /> : null}
        <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
          <NewPasswordFields
            idPrefix="reset"
            password={password}
            repeat={repeat}
            onPasswordChange={setPassword}
            onRepeatChange={setRepeat}
            errors={fieldErrors}
            passwordRef={passwordRef}
            repeatRef={repeatRef}
          />
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {busy ? at('reset.submitting') : at('reset.submit')}
          </Button>
        </form>
      </div>
    </PublicLayout>
  );
}
