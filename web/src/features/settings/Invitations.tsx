import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import { ROLES, type Invitation, type InvitationSent, type Role } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import type { Language } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { invitationsApi } from './api';
import { roleLabel } from './labels';
import { useSettingsText } from './texts';

/**
 * Owners invite colleagues by e-mail, and see the invitations that are still open: sent when,
 * expired or not, with "send again" and "withdraw". When the server could not send the e-mail,
 * the answer holds the link, which the owner then passes on personally. Whether an address
 * already has an account is never shown (the server does not tell either).
 */
export function Invitations() {
  const st = useSettingsText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const invitations = useApiData(`invitations:${slug}`, (signal) => invitationsApi.list(slug, signal));
  const [status, setStatus] = useState('');
  const [unsent, setUnsent] = useState<InvitationSent | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [resendingId, setResendingId] = useState<number | null>(null);
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  async function sent(answer: InvitationSent, again: boolean) {
    await invitations.reload();
    const email = answer.invitation.email;
    if (answer.mailed) {
      setUnsent(null);
      setStatus(again ? st('invite.resent', { email }) : st('invite.sent', { email }));
    } else {
      setUnsent(answer);
      setStatus(st('invite.linkMade', { email }));
    }
  }

  async function resend(invitation: Invitation) {
    if (resendingId !== null) return;
    setActionError(null);
    setStatus('');
    setResendingId(invitation.id);
    try {
      await sent(await invitationsApi.resend(slug, invitation.id), true);
    } catch (caught) {
      setActionError(caught);
    } finally {
      setResendingId(null);
    }
  }

  async function withdraw(invitation: Invitation) {
    await invitationsApi.withdraw(slug, invitation.id);
    setWithdrawing(null);
    if (unsent?.invitation.id === invitation.id) setUnsent(null);
    await invitations.reload();
    setStatus(st('pending.withdrawn', { email: invitation.email }));
    headingRef.current?.focus();
  }

  const items = invitations.data?.items ?? [];

  return (
    <>
      <Heading3 id="pending-heading" ref={headingRef} tabIndex={-1}>
        {st('pending.title')}
      </Heading3>
      {actionError ? <ErrorAlert error={actionError} /> : null}
      {invitations.error ? <ErrorAlert error={invitations.error} /> : null}
      <div aria-busy={invitations.loading || undefined}>
        {invitations.loading && !invitations.data ? <Loading /> : null}
        {invitations.data && items.length === 0 ? <Paragraph>{st('pending.none')}</Paragraph> : null}
        {items.length > 0 ? (
          <>
            <Paragraph>{st('pending.intro')}</Paragraph>
            <ul className="aantafel-cards" aria-label={st('pending.caption', { workspace: workspace.name })}>
              {items.map((invitation) => (
                <li key={invitation.id} className="aantafel-cards__item">
                  <p className="aantafel-cards__title">{invitation.email}</p>
                  <InvitationFacts invitation={invitation} />
                  <div className="aantafel-row-actions">
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      busy={resendingId === invitation.id}
                      onClick={() => void resend(invitation)}
                    >
                      {resendingId === invitation.id ? st('pending.resending') : st('pending.resend')}
                      {' '}
                      <span className="aantafel-visually-hidden">
                        {st('pending.forEmail', { email: invitation.email })}
                      </span>
                    </Button>
                    <Button
                      type="button"
                      appearance="subtle-button"
                      hint="danger"
                      onClick={() => {
                        setActionError(null);
                        setWithdrawing(invitation);
                      }}
                    >
                      {st('pending.withdraw')}
                      {' '}
                      <span className="aantafel-visually-hidden">
                        {st('pending.forEmail', { email: invitation.email })}
                      </span>
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <StatusMessage>{status}</StatusMessage>
      {unsent ? (
        <UnsentLink
          sent={unsent}
          formatDateTime={formatDateTime}
          onDone={() => {
            setUnsent(null);
            setStatus('');
            emailRef.current?.focus();
          }}
        />
      ) : null}
      <InviteForm
        slug={slug}
        emailRef={emailRef}
        onSent={(answer) => sent(answer, false)}
        onStart={() => setStatus('')}
      />
      <ConfirmDialog
        open={withdrawing !== null}
        title={st('pending.withdrawTitle', { email: withdrawing?.email ?? '' })}
        confirmLabel={st('pending.withdrawConfirm')}
        busyLabel={st('pending.withdrawing')}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => (withdrawing ? withdraw(withdrawing) : undefined)}
      >
        {st('pending.withdrawBody')}
      </ConfirmDialog>
    </>
  );
}

/** Role, sent when, valid until when (or expired since when), and by whom. */
function InvitationFacts({ invitation }: { invitation: Invitation }) {
  const st = useSettingsText();
  const { t, formatDateTime } = useI18n();
  const expires = formatDateTime(invitation.expires_at);
  return (
    <DataList className="aantafel-facts">
      <DataListItem>
        <DataListKey>{st('pending.role')}</DataListKey>
        <DataListValue>{t(roleLabel(invitation.role))}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{st('pending.sent')}</DataListKey>
        <DataListValue>
          {invitation.sent_at ? (
            <time dateTime={invitation.sent_at}>{formatDateTime(invitation.sent_at)}</time>
          ) : (
            st('pending.notSent')
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{st('pending.validUntil')}</DataListKey>
        <DataListValue>
          {invitation.expired ? (
            <span className="aantafel-badge">{st('pending.expired', { date: expires })}</span>
          ) : (
            <time dateTime={invitation.expires_at}>{expires}</time>
          )}
        </DataListValue>
      </DataListItem>
      {invitation.invited_by ? (
        <DataListItem>
          <DataListKey>{st('pending.by')}</DataListKey>
          <DataListValue>{invitation.invited_by}</DataListValue>
        </DataListItem>
      ) : null}
    </DataList>
  );
}

/** The link of an invitation that could not be mailed, to pass on personally, with a copy button. */
function UnsentLink({
  sent,
  formatDateTime,
  onDone,
}: {
  sent: InvitationSent;
  formatDateTime: (value: string) => string;
  onDone: () => void;
}) {
  const st = useSettingsText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const email = sent.invitation.email;
  const link = sent.link ?? '';

  useEffect(() => {
    headingRef.current?.focus();
    setCopyStatus('');
  }, [link]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyStatus(st('link.copied'));
    } catch {
      // No clipboard access: select the text so Ctrl+C works.
      inputRef.current?.select();
      setCopyStatus(st('link.copyManually'));
    }
  }

  return (
    <Alert type="warning" className="aantafel-new-token">
      <Heading3 ref={headingRef} tabIndex={-1} id="invitation-link-heading">
        {st('link.title', { email })}
      </Heading3>
      <Paragraph>{st('link.why')}</Paragraph>
      <Paragraph>{st('link.rules', { date: formatDateTime(sent.invitation.expires_at), email })}</Paragraph>
      <TextField
        id="invitation-link"
        label={st('link.label')}
        value={link}
        readOnly
        spellCheck={false}
        autoComplete="off"
        className="aantafel-secret"
        inputRef={inputRef}
        onFocus={(event) => event.currentTarget.select()}
      />
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={() => void copy()}>
          {st('link.copy')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {st('link.done')}
        </Button>
      </ButtonGroup>
      <StatusMessage>{copyStatus}</StatusMessage>
    </Alert>
  );
}

type FieldErrors = Partial<Record<'email' | 'role' | 'language', string>>;

function InviteForm({
  slug,
  emailRef,
  onSent,
  onStart,
}: {
  slug: string;
  emailRef: RefObject<HTMLInputElement | null>;
  onSent: (answer: InvitationSent) => Promise<void>;
  onStart: () => void;
}) {
  const st = useSettingsText();
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [language, setLanguage] = useState<Language>('nl');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const roleOptions = ROLES.map((value) => ({ value, label: t(roleLabel(value)) }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    onStart();
    if (!email.trim()) {
      setFieldErrors({ email: st('invite.emailRequired') });
      emailRef.current?.focus();
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const answer = await invitationsApi.invite(slug, { email: email.trim(), role, language });
      setEmail('');
      await onSent(answer);
    } catch (caught) {
      if (isApiError(caught) && (caught.fields.email || caught.fields.role || caught.fields.language)) {
        setFieldErrors({
          email: caught.fields.email,
          role: caught.fields.role,
          language: caught.fields.language,
        });
        if (caught.fields.email) emailRef.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="aantafel-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="invite-heading"
      aria-busy={busy || undefined}
    >
      <Heading3 id="invite-heading">{st('invite.title')}</Heading3>
      <Paragraph>{st('invite.intro')}</Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id="invite-email"
        type="email"
        name="email"
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        label={st('invite.email')}
        required
        maxLength={254}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldErrors.email}
        inputRef={emailRef}
      />
      <SelectField
        id="invite-role"
        name="role"
        label={st('invite.role')}
        options={roleOptions}
        value={role}
        onChange={(event) => setRole(event.target.value as Role)}
        description={st('invite.roleHint')}
        error={fieldErrors.role}
      />
      <RadioGroupField
        legend={st('invite.language')}
        description={st('invite.languageHint')}
        name="invite-language"
        options={[
          { value: 'nl', label: 'Nederlands', lang: 'nl' },
          { value: 'en', label: 'English', lang: 'en' },
        ]}
        value={language}
        onChange={(value) => setLanguage(value === 'en' ? 'en' : 'nl')}
        error={fieldErrors.language}
      />
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {busy ? st('invite.submitting') : st('invite.submit')}
      </Button>
    </form>
  );
}
