import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { Survey } from '../../api/types';
import { createInvitations, getSurvey } from '../../api/generated/feedback';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkMailFields, MailNotConfigured } from '../../components/linkMail/LinkMailFields';
import { useLinkMailChoices, wholeNumber } from '../../components/linkMail/linkMail';
import { NewLinkList } from '../../components/linkMail/NewLinkList';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { idParam } from '../../components/idParam';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { FeedbackNav, useCanEdit, useFeedbackBase } from './common';
import { absoluteUrl, lawLabel } from './feedback';
import {
  DEFAULT_VALID_DAYS,
  invitationBody,
  matchResult,
  MAX_CONTACTS,
  MAX_VALID_DAYS,
  MIN_VALID_DAYS,
  parseContactLines,
  problemsFromApi,
  type ContactLine,
  type LineProblem,
  type MatchedResult,
} from './personalLinks';
import { useSurveyText, type SurveyKey } from './surveyTexts';
import './personalLinks.css';

/** How many line problems the text box names; the rest are counted. */
const SHOWN_LINE_PROBLEMS = 5;

/** One survey: what it is, and "Persoonlijke links versturen" (mailed, or made to pass on). */
export function SurveyPage() {
  const { surveyId } = useParams();
  const id = idParam(surveyId);
  if (id === null) return <NotFoundContent />;
  return <SurveyView key={id} id={id} />;
}

function SurveyView({ id }: { id: number }) {
  const { t, formatDate } = useI18n();
  const sv = useSurveyText();
  const { workspace } = useWorkspace();
  const base = useFeedbackBase();
  const canEdit = useCanEdit();
  const survey = useApiData(`survey:${workspace.slug}:${id}`, (signal) => getSurvey({ slug: workspace.slug, survey_id: id }, { signal }));
  if (survey.error && isApiError(survey.error) && survey.error.status === 404) return <NotFoundContent />;
  const s = survey.data;
  const tags = s
    ? [
        s.team ? t('feedback.surveys.tagTeam', { value: s.team }) : null,
        s.service ? t('feedback.surveys.tagService', { value: s.service }) : null,
        s.municipality_code ? t('feedback.surveys.tagMunicipality', { value: s.municipality_code }) : null,
        t('feedback.surveys.tagLaw', { value: t(lawLabel(s.law)) }),
        s.domain ? t('feedback.surveys.tagDomain', { value: s.domain }) : null,
      ].filter((tag): tag is string => tag !== null)
    : [];

  return (
    <>
      <PageHeading title={s?.name ?? sv('page.documentTitle')} />
      <FeedbackNav />
      <Paragraph className="aantafel-back">
        <Link to={`${base}/surveys`} className="utrecht-link utrecht-link--html-a">
          {sv('page.back')}
        </Link>
      </Paragraph>
      {survey.error ? <ErrorAlert error={survey.error} /> : null}
      {!s && !survey.error ? <Loading /> : null}
      {s ? (
        <>
          <p>
            <span className={s.active ? 'aantafel-badge aantafel-badge--ok' : 'aantafel-badge aantafel-badge--muted'}>
              {s.active ? t('feedback.surveys.active') : t('feedback.surveys.inactive')}
            </span>{' '}
            <span className="aantafel-meta">{t('feedback.surveys.since', { date: formatDate(s.created_at) })}</span>
          </p>
          <p className="aantafel-meta">{tags.join(' · ')}</p>
          {!canEdit ? (
            <Paragraph>{sv('page.viewer')}</Paragraph>
          ) : !s.active ? (
            <Paragraph>{sv('page.closed')}</Paragraph>
          ) : (
            <PersonalLinksSection survey={s} />
          )}
        </>
      ) : null}
    </>
  );
}

interface Errors {
  addresses?: string;
  days?: string;
  remind?: string;
  language?: string;
}

/**
 * "Persoonlijke links versturen": e-mail addresses (one per line, optionally "kenmerk;adres"),
 * how long the links work, and, when this server can send mail, the mail's language and one
 * reminder. Without mail the same form makes links to pass on.
 */
