import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  Button,
  DataList,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { InvitationDetails } from '../../api/types';
import { acceptInvitation, lookUpInvitation } from '../../api/generated/account';
import { Fact } from '../../components/Fact';
import { ErrorPage } from '../../components/ErrorBoundary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading, usePageTitle } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { useFieldForm } from '../../components/useFieldForm';
import { hasStoredLanguage } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { roleLabel } from '../settings/labels';
import { PublicLayout } from '../shell/PublicLayout';
import type { SsoOffer } from '../sso/api';
import { SsoButton, ssoLabel } from '../sso/SsoButton';
import { useSsoText } from '../sso/texts';
import { useSsoOffer } from '../sso/useSsoOffer';
import { tokenFromHash } from './api';
import { LinkProblem, TextLink } from './LinkProblem';
import { NameField } from './NameField';
import { checkNewPassword, NewPasswordFields, useNewPassword } from './PasswordFields';
import { useAccountText } from './texts';

type Lookup =
  | { status: 'loading' }
  | { status: 'ready'; details: InvitationDetails }
  | { status: 'expired' }
  | { status: 'error'; error: unknown };

/** A link problem the person cannot fix here: the invitation is gone, used, or not an invitation. */
function isDeadLink(error: unknown): boolean {
  return isApiError(error) && (error.status === 410 || (error.status === 422 && 'token' in error.fields));
}

/**
 * /invitation#<secret>: what the invitation is for (workspace, role, who invited), then either the
 * password of the existing account or a name and a new password; accepting signs in and opens
 * the workspace.
 */
export function InvitationPage() {
  const at = useAccountText();
  const { language, setLanguage } = useI18n();
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const [lookup, setLookup] = useState<Lookup>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const offer = useSsoOffer(Boolean(token));

  // The owner chose the language of the invitation; show the page in it too, unless the person
  // chose a language in this browser before. (An effect event: the language switch must not look
  // the invitation up again.)
  const adoptLanguage = useEffectEvent((invited: InvitationDetails['language']) => {
    if (!hasStoredLanguage() && invited !== language) setLanguage(invited, { remember: false });
  });

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setLookup({ status: 'loading' });
    lookUpInvitation({ token }, { signal: controller.signal })
      .then((details) => {
        if (controller.signal.aborted) return;
        setLookup({ status: 'ready', details });
        adoptLanguage(details.language);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLookup(isDeadLink(error) ? { status: 'expired' } : { status: 'error', error });
      });
    return () => controller.abort();
    // Only a new secret (or "try again") asks again.
  }, [token, attempt]);

  let content;
  if (!token) {
    content = (
      <LinkProblem title={at('link.missingTitle')} body={at('link.missingBody')}>
        <Paragraph>
          <TextLink to="/login">{at('toLogin')}</TextLink>
        </Paragraph>
      </LinkProblem>
    );
  } else if (lookup.status === 'expired') {
    content = <InvitationExpired />;
  } else if (lookup.status === 'error') {
    content = <ErrorPage error={lookup.error} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (lookup.status === 'loading' || offer === undefined) {
    content = <InvitationLoading />;
  } else {
    content = (
      <AcceptInvitation
        token={token}
        details={lookup.details}
        offer={offer}
        onExpired={() => setLookup({ status: 'expired' })}
      />
    );
  }
  const busy = Boolean(token) && (lookup.status === 'loading' || (lookup.status === 'ready' && !offer));
  return <PublicLayout busy={busy}>{content}</PublicLayout>;
}

function InvitationLoading() {
  const at = useAccountText();
  usePageTitle(at('invitation.pageTitle'));
  return <Loading />;
}

function InvitationExpired() {
  const at = useAccountText();
  return (
    <LinkProblem title={at('invitation.expiredTitle')} body={at('invitation.expiredBody')}>
      <Paragraph>{at('invitation.expiredWhat')}</Paragraph>
      <Paragraph>{at('invitation.expiredLogin')}</Paragraph>
      <Paragraph>
        <TextLink to="/login">{at('toLogin')}</TextLink>
      </Paragraph>
    </LinkProblem>
  );
}

