import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DataList, Heading2 } from '@utrecht/component-library-react';
import { AGREEMENT_STATUSES, type Agreement, type AgreementWrite } from '../../api/types';
import {
  addAgreement,
  deleteAgreement,
  getAgreement,
  getInteraction,
  updateAgreement,
} from '../../api/generated/relations';
import { listOrganisations } from '../../api/generated/whoiswho';
import { Fact } from '../../components/Fact';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldsetFrame } from '../../components/FieldsetFrame';
import { FieldForm, type RecordFormProps } from '../../components/FieldForm';
import { translatedProblems } from '../../components/formErrors';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useFieldForm, useFormValues } from '../../components/useFieldForm';
import { useI18n } from '../../i18n/I18nProvider';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { useWorkspace } from '../shell/workspaceContext';
import {
  DeleteRecordSection,
  DueBadge,
  EditableDetails,
  NewRecordPage,
  RecordHeader,
  RecordPage,
  useCanEdit,
  useMembers,
  useOwnerOptions,
  usePresetOrganisation,
  useRecordStatus,
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
  const preset = usePresetOrganisation();
  const [initial] = useState(() => emptyAgreementForm(preset));
  return (
    <NewRecordPage title={rt('agreement.newTitle')}>
      <AgreementForm
        formLabel={rt('agreement.newTitle')}
        initial={initial}
        cancelTo={`${base}/agreements`}
        onSubmit={async (body) => {
          const saved = await addAgreement({ slug: workspace.slug }, body);
          const state: SavedState = {
            status: rt('agreement.saved', { title: saved.title }),
            focusHeading: true,
            agreement: saved,
          };
          navigate(`${base}/agreements/${saved.id}`, { state });
        }}
      />
    </NewRecordPage>
  );
}

/** One agreement: what was agreed, by whom, its history; change or delete it. */
export function AgreementPage() {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  return (
    <RecordPage
      param={useParams().agreementId}
      cacheKey={`agreement:${slug}`}
      stateKey="agreement"
      loadingTitle={rt('agreement.pageTitle')}
      load={(id, signal) => getAgreement({ slug, agreement_id: id }, { signal })}
    >
      {(agreement, onChanged) => <AgreementView key={agreement.id} agreement={agreement} onChanged={onChanged} />}
    </RecordPage>
  );
}

