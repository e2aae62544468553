import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Button, DataList, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { isApiError } from '../../api/client';
import {
  INTERACTION_KINDS,
  STANCES,
  type FollowUp,
  type Interaction,
  type InteractionWrite,
} from '../../api/types';
import {
  addFollowUp,
  addInteraction,
  deleteInteraction,
  getInteraction,
  listFollowUps,
  updateInteraction,
} from '../../api/generated/relations';
import { listOrganisations, listPeople } from '../../api/generated/whoiswho';
import { Fact } from '../../components/Fact';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldsetFrame } from '../../components/FieldsetFrame';
import { FieldForm, type RecordFormProps } from '../../components/FieldForm';
import { firstInvalid, splitFieldErrors, translatedProblems, type FieldErrors } from '../../components/formErrors';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData, type ApiData } from '../../components/useApiData';
import { useFieldForm, useFormValues } from '../../components/useFieldForm';
import { useI18n } from '../../i18n/I18nProvider';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { positionKindLabel } from '../whoiswho/labels';
import { useWorkspace } from '../shell/workspaceContext';
import {
  DeleteRecordSection,
  DueBadge,
  EditableDetails,
  focusPageHeading,
  NewRecordPage,
  RecordHeader,
  RecordPage,
  useCanEdit,
  useCurrentUserId,
  useMembers,
  useOwnerOptions,
  usePresetOrganisation,
  useRecordStatus,
  useRelationsBase,
} from './common';
import { draftFieldId, FollowUpDrafts, FollowUpFields } from './FollowUpDrafts';
import {
  checkFollowUpDraft,
  checkInteractionForm,
  emptyFollowUpDraft,
  emptyInteractionForm,
  FOLLOW_UP_FIELDS,
  followUpRequestBody,
  INTERACTION_FIELDS,
  interactionRequestBody,
  interactionToForm,
  isBlankFollowUp,
  toggleId,
  unsavedFromState,
  type FollowUpDraft,
  type InteractionFormValues,
  type UnsavedFollowUp,
} from './relations';
import { useRelationsText } from './texts';

/** What "save" on a new contact hands to the contact's page (history state: plain data only). */
interface SavedState {
  status: string;
  focusHeading: true;
  interaction: Interaction;
  unsavedFollowUps: UnsavedFollowUp[];
}

/**
 * Saves the follow-ups typed into the contact form, one by one, after the contact exists. The ones
 * the server refuses come back with its problems, so the contact's page can show them again.
 */
async function saveFollowUps(
  slug: string,
  interactionId: number,
  drafts: readonly FollowUpDraft[],
  generalError: string,
): Promise<{ saved: FollowUp[]; unsaved: UnsavedFollowUp[] }> {
  const saved: FollowUp[] = [];
  const unsaved: UnsavedFollowUp[] = [];
  for (const draft of drafts) {
    try {
      saved.push(await addFollowUp({ slug }, followUpRequestBody(draft, interactionId)));
    } catch (caught) {
      const { fields, rest } = splitFieldErrors(caught, FOLLOW_UP_FIELDS);
      const clean: Record<string, string> = {};
      for (const [name, message] of Object.entries(fields)) if (message) clean[name] = message;
      unsaved.push({
        key: draft.key,
        title: draft.title,
        owner_id: draft.owner_id,
        due_on: draft.due_on,
        fields: clean,
        message: rest === null ? null : isApiError(rest) ? rest.message : generalError,
      });
    }
  }
  return { saved, unsaved };
}

/** Log a new contact, with its follow-ups if there are any. */
export function NewInteractionPage() {
  const rt = useRelationsText();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const me = useCurrentUserId();
  const preset = usePresetOrganisation();
  const [initial] = useState(() => emptyInteractionForm(new Date(), preset, me));
  return (
    <NewRecordPage title={rt('interaction.newTitle')}>
      <InteractionForm
        formLabel={rt('interaction.newTitle')}
        initial={initial}
        cancelTo={base}
        withFollowUps
        onSubmit={async (body, drafts) => {
          const saved = await addInteraction({ slug: workspace.slug }, body);
          const result = await saveFollowUps(workspace.slug, saved.id, drafts, t('errors.general'));
          const count = result.saved.length;
          const status =
            count === 0
              ? rt('interaction.saved', { subject: saved.subject })
              : count === 1
                ? rt('interaction.savedWithFollowUp', { subject: saved.subject })
                : rt('interaction.savedWithFollowUps', { subject: saved.subject, count });
          const state: SavedState = { status, focusHeading: true, interaction: saved, unsavedFollowUps: result.unsaved };
          navigate(`${base}/${saved.id}`, { state });
        }}
      />
    </NewRecordPage>
  );
}