function PersonalLinksSection({ survey }: { survey: Survey }) {
  const sv = useSurveyText();
  const { workspace } = useWorkspace();
  const [addresses, setAddresses] = useState('');
  const [days, setDays] = useState(String(DEFAULT_VALID_DAYS));
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<MatchedResult | null>(null);
  const addressesRef = useRef<HTMLTextAreaElement>(null);
  const validDays = wholeNumber(days, MIN_VALID_DAYS, MAX_VALID_DAYS);
  const { mailOn, fields: mailFields, mail } = useLinkMailChoices(validDays);
  const headingId = 'personal-links-heading';

  const problemText = (problem: LineProblem) =>
    sv('error.line', {
      line: problem.line,
      problem: sv(`problem.${problem.kind}` as SurveyKey, { other: problem.other ?? '' }),
    });

  const linesText = (lines: string[]) => {
    const shown = lines.slice(0, SHOWN_LINE_PROBLEMS);
    const more = lines.length - shown.length;
    return [...shown, ...(more > 0 ? [sv('error.more', { count: more })] : [])].join(' ');
  };

  function focusFirst(found: Errors) {
    if (found.addresses) addressesRef.current?.focus();
    else if (found.days) document.getElementById('personal-links-days')?.focus();
    else if (found.language) document.querySelector<HTMLElement>('input[name="personal-links-language"]')?.focus();
    else if (found.remind) document.getElementById('personal-links-remind')?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const { contacts, problems } = parseContactLines(addresses);
    const found: Errors = {};
    if (problems.length > 0) found.addresses = linesText(problems.map(problemText));
    else if (contacts.length === 0) found.addresses = sv('error.none');
    else if (contacts.length > MAX_CONTACTS) found.addresses = sv('error.tooMany', { max: MAX_CONTACTS, count: contacts.length });
    if (validDays === null) found.days = sv('error.days');
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0 || validDays === null) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    setStatus('');
    try {
      const answer = await createInvitations({ slug: workspace.slug, survey_id: survey.id }, invitationBody(contacts, validDays, mail));
      const matched = matchResult(contacts, answer);
      setResult(matched);
      setAddresses('');
      setStatus(summary(matched).join(' '));
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        const server = problemsFromApi(caught.fields, contacts);
        const fromApi: Errors = {
          ...(server.lines.length > 0 || server.addresses
            ? {
                addresses: linesText([
                  ...(server.addresses ? [server.addresses] : []),
                  ...server.lines.map((l) => sv('error.line', { line: l.line, problem: l.message })),
                ]),
              }
            : {}),
          ...(server.days ? { days: server.days } : {}),
          ...(server.remind ? { remind: server.remind } : {}),
          ...(server.language ? { language: server.language } : {}),
        };
        setErrors(fromApi);
        focusFirst(fromApi);
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  /** The sentences that say what happened: mailed, made, skipped. */
  function summary(matched: MatchedResult): string[] {
    const out: string[] = [];
    const mailed = matched.mailed.length;
    const toCopy = matched.toCopy.length;
    const skipped = matched.skipped.length;
    if (mailed > 0) out.push(mailed === 1 ? sv('result.mailedOne') : sv('result.mailed', { count: mailed }));
    if (toCopy > 0 && !mailOn) out.push(toCopy === 1 ? sv('result.madeOne') : sv('result.made', { count: toCopy }));
    if (mailed + toCopy === 0) out.push(sv('result.nothing'));
    if (skipped > 0) {
      out.push(
        skipped === 1
          ? sv('result.skippedOne', { days: survey.pause_days })
          : sv('result.skipped', { count: skipped, days: survey.pause_days }),
      );
    }
    return out;
  }

  return (
    <section className="aantafel-section" aria-labelledby={headingId}>
      <Heading2 id={headingId}>{mailOn ? sv('send.title') : sv('send.titleNoMail')}</Heading2>
      <Paragraph>{sv('send.intro')}</Paragraph>
      {mailOn ? <Paragraph>{sv('send.introMail')}</Paragraph> : <MailNotConfigured />}
      {survey.pause_days > 0 ? (
        <Paragraph>{survey.pause_days === 1 ? sv('send.pauseOne') : sv('send.pause', { days: survey.pause_days })}</Paragraph>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-busy={busy || undefined}
        aria-labelledby={headingId}
        className="aantafel-personal-links"
      >
        <TextAreaField
          id="personal-links-addresses"
          label={sv('field.addresses')}
          description={sv('field.addressesHint')}
          value={addresses}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="none"
          error={errors.addresses}
          textareaRef={addressesRef}
          onChange={(event) => {
            setAddresses(event.target.value);
            // A line number in the message may no longer fit the text.
            if (errors.addresses) setErrors(({ addresses: _gone, ...rest }) => rest);
          }}
        />
        <TextField
          id="personal-links-days"
          label={sv('field.days')}
          description={sv('field.daysHint')}
          value={days}
          inputMode="numeric"
          autoComplete="off"
          className="aantafel-personal-links__days"
          error={errors.days}
          onChange={(event) => setDays(event.target.value)}
        />
        {mailOn ? (
          <LinkMailFields
            idPrefix="personal-links"
            {...mailFields}
            errors={{ language: errors.language, remind: errors.remind }}
          />
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {busy ? sv(mailOn ? 'busy' : 'busyNoMail') : mailOn ? sv('submit.mail') : sv('submit.noMail')}
          </Button>
        </ButtonGroup>
      </form>
      <StatusMessage id="personal-links-status">{status}</StatusMessage>
      {result && (result.skipped.length > 0 || result.toCopy.length > 0) ? (
        <PersonalLinksResult
          result={result}
          mailOn={mailOn}
          onDone={() => {
            setResult(null);
            setStatus('');
            addressesRef.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}

function who(contact: ContactLine): string {
  if (!contact.email) return contact.reference;
  return contact.reference ? `${contact.email} (${contact.reference})` : contact.email;
}

/** What the last send left to do: the skipped addresses, and the links to copy. */
function PersonalLinksResult({
  result,
  mailOn,
  onDone,
}: {
  result: MatchedResult;
  mailOn: boolean;
  onDone: () => void;
}) {
  const sv = useSurveyText();
  const toCopy = result.toCopy;
  return (
    <div className="aantafel-card aantafel-personal-links__result">
      {result.skipped.length > 0 ? (
        <>
          <Heading3 id="personal-links-skipped">{sv('result.skippedList')}</Heading3>
          <ul className="aantafel-personal-links__skipped" aria-labelledby="personal-links-skipped">
            {result.skipped.map((contact) => (
              <li key={contact.line}>
                {who(contact)} <span className="aantafel-meta">({sv('result.line', { line: contact.line })})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {toCopy.length > 0 ? (
        <>
          <Heading3>{sv('result.caption')}</Heading3>
          <div className="aantafel-personal-links__note">
            <Paragraph>
              <strong>{sv('result.toCopy')}</strong>
            </Paragraph>
          </div>
          <LocalLinkWarning kind={toCopy.length === 1 ? 'link' : 'links'} />
          <NewLinkList
            label={sv('result.caption')}
            items={toCopy.map(({ contact, link }) => ({
              key: link.token,
              who: who(contact),
              url: absoluteUrl(link.url, window.location.origin),
              mailed: false,
              mailFailed: mailOn,
            }))}
          />
        </>
      ) : null}
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" onClick={onDone}>
          {toCopy.length > 0 ? sv('result.done') : sv('result.close')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