function AcceptInvitation({
  token,
  details,
  offer,
  onExpired,
}: {
  token: string;
  details: InvitationDetails;
  /** Single sign-on: when offered, the first way to accept (no password needed). */
  offer: SsoOffer;
  onExpired: () => void;
}) {
  const at = useAccountText();
  const sso = useSsoText();
  const withSso = offer.enabled;
  const label = ssoLabel(offer, sso);
  const { t, formatDateTime } = useI18n();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const existing = details.account_exists;
  const [name, setName] = useState('');
  // An existing account's password, or the new account's (typed twice).
  const newPassword = useNewPassword();
  const { password, setPassword, passwordRef } = newPassword;
  const nameRef = useRef<HTMLInputElement>(null);
  const workspace = details.workspace.name;
  const form = useFieldForm(['name', 'password', 'repeat'], (field) =>
    (field === 'name' ? nameRef : field === 'password' ? passwordRef : newPassword.repeatRef).current?.focus(),
  );
  const { fieldErrors, busy } = form;

  function check() {
    if (existing) return { password: password ? undefined : at('invitation.passwordRequired') };
    return {
      name: name.trim() ? undefined : at('invitation.nameRequired'),
      ...checkNewPassword(password, newPassword.repeat, at),
    };
  }

  async function send() {
    try {
      const session = existing
        ? await acceptInvitation({ token, password })
        : await acceptInvitation({ token, name: name.trim(), password });
      signIn(session);
      const slug = details.workspace.slug;
      navigate(`/w/${encodeURIComponent(slug)}/`, { replace: true });
    } catch (caught) {
      if (isDeadLink(caught)) {
        onExpired();
        return;
      }
      throw caught;
    }
  }

  const intro = details.inviter_name
    ? at('invitation.intro', { inviter: details.inviter_name, workspace })
    : at('invitation.introNoInviter', { workspace });

  return (
    <div className="aantafel-login">
      <PageHeading title={at('invitation.title', { workspace })} />
      <Paragraph>{intro}</Paragraph>
      <DataList className="aantafel-facts aantafel-facts--responsive">
        <Fact label={at('invitation.email')}>{details.email}</Fact>
        <Fact label={at('invitation.role')}>
          <span className="aantafel-block">{t(roleLabel(details.role))}</span>
          <span className="aantafel-meta aantafel-block">{at(`roleMeaning.${details.role}`)}</span>
        </Fact>
        <Fact label={at('invitation.validUntil')}>
          <time dateTime={details.expires_at}>{formatDateTime(details.expires_at)}</time>
        </Fact>
      </DataList>
      {withSso ? (
        <section aria-labelledby="accept-sso-heading" className="aantafel-sso-choice">
          <Heading2 id="accept-sso-heading">{at('invitation.ssoTitle')}</Heading2>
          <Paragraph>{at('invitation.ssoIntro', { label, email: details.email })}</Paragraph>
          <SsoButton
            label={label}
            returnTo={`/w/${encodeURIComponent(details.workspace.slug)}/`}
            invitation={token}
          >
            {at('invitation.ssoButton', { label })}
          </SsoButton>
        </section>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => void form.submit(event, { check, send, leaves: true })}
        aria-labelledby="accept-heading"
        aria-busy={busy || undefined}
      >
        <Heading2 id="accept-heading">
          {withSso
            ? existing
              ? at('invitation.existingTitleOr')
              : at('invitation.newTitleOr')
            : existing
              ? at('invitation.existingTitle')
              : at('invitation.newTitle')}
        </Heading2>
        <Paragraph>
          {existing
            ? at('invitation.existingIntro', { email: details.email })
            : at('invitation.newIntro', { email: details.email })}
        </Paragraph>
        {form.error ? <ErrorAlert error={form.error} /> : null}
        {/* For password managers: the account this password belongs to (not shown). */}
        <input type="email" name="username" autoComplete="username" value={details.email} readOnly hidden />
        {existing ? (
          <>
            <TextField
              id="accept-password"
              name="password"
              type="password"
              label={at('invitation.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fieldErrors.password}
              inputRef={passwordRef}
            />
            <Paragraph>
              <TextLink to="/password/forgot">{at('invitation.forgot')}</TextLink>
            </Paragraph>
          </>
        ) : (
          <>
            <NameField
              id="accept-name"
              label={at('invitation.name')}
              description={at('invitation.nameHint')}
              value={name}
              onChange={setName}
              error={fieldErrors.name}
              inputRef={nameRef}
            />
            <NewPasswordFields idPrefix="accept" value={newPassword} errors={fieldErrors} />
          </>
        )}
        <Button
          type="submit"
          appearance={withSso ? 'secondary-action-button' : 'primary-action-button'}
          busy={busy}
        >
          {busy
            ? at('invitation.accepting')
            : existing
              ? at('invitation.acceptExisting')
              : at('invitation.acceptNew')}
        </Button>
      </form>
    </div>
  );
}
