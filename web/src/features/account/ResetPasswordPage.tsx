import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { completePasswordReset } from '../../api/generated/account';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { useFieldForm } from '../../components/useFieldForm';
import { useSession } from '../auth/session';
import { PublicLayout } from '../shell/PublicLayout';
import { tokenFromHash } from './api';
import { LinkProblem, TextLink } from './LinkProblem';
import { checkNewPassword, NewPasswordFields, useNewPassword } from './PasswordFields';
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
  const newPassword = useNewPassword();
  const [expired, setExpired] = useState(false);
  const form = useFieldForm(['password', 'repeat'], (name) =>
    (name === 'password' ? newPassword.passwordRef : newPassword.repeatRef).current?.focus(),
  );

  async function send() {
    try {
      const session = await completePasswordReset({ token, password: newPassword.password });
      signIn(session);
      navigate('/', { replace: true });
    } catch (caught) {
      if (isApiError(caught) && (caught.status === 410 || (caught.status === 422 && caught.fields.token))) {
        setExpired(true);
        return;
      }
      throw caught;
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
        {form.error ? <ErrorAlert error={form.error} /> : null}
        <form
          noValidate
          onSubmit={(event) =>
            void form.submit(event, {
              check: () => checkNewPassword(newPassword.password, newPassword.repeat, at),
              send,
              leaves: true,
            })
          }
          aria-busy={form.busy || undefined}
        >
          <NewPasswordFields idPrefix="reset" value={newPassword} errors={form.fieldErrors} />
          <Button type="submit" appearance="primary-action-button" busy={form.busy}>
            {form.busy ? at('reset.submitting') : at('reset.submit')}
          </Button>
        </form>
      </div>
    </PublicLayout>
  );
}
