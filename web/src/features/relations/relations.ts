/** Pure logic of "Contacten en afspraken": due wording, form ↔ request mapping, ordering. */
import type {
  Agreement,
  AgreementStatus,
  AgreementWrite,
  FollowUpWrite,
  HealthStatus,
  Interaction,
  InteractionKind,
  InteractionWrite,
  Stance,
} from '../../api/types';
import type { MessageVars } from '../../i18n/i18n';
import { splitList } from '../whoiswho/lists';
import type { RelationsKey } from './texts';

export interface Wording {
  key: RelationsKey;
  vars?: MessageVars;
  tone: 'alert' | 'warning' | 'muted';
}

/** Whole days from `today` to `day` (both YYYY-MM-DD); negative when `day` is in the past. */
export function daysBetween(today: string, day: string): number {
  const a = Date.parse(`${today}T12:00:00Z`);
  const b = Date.parse(`${day}T12:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/**
 * "te laat sinds 20 november", "moet vandaag", "moet morgen", "moet uiterlijk 27 november".
 * `formatDay` writes a YYYY-MM-DD day in the UI language. Overdue means: past the due day.
 */
export function dueWording(
  dueOn: string | null,
  today: string,
  formatDay: (day: string) => string,
): Wording {
  if (!dueOn) return { key: 'due.none', tone: 'muted' };
  const days = daysBetween(today, dueOn);
  if (days < 0) return { key: 'due.overdue', vars: { date: formatDay(dueOn) }, tone: 'alert' };
  if (days === 0) return { key: 'due.today', tone: 'warning' };
  if (days === 1) return { key: 'due.tomorrow', tone: 'warning' };
  return { key: 'due.on', vars: { date: formatDay(dueOn) }, tone: 'muted' };
}

/** A YYYY-MM-DD day as a Date at noon UTC (so formatting in Amsterdam keeps the day). */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

// ---------------------------------------------------------------- interaction form

export interface InteractionFormValues {
  occurred_at: string; // YYYY-MM-DDTHH:MM, Dutch time
  kind: InteractionKind;
  organisation_id: string; // '' = none chosen
  subject: string;
  notes: string;
  stance: Stance;
  tags: string;
  person_ids: number[];
  staff_ids: number[];
}

export const INTERACTION_FIELDS = [
  'occurred_at',
  'kind',
  'organisation_id',
  'subject',
  'notes',
  'stance',
  'tags',
  'person_ids',
  'staff_ids',
] as const;

/** Amsterdam wall-clock time of `value` as YYYY-MM-DDTHH:MM (what datetime-local shows). */
export function toLocalInput(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * A new contact's form. `staffId` is the signed-in person: they were almost always there, so they
 * start as one of "Wie waren er van ons?" (they can untick it).
 */
export function emptyInteractionForm(now: Date, organisationId?: number, staffId?: number): InteractionFormValues {
  return {
    occurred_at: toLocalInput(now),
    kind: 'meeting',
    organisation_id: organisationId ? String(organisationId) : '',
    subject: '',
    notes: '',
    stance: 'bring',
    tags: '',
    person_ids: [],
    staff_ids: staffId ? [staffId] : [],
  };
}

export function interactionToForm(interaction: Interaction): InteractionFormValues {
  return {
    occurred_at: toLocalInput(interaction.occurred_at),
    kind: interaction.kind,
    organisation_id: interaction.organisation_id === null ? '' : String(interaction.organisation_id),
    subject: interaction.subject,
    notes: interaction.notes ?? '',
    stance: interaction.stance,
    tags: interaction.tags.join(', '),
    person_ids: [...interaction.person_ids],
    staff_ids: [...interaction.staff_ids],
  };
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Problems the form can see itself, as text keys per field. */
export function checkInteractionForm(values: InteractionFormValues): Partial<Record<string, RelationsKey>> {
  const problems: Partial<Record<string, RelationsKey>> = {};
  if (!LOCAL_DATE_TIME.test(values.occurred_at)) problems.occurred_at = 'error.occurredAt';
  if (values.organisation_id === '') problems.organisation_id = 'error.organisation';
  if (values.subject.trim() === '') problems.subject = 'error.subject';
  return problems;
}

/** The form as the body of POST/PATCH …/interactions. */
export function interactionRequestBody(values: InteractionFormValues): InteractionWrite {
  return {
    occurred_at: values.occurred_at,
    kind: values.kind,
    organisation_id: values.organisation_id === '' ? null : Number(values.organisation_id),
    subject: values.subject.trim(),
    notes: values.notes.trim(),
    stance: values.stance,
    tags: splitList(values.tags),
    person_ids: [...values.person_ids],
    staff_ids: [...values.staff_ids],
  };
}

/** Adds or removes one id (a ticked or unticked checkbox); an added id goes last. */
export { toggleValue as toggleId } from '../../components/toggleValue';

// ---------------------------------------------------------------- follow-ups in the contact form

/** One follow-up typed into the contact form, before the contact exists. */
export interface FollowUpDraft {
  /** Stable React key and id suffix of the group's fields. */
  key: number;
  title: string;
  owner_id: string; // '' = nobody
  due_on: string; // YYYY-MM-DD or ''
}

export const FOLLOW_UP_FIELDS = ['title', 'owner_id', 'due_on'] as const;

let nextDraftKey = 1;

export function emptyFollowUpDraft(): FollowUpDraft {
  return { key: nextDraftKey++, title: '', owner_id: '', due_on: '' };
}

/** A group left empty (no title, no date) is not a follow-up: it is skipped, not an error. */
export function isBlankFollowUp(draft: Pick<FollowUpDraft, 'title' | 'due_on'>): boolean {
  return draft.title.trim() === '' && draft.due_on === '';
}

export function checkFollowUpDraft(draft: Pick<FollowUpDraft, 'title' | 'due_on'>): Partial<Record<string, RelationsKey>> {
  const problems: Partial<Record<string, RelationsKey>> = {};
  if (draft.title.trim() === '') problems.title = 'error.title';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.due_on)) problems.due_on = 'error.dueOn';
  return problems;
}

/** The body of POST …/follow-ups for a draft of the contact `interactionId`. */
export function followUpRequestBody(
  draft: Pick<FollowUpDraft, 'title' | 'owner_id' | 'due_on'>,
  interactionId: number,
): FollowUpWrite {
  return {
    title: draft.title.trim(),
    due_on: draft.due_on,
    owner_id: draft.owner_id === '' ? null : Number(draft.owner_id),
    interaction_id: interactionId,
  };
}

/**
 * A follow-up from the contact form that the server did not take after the contact was saved.
 * Handed to the contact's page in the history state (plain data only), so nothing typed is lost.
 */
export interface UnsavedFollowUp extends FollowUpDraft {
  /** The server's problems per field (title, owner_id, due_on). */
  fields: Record<string, string>;
  /** A problem that belongs to no field (or a network failure), as text. */
  message: string | null;
}

/** Reads the unsaved follow-ups back out of a history state (which may hold anything). */
export function unsavedFromState(state: unknown): UnsavedFollowUp[] {
  const list = (state as { unsavedFollowUps?: unknown } | null)?.unsavedFollowUps;
  if (!Array.isArray(list)) return [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return list
    .filter((u): u is Record<string, unknown> => typeof u === 'object' && u !== null)
    .map((u) => {
      const fields: Record<string, string> = {};
      if (typeof u.fields === 'object' && u.fields !== null) {
        for (const [name, message] of Object.entries(u.fields)) if (typeof message === 'string') fields[name] = message;
      }
      return {
        key: emptyFollowUpDraft().key,
        title: text(u.title),
        owner_id: text(u.owner_id),
        due_on: text(u.due_on),
        fields,
        message: typeof u.message === 'string' ? u.message : null,
      };
    });
}

// ---------------------------------------------------------------- agreement form

export interface AgreementFormValues {
  title: string;
  description: string;
  organisation_ids: number[];
  /** Commitment text per side: key 'us' or an organisation id. */
  commitments: Record<string, string>;
  owner_id: string; // '' = nobody
  due_on: string; // YYYY-MM-DD or ''
  status: AgreementStatus;
}

export const AGREEMENT_FIELDS = [
  'title',
  'description',
  'organisation_ids',
  'commitments',
  'owner_id',
  'due_on',
  'status',
] as const;

export function emptyAgreementForm(organisationId?: number): AgreementFormValues {
  return {
    title: '',
    description: '',
    organisation_ids: organisationId ? [organisationId] : [],
    commitments: {},
    owner_id: '',
    due_on: '',
    status: 'concept',
  };
}

export function agreementToForm(agreement: Agreement): AgreementFormValues {
  const commitments: Record<string, string> = {};
  for (const c of agreement.commitments) {
    const side = c.organisation_id === null ? 'us' : String(c.organisation_id);
    commitments[side] = commitments[side] ? `${commitments[side]}\n${c.text}` : c.text;
  }
  return {
    title: agreement.title,
    description: agreement.description,
    organisation_ids: [...agreement.organisation_ids],
    commitments,
    owner_id: agreement.owner_id === null ? '' : String(agreement.owner_id),
    due_on: agreement.due_on ?? '',
    status: agreement.status,
  };
}

export function checkAgreementForm(values: AgreementFormValues): Partial<Record<string, RelationsKey>> {
  const problems: Partial<Record<string, RelationsKey>> = {};
  if (values.title.trim() === '') problems.title = 'error.title';
  if (values.organisation_ids.length === 0) problems.organisation_ids = 'error.parties';
  return problems;
}

/**
 * The form as the body of POST/PATCH …/agreements. Commitments: ours first, then each party in
 * the order chosen; empty texts and texts of parties no longer chosen are left out.
 */
export function agreementRequestBody(values: AgreementFormValues): AgreementWrite {
  const commitments: { organisation_id: number | null; text: string }[] = [];
  const ours = values.commitments.us?.trim();
  if (ours) commitments.push({ organisation_id: null, text: ours });
  for (const id of values.organisation_ids) {
    const text = values.commitments[String(id)]?.trim();
    if (text) commitments.push({ organisation_id: id, text });
  }
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    organisation_ids: [...values.organisation_ids],
    commitments,
    owner_id: values.owner_id === '' ? null : Number(values.owner_id),
    due_on: values.due_on === '' ? null : values.due_on,
    status: values.status,
  };
}

/** Agreements filtered by status ('' = all, 'open' = still open). */
export function filterAgreements(items: readonly Agreement[], status: string): Agreement[] {
  if (status === '') return [...items];
  if (status === 'open') return items.filter((a) => a.open);
  return items.filter((a) => a.status === status);
}

// ---------------------------------------------------------------- health

const HEALTH_RANK: Record<HealthStatus, number> = { action: 0, attention: 1, good: 2 };

/** Worst first (action, attention, good), then by name. */
export function worstFirst<T extends { person: { name: string }; health: { status: HealthStatus } }>(
  people: readonly T[],
): T[] {
  return [...people].sort(
    (a, b) =>
      HEALTH_RANK[a.health.status] - HEALTH_RANK[b.health.status] ||
      a.person.name.localeCompare(b.person.name, 'nl'),
  );
}

export function healthKey(status: HealthStatus): RelationsKey {
  return `health.${status}`;
}

export function healthTone(status: HealthStatus): 'ok' | 'warning' | 'alert' {
  return status === 'good' ? 'ok' : status === 'attention' ? 'warning' : 'alert';
}