function AgreementView({ agreement, onChanged }: { agreement: Agreement; onChanged: (saved: Agreement) => void }) {
  const rt = useRelationsText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const [status, setStatus] = useRecordStatus();
  const canEdit = useCanEdit();
  const members = useMembers();
  const who = (id: number | null) => members.find((m) => m.user.id === id)?.user.name ?? rt('agreement.unknownPerson');

  return (
    <>
      <RecordHeader title={agreement.title} status={status} />
      <EditableDetails
        headingId="agreement-details-heading"
        title={rt('agreement.details')}
        editTitle={rt('agreement.editTitle')}
        firstFieldId="agreement-title"
        onStartEditing={() => setStatus('')}
        onSaved={(saved: Agreement) => {
          onChanged(saved);
          setStatus(rt('agreement.saved', { title: saved.title }));
        }}
        form={(cancel, save) => (
          <AgreementForm
            formLabel={rt('agreement.editTitle')}
            initial={agreementToForm(agreement)}
            onCancel={cancel}
            onSubmit={(body) => save(updateAgreement({ slug: workspace.slug, agreement_id: agreement.id }, body))}
          />
        )}
      >
        <AgreementDetails agreement={agreement} who={who} />
      </EditableDetails>
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
      <DocumentsPanel recordKind="agreement" recordId={agreement.id} canWrite={canEdit} frame="card" />
      <DeleteRecordSection
        headingId="delete-agreement-heading"
        heading={rt('agreement.delete')}
        dialogTitle={rt('agreement.deleteTitle', { title: agreement.title })}
        confirmLabel={rt('interaction.deleteConfirm')}
        body={rt('agreement.deleteBody')}
        remove={() => deleteAgreement({ slug: workspace.slug, agreement_id: agreement.id })}
        leaveTo={`${base}/agreements`}
        leftStatus={rt('agreement.deleted', { title: agreement.title })}
      />
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
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  const interaction = useApiData(`agreement-interaction:${workspace.slug}:${agreement.interaction_id}`, (signal) =>
    agreement.interaction_id === null
      ? Promise.resolve(null)
      : getInteraction({ slug: workspace.slug, interaction_id: agreement.interaction_id }, { signal }),
  );
  const notSet = <span className="aantafel-meta">{rt('common.notSet')}</span>;
  const orgName = (id: number) => organisations.data?.items.find((o) => o.id === id)?.name ?? '…';
  return (
    <DataList className="aantafel-facts aantafel-facts--responsive">
      <Fact label={rt('agreement.status')}>
        <span>{rt(`status.${agreement.status}`)}</span>
        {agreement.open ? (
          <>
            {' '}
            <DueBadge dueOn={agreement.due_on} />
          </>
        ) : null}
      </Fact>
      <Fact label={rt('agreement.description')}>
        {agreement.description ? <span className="aantafel-pre-line">{agreement.description}</span> : notSet}
      </Fact>
      <Fact label={rt('agreements.parties')}>
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
      </Fact>
      <Fact label={rt('agreement.commitments')}>
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
      </Fact>
      <Fact label={rt('agreement.owner')}>{agreement.owner_id === null ? notSet : who(agreement.owner_id)}</Fact>
      <Fact label={rt('agreement.dueOn')}>{agreement.due_on ? formatDate(dayAsDate(agreement.due_on)) : notSet}</Fact>
      {agreement.interaction_id !== null ? (
        <Fact label={rt('agreement.interaction')}>
          <Link to={`${base}/${agreement.interaction_id}`} className="utrecht-link utrecht-link--html-a">
            {interaction.data?.subject ?? rt('interaction.title')}
          </Link>
        </Fact>
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
}: RecordFormProps<AgreementFormValues, AgreementWrite>) {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const { values, set } = useFormValues(initial);
  const firstPartyRef = useRef<HTMLInputElement>(null);
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const members = useMembers();
  const ownerOptions = useOwnerOptions(members);
  const orgs = organisations.data?.items ?? [];
  const form = useFieldForm(AGREEMENT_FIELDS, (name) => {
    if (name === 'organisation_ids') return firstPartyRef.current?.focus();
    if (name === 'commitments') return document.getElementById('agreement-commitment-us')?.focus();
    document.getElementById(`agreement-${name.replace(/_/g, '-')}`)?.focus();
  });
  const { fieldErrors } = form;

  const chosen = values.organisation_ids
    .map((id) => orgs.find((o) => o.id === id))
    .filter((o): o is NonNullable<typeof o> => Boolean(o));
  return (
    <FieldForm
      label={formLabel}
      form={form}
      onSubmit={(event) =>
        void form.submit(event, {
          check: () => translatedProblems(checkAgreementForm(values), rt),
          send: () => onSubmit(agreementRequestBody(values)),
        })
      }
      actions={{ submitLabel: rt('agreement.save'), cancelTo, onCancel }}
    >
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
      <CheckboxGroupField
        idBase="agreement-parties"
        legend={rt('agreement.parties')}
        description={rt('agreement.partiesHint')}
        error={fieldErrors.organisation_ids}
        options={orgs.map((o) => ({ value: o.id, id: `agreement-party-${o.id}`, label: o.name }))}
        selected={values.organisation_ids}
        onToggle={(id, checked) => set('organisation_ids', toggleId(values.organisation_ids, id, checked))}
        firstRef={firstPartyRef}
      >
        {organisations.error ? <ErrorAlert error={organisations.error} /> : null}
      </CheckboxGroupField>
      <FieldsetFrame
        legend={rt('agreement.commitments')}
        description={rt('agreement.commitmentsHint')}
        descriptionId="agreement-commitments-hint"
        error={fieldErrors.commitments}
        errorId="agreement-commitments-error"
      >
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
      </FieldsetFrame>
      <SelectField
        id="agreement-owner-id"
        label={rt('agreement.owner')}
        options={ownerOptions}
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
    </FieldForm>
  );
}
