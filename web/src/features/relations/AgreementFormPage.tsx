import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldDescription,
  FormFieldErrorMessage,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { api } from '../../api/client';
import { AGREEMENT_STATUSES, type Agreement, type AgreementWrite } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { useWorkspace } from '../shell/workspaceContext';
import { firstInvalid, splitFieldErrors, type FieldErrors } from '../whoiswho/formErrors';
import { DueBadge, RelationsNav, useCanEdit, useHandedOverStatus, useRelationsBase } from './common';
import {
  AGREEMENT_FIELDS,
  agreementRequestBody,
  agreementToForm,
  checkAgreementForm,
  emptyAgreementForm,
  toggleId,
  type AgreementFormValues,
} from './relations';
import { useRelationsText } from './texts';

export function NewAgreementPage() {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const [search] = useSearchParams();
  const preset = Number(search.get('organisation') ?? '') || undefined;
  const [initial] = useState(() => emptyAgreementForm(preset));
  return (
    <>
      <PageHeading title={rt('agreement.newTitle')} />
      <RelationsNav />
      {canEdit ? (
        <AgreementForm
          formLabel={rt('agreement.newTitle')}
          initial={initial}
          cancelTo={`${base}/agreements`}
          onSubmit={async (body) => {
            const saved = await api.addAgreement(workspace.slug, body);
            navigate(`${base}/agreements/${saved.id}`, {
              state: { status: rt('agreement.saved', { title: saved.title }) },
            });
          }}
        />
      ) : (
        <Alert type="info">
          <Paragraph>{rt('viewerCannotEdit')}</Paragraph>
        </Alert>
      )}
    </>
  );
}

export function AgreementPage() {
  const { agreementId: param } = useParams();
  const id = param && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : null;
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const data = useApiData(`agreement:${workspace.slug}:${id}`, (signal) =>
    id === null ? Promise.reject(new Error('no id')) : api.getAgreement(workspace.slug, id, signal),
  );
  if (id === null) return <NotFoundContent />;
  if (!data.data) {
    return (
      <>
        <PageHeading title={rt('agreement.editTitle')} />
        <RelationsNav />
        {data.error ? <ErrorAlert error={data.error} /> : <Loading />}
      </>
    );
  }
  return <AgreementView key={data.data.id} agreement={data.data} />;
}

function AgreementView({ agreement }: { agreement: Agreement }) {
  const rt = useRelationsText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const handedOver = useHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  const [current, setCurrent] = useState(agreement);
  const [initial] = useState(() => agreementToForm(agreement));
  const [deleting, setDeleting] = useState(false);
  const members = useApiData(`members:${workspace.slug}`, (signal) => api.listMembers(workspace.slug, signal));
  const who = (id: number | null) =>
    members.data?.items.find((m) => m.user.id === id)?.user.name ?? rt('agreement.unknownPerson');

  return (
    <>
      <PageHeading title={current.title} />
      <RelationsNav />
      <StatusMessage>{status}</StatusMessage>
      {current.open ? (
        <Paragraph>
          <DueBadge dueOn={current.due_on} />
        </Paragraph>
      ) : null}
      {canEdit ? (
        <AgreementForm
          formLabel={rt('agreement.editTitle')}
          initial={initial}
          cancelTo={`${base}/agreements`}
          onSubmit={async (body) => {
            const saved = await api.updateAgreement(workspace.slug, agreement.id, body);
            setCurrent(saved);
            setStatus(rt('agreement.saved', { title: saved.title }));
          }}
        />
      ) : (
        <Paragraph>{current.description}</Paragraph>
      )}
      <section className="aantafel-card" aria-labelledby="agreement-history-heading">
        <Heading2 id="agreement-history-heading">{rt('agreement.history')}</Heading2>
        <ol className="aantafel-relations-list">
          {current.history.map((h, index) => (
            <li key={`${h.at}-${index}`}>
              {rt('agreement.historyItem', {
                status: rt(`status.${h.status}`),
                date: formatDateTime(h.at),
                who: who(h.by),
              })}
            </li>
          ))}
        </ol>
      </section>
      {canEdit ? (
        <section className="aantafel-card" aria-labelledby="delete-agreement-heading">
          <Heading2 id="delete-agreement-heading">{rt('agreement.delete')}</Heading2>
          <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setDeleting(true)}>
            {rt('agreement.delete')}
          </Button>
          <ConfirmDialog
            open={deleting}
            title={rt('agreement.deleteTitle', { title: current.title })}
            confirmLabel={rt('interaction.deleteConfirm')}
            onCancel={() => setDeleting(false)}
            onConfirm={async () => {
              await api.deleteAgreement(workspace.slug, agreement.id);
              setDeleting(false);
              navigate(`${base}/agreements`, { state: { status: rt('agreement.deleted', { title: current.title }) } });
            }}
          >
            {rt('agreement.deleteBody')}
          </ConfirmDialog>
        </section>
      ) : null}
    </>
  );
}

