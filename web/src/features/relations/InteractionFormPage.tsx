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
import { api, isApiError } from '../../api/client';
import {
  INTERACTION_KINDS,
  STANCES,
  type FollowUp,
  type Interaction,
  type InteractionWrite,
  type Member,
} from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { StatusMessage } from '../../components/StatusMessage';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useApiData, type ApiData } from '../../components/useApiData';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundContent } from '../shell/NotFoundPage';
import { positionKindLabel } from '../whoiswho/labels';
import { useWorkspace } from '../shell/workspaceContext';
import { firstInvalid, splitFieldErrors, type FieldErrors } from '../whoiswho/formErrors';
import { todayIso } from '../whoiswho/lists';
import {
  DueBadge,
  focusPageHeading,
  RelationsNav,
  useCanEdit,
  useCurrentUserId,
  useFocusHeadingOnArrival,
  useHandedOverStatus,
  useRelationsBase,
} from './common';
import { draftFieldId, FollowUpDrafts } from './FollowUpDrafts';
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
      saved.push(await api.addFollowUp(slug, followUpRequestBody(draft, interactionId)));
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
  const canEdit = useCanEdit();
  const me = useCurrentUserId();
  const [search] = useSearchParams();
  const preset = Number(search.get('organisation') ?? '') || undefined;
  const [initial] = useState(() => emptyInteractionForm(new Date(), preset, me));
  return (
    <>
      <PageHeading title={rt('interaction.newTitle')} />
      <RelationsNav />
      {canEdit ? (
        <InteractionForm
          formLabel={rt('interaction.newTitle')}
          initial={initial}
          cancelTo={base}
          withFollowUps
          onSubmit={async (body, drafts) => {
            const saved = await api.addInteraction(workspace.slug, body);
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
      ) : (
        <Alert type="info">
          <Paragraph>{rt('viewerCannotEdit')}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** One contact: what was recorded, its follow-ups; change or delete it. */
export function InteractionPage() {
  const { interactionId: param } = useParams();
  const id = param && /^[1-9][0-9]{0,15}$/.test(param) ? Number(param) : null;
  const rt = useRelationsText();
  const { workspace } = useWorkspace();
  const location = useLocation();
  const [changed, setChanged] = useState<Interaction | null>(null);
  const data = useApiData(`interaction:${workspace.slug}:${id}`, (signal) =>
    id === null ? Promise.reject(new Error('no id')) : api.getInteraction(workspace.slug, id, signal),
  );
  // Just saved: show what the server answered at once (no loading step), then its fresh copy.
  const handed = (location.state as Partial<SavedState> | null)?.interaction;
  const shown = (changed?.id === id ? changed : null) ?? data.data ?? (handed?.id === id ? handed : undefined);
  if (id === null) return <NotFoundContent />;
  if (!shown) {
    return (
      <>
        <PageHeading title={rt('interaction.title')} />
        <RelationsNav />
        {data.error ? <ErrorAlert error={data.error} /> : <Loading />}
      </>
    );
  }
  return <InteractionView key={shown.id} interaction={shown} onChanged={setChanged} />;
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
  const handedOver = useHandedOverStatus();
  const [status, setStatus] = useState(handedOver);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const [unsaved, setUnsaved] = useState(() => unsavedFromState(location.state));
  const followUps = useApiData(`follow-ups:${workspace.slug}`, (signal) =>
    api.listFollowUps(workspace.slug, undefined, signal),
  );
  useFocusHeadingOnArrival();

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
      <PageHeading title={interaction.subject} />
      <RelationsNav />
      <StatusMessage>{status}</StatusMessage>
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
      <section className="aantafel-card" aria-labelledby="interaction-details-heading">
        <Heading2 id="interaction-details-heading">
          {editing ? rt('interaction.editTitle') : rt('interaction.details')}
        </Heading2>
        {editing ? (
          <InteractionForm
            formLabel={rt('interaction.editTitle')}
            initial={interactionToForm(interaction)}
            onCancel={() => {
              setEditing(false);
              requestAnimationFrame(() => editButtonRef.current?.focus());
            }}
            onSubmit={async (body) => {
              const saved = await api.updateInteraction(workspace.slug, interaction.id, body);
              onChanged(saved);
              setEditing(false);
              setStatus(rt('interaction.saved', { subject: saved.subject }));
              focusPageHeading();
            }}
          />
        ) : (
          <>
            <InteractionDetails interaction={interaction} />
            {canEdit ? (
              <div className="aantafel-actions">
                <Button
                  ref={editButtonRef}
                  type="button"
                  appearance="secondary-action-button"
                  onClick={() => {
                    setStatus('');
                    setEditing(true);
                    requestAnimationFrame(() => document.getElementById('interaction-occurred-at')?.focus());
                  }}
                >
                  {rt('interaction.editTitle')}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </section>
      <FollowUpsSection interactionId={interaction.id} followUps={followUps} onStatus={setStatus} />
      {canEdit ? (
        <section className="aantafel-card" aria-labelledby="delete-interaction-heading">
          <Heading2 id="delete-interaction-heading">{rt('interaction.delete')}</Heading2>
          <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setDeleting(true)}>
            {rt('interaction.delete')}
          </Button>
          <ConfirmDialog
            open={deleting}
            title={rt('interaction.deleteTitle', { subject: interaction.subject })}
            confirmLabel={rt('interaction.deleteConfirm')}
            onCancel={() => setDeleting(false)}
            onConfirm={async () => {
              await api.deleteInteraction(workspace.slug, interaction.id);
              setDeleting(false);
              navigate(base, { state: { status: rt('interaction.deleted', { subject: interaction.subject }) } });
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
      const page = await api.listPeople(slug, { organisation_id: organisationId, limit: 500 }, signal);
      for (const p of page.items) found.set(p.id, p.name);
    }
    if (ids.some((id) => !found.has(id))) {
      const page = await api.listPeople(slug, { limit: 500 }, signal);
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
    api.listOrganisations(workspace.slug, signal),
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
      <DataListItem>
        <DataListKey>{rt('interaction.occurredAt')}</DataListKey>
        <DataListValue>{formatDateTime(interaction.occurred_at)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.kind')}</DataListKey>
        <DataListValue>{rt(`kind.${interaction.kind}`)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.organisation')}</DataListKey>
        <DataListValue>
          {interaction.organisation_id === null ? (
            notSet
          ) : organisation ? (
            <Link to={`${base}/organisations/${organisation.id}`} className="utrecht-link utrecht-link--html-a">{organisation.name}</Link>
          ) : (
            '…'
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.stanceLabel')}</DataListKey>
        <DataListValue>{rt(`stance.${interaction.stance}`)}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.tags')}</DataListKey>
        <DataListValue>{interaction.tags.length > 0 ? interaction.tags.join(', ') : notSet}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.peopleLabel')}</DataListKey>
        <DataListValue>
          {names(interaction.person_ids.map((id) => people?.get(id) ?? (people ? rt('interaction.unknownPerson') : '…')))}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.staffLabel')}</DataListKey>
        <DataListValue>{names(interaction.staff_ids.map((id) => memberName(id)))}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.notes')}</DataListKey>
        <DataListValue>
          {interaction.notes ? <span className="aantafel-pre-line">{interaction.notes}</span> : notSet}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{rt('interaction.recorded')}</DataListKey>
        <DataListValue>
          {rt('interaction.recordedBy', {
            date: formatDateTime(interaction.created_at),
            who: memberName(interaction.created_by),
          })}
        </DataListValue>
      </DataListItem>
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
    const checked = unsaved.map((u) => {
      const fields: Record<string, string> = {};
      for (const [name, key] of Object.entries(checkFollowUpDraft(u))) if (key) fields[name] = rt(key);
      return { ...u, fields, message: null };
    });
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
      const { fields, rest } = splitFieldErrors(caught, FOLLOW_UP_FIELDS);
      setErrors(fields);
      setError(rest);
      const field = firstInvalid(fields, FOLLOW_UP_FIELDS);
      if (field) document.getElementById(`follow-up-${field.replace(/_/g, '-')}`)?.focus();
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
          onSubmit={(event) => void add(event)}
          aria-label={rt('followUp.add')}
        >
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
            id="follow-up-owner-id"
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
  onCancel,
  withFollowUps = false,
  onSubmit,
}: {
  formLabel: string;
  initial: InteractionFormValues;
  /** Where "cancel" goes (a new contact); or `onCancel` (changing one in place). */
  cancelTo?: string;
  onCancel?: () => void;
  /** A new contact: follow-ups can be typed in before the first save. */
  withFollowUps?: boolean;
  onSubmit: (body: InteractionWrite, followUps: FollowUpDraft[]) => Promise<void>;
}) {
  const rt = useRelationsText();
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const slug = workspace.slug;
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [drafts, setDrafts] = useState<FollowUpDraft[]>([]);
  const [draftErrors, setDraftErrors] = useState<Record<number, FieldErrors>>({});
  const [draftStatus, setDraftStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const firstStanceRef = useRef<HTMLInputElement>(null);
  const addDraftRef = useRef<HTMLButtonElement>(null);
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
    if (name === 'person_ids' || name === 'staff_ids') {
      const group = name === 'person_ids' ? 'interaction-people' : 'interaction-staff';
      return document.querySelector<HTMLInputElement>(`#${group} input`)?.focus();
    }
    document.getElementById(`interaction-${name.replace(/_/g, '-')}`)?.focus();
  }

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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const local: FieldErrors = {};
    for (const [name, key] of Object.entries(checkInteractionForm(values))) if (key) local[name] = rt(key);
    // Groups left empty are skipped; a group half filled in must be finished first.
    const toSave = drafts.filter((d) => !isBlankFollowUp(d));
    const localDrafts: Record<number, FieldErrors> = {};
    for (const draft of toSave) {
      const problems: FieldErrors = {};
      for (const [name, key] of Object.entries(checkFollowUpDraft(draft))) if (key) problems[name] = rt(key);
      if (Object.keys(problems).length > 0) localDrafts[draft.key] = problems;
    }
    setFieldErrors(local);
    setDraftErrors(localDrafts);
    if (Object.keys(local).length > 0) {
      focusField(firstInvalid(local, INTERACTION_FIELDS));
      return;
    }
    const badDraft = toSave.find((d) => localDrafts[d.key]);
    if (badDraft) {
      const field = firstInvalid(localDrafts[badDraft.key]!, FOLLOW_UP_FIELDS) as 'title' | 'due_on';
      document.getElementById(draftFieldId('new-follow-up', badDraft.key, field))?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(interactionRequestBody(values), toSave);
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
  const peopleError = fieldErrors.person_ids;
  const staffError = fieldErrors.staff_ids;
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
      <fieldset
        id="interaction-people"
        className={peopleError ? 'aantafel-radio-group aantafel-radio-group--invalid' : 'aantafel-radio-group'}
        aria-describedby={peopleError ? 'interaction-people-hint interaction-people-error' : 'interaction-people-hint'}
      >
        <legend className="aantafel-radio-group__legend">{rt('interaction.people')}</legend>
        <FormFieldDescription id="interaction-people-hint">{rt('interaction.peopleHint')}</FormFieldDescription>
        {peopleError ? <FormFieldErrorMessage id="interaction-people-error">{peopleError}</FormFieldErrorMessage> : null}
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
                  aria-invalid={peopleError ? true : undefined}
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
      <fieldset
        id="interaction-staff"
        className={staffError ? 'aantafel-radio-group aantafel-radio-group--invalid' : 'aantafel-radio-group'}
        aria-describedby={staffError ? 'interaction-staff-error' : undefined}
      >
        <legend className="aantafel-radio-group__legend">{rt('interaction.staff')}</legend>
        {staffError ? <FormFieldErrorMessage id="interaction-staff-error">{staffError}</FormFieldErrorMessage> : null}
        <div className="aantafel-radio-group__options">
          {members.map((m) => {
            const optionId = `interaction-staff-${m.user.id}`;
            return (
              <div key={m.user.id} className="aantafel-radio">
                <input
                  type="checkbox"
                  id={optionId}
                  className="aantafel-radio__input"
                  aria-invalid={staffError ? true : undefined}
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
      {withFollowUps ? (
        <fieldset className="aantafel-radio-group" aria-describedby="interaction-follow-ups-hint">
          <legend className="aantafel-radio-group__legend">{rt('interaction.followUpsInForm')}</legend>
          <FormFieldDescription id="interaction-follow-ups-hint">{rt('interaction.followUpsInFormHint')}</FormFieldDescription>
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
        </fieldset>
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {rt('interaction.save')}
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
