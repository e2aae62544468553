import { useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import {
  Button,
  DataList,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { DigestFrequency, Session, SessionInfo, SessionInfoList, SignIn, SignInOutcome } from '../../api/types';
import {
  changePassword,
  endOtherSessions,
  endOwnSession,
  listOwnSessions,
  listOwnSignIns,
  updateAccount,
} from '../../api/generated/account';
import { getNotificationSettings, setNotificationSettings } from '../../api/generated/overview';
import { Fact } from '../../components/Fact';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData, type ApiData } from '../../components/useApiData';
import { useFieldForm } from '../../components/useFieldForm';
import { isLanguage, type Language } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession, useSession } from '../auth/session';
import { PublicLayout } from '../shell/PublicLayout';
import { UserMenu } from '../shell/UserMenu';
import { TextLink } from './LinkProblem';
import { NameField } from './NameField';
import { checkNewPassword, NewPasswordFields, useNewPassword } from './PasswordFields';
import { useAccountText, type AccountKey } from './texts';
import { describeUserAgent } from './userAgent';

/** Where "back" goes: the workspace page the person came from, else their first workspace. */
function backTarget(session: Session, from: unknown): { path: string; name: string } | null {
  if (typeof from === 'string') {
    const slug = /^\/w\/([^/]+)/.exec(from)?.[1];
    const workspace = slug ? session.workspaces.find((w) => w.slug === decodeURIComponent(slug)) : undefined;
    if (workspace) return { path: from, name: workspace.name };
  }
  const first = session.workspaces[0];
  return first ? { path: `/w/${encodeURIComponent(first.slug)}/`, name: first.name } : null;
}

/**
 * /account ("Mijn account"), for everyone who is signed in: name and language, password, the
 * browsers where the person is signed in, and the e-mail digest per workspace (its one home).
 */
export function AccountPage() {
  const at = useAccountText();
  const session = useCurrentSession();
  const location = useLocation();
  const back = backTarget(session, (location.state as { from?: unknown } | null)?.from);
  const sessions = useApiData('account:sessions', (signal) => listOwnSessions({ signal }));

  return (
    <PublicLayout wide tools={<UserMenu />}>
      {back ? (
        <Paragraph className="aantafel-back">
          <TextLink to={back.path}>{at('account.back', { workspace: back.name })}</TextLink>
        </Paragraph>
      ) : null}
      <PageHeading title={at('account.title')} />
      <Paragraph>{at('account.intro')}</Paragraph>
      <ProfileSection />
      {/* A new password ends the other sessions: the list below then shows that. */}
      <PasswordSection
        onChanged={() => void sessions.reload()}
        viaSso={sessions.data?.items.some((s) => s.current && s.sso) ?? false}
      />
      <SessionsSection sessions={sessions} />
      <SignInsSection />
      <DigestSection />
    </PublicLayout>
  );
}

type ProfileErrors = { name?: string | undefined; language?: string | undefined };

function ProfileSection() {
  const at = useAccountText();
  const { setLanguage } = useI18n();
  const { user } = useCurrentSession();
  const { setUser } = useSession();
  const [name, setName] = useState(user.name);
  const [language, setLanguageChoice] = useState<Language>(user.language);
  const [fieldErrors, setFieldErrors] = useState<ProfileErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A key, not a text: saving a new language changes the language the message is shown in.
  const [status, setStatus] = useState<AccountKey | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setStatus(null);
    if (!name.trim()) {
      setFieldErrors({ name: at('profile.nameRequired') });
      nameRef.current?.focus();
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      const updated = await updateAccount({ name: name.trim(), language });
      setUser(updated);
      setName(updated.name);
      // The account's language is also the language of the app in this browser.
      setLanguage(updated.language);
      setStatus('profile.saved');
    } catch (caught) {
      if (isApiError(caught) && (caught.fields.name || caught.fields.language)) {
        setFieldErrors({ name: caught.fields.name, language: caught.fields.language });
        if (caught.fields.name) nameRef.current?.focus();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="profile-heading" className="aantafel-section">
      <Heading2 id="profile-heading">{at('profile.title')}</Heading2>
      <StatusMessage>{status ? at(status) : null}</StatusMessage>
      {error ? <ErrorAlert error={error} /> : null}
      <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined}>
        <NameField
          id="profile-name"
          label={at('profile.name')}
          description={at('profile.nameHint')}
          value={name}
          onChange={setName}
          error={fieldErrors.name}
          inputRef={nameRef}
        />
        <DataList className="aantafel-facts aantafel-facts--stacked">
          <Fact label={at('profile.email')}>
            {user.email}
            <span className="aantafel-meta aantafel-block">{at('profile.emailNote')}</span>
          </Fact>
        </DataList>
        <RadioGroupField
          legend={at('profile.language')}
          description={at('profile.languageHint')}
          name="language"
          options={[
            { value: 'nl', label: 'Nederlands', lang: 'nl' },
            { value: 'en', label: 'English', lang: 'en' },
          ]}
          value={language}
          onChange={(value) => {
            if (isLanguage(value)) setLanguageChoice(value);
          }}
          error={fieldErrors.language}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {busy ? at('profile.saving') : at('profile.save')}
        </Button>
      </form>
    </section>
  );
}

