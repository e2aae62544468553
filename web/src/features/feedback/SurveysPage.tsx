import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import type { Survey } from '../../api/types';
import { LAWS } from '../../api/types';
import { createSurvey, exportResponses, getSurveyQr, listSurveys, updateSurvey } from '../../api/generated/feedback';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { LocalLinkWarning } from '../../components/publicAddress/LocalLinkWarning';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useMailAvailable } from '../../components/linkMail/linkMail';
import { useI18n } from '../../i18n/I18nProvider';
import { useWorkspace } from '../shell/workspaceContext';
import { FeedbackNav, useCanEdit, useFeedbackBase } from './common';
import {
  absoluteUrl,
  checkSurveyForm,
  emptySurveyForm,
  lawLabel,
  surveyRequestBody,
  surveyToForm,
  type SurveyForm,
  type SurveyFormErrors,
} from './feedback';
import { useSurveyText } from './surveyTexts';
import '../../components/shortLink.css';

/** Surveys: the public link with QR code and poster, a form to make one, change or close it, exports. */
export function SurveysPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const canEdit = useCanEdit();
  const surveys = useApiData(`surveys:${slug}`, (signal) => listSurveys({ slug }, { signal }));
  const [status, setStatus] = useState('');
  const items = surveys.data?.items ?? [];

  return (
    <>
      <PageHeading title={t('feedback.surveys.title')} />
      <FeedbackNav />
      <Paragraph>{t('feedback.surveys.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {canEdit ? (
        <section className="aantafel-section" aria-labelledby="new-survey-heading">
          <Heading2 id="new-survey-heading">{t('feedback.surveys.new')}</Heading2>
          <SurveyFormView
            idPrefix="new-survey"
            initial={emptySurveyForm()}
            submitLabel={t('feedback.surveys.create')}
            onSubmit={async (form) => {
              const created = await createSurvey({ slug }, surveyRequestBody(form));
              await surveys.reload();
              setStatus(t('feedback.surveys.created', { name: created.name }));
            }}
            resetAfterSubmit
          />
        </section>
      ) : null}
      <section className="aantafel-section" aria-labelledby="survey-list-heading">
        <Heading2 id="survey-list-heading">{t('feedback.surveys.listTitle')}</Heading2>
        {surveys.error ? <ErrorAlert error={surveys.error} /> : null}
        {surveys.loading && !surveys.data ? <Loading /> : null}
        {surveys.data && items.length === 0 ? <Paragraph>{t('feedback.surveys.none')}</Paragraph> : null}
        {items.length > 0 ? <LocalLinkWarning kind="qr" /> : null}
        <ul className="aantafel-plain-list aantafel-surveys">
          {items.map((survey) => (
            <SurveyCard
              key={survey.id}
              slug={slug}
              survey={survey}
              onChanged={async (message) => {
                await surveys.reload();
                setStatus(message);
              }}
            />
          ))}
        </ul>
      </section>
      <section className="aantafel-section" aria-labelledby="export-heading">
        <Heading2 id="export-heading">{t('feedback.export.title')}</Heading2>
        <Paragraph>{t('feedback.export.intro')}</Paragraph>
        <div className="aantafel-actions">
          <a href={exportResponses({ slug }, { format: 'csv' })} download className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
            {t('feedback.export.csv')}
          </a>
          <a href={exportResponses({ slug }, { format: 'xlsx' })} download className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action">
            {t('feedback.export.xlsx')}
          </a>
        </div>
      </section>
    </>
  );
}

