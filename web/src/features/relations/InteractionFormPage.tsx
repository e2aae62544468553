import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldDescription,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { api } from '../../api/client';
import { INTERACTION_KINDS, STANCES, type Interaction, type InteractionWrite, type Member } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { positionKindLabel } from '../whoiswho/labels';
import { useWorkspace } from '../shell/workspaceContext';
import { firstInvalid, splitFieldErrors, type FieldErrors } from '../whoiswho/formErrors';
import { todayIso } from '../whoiswho/lists';
import { DueBadge, RelationsNav, useCanEdit, useHandedOverStatus, useRelationsBase } from './common';
import {
  checkInteractionForm,
  emptyInteractionForm,
  INTERACTION_FIELDS,
  interactionRequestBody,
  interactionToForm,
  toggleId,
  type InteractionFormValues,
} from './relations';
import { useRelationsText } from './texts';

/** Log a new contact. */
export function NewInteractionPage() {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const [search] = useSearchParams();
  const preset = Number(search.get('organisation') ?? '') || undefined;
  const [initial] = useState(() => emptyInteractionForm(new Date(), preset));
  return (
    <>
      <PageHeading title={rt('interaction.newTitle')} />
      <RelationsNav />
      {canEdit ? (
        <InteractionForm
          formLabel={rt('interaction.newTitle')}
          initial={initial}
          cancelTo={base}
          onSubmit={async (body) => {
            const saved = await api.addInteraction(workspace.slug, body);
            navigate(`${base}/${saved.id}`, { state: { status: rt('interaction.saved', { subject: saved.subject }) } });
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

/** One contact: change it, add follow-ups, delete it. */
export function InteractionPage() {
  const { interactionId: param } = useParams();
  const id = param && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : null;
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const data = useApiData(`interaction:${workspace.slug}:${id}`, (signal) =>
    id === null ? Promise.reject(new Error('no id')) : api.getInteraction(workspace.slug, id, signal),
  );
  if (id === null) return <NotFoundContent />;
  if (!data.data) {
    return (
      <>
        <PageHeading title={rt('interaction.editTitle')} />
        <RelationsNav />
        {data.error ? <ErrorAlert error={data.error} /> : <Loading />}
      </>
    );
  }
  return <InteractionView key={data.data.id} interaction={data.data} />;
}

function InteractionView({ interaction }: { interaction: Interaction }) {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const base = useRelationsBase();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const handedOver = useHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  const [current, setCurrent] = useState(interaction);
  const [initial] = useState(() => interactionToForm(interaction));
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <PageHeading title={current.subject} />
      <RelationsNav />
      <StatusMessage>{status}</StatusMessage>
      {canEdit ? (
        <InteractionForm
          formLabel={rt('interaction.editTitle')}
          initial={initial}
          cancelTo={base}
          onSubmit={async (body) => {
            const saved = await api.updateInteraction(workspace.slug, interaction.id, body);
            setCurrent(saved);
            setStatus(rt('interaction.saved', { subject: saved.subject }));
          }}
        />
      ) : (
        <Paragraph>{current.notes}</Paragraph>
      )}
      <FollowUpsSection interactionId={interaction.id} onStatus={setStatus} />
      {canEdit ? (
        <section className="aantafel-card" aria-labelledby="delete-interaction-heading">
          <Heading2 id="delete-interaction-heading">{rt('interaction.delete')}</Heading2>
          <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setDeleting(true)}>
            {rt('interaction.delete')}
          </Button>
          <ConfirmDialog
            open={deleting}
            title={rt('interaction.deleteTitle', { subject: current.subject })}
            confirmLabel={rt('interaction.deleteConfirm')}
            onCancel={() => setDeleting(false)}
            onConfirm={async () => {
              await api.deleteInteraction(workspace.slug, interaction.id);
              setDeleting(false);
              navigate(base, { state: { status: rt('interaction.deleted', { subject: current.subject }) } });
            }}
          >
            {rt('interaction.deleteBody')}
          </ConfirmDialog>
        </section>
      ) : null}
    </>
  );
}

function useMembers(): Member[] {
  const { workspace } = useWorkspace();
  const members = useApiData(`members:${workspace.slug}`, (signal) => api.listMembers(workspace.slug, signal));
  return members.data?.items ?? [];
}

/** The follow-ups of one contact, and a form to add one. */
function FollowUpsSection({ interactionId, onStatus }: { interactionId: number; onStatus: (s: string) => void }) {
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const canEdit = useCanEdit();
  const members = useMembers();
  const followUps = useApiData(`follow-ups:${workspace.slug}`, (signal) =>
    api.listFollowUps(workspace.slug, undefined, signal),
  );
  const mine = (followUps.data?.items ?? []).filter((f) => f.interaction_id === interactionId);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const local: FieldErrors = {};
    if (!title.trim()) local.title = rt('error.title');
    if (!dueOn) local.due_on = rt('error.dueOn');
    setErrors(local);
    setError(null);
    if (Object.keys(local).length > 0) {
      document.getElementById(local.title ? 'follow-up-title' : 'follow-up-due-on')?.focus();
      return;
    }
    setBusy(true);
    try {
      const added = await api.addFollowUp(workspace.slug, {
        title: title.trim(),
        due_on: dueOn,
        owner_id: owner ? Number(owner) : null,
        interaction_id: interactionId,
      });
      setTitle('');
      setDueOn('');
      setOwner('');
      await followUps.reload();
      onStatus(rt('followUp.added', { title: added.title }));
    } catch (caught) {
      const { fields, rest } = splitFieldErrors(caught, ['title', 'due_on', 'owner_id']);
      setErrors(fields);
      setError(rest);
    } finally {
      setBusy(false);
    }
  }

  const ownerName = (id: number | null) => members.find((m) => m.user.id === id)?.user.name ?? '';
  return (
    <section className="aantafel-card" aria-labelledby="follow-ups-heading">
      <Heading2 id="follow-ups-heading">{rt('interaction.followUpsTitle')}</Heading2>
      {followUps.error ? <ErrorAlert error={followUps.error} /> : null}
      {followUps.data && mine.length === 0 ? <Paragraph>{rt('interaction.noFollowUps')}</Paragraph> : null}
      {mine.length > 0 ? (
        <ul className="aantafel-relations-list">
          {mine.map((f) => (
            <li key={f.id} className={f.overdue ? 'aantafel-relations-item aantafel-relations-item--overdue' : 'aantafel-relations-item'}>
              {f.title} {f.owner_id !== null ? <span className="aantafel-meta">({ownerName(f.owner_id)})</span> : null}{' '}
              {f.done ? <span className="aantafel-badge aantafel-badge--ok">{rt('followUp.done')}</span> : <DueBadge dueOn={f.due_on} />}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form noValidate onSubmit={(event) => void add(event)} aria-label={rt('followUp.add')}>
          {error ? <ErrorAlert error={error} /> : null}
          <TextField
            id="follow-up-title"
            label={rt('followUp.title')}
            required
            autoComplete="off"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            error={errors.title}
          />
          <SelectField
            id="follow-up-owner"
            label={rt('followUp.owner')}
            options={[
              { value: '', label: rt('followUp.noOwner') },
              ...members.map((m) => ({ value: String(m.user.id), label: m.user.name })),
            ]}
            value={owner}
            onChange={(event) => setOwner(event.target.value)}
            error={errors.owner_id}
          />
          <TextField
            id="follow-up-due-on"
            type="date"
            label={rt('followUp.dueOn')}
            required
            min={todayIso()}
            value={dueOn}
            onChange={(event) => setDueOn(event.target.value)}
            error={errors.due_on}
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
  onSubmit,
}: {
  formLabel: string;
  initial: InteractionFormValues;
  cancelTo: string;
  onSubmit: (body: InteractionWrite) => Promise<void>;
}) {
  const rt = useRelationsText();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const firstStanceRef = useRef<HTMLInputElement>(null);
  const organisations = useApiData(`organisations:${slug}`, (signal) => api.listOrganisations(slug, signal));
  const members = useMembers();
  const organisationId = values.organisation_id ? Number(values.organisation_id) : null;
  const people = useApiData(`interaction-people:${slug}:${organisationId}`, (signal) =>
    organisationId === null
      ? Promise.resolve({ items: [], has_more: false })
      : api.listPeople(slug, { organisation_id: organisationId, limit: 500 }, signal),
  );

  const set = <K extends keyof InteractionFormValues>(name: K, value: InteractionFormValues[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  function focusField(name: string | undefined) {
    if (!name) return;
    if (name === 'stance') return firstStanceRef.current?.focus();
    document.getElementById(`interaction-${name.replace(/_/g, '-')}`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const local: FieldErrors = {};
    for (const [name, key] of Object.entries(checkInteractionForm(values))) if (key) local[name] = rt(key);
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      focusField(firstInvalid(local, INTERACTION_FIELDS));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await onSubmit(interactionRequestBody(values));
    } catch (caught) {
      const { fields, rest } = splitFieldErrors(caught, INTERACTION_FIELDS);
      setFieldErrors(fields);
      setError(rest);
      focusField(firstInvalid(fields, INTERACTION_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const orgs = organisations.data?.items ?? [];
  const peopleItems = people.data?.items ?? [];
  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || undefined} aria-label={formLabel}>
      {error ? <ErrorAlert error={error} /> : null}
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
      <fieldset className="aantafel-radio-group" aria-describedby="interaction-people-hint">
        <legend className="aantafel-radio-group__legend">{rt('interaction.people')}</legend>
        <FormFieldDescription id="interaction-people-hint">{rt('interaction.peopleHint')}</FormFieldDescription>
        {fieldErrors.person_ids ? <Paragraph className="aantafel-field-error">{fieldErrors.person_ids}</Paragraph> : null}
        {organisationId === null ? <Paragraph>{rt('interaction.pickOrganisationFirst')}</Paragraph> : null}
        {people.error ? <ErrorAlert error={people.error} /> : null}
        {organisationId !== null && people.data && !people.loading && peopleItems.length === 0 ? (
          <Paragraph>{rt('interaction.noPeople')}</Paragraph>
        ) : null}
        <div className="aantafel-radio-group__options">
          {peopleItems.map((p) => {
            const optionId = `interaction-person-${p.id}`;
            const role = p.current_positions
              .filter((pos) => pos.organisation_id === organisationId)
              .map((pos) => pos.title || t(positionKindLabel(pos.kind)))
              .filter(Boolean)
              .join(', ');
            return (
              <div key={p.id} className="aantafel-radio">
                <input
                  type="checkbox"
                  id={optionId}
                  className="aantafel-radio__input"
                  checked={values.person_ids.includes(p.id)}
                  onChange={(event) => set('person_ids', toggleId(values.person_ids, p.id, event.target.checked))}
                />
                <label htmlFor={optionId} className="aantafel-radio__label">
                  {p.name}
                  {role ? <span className="aantafel-meta"> ({role})</span> : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="aantafel-radio-group">
        <legend className="aantafel-radio-group__legend">{rt('interaction.staff')}</legend>
        {fieldErrors.staff_ids ? <Paragraph className="aantafel-field-error">{fieldErrors.staff_ids}</Paragraph> : null}
        <div className="aantafel-radio-group__options">
          {members.map((m) => {
            const optionId = `interaction-staff-${m.user.id}`;
            return (
              <div key={m.user.id} className="aantafel-radio">
                <input
                  type="checkbox"
                  id={optionId}
                  className="aantafel-radio__input"
                  checked={values.staff_ids.includes(m.user.id)}
                  onChange={(event) => set('staff_ids', toggleId(values.staff_ids, m.user.id, event.target.checked))}
                />
                <label htmlFor={optionId} className="aantafel-radio__label">
                  {m.user.name}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {rt('interaction.save')}
        </Button>
        <Link to={cancelTo} className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--subtle">
          {t('common.cancel')}
        </Link>
      </ButtonGroup>
    </form>
  );
}