/** One contact: what was recorded, its follow-ups; change or delete it. */
export function InteractionPage() {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  // Just saved: show what the server answered at once (no loading step), then its fresh copy.
  return (
    <RecordPage
      param={useParams().interactionId}
      cacheKey={`interaction:${slug}`}
      stateKey="interaction"
      loadingTitle={rt('interaction.title')}
      load={(id, signal) => getInteraction({ slug, interaction_id: id }, { signal })}
    >
      {(interaction, onChanged) => (
        <InteractionView key={interaction.id} interaction={interaction} onChanged={onChanged} />
      )}
    </RecordPage>
  );
}

function InteractionView({
  interaction,
  onChanged,
}: {
  interaction: Interaction;
  onChanged: (saved: Interaction) => void;
}) {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const location = useLocation();
  const canEdit = useCanEdit();
  const [status, setStatus] = useRecordStatus();
  const [unsaved, setUnsaved] = useState(() => unsavedFromState(location.state));
  const followUps = useApiData(`follow-ups:${workspace.slug}`, (signal) =>
    listFollowUps({ slug: workspace.slug }, {}, { signal }),
  );

  /** Keeps the history entry in step, so a reload shows what is still unsaved (and no more). */
  function rememberUnsaved(next: UnsavedFollowUp[]) {
    setUnsaved(next);
    const state = (location.state as Record<string, unknown> | null) ?? {};
    void navigate(`${location.pathname}${location.search}`, {
      replace: true,
      state: { ...state, focusHeading: false, unsavedFollowUps: next },
    });
  }

  return (
    <>
      <RecordHeader title={interaction.subject} status={status} />
      {canEdit && unsaved.length > 0 ? (
        <UnsavedFollowUps
          interactionId={interaction.id}
          unsaved={unsaved}
          onChange={rememberUnsaved}
          onSaved={async (message) => {
            await followUps.reload();
            setStatus(message);
          }}
        />
      ) : null}
      <EditableDetails
        headingId="interaction-details-heading"
        title={rt('interaction.details')}
        editTitle={rt('interaction.editTitle')}
        firstFieldId="interaction-occurred-at"
        onStartEditing={() => setStatus('')}
        onSaved={(saved: Interaction) => {
          onChanged(saved);
          setStatus(rt('interaction.saved', { subject: saved.subject }));
        }}
        form={(cancel, save) => (
          <InteractionForm
            formLabel={rt('interaction.editTitle')}
            initial={interactionToForm(interaction)}
            onCancel={cancel}
            onSubmit={(body) => save(updateInteraction({ slug: workspace.slug, interaction_id: interaction.id }, body))}
          />
        )}
      >
        <InteractionDetails interaction={interaction} />
      </EditableDetails>
      <FollowUpsSection interactionId={interaction.id} followUps={followUps} onStatus={setStatus} />
      <DocumentsPanel recordKind="interaction" recordId={interaction.id} canWrite={canEdit} frame="card" />
      <DeleteRecordSection
        headingId="delete-interaction-heading"
        heading={rt('interaction.delete')}
        dialogTitle={rt('interaction.deleteTitle', { subject: interaction.subject })}
        confirmLabel={rt('interaction.deleteConfirm')}
        body={rt('interaction.deleteBody')}
        remove={() => deleteInteraction({ slug: workspace.slug, interaction_id: interaction.id })}
        leaveTo={base}
        leftStatus={rt('interaction.deleted', { subject: interaction.subject })}
      />
    </>
  );
}

/**
 * Names of the people at a contact. The organisation's current people come in one request; anyone
 * who has left it since is looked up in the whole of Wie is wie (names only, no personal data).
 */
function usePeopleNames(organisationId: number | null, ids: readonly number[]): Map<number, string> | undefined {
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const key = `interaction-people-names:${slug}:${organisationId}:${ids.join(',')}`;
  const names = useApiData(key, async (signal) => {
    const found = new Map<number, string>();
    if (ids.length === 0) return found;
    if (organisationId !== null) {
      const page = await listPeople({ slug }, { organisation_id: organisationId, limit: 500 }, { signal });
      for (const p of page.items) found.set(p.id, p.name);
    }
    if (ids.some((id) => !found.has(id))) {
      const page = await listPeople({ slug }, { limit: 500 }, { signal });
      for (const p of page.items) if (!found.has(p.id)) found.set(p.id, p.name);
    }
    return found;
  });
  return names.data;
}

