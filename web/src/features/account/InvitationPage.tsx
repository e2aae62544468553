import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { InvitationDetails } from '../../api/types';
import { ErrorPage } from '../../components/ErrorBoundary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading, usePageTitle } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { hasStoredLanguage } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { roleLabel } from '../settings/labels';
import { PublicLayout } from '../shell/PublicLayout';
import type { SsoOffer } from '../sso/api';
import { SsoButton, ssoLabel } from '../sso/SsoButton';
import { useSsoText } from '../sso/texts';
import { useSsoOffer } from '../sso/useSsoOffer';
import { accountApi, tokenFromHash } from './api';
import { LinkProblem, TextLink } from './LinkProblem';
import { checkNewPassword, NewPasswordFields, type NewPasswordErrors } from './PasswordFields';
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
    accountApi
      .lookUpInvitation(token, controller.signal)
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

type FieldErrors = NewPasswordErrors & { name?: string | undefined };

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
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const workspace = details.workspace.name;

  function focusFirst(errors: FieldErrors) {
    if (errors.name) nameRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
    else if (errors.repeat) repeatRef.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    let errors: FieldErrors = {};
    if (existing) {
      if (!password) errors.password = at('invitation.passwordRequired');
    } else {
      if (!name.trim()) errors.name = at('invitation.nameRequired');
      errors = { ...errors, ...checkNewPassword(password, repeat, at) };
    }
    setFieldErrors(errors);
    if (errors.name || errors.password || errors.repeat) {
      focusFirst(errors);
      return;
    }
    setBusy(true);
    try {
      const session = existing
        ? await accountApi.acceptInvitation(token, password)
        : await accountApi.acceptInvitation(token, password, name.trim());
      signIn(session);
      const slug = details.workspace.slug;
      navigate(`/w/${encodeURIComponent(slug)}/`, { replace: true });
    } catch (caught) {
      setBusy(false);
      if (isDeadLink(caught)) {
        onExpired();
        return;
      }
      if (isApiError(caught) && (caught.fields.name || caught.fields.password)) {
        const fromApi: FieldErrors = { name: caught.fields.name, password: caught.fields.password };
        setFieldErrors(fromApi);
        focusFirst(fromApi);
      } else {
        setError(caught);
      }
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
        <DataListItem>
          <DataListKey>{at('invitation.email')}</DataListKey>
          <DataListValue>{details.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{at('invitation.role')}</DataListKey>
          <DataListValue>
            <span className="aantafel-block">{t(roleLabel(details.role))}</span>
            <span className="aantafel-meta aantafel-block">{at(`roleMeaning.${details.role}`)}</span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{at('invitation.validUntil')}</DataListKey>
          <DataListValue>
            <time dateTime={details.expires_at}>{formatDateTime(details.expires_at)}</time>
          </DataListValue>
        </DataListItem>
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
        onSubmit={(event) => void submit(event)}
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
        {error ? <ErrorAlert error={error} /> : null}
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
            <TextField
              id="accept-name"
              name="name"
              label={at('invitation.name')}
              description={at('invitation.nameHint')}
              autoComplete="name"
              required
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={fieldErrors.name}
              inputRef={nameRef}
            />
            <NewPasswordFields
              idPrefix="accept"
              password={password}
              repeat={repeat}
              onPasswordChange={setPassword}
              onRepeatChange={setRepeat}
              errors={fieldErrors}
              passwordRef={passwordRef}
              repeatRef={repeatRef}
            />
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