function AgreementForm({
  formLabel,
  initial,
  cancelTo,
  onSubmit,
}: {
  formLabel: string;
  initial: AgreementFormValues;
  cancelTo: string;
  onSubmit: (body: AgreementWrite) => Promise<void>;
}) {
  const rt = useRelationsText();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const firstPartyRef = useRef<HTMLInputElement>(null);
  const organisations = useApiData(`organisations:${slug}`, (signal) => api.listOrganisations(slug, signal));
  const members = useApiData(`members:${slug}`, (signal) => api.listMembers(slug, signal));
  const orgs = organisations.data?.items ?? [];
  const set = <K extends keyof AgreementFormValues>(name: K, value: AgreementFormValues[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  function focusField(name: string | undefined) {
    if (!name) return;
    if (name === 'organisation_ids') return firstPartyRef.current?.focus();
    if (name === 'commitments') return document.getElementById('agreement-commitment-us')?.focus();
    document.getElementById(`agreement-${name.replace(/_/g, '-')}`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const local: FieldErrors = {};
    for (const [name, key] of Object.entries(checkAgreementForm(values))) if (key) local[name] = rt(key);
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      focusField(firstInvalid(local, AGREEMENT_FIELDS));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await onSubmit(agreementRequestBody(values));
    } catch (caught) {
      const { fields, rest } = splitFieldErrors(caught, AGREEMENT_FIELDS);
      setFieldErrors(fields);
      setError(rest);
      focusField(firstInvalid(fields, AGREEMENT_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const partyError = fieldErrors.organisation_ids;
  const chosen = values.organisation_ids
    .map((id) => orgs.find((o) => o.id === id))
    .filter((o): o is NonNullable<typeof o> => Boolean(o));
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined} aria-label={formLabel}>
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        id="agreement-title"
        label={rt('agreement.title')}
        required
        autoComplete="off"
        maxLength={200}
        value={values.title}
        onChange={(event) => set('title', event.target.value)}
        error={fieldErrors.title}
      />
      <TextAreaField
        id="agreement-description"
        label={rt('agreement.description')}
        rows={3}
        maxLength={5000}
        value={values.description}
        onChange={(event) => set('description', event.target.value)}
        error={fieldErrors.description}
      />
      <fieldset
        className={partyError ? 'aantafel-radio-group aantafel-radio-group--invalid' : 'aantafel-radio-group'}
        aria-describedby={partyError ? 'agreement-parties-hint agreement-parties-error' : 'agreement-parties-hint'}
      >
        <legend className="aantafel-radio-group__legend">{rt('agreement.parties')}</legend>
        <FormFieldDescription id="agreement-parties-hint">{rt('agreement.partiesHint')}</FormFieldDescription>
        {partyError ? <FormFieldErrorMessage id="agreement-parties-error">{partyError}</FormFieldErrorMessage> : null}
        {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
        <div className="aantafel-radio-group__options">
          {orgs.map((o, index) => {
            const optionId = `agreement-party-${o.id}`;
            return (
              <div key={o.id} className="aantafel-radio">
                <input
                  type="checkbox"
                  id={optionId}
                  className="aantafel-radio__input"
                  ref={index === 0 ? firstPartyRef : undefined}
                  aria-invalid={partyError ? true : undefined}
                  checked={values.organisation_ids.includes(o.id)}
                  onChange={(event) => set('organisation_ids', toggleId(values.organisation_ids, o.id, event.target.checked))}
                />
                <label htmlFor={optionId} className="aantafel-radio__label">
                  {o.name}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="aantafel-radio-group" aria-describedby="agreement-commitments-hint">
        <legend className="aantafel-radio-group__legend">{rt('agreement.commitments')}</legend>
        <FormFieldDescription id="agreement-commitments-hint">{rt('agreement.commitmentsHint')}</FormFieldDescription>
        {fieldErrors.commitments ? <FormFieldErrorMessage>{fieldErrors.commitments}</FormFieldErrorMessage> : null}
        <TextAreaField
          id="agreement-commitment-us"
          label={rt('agreement.ours')}
          rows={2}
          maxLength={2000}
          value={values.commitments.us ?? ''}
          onChange={(event) => set('commitments', { ...values.commitments, us: event.target.value })}
        />
        {chosen.map((o) => (
          <TextAreaField
            key={o.id}
            id={`agreement-commitment-${o.id}`}
            label={rt('agreement.theirs', { name: o.name })}
            rows={2}
            maxLength={2000}
            value={values.commitments[String(o.id)] ?? ''}
            onChange={(event) => set('commitments', { ...values.commitments, [String(o.id)]: event.target.value })}
          />
        ))}
      </fieldset>
      <SelectField
        id="agreement-owner-id"
        label={rt('agreement.owner')}
        options={[
          { value: '', label: rt('followUp.noOwner') },
          ...(members.data?.items ?? []).map((m) => ({ value: String(m.user.id), label: m.user.name })),
        ]}
        value={values.owner_id}
        onChange={(event) => set('owner_id', event.target.value)}
        error={fieldErrors.owner_id}
      />
      <TextField
        id="agreement-due-on"
        type="date"
        label={rt('agreement.dueOn')}
        value={values.due_on}
        onChange={(event) => set('due_on', event.target.value)}
        error={fieldErrors.due_on}
      />
      <SelectField
        id="agreement-status"
        label={rt('agreement.status')}
        options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: rt(`status.${s}`) }))}
        value={values.status}
        onChange={(event) => set('status', event.target.value as AgreementFormValues['status'])}
        error={fieldErrors.status}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {rt('agreement.save')}
        </Button>
        <Link to={cancelTo} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">
          {t('common.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}
