import { useRef, useState, type RefObject } from 'react';
import {
  Button,
  DataList,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { ROLES, type Invitation, type InvitationSent, type Role } from '../../api/types';
import { invite, listInvitations, resendInvitation, withdrawInvitation } from '../../api/generated/members';
import { Fact } from '../../components/Fact';
import { RowActionButton } from '../../components/RowActionButton';
import { CardForm } from '../../components/CardForm';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SecretShownOnce } from '../../components/secret/SecretShownOnce';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useFieldForm } from '../../components/useFieldForm';
import type { Language } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
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
  const invitations = useApiData(`invitations:${slug}`, (signal) => listInvitations({ slug }, { signal }));
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
      await sent(await resendInvitation({ slug, invitation_id: invitation.id }), true);
    } catch (caught) {
      setActionError(caught);
    } finally {
      setResendingId(null);
    }
  }

  async function withdraw(invitation: Invitation) {
    await withdrawInvitation({ slug, invitation_id: invitation.id });
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
                    <RowActionButton
                      appearance="secondary-action-button"
                      busy={resendingId === invitation.id}
                      onClick={() => void resend(invitation)}
                      target={st('pending.forEmail', { email: invitation.email })}
                    >
                      {resendingId === invitation.id ? st('pending.resending') : st('pending.resend')}
                    </RowActionButton>
                    <RowActionButton
                      danger
                      onClick={() => {
                        setActionError(null);
                        setWithdrawing(invitation);
                      }}
                      target={st('pending.forEmail', { email: invitation.email })}
                    >
                      {st('pending.withdraw')}
                    </RowActionButton>
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
      <Fact label={st('pending.role')}>{t(roleLabel(invitation.role))}</Fact>
      <Fact label={st('pending.sent')}>
        {invitation.sent_at ? (
          <time dateTime={invitation.sent_at}>{formatDateTime(invitation.sent_at)}</time>
        ) : (
          st('pending.notSent')
        )}
      </Fact>
      <Fact label={st('pending.validUntil')}>
        {invitation.expired ? (
          <span className="aantafel-badge">{st('pending.expired', { date: expires })}</span>
        ) : (
          <time dateTime={invitation.expires_at}>{expires}</time>
        )}
      </Fact>
      {invitation.invited_by ? (
        <Fact label={st('pending.by')}>{invitation.invited_by}</Fact>
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
  const email = sent.invitation.email;
  return (
    <SecretShownOnce
      headingId="invitation-link-heading"
      headingLevel={3}
      heading={st('link.title', { email })}
      intro={
        <>
          <Paragraph>{st('link.why')}</Paragraph>
          <Paragraph>{st('link.rules', { date: formatDateTime(sent.invitation.expires_at), email })}</Paragraph>
        </>
      }
      fieldId="invitation-link"
      fieldLabel={st('link.label')}
      secret={sent.link ?? ''}
      texts={{
        copy: st('link.copy'),
        copied: st('link.copied'),
        copyManually: st('link.copyManually'),
        done: st('link.done'),
      }}
      onDone={onDone}
    />
  );
}

const INVITE_FIELDS = ['email', 'role', 'language'] as const;

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
  // Only the address takes focus back: role and language are still as chosen.
  const form = useFieldForm(INVITE_FIELDS, (name) => {
    if (name === 'email') emailRef.current?.focus();
  });
  const { fieldErrors, busy } = form;
  const roleOptions = ROLES.map((value) => ({ value, label: t(roleLabel(value)) }));

  function check() {
    onStart();
    return email.trim() ? {} : { email: st('invite.emailRequired') };
  }

  async function send() {
    const answer = await invite({ slug }, { email: email.trim(), role, language });
    setEmail('');
    await onSent(answer);
  }

  return (
    <CardForm
      headingId="invite-heading"
      heading={
        <>
          <Heading3 id="invite-heading">{st('invite.title')}</Heading3>
          <Paragraph>{st('invite.intro')}</Paragraph>
        </>
      }
      busy={busy}
      error={form.error}
      onSubmit={(event) => void form.submit(event, { check, send })}
    >
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
    </CardForm>
  );
}
