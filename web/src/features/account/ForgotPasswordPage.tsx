import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { requestPasswordReset } from '../../api/generated/account';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { PublicLayout } from '../shell/PublicLayout';
import { TextLink } from './LinkProblem';
import { useAccountText } from './texts';

type Outcome = 'sent_if_known' | 'not_configured';

/**
 * /password/forgot: asks for the e-mail address and sends a link for a new password. The answer
 * is the same whether or not the address has an account (the page never tells either).
 */
export function ForgotPasswordPage() {
  const at = useAccountText();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    if (!email.trim()) {
      setFieldError(at('forgot.emailRequired'));
      emailRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const answer = await requestPasswordReset({ email: email.trim() });
      setOutcome(answer.mail);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.email) {
        setFieldError(caught.fields.email);
        emailRef.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicLayout>
      <div className="aantafel-login">
        <PageHeading title={at('forgot.title')} />
        {outcome ? (
          <div ref={outcomeRef} tabIndex={-1} className="aantafel-focus-target">
            {outcome === 'sent_if_known' ? (
              <Alert type="ok" role="status">
                <Paragraph>{at('forgot.sent')}</Paragraph>
                <Paragraph>{at('forgot.sentHint')}</Paragraph>
              </Alert>
            ) : (
              <Alert type="warning" role="status">
                <Paragraph>{at('forgot.notConfigured')}</Paragraph>
              </Alert>
            )}
          </div>
        ) : (
          <>
            <Paragraph>{at('forgot.intro')}</Paragraph>
            {error ? <ErrorAlert error={error} /> : null}
            <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
              <TextField
                id="forgot-email"
                name="email"
                type="email"
                label={at('forgot.email')}
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                required
                maxLength={254}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                error={fieldError}
                inputRef={emailRef}
              />
              <Button type="submit" appearance="primary-action-button" busy={busy}>
                {busy ? at('forgot.submitting') : at('forgot.submit')}
              </Button>
            </form>
          </>
        )}
        <Paragraph className="aantafel-after-form">
          <TextLink to="/login">{at('forgot.back')}</TextLink>
        </Paragraph>
      </div>
    </PublicLayout>
  );
}
