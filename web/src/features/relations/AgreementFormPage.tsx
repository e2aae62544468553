import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import {
  DueBadge,
  focusPageHeading,
  RelationsNav,
  useCanEdit,
  useFocusHeadingOnArrival,
  useHandedOverStatus,
  useRelationsBase,
} from './common';
import {
  AGREEMENT_FIELDS,
  agreementRequestBody,
  agreementToForm,
  checkAgreementForm,
  dayAsDate,
  emptyAgreementForm,
  toggleId,
  type AgreementFormValues,
} from './relations';
import { useRelationsText } from './texts';

/** What "save" on a new agreement hands to the agreement's page. */
interface SavedState {
  status: string;
  focusHeading: true;
  agreement: Agreement;
}

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
            const state: SavedState = {
              status: rt('agreement.saved', { title: saved.title }),
              focusHeading: true,
              agreement: saved,
            };
            navigate(`${base}/agreements/${saved.id}`, { state });
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

/** One agreement: what was agreed, by whom, its history; change or delete it. */
export function AgreementPage() {
  const { agreementId: param } = useParams();
  const id = param && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : null;
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const location = useLocation();
  const [changed, setChanged] = useState<Agreement | null>(null);
  const data = useApiData(`agreement:${workspace.slug}:${id}`, (signal) =>
    id === null ? Promise.reject(new Error('no id')) : api.getAgreement(workspace.slug, id, signal),
  );
  const handed = (location.state as Partial<SavedState> | null)?.agreement;
  const shown = (changed?.id === id ? changed : null) ?? data.data ?? (handed?.id === id ? handed : undefined);
  if (id === null) return <NotFoundContent />;
  if (!shown) {
    return (
      <>
        <PageHeading title={rt('agreement.pageTitle')} />
        <RelationsNav />
        {data.error ? <ErrorAlert error={data.error} /> : <Loading />}
      </>
    );
  }
  return <AgreementView key={shown.id} agreement={shown} onChanged={setChanged} />;
}