/** `onChanged`: the password changed, so the other sessions ended. */
function PasswordSection({ onChanged, viaSso }: { onChanged: () => void; viaSso: boolean }) {
  const at = useAccountText();
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const [done, setDone] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  // The form's fields by the API's names; "repeat" is the browser's own.
  const form = useFieldForm(['current_password', 'new_password', 'repeat'], (name) =>
    (name === 'current_password'
      ? currentRef
      : name === 'new_password'
        ? newPassword.passwordRef
        : newPassword.repeatRef
    ).current?.focus(),
  );
  const { fieldErrors, busy } = form;

  function check() {
    setDone(false);
    const { password, repeat } = checkNewPassword(newPassword.password, newPassword.repeat, at);
    return {
      current_password: current ? undefined : at('passwordChange.currentRequired'),
      new_password: password,
      repeat,
    };
  }

  async function send() {
    await changePassword({ current_password: current, new_password: newPassword.password });
    setCurrent('');
    newPassword.clear();
    setDone(true);
    onChanged();
  }

  return (
    <section aria-labelledby="password-heading" className="aantafel-section">
      <Heading2 id="password-heading">{at('passwordChange.title')}</Heading2>
      <Paragraph>{at('passwordChange.intro')}</Paragraph>
      {/* An account made by single sign-on has no password until its owner asks for one. */}
      {viaSso ? <Paragraph>{at('passwordChange.ssoNote')}</Paragraph> : null}
      <StatusMessage>{done ? at('passwordChange.done') : null}</StatusMessage>
      {form.error ? <ErrorAlert error={form.error} /> : null}
      <form
        noValidate
        onSubmit={(event) => void form.submit(event, { check, send })}
        aria-labelledby="password-heading"
        aria-busy={busy || undefined}
      >
        <UsernameForPasswordManagers />
        <TextField
          id="password-current"
          name="current-password"
          type="password"
          label={at('passwordChange.current')}
          autoComplete="current-password"
          required
          maxLength={1024}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={fieldErrors.current_password}
          inputRef={currentRef}
        />
        <NewPasswordFields
          idPrefix="password-change"
          value={newPassword}
          errors={{ password: fieldErrors.new_password, repeat: fieldErrors.repeat }}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {busy ? at('passwordChange.submitting') : at('passwordChange.submit')}
        </Button>
        <Paragraph className="aantafel-after-form">
          <TextLink to="/password/forgot">{at('passwordChange.forgot')}</TextLink>
        </Paragraph>
      </form>
    </section>
  );
}

/** Password managers store a new password with the account it belongs to. */
function UsernameForPasswordManagers() {
  const { user } = useCurrentSession();
  return <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />;
}

function deviceName(session: { user_agent: string }, at: ReturnType<typeof useAccountText>): string {
  const { browser, os } = describeUserAgent(session.user_agent);
  if (!browser && !os) return at('sessions.unknownDevice');
  return at('sessions.device', {
    browser: browser ?? at('sessions.unknownDevice'),
    os: os ?? at('sessions.unknownOs'),
  });
}