function SurveyCard({
  slug,
  survey,
  onChanged,
}: {
  slug: string;
  survey: Survey;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t, formatDate } = useI18n();
  const sv = useSurveyText();
  const mailOn = useMailAvailable();
  const canEdit = useCanEdit();
  const base = useFeedbackBase();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const url = absoluteUrl(survey.url, window.location.origin);
  const headingId = `survey-${survey.id}-heading`;
  const tags = [
    survey.team ? t('feedback.surveys.tagTeam', { value: survey.team }) : null,
    survey.service ? t('feedback.surveys.tagService', { value: survey.service }) : null,
    survey.municipality_code ? t('feedback.surveys.tagMunicipality', { value: survey.municipality_code }) : null,
    t('feedback.surveys.tagLaw', { value: t(lawLabel(survey.law)) }),
    survey.domain ? t('feedback.surveys.tagDomain', { value: survey.domain }) : null,
  ].filter((tag): tag is string => tag !== null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus(t('feedback.surveys.copied'));
    } catch {
      inputRef.current?.select();
      setCopyStatus(t('feedback.surveys.copyManually'));
    }
  }

  async function setActive(active: boolean) {
    setBusy(true);
    setError(null);
    try {
      await updateSurvey({ slug, survey_id: survey.id }, { active });
      await onChanged(t(active ? 'feedback.surveys.reopened' : 'feedback.surveys.closed', { name: survey.name }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="aantafel-card aantafel-survey">
      <Heading3 id={headingId}>{survey.name}</Heading3>
      <p>
        <span className={survey.active ? 'aantafel-badge aantafel-badge--ok' : 'aantafel-badge aantafel-badge--muted'}>
          {survey.active ? t('feedback.surveys.active') : t('feedback.surveys.inactive')}
        </span>{' '}
        <span className="aantafel-meta">{t('feedback.surveys.since', { date: formatDate(survey.created_at) })}</span>
      </p>
      <p className="aantafel-meta">{tags.join(' · ')}</p>
      <div className="aantafel-survey__body">
        <img
          className="aantafel-survey__qr"
          src={getSurveyQr({ slug, survey_id: survey.id }, { format: 'svg' })}
          alt={t('feedback.surveys.qrAlt', { name: survey.name })}
          width={120}
          height={120}
        />
        <div>
          <TextField
            id={`survey-${survey.id}-url`}
            label={t('feedback.surveys.link')}
            value={url}
            readOnly
            spellCheck={false}
            autoComplete="off"
            inputRef={inputRef}
            // A long link ends in "…" while the box is not in use; "Kopieer" copies all of it.
            className="aantafel-link-field"
            onFocus={(event) => event.currentTarget.select()}
          />
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" onClick={() => void copy()}>
              {t('feedback.surveys.copy')}
            </Button>
            <Link
              to={`${base}/surveys/${survey.id}/poster`}
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            >
              {t('feedback.surveys.poster')}
            </Link>
            <a href={getSurveyQr({ slug, survey_id: survey.id }, { format: 'png' })} download className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">
              {t('feedback.surveys.qrPng')}
            </a>
          </ButtonGroup>
          <StatusMessage>{copyStatus}</StatusMessage>
        </div>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      {canEdit && survey.active ? (
        <p>
          <Link
            to={`${base}/surveys/${survey.id}`}
            aria-describedby={headingId}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          >
            {mailOn ? sv('card.personalLinks') : sv('card.personalLinksNoMail')}
          </Link>
        </p>
      ) : null}
      {canEdit ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-expanded={editing}
            aria-controls={`survey-${survey.id}-edit`}
            onClick={() => setEditing((open) => !open)}
          >
            {editing ? t('feedback.surveys.stopEditing') : t('feedback.surveys.edit', { name: survey.name })}
          </Button>
          <Button type="button" appearance="secondary-action-button" disabled={busy} onClick={() => void setActive(!survey.active)}>
            {survey.active ? t('feedback.surveys.close', { name: survey.name }) : t('feedback.surveys.reopen', { name: survey.name })}
          </Button>
        </ButtonGroup>
      ) : null}
      <div id={`survey-${survey.id}-edit`} hidden={!editing}>
        {editing ? (
          <SurveyFormView
            idPrefix={`survey-${survey.id}`}
            initial={surveyToForm(survey)}
            submitLabel={t('common.save')}
            onSubmit={async (form) => {
              await updateSurvey({ slug, survey_id: survey.id }, surveyRequestBody(form));
              setEditing(false);
              await onChanged(t('feedback.surveys.saved', { name: form.name.trim() }));
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

const FIELD_ORDER: readonly (keyof SurveyForm)[] = ['name', 'team', 'service', 'municipality_code', 'law', 'domain'];

function SurveyFormView({
  idPrefix,
  initial,
  submitLabel,
  onSubmit,
  resetAfterSubmit = false,
}: {
  idPrefix: string;
  initial: SurveyForm;
  submitLabel: string;
  onSubmit: (form: SurveyForm) => Promise<void>;
  resetAfterSubmit?: boolean;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<SurveyForm>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof SurveyForm, string>>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = (field: keyof SurveyForm) => `${idPrefix}-${field.replace('_', '-')}`;

  const focusFirst = (fields: Partial<Record<keyof SurveyForm, string>>) => {
    const first = FIELD_ORDER.find((field) => fields[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`#${id(first)}`)?.focus();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked: SurveyFormErrors = checkSurveyForm(form);
    const messages: Partial<Record<keyof SurveyForm, string>> = {};
    for (const [field, key] of Object.entries(checked) as [keyof SurveyForm, (typeof checked)[keyof SurveyForm]][]) {
      if (key) messages[field] = t(key);
    }
    setErrors(messages);
    setError(null);
    if (Object.keys(messages).length > 0) {
      focusFirst(messages);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(form);
      if (resetAfterSubmit) setForm(initial);
    } catch (caught) {
      if (isApiError(caught) && Object.keys(caught.fields).length > 0) {
        const fromApi: Partial<Record<keyof SurveyForm, string>> = {};
        for (const field of FIELD_ORDER) if (caught.fields[field]) fromApi[field] = caught.fields[field];
        setErrors(fromApi);
        focusFirst(fromApi);
      }
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const text = (field: Exclude<keyof SurveyForm, 'law'>, label: string, extra: { description?: string; required?: boolean } = {}) => (
    <TextField
      id={id(field)}
      label={label}
      value={form[field]}
      error={errors[field]}
      description={extra.description}
      required={extra.required}
      autoComplete="off"
      onChange={(event) => setForm((current) => ({ ...current, [field]: event.target.value }))}
    />
  );

  return (
    <form ref={formRef} noValidate onSubmit={(event) => void submit(event)}>
      {error ? <ErrorAlert error={error} /> : null}
      {text('name', t('feedback.surveys.field.name'), { required: true, description: t('feedback.surveys.field.nameHint') })}
      {text('team', t('feedback.surveys.field.team'))}
      {text('service', t('feedback.surveys.field.service'), { description: t('feedback.surveys.field.serviceHint') })}
      {text('municipality_code', t('feedback.surveys.field.municipality'), { description: t('feedback.surveys.field.municipalityHint') })}
      <SelectField
        id={id('law')}
        label={t('feedback.surveys.field.law')}
        options={LAWS.map((law) => ({ value: law, label: t(lawLabel(law)) }))}
        value={form.law}
        error={errors.law}
        onChange={(event) => setForm((current) => ({ ...current, law: event.target.value as SurveyForm['law'] }))}
      />
      {text('domain', t('feedback.surveys.field.domain'), { description: t('feedback.surveys.field.domainHint') })}
      <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
        {busy ? t('common.saving') : submitLabel}
      </Button>
    </form>
  );
}