function AgreementView({ agreement, onChanged }: { agreement: Agreement; onChanged: (saved: Agreement) => void }) {
  const rt = useRelationsText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const handedOver = useHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const members = useApiData(`members:${workspace.slug}`, (signal) => api.listMembers(workspace.slug, signal));
  const who = (id: number | null) =>
    members.data?.items.find((m) => m.user.id === id)?.user.name ?? rt('agreement.unknownPerson');
  useFocusHeadingOnArrival();

  return (
    <>
      <PageHeading title={agreement.title} />
      <RelationsNav />
      <StatusMessage>{status}</StatusMessage>
      <section className="aantafel-card" aria-labelledby="agreement-details-heading">
        <Heading2 id="agreement-details-heading">
          {editing ? rt('agreement.editTitle') : rt('agreement.details')}
        </Heading2>
        {editing ? (
          <AgreementForm
            formLabel={rt('agreement.editTitle')}
            initial={agreementToForm(agreement)}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => editButtonRef.current?.focus());
            }}
            onSubmit={async (body) => {
              const saved = await api.updateAgreement(workspace.slug, agreement.id, body);
              onChanged(saved);
              setEditing(false);
              setStatus(rt('agreement.saved', { title: saved.title }));
              focusPageHeading();
            }}
          />
        ) : (
          <>
            <AgreementDetails agreement={agreement} who={who} />
            {canEdit ? (
              <div className="aantafel-actions">
                <Button
                  ref={editButtonRef}
                  type="button"
                  appearance="secondary-action-button"
                  onClick={() => {
                    setStatus('');
                    setEditing(true);
                    requestAnimationFrame(() => document.getElementById('agreement-title')?.focus());
                  }}
                >
                  {rt('agreement.editTitle')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </section>
      <section className="aantafel-card" aria-labelledby="agreement-history-heading">
        <Heading2 id="agreement-history-heading">{rt('agreement.history')}</Heading2>
        <ol className="aantafel-relations-list">
          {agreement.history.map((h, index) => (
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
            title={rt('agreement.deleteTitle', { title: agreement.title })}
            confirmLabel={rt('interaction.deleteConfirm')}
            onCancel={() => setDeleting(false)}
            onConfirm={async () => {
              await api.deleteAgreement(workspace.slug, agreement.id);
              setDeleting(false);
              navigate(`${base}/agreements`, { state: { status: rt('agreement.deleted', { title: agreement.title }) } });
            }}
          >
            {rt('agreement.deleteBody')}
          </ConfirmDialog>
        </section>
      ) : null}
    </>
  );
}

/** The agreement, readable: status and dates in words, parties and people by name. */
function AgreementDetails({ agreement, who }: { agreement: Agreement; who: (id: number | null) => string }) {
  const rt = useRelationsText();
  const { formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    api.listOrganisations(workspace.slug, signal),
  );
  const interaction = useApiData(`agreement-interaction:${workspace.slug}:${agreement.interaction_id}`, (signal) =>
    agreement.interaction_id === null
      ? Promise.resolve(null)
      : api.getInteraction(workspace.slug, agreement.interaction_id, signal),
  );
  const notSet = <span className="aantafel-meta">{rt('common.notSet')}</span>;
  const orgName = (id: number) => organisations.data?.items.find((o) => o.id === id)?.name ?? '…';
  return (
    <DataList className="aantafel-facts aantafel-facts--responsive">
      <DataListItem>
        <DataListKey>{rt('agreement.status')}</DataListKey>
        <DataListValue>
          <span>{rt(`status.${agreement.status}`)}</span>
          {agreement.open ? (
            <>
              {' '}
              <DueBadge dueOn={agreement.due_on} />
            </>
          ) : null}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('agreement.description')}</DataListKey>
        <DataListValue>
          {agreement.description ? <span className="aantafel-pre-line">{agreement.description}</span> : notSet}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('agreements.parties')}</DataListKey>
        <DataListValue>
          {agreement.organisation_ids.length === 0 ? (
            notSet
          ) : (
            <ul className="aantafel-plain-list">
              {agreement.organisation_ids.map((id) => (
                <li key={id}>
                  <Link to={`${base}/organisations/${id}`} className="utrecht-link utrecht-link--html-a">{orgName(id)}</Link>
                </li>
              ))}
            </ul>
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('agreement.commitments')}</DataListKey>
        <DataListValue>
          {agreement.commitments.length === 0 ? (
            <span className="aantafel-meta">{rt('agreement.noCommitments')}</span>
          ) : (
            <ul className="aantafel-commitments">
              {agreement.commitments.map((c, index) => (
                <li key={`${c.organisation_id ?? 'us'}-${index}`}>
                  <span className="aantafel-commitments__side">
                    {c.organisation_id === null ? rt('agreement.usLabel') : orgName(c.organisation_id)}:
                  </span>{' '}
                  <span className="aantafel-pre-line">{c.text}</span>
                </li>
              ))}
            </ul>
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('agreement.owner')}</DataListKey>
        <DataListValue>{agreement.owner_id === null ? notSet : who(agreement.owner_id)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('agreement.dueOn')}</DataListKey>
        <DataListValue>{agreement.due_on ? formatDate(dayAsDate(agreement.due_on)) : notSet}</DataListValue>
      </DataListItem>
      {agreement.interaction_id !== null ? (
        <DataListItem>
          <DataListKey>{rt('agreement.interaction')}</DataListKey>
          <DataListValue>
            <Link to={`${base}/${agreement.interaction_id}`} className="utrecht-link utrecht-link--html-a">
              {interaction.data?.subject ?? rt('interaction.title')}
            </Link>
          </DataListValue>
        </DataListItem>
      ) : null}
    </DataList>
  );
}

function AgreementForm({
  formLabel,
  initial,
  cancelTo,
  onCancel,
  onSubmit,
}: {
  formLabel: string;
  initial: AgreementFormValues;
  /** Where "cancel" goes (a new agreement); or `onCancel` (changing one in place). */
  cancelTo?: string;
  onCancel?: () => void;
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
        {onCancel ? (
          <Button type="button" appearance="subtle-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : (
          <Link
            to={cancelTo ?? '..'}
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle"
          >
            {t('common.cancel')}
          </Link>
        )}
      </ButtonGroup>
    </form>
  );
}