function SessionsSection({ sessions }: { sessions: ApiData<SessionInfoList> }) {
  const at = useAccountText();
  const { formatDateTime } = useI18n();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [ending, setEnding] = useState<string | null>(null);
  const [endingOthers, setEndingOthers] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function end(session: SessionInfo) {
    if (ending) return;
    setError(null);
    setStatus('');
    setEnding(session.id);
    try {
      await endOwnSession({ session_id: session.id });
      await sessions.reload();
      setStatus(at('sessions.ended', { device: deviceName(session, at) }));
      headingRef.current?.focus();
    } catch (caught) {
      setError(caught);
    } finally {
      setEnding(null);
    }
  }

  async function endOthers() {
    if (endingOthers) return;
    setError(null);
    setStatus('');
    setEndingOthers(true);
    try {
      const { ended } = await endOtherSessions();
      await sessions.reload();
      setStatus(
        ended === 0
          ? at('sessions.endedNone')
          : ended === 1
            ? at('sessions.endedOthers1')
            : at('sessions.endedOthers', { count: ended }),
      );
      headingRef.current?.focus();
    } catch (caught) {
      setError(caught);
    } finally {
      setEndingOthers(false);
    }
  }

  // This device first, then the others as the server lists them (newest first).
  const all = sessions.data?.items ?? [];
  const items = [...all.filter((s) => s.current), ...all.filter((s) => !s.current)];
  const others = items.filter((s) => !s.current);

  return (
    <section aria-labelledby="sessions-heading" className="aantafel-section">
      <Heading2 id="sessions-heading" ref={headingRef} tabIndex={-1}>
        {at('sessions.title')}
      </Heading2>
      <Paragraph>{at('sessions.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {error ? <ErrorAlert error={error} /> : null}
      {sessions.error ? <ErrorAlert error={sessions.error} /> : null}
      <div aria-busy={sessions.loading || undefined}>
        {sessions.loading && !sessions.data ? <Loading /> : null}
        {sessions.data ? (
          <ul className="aantafel-cards" aria-label={at('sessions.listLabel')}>
            {items.map((session) => {
              const device = deviceName(session, at);
              return (
                <li
                  key={session.id}
                  className={
                    session.current
                      ? 'aantafel-cards__item aantafel-cards__item--current'
                      : 'aantafel-cards__item'
                  }
                >
                  <p className="aantafel-cards__title">
                    {device}
                    {session.sso ? <span className="aantafel-meta">, {at('sessions.viaSso')}</span> : null}
                    {session.current ? (
                      <>
                        {' '}
                        <span className="aantafel-badge aantafel-badge--ok">{at('sessions.thisDevice')}</span>
                      </>
                    ) : null}
                  </p>
                  <DataList className="aantafel-facts">
                    <Fact label={at('sessions.since')}>
                      <time dateTime={session.created_at}>{formatDateTime(session.created_at)}</time>
                    </Fact>
                    <Fact label={at('sessions.until')}>
                      <time dateTime={session.expires_at}>{formatDateTime(session.expires_at)}</time>
                    </Fact>
                    <Fact label={at('sessions.address')}>{session.address || at('sessions.unknownAddress')}</Fact>
                  </DataList>
                  {session.current ? null : (
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      busy={ending === session.id}
                      onClick={() => void end(session)}
                    >
                      {ending === session.id ? at('sessions.ending') : at('sessions.end')}
                      {' '}
                      <span className="aantafel-visually-hidden">
                        {at('sessions.endFor', { device, date: formatDateTime(session.created_at) })}
                      </span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        ) : null}
        {sessions.data && others.length === 0 ? <Paragraph>{at('sessions.onlyThis')}</Paragraph> : null}
        {others.length > 0 ? (
          <Button
            type="button"
            appearance="secondary-action-button"
            hint="danger"
            busy={endingOthers}
            onClick={() => void endOthers()}
          >
            {endingOthers ? at('sessions.endingOthers') : at('sessions.endOthers')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** How many sign-ins show before "Toon alle". */
export const SIGN_INS_SHOWN = 10;

const OUTCOME_LABELS: Record<SignInOutcome, AccountKey> = {
  signed_in: 'signIns.outcome.signed_in',
  single_sign_on: 'signIns.outcome.single_sign_on',
  wrong_password: 'signIns.outcome.wrong_password',
  rate_limited: 'signIns.outcome.rate_limited',
};

function isRefused(signIn: SignIn): boolean {
  return signIn.outcome === 'wrong_password' || signIn.outcome === 'rate_limited';
}

/** The newest sign-ins and refused attempts, so people notice someone guessing their password. */
function SignInsSection() {
  const at = useAccountText();
  const { formatDateTime } = useI18n();
  const signIns = useApiData('account:sign-ins', (signal) => listOwnSignIns({ signal }));
  const [showAll, setShowAll] = useState(false);
  const all = signIns.data?.items ?? [];
  const items = showAll ? all : all.slice(0, SIGN_INS_SHOWN);

  return (
    <section aria-labelledby="sign-ins-heading" className="aantafel-section">
      <Heading2 id="sign-ins-heading">{at('signIns.title')}</Heading2>
      <Paragraph>{at('signIns.intro')}</Paragraph>
      {signIns.error ? <ErrorAlert error={signIns.error} /> : null}
      <div aria-busy={signIns.loading || undefined}>
        {signIns.loading && !signIns.data ? <Loading /> : null}
        {signIns.data && all.length === 0 ? <Paragraph>{at('signIns.none')}</Paragraph> : null}
        {all.length > 0 ? (
          <ul id="sign-ins-list" className="aantafel-cards" aria-labelledby="sign-ins-heading">
            {items.map((signIn, index) => {
              const refused = isRefused(signIn);
              return (
                <li
                  key={`${signIn.at}-${index}`}
                  className={refused ? 'aantafel-cards__item aantafel-cards__item--refused' : 'aantafel-cards__item'}
                >
                  <p className="aantafel-cards__title">
                    {at(OUTCOME_LABELS[signIn.outcome])}
                    {refused ? (
                      <>
                        {' '}
                        <span className="aantafel-badge aantafel-badge--alert">{at('signIns.refused')}</span>
                      </>
                    ) : null}
                  </p>
                  <DataList className="aantafel-facts">
                    <Fact label={at('signIns.at')}>
                      <time dateTime={signIn.at}>{formatDateTime(signIn.at)}</time>
                    </Fact>
                    <Fact label={at('signIns.browser')}>{deviceName(signIn, at)}</Fact>
                    <Fact label={at('sessions.address')}>{signIn.address || at('sessions.unknownAddress')}</Fact>
                  </DataList>
                  {refused ? <p className="aantafel-cards__hint">{at('signIns.refusedHint')}</p> : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        {all.length > SIGN_INS_SHOWN ? (
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-expanded={showAll}
            aria-controls="sign-ins-list"
            onClick={() => setShowAll((shown) => !shown)}
          >
            {showAll
              ? at('signIns.showFewer', { count: SIGN_INS_SHOWN })
              : at('signIns.showAll', { count: all.length })}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

const DIGEST_CHOICES: readonly DigestFrequency[] = ['none', 'daily', 'weekly'];
const DIGEST_LABELS: Record<DigestFrequency, AccountKey> = {
  none: 'digest.none',
  daily: 'digest.daily',
  weekly: 'digest.weekly',
};

function DigestSection() {
  const at = useAccountText();
  const { workspaces } = useCurrentSession();
  return (
    <section aria-labelledby="digest-heading" className="aantafel-section">
      <Heading2 id="digest-heading">{at('digest.title')}</Heading2>
      <Paragraph>{at('digest.intro')}</Paragraph>
      {workspaces.length === 0 ? <Paragraph>{at('digest.noWorkspaces')}</Paragraph> : null}
      {workspaces.map((workspace) => (
        <DigestChoice key={workspace.slug} slug={workspace.slug} name={workspace.name} />
      ))}
    </section>
  );
}

function DigestChoice({ slug, name }: { slug: string; name: string }) {
  const at = useAccountText();
  const setting = useApiData(`digest:${slug}`, (signal) => getNotificationSettings({ slug }, { signal }));
  const [draft, setDraft] = useState<DigestFrequency | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<DigestFrequency | null>(null);
  const value = draft ?? setting.data?.digest ?? 'none';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setFieldError(undefined);
    setSaved(null);
    setBusy(true);
    try {
      const answer = await setNotificationSettings({ slug }, { digest: value });
      await setting.reload();
      setDraft(null);
      setSaved(answer.digest);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.digest) setFieldError(caught.fields.digest);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const id = `digest-${slug}`;
  return (
    <div className="aantafel-card">
      {setting.error ? <ErrorAlert error={setting.error} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {setting.loading && !setting.data ? (
        <Loading />
      ) : (
        <form className="aantafel-inline-form aantafel-inline-form--bottom" onSubmit={(event) => void submit(event)}>
          <SelectField
            id={id}
            label={at('digest.label', { workspace: name })}
            options={DIGEST_CHOICES.map((choice) => ({ value: choice, label: at(DIGEST_LABELS[choice]) }))}
            value={value}
            onChange={(event) => {
              setSaved(null);
              setDraft(event.target.value as DigestFrequency);
            }}
            error={fieldError}
          />
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {busy ? at('digest.saving') : at('digest.save')}
            {' '}
            <span className="aantafel-visually-hidden">{at('digest.for', { workspace: name })}</span>
          </Button>
        </form>
      )}
      <StatusMessage>
        {saved ? at('digest.saved', { workspace: name, choice: at(DIGEST_LABELS[saved]) }) : null}
      </StatusMessage>
    </div>
  );
}