/** The recorded contact, readable: dates in words, names instead of numbers, labels translated. */
function InteractionDetails({ interaction }: { interaction: Interaction }) {
  const rt = useRelationsText();
  const { formatDateTime } = useI18n();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const members = useMembers();
  const organisations = useApiData(`organisations:${workspace.slug}`, (signal) =>
    listOrganisations({ slug: workspace.slug }, { signal }),
  );
  const people = usePeopleNames(interaction.organisation_id, interaction.person_ids);
  const notSet = <span className="aantafel-meta">{rt('common.notSet')}</span>;
  const organisation = organisations.data?.items.find((o) => o.id === interaction.organisation_id);
  const memberName = (id: number | null) =>
    members.find((m) => m.user.id === id)?.user.name ?? rt('interaction.unknownPerson');
  const names = (list: string[]) =>
    list.length === 0 ? (
      notSet
    ) : (
      <ul className="aantafel-plain-list">
        {list.map((name, index) => (
          <li key={`${name}-${index}`}>{name}</li>
        ))}
      </ul>
    );
  return (
    <DataList className="aantafel-facts aantafel-facts--responsive">
      <Fact label={rt('interaction.occurredAt')}>{formatDateTime(interaction.occurred_at)}</Fact>
      <Fact label={rt('interaction.kind')}>{rt(`kind.${interaction.kind}`)}</Fact>
      <Fact label={rt('interaction.organisation')}>
        {interaction.organisation_id === null ? (
          notSet
        ) : organisation ? (
          <Link to={`${base}/organisations/${organisation.id}`} className="utrecht-link utrecht-link--html-a">{organisation.name}</Link>
        ) : (
          '…'
        )}
      </Fact>
      <Fact label={rt('interaction.stanceLabel')}>{rt(`stance.${interaction.stance}`)}</Fact>
      <Fact label={rt('interaction.tags')}>{interaction.tags.length > 0 ? interaction.tags.join(', ') : notSet}</Fact>
      <Fact label={rt('interaction.peopleLabel')}>
        {names(interaction.person_ids.map((id) => people?.get(id) ?? (people ? rt('interaction.unknownPerson') : '…')))}
      </Fact>
      <Fact label={rt('interaction.staffLabel')}>{names(interaction.staff_ids.map((id) => memberName(id)))}</Fact>
      <Fact label={rt('interaction.notes')}>
        {interaction.notes ? <span className="aantafel-pre-line">{interaction.notes}</span> : notSet}
      </Fact>
      <Fact label={rt('interaction.recorded')}>
        {rt('interaction.recordedBy', {
          date: formatDateTime(interaction.created_at),
          who: memberName(interaction.created_by),
        })}
      </Fact>
    </DataList>
  );
}

/**
 * Follow-ups typed into the contact form that the server did not take: shown again, with the
 * server's problems at their fields, to correct and save.
 */
function UnsavedFollowUps({
  interactionId,
  unsaved,
  onChange,
  onSaved,
}: {
  interactionId: number;
  unsaved: UnsavedFollowUp[];
  onChange: (next: UnsavedFollowUp[]) => void;
  onSaved: (message: string) => Promise<void>;
}) {
  const rt = useRelationsText();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const members = useMembers();
  const [busy, setBusy] = useState(false);
  const errors: Record<number, FieldErrors> = {};
  for (const u of unsaved) errors[u.key] = { ...u.fields, other: u.message ?? undefined };

  function focusFirstProblem(list: readonly UnsavedFollowUp[]) {
    const first = list.find((u) => Object.keys(u.fields).length > 0) ?? list[0];
    if (!first) return;
    const field = (firstInvalid(first.fields, FOLLOW_UP_FIELDS) ?? 'title') as 'title' | 'owner_id' | 'due_on';
    requestAnimationFrame(() => document.getElementById(draftFieldId('unsaved-follow-up', first.key, field))?.focus());
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // Check first: nothing is sent while a group has a problem.
    const checked = unsaved.map((u) => ({
      ...u,
      fields: translatedProblems(checkFollowUpDraft(u), rt),
      message: null,
    }));
    if (checked.some((u) => Object.keys(u.fields).length > 0)) {
      onChange(checked);
      focusFirstProblem(checked);
      return;
    }
    setBusy(true);
    try {
      const result = await saveFollowUps(workspace.slug, interactionId, unsaved, t('errors.general'));
      onChange(result.unsaved);
      if (result.unsaved.length === 0) {
        await onSaved(rt('unsaved.saved'));
        focusPageHeading();
      } else {
        await onSaved(result.saved.length > 0 ? rt('unsaved.savedSome', { count: result.saved.length }) : '');
        focusFirstProblem(result.unsaved);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="aantafel-card" aria-labelledby="unsaved-follow-ups-heading">
      <Heading2 id="unsaved-follow-ups-heading">{rt('unsaved.title')}</Heading2>
      <Alert type="warning">
        <Paragraph>{rt('unsaved.body')}</Paragraph>
      </Alert>
      <form noValidate onSubmit={(event) => void save(event)} aria-labelledby="unsaved-follow-ups-heading">
        <FollowUpDrafts
          drafts={unsaved}
          errors={errors}
          members={members}
          idPrefix="unsaved-follow-up"
          listLabel={rt('unsaved.listLabel')}
          onChange={(key, patch) => onChange(unsaved.map((u) => (u.key === key ? { ...u, ...patch } : u)))}
          onRemove={(index) => onChange(unsaved.filter((_, i) => i !== index))}
        />
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {rt('unsaved.save')}
        </Button>
      </form>
    </section>
  );
}

/** The follow-ups of one contact, and a form to add one. */
function FollowUpsSection({
  interactionId,
  followUps,
  onStatus,
}: {
  interactionId: number;
  followUps: ApiData<{ items: FollowUp[] }>;
  onStatus: (s: string) => void;
}) {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const members = useMembers();
  const mine = (followUps.data?.items ?? []).filter((f) => f.interaction_id === interactionId);
  const ownerOptions = useOwnerOptions(members);
  const empty = { title: '', owner_id: '', due_on: '' };
  const { values, setValues } = useFormValues(empty);
  const form = useFieldForm(FOLLOW_UP_FIELDS, (name) =>
    document.getElementById(`follow-up-${name.replace(/_/g, '-')}`)?.focus(),
  );
  const { fieldErrors: errors, busy } = form;

  function add(event: FormEvent<HTMLFormElement>) {
    void form.submit(event, {
      check: () => translatedProblems(checkFollowUpDraft(values), rt),
      send: async () => {
        const added = await addFollowUp({ slug: workspace.slug }, followUpRequestBody(values, interactionId));
        setValues(empty);
        await followUps.reload();
        onStatus(rt('followUp.added', { title: added.title }));
      },
    });
  }

  const ownerName = (id: number | null) => members.find((m) => m.user.id === id)?.user.name ?? '';
  return (
    <section className="aantafel-card" aria-labelledby="follow-ups-heading">
      <Heading2 id="follow-ups-heading">{rt('interaction.followUpsTitle')}</Heading2>
      {followUps.error ? <ErrorAlert error={followUps.error} /> : null}
      {followUps.data && mine.length === 0 ? <Paragraph>{rt('interaction.noFollowUps')}</Paragraph> : null}
      {mine.length > 0 ? (
        <ul className="aantafel-relations-list" aria-labelledby="follow-ups-heading">
          {mine.map((f) => (
            <li key={f.id} className={f.overdue ? 'aantafel-relations-item aantafel-relations-item--overdue' : 'aantafel-relations-item'}>
              {f.title} {f.owner_id !== null ? <span className="aantafel-meta">({ownerName(f.owner_id)})</span> : null}{' '}
              {f.done ? <span className="aantafel-badge aantafel-badge--ok">{rt('followUp.done')}</span> : <DueBadge dueOn={f.due_on} />}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form
          className="aantafel-follow-up-add"
          noValidate
          onSubmit={add}
          aria-labelledby="follow-up-add-heading"
        >
          <Heading3 id="follow-up-add-heading">{rt('followUp.addTitle')}</Heading3>
          {form.error ? <ErrorAlert error={form.error} /> : null}
          <FollowUpFields
            idOf={(field) => `follow-up-${field.replace(/_/g, '-')}`}
            values={values}
            errors={errors}
            ownerOptions={ownerOptions}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          />
          <Button type="submit" appearance="secondary-action-button" busy={busy}>
            {rt('followUp.add')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

/** The contact's fields; checks them, shows problems at the fields and sends the body. */
function InteractionForm({
  formLabel,
  initial,
  cancelTo,
  onCancel,
  withFollowUps = false,
  onSubmit,
}: Omit<RecordFormProps<InteractionFormValues, InteractionWrite>, 'onSubmit'> & {
  /** A new contact: follow-ups can be typed in before the first save. */
  withFollowUps?: boolean;
  onSubmit: (body: InteractionWrite, followUps: FollowUpDraft[]) => Promise<void>;
}) {
  const rt = useRelationsText();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const { values, setValues, set } = useFormValues(initial);
  const [drafts, setDrafts] = useState<FollowUpDraft[]>([]);
  const [draftErrors, setDraftErrors] = useState<Record<number, FieldErrors>>({});
  const [draftStatus, setDraftStatus] = useState('');
  const firstStanceRef = useRef<HTMLInputElement>(null);
  const addDraftRef = useRef<HTMLButtonElement>(null);
  const organisations = useApiData(`organisations:${slug}`, (signal) => listOrganisations({ slug }, { signal }));
  const members = useMembers();
  const organisationId = values.organisation_id ? Number(values.organisation_id) : null;
  const people = useApiData(`interaction-people:${slug}:${organisationId}`, (signal) =>
    organisationId === null
      ? Promise.resolve({ items: [], has_more: false })
      : listPeople({ slug }, { organisation_id: organisationId, limit: 500 }, { signal }),
  );
  const form = useFieldForm(INTERACTION_FIELDS, (name) => {
    if (name === 'stance') return firstStanceRef.current?.focus();
    if (name === 'person_ids' || name === 'staff_ids') {
      const group = name === 'person_ids' ? 'interaction-people' : 'interaction-staff';
      return document.querySelector<HTMLInputElement>(`#${group} input`)?.focus();
    }
    document.getElementById(`interaction-${name.replace(/_/g, '-')}`)?.focus();
  });
  const { fieldErrors } = form;

  function addDraft() {
    const draft = emptyFollowUpDraft();
    setDrafts((current) => [...current, draft]);
    setDraftStatus('');
    requestAnimationFrame(() => document.getElementById(draftFieldId('new-follow-up', draft.key, 'title'))?.focus());
  }

  function removeDraft(index: number) {
    const next = drafts.filter((_, i) => i !== index);
    setDrafts(next);
    setDraftStatus(rt('followUp.removed', { number: index + 1 }));
    const after = next[index] ?? next[index - 1];
    if (after) document.getElementById(draftFieldId('new-follow-up', after.key, 'title'))?.focus();
    else addDraftRef.current?.focus();
  }

  function changeDraft(key: number, patch: Partial<Omit<FollowUpDraft, 'key'>>) {
    setDrafts((current) => current.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  }

  // Groups left empty are skipped; a group half filled in must be finished first.
  const toSave = () => drafts.filter((d) => !isBlankFollowUp(d));

  /** The contact's own check, then the follow-ups': null (focus moved) when one of those is wrong. */
  function check(): FieldErrors | null {
    const local = translatedProblems(checkInteractionForm(values), rt);
    const localDrafts: Record<number, FieldErrors> = {};
    for (const draft of toSave()) {
      const problems = translatedProblems(checkFollowUpDraft(draft), rt);
      if (Object.keys(problems).length > 0) localDrafts[draft.key] = problems;
    }
    setDraftErrors(localDrafts);
    if (Object.keys(local).length > 0) return local;
    const badDraft = toSave().find((d) => localDrafts[d.key]);
    if (badDraft) {
      const field = firstInvalid(localDrafts[badDraft.key]!, FOLLOW_UP_FIELDS) as 'title' | 'due_on';
      document.getElementById(draftFieldId('new-follow-up', badDraft.key, field))?.focus();
      return null;
    }
    return {};
  }

  const orgs = organisations.data?.items ?? [];
  const peopleItems = people.data?.items ?? [];
  return (
    <FieldForm
      label={formLabel}
      form={form}
      onSubmit={(event) =>
        void form.submit(event, { check, send: () => onSubmit(interactionRequestBody(values), toSave()) })
      }
      actions={{ submitLabel: rt('interaction.save'), cancelTo, onCancel }}
    >
      <TextField
        id="interaction-occurred-at"
        type="datetime-local"
        label={rt('interaction.occurredAt')}
        required
        value={values.occurred_at}
        onChange={(event) => set('occurred_at', event.target.value)}
        error={fieldErrors.occurred_at}
      />
      <SelectField
        id="interaction-kind"
        label={rt('interaction.kind')}
        options={INTERACTION_KINDS.map((k) => ({ value: k, label: rt(`kind.${k}`) }))}
        value={values.kind}
        onChange={(event) => set('kind', event.target.value as InteractionFormValues['kind'])}
        error={fieldErrors.kind}
      />
      <SelectField
        id="interaction-organisation-id"
        label={rt('interaction.organisation')}
        required
        options={[
          { value: '', label: rt('interaction.noOrganisation') },
          ...orgs.map((o) => ({ value: String(o.id), label: o.name })),
        ]}
        value={values.organisation_id}
        onChange={(event) => setValues((v) => ({ ...v, organisation_id: event.target.value, person_ids: [] }))}
        error={fieldErrors.organisation_id}
      />
      <TextField
        id="interaction-subject"
        label={rt('interaction.subject')}
        required
        autoComplete="off"
        maxLength={200}
        value={values.subject}
        onChange={(event) => set('subject', event.target.value)}
        error={fieldErrors.subject}
      />
      <TextAreaField
        id="interaction-notes"
        label={rt('interaction.notes')}
        description={rt('interaction.notesHint')}
        rows={5}
        maxLength={20000}
        value={values.notes}
        onChange={(event) => set('notes', event.target.value)}
        error={fieldErrors.notes}
      />
      <RadioGroupField
        legend={rt('interaction.stance')}
        name="stance"
        options={STANCES.map((s) => ({ value: s, label: rt(`stance.${s}`) }))}
        value={values.stance}
        onChange={(value) => set('stance', value as InteractionFormValues['stance'])}
        error={fieldErrors.stance}
        firstRef={firstStanceRef}
      />
      <TextField
        id="interaction-tags"
        label={rt('interaction.tags')}
        description={rt('interaction.tagsHint')}
        autoComplete="off"
        maxLength={500}
        value={values.tags}
        onChange={(event) => set('tags', event.target.value)}
        error={fieldErrors.tags}
      />
      <CheckboxGroupField
        id="interaction-people"
        idBase="interaction-people"
        legend={rt('interaction.people')}
        description={rt('interaction.peopleHint')}
        error={fieldErrors.person_ids}
        options={peopleItems.map((p) => {
          const role = p.current_positions
            .filter((pos) => pos.organisation_id === organisationId)
            .map((pos) => pos.title || t(positionKindLabel(pos.kind)))
            .filter(Boolean)
            .join(', ');
          return {
            value: p.id,
            id: `interaction-person-${p.id}`,
            label: (
              <>
                {p.name}
                {role ? <span className="aantafel-meta"> ({role})</span> : null}
              </>
            ),
          };
        })}
        selected={values.person_ids}
        onToggle={(id, checked) => set('person_ids', toggleId(values.person_ids, id, checked))}
      >
        {organisationId === null ? <Paragraph>{rt('interaction.pickOrganisationFirst')}</Paragraph> : null}
        {people.error ? <ErrorAlert error={people.error} /> : null}
        {organisationId !== null && people.data && !people.loading && peopleItems.length === 0 ? (
          <Paragraph>{rt('interaction.noPeople')}</Paragraph>
        ) : null}
      </CheckboxGroupField>
      <CheckboxGroupField
        id="interaction-staff"
        idBase="interaction-staff"
        legend={rt('interaction.staff')}
        error={fieldErrors.staff_ids}
        options={members.map((m) => ({ value: m.user.id, id: `interaction-staff-${m.user.id}`, label: m.user.name }))}
        selected={values.staff_ids}
        onToggle={(id, checked) => set('staff_ids', toggleId(values.staff_ids, id, checked))}
      />
      {withFollowUps ? (
        <FieldsetFrame
          legend={rt('interaction.followUpsInForm')}
          description={rt('interaction.followUpsInFormHint')}
          descriptionId="interaction-follow-ups-hint"
          errorId="interaction-follow-ups-error"
        >
          <FollowUpDrafts
            drafts={drafts}
            errors={draftErrors}
            members={members}
            idPrefix="new-follow-up"
            listLabel={rt('interaction.followUpsListLabel')}
            onChange={changeDraft}
            onRemove={removeDraft}
          />
          <StatusMessage>{draftStatus}</StatusMessage>
          <div className="aantafel-actions">
            <Button ref={addDraftRef} type="button" appearance="secondary-action-button" onClick={addDraft}>
              {drafts.length === 0 ? rt('followUp.addToForm') : rt('followUp.addAnother')}
            </Button>
          </div>
        </FieldsetFrame>
      ) : null}
    </FieldForm>
  );
}
