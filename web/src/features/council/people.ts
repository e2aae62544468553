/**
 * Raadsleden in Wie is wie (decision 46): the review list on Raad and the section "In de raad" on
 * a person's page. Pure helpers, so the rules of what is shown where are tested without a page.
 */
import { LOCALES, type Language } from '../../i18n/i18n';
import type { CouncilLinkPerson, CouncilPersonLink, PersonCouncil, PersonCouncilRecord } from './api';
import type { CouncilKey, CouncilText } from './texts';

/** Linked for good: by the rule (certain) or by a colleague (confirmed). */
export function isLinked(link: Pick<CouncilPersonLink, 'state'>): boolean {
  return link.state === 'certain' || link.state === 'confirmed';
}

export interface PeopleLists {
  /** Suggested names: waiting for a colleague (the review list). */
  review: CouncilPersonLink[];
  linked: CouncilPersonLink[];
  unmatched: CouncilPersonLink[];
}

/** The names of one council in their three lists, each in the server's order (most used first). */
export function peopleLists(items: readonly CouncilPersonLink[]): PeopleLists {
  const lists: PeopleLists = { review: [], linked: [], unmatched: [] };
  for (const item of items) {
    if (item.state === 'suggested') lists.review.push(item);
    else if (isLinked(item)) lists.linked.push(item);
    else lists.unmatched.push(item);
  }
  return lists;
}

/** "1 motie ingediend, 3 keer gestemd" (what the name is known for in this council). */
export function usesText(link: Pick<CouncilPersonLink, 'motions' | 'votes'>, ct: CouncilText): string {
  const parts: string[] = [];
  if (link.motions > 0) parts.push(link.motions === 1 ? ct('people.use.motions1') : ct('people.use.motions', { count: link.motions }));
  if (link.votes > 0) parts.push(link.votes === 1 ? ct('people.use.votes1') : ct('people.use.votes', { count: link.votes }));
  return parts.join(', ');
}

/** The other spellings of a name than the one shown ("J. de Vries" beside "Vries, J. de"). */
export function otherSpellings(link: Pick<CouncilPersonLink, 'name' | 'spellings'>): string[] {
  return link.spellings.filter((spelling) => spelling !== link.name);
}

/** The name of a person the link knows of (its person or one of its options), or null. */
export function nameOf(link: Pick<CouncilPersonLink, 'person' | 'options'>, personId: number): string | null {
  if (link.person?.id === personId) return link.person.name;
  return link.options.find((option) => option.id === personId)?.name ?? null;
}

/**
 * A decision about a name: yes or no about one person, "none of these" (no to everyone offered at
 * once), and taking back one decision or all of them.
 */
export type DecisionAction = 'confirm' | 'reject' | 'rejectAll' | 'undo' | 'undoReject' | 'undoAll';

/** What a name is now, after a decision: the second sentence of the status message. */
export function nowText(after: CouncilPersonLink, ct: CouncilText): string {
  switch (after.state) {
    case 'certain':
      return ct('people.now.certain', { name: after.name, person: after.person?.name ?? '' });
    case 'confirmed':
      return ct('people.now.confirmed', { name: after.name, person: after.person?.name ?? '' });
    case 'suggested':
      return after.person ? ct('people.now.suggested', { person: after.person.name }) : ct('people.now.several');
    default:
      return ct('people.now.unmatched');
  }
}

/**
 * The status message after a decision about `person` (its name; for "none of these" and taking
 * all back, the names joined by `joinNames`): "Genoteerd: Jansen, P. is niet Piet Jansen. De naam
 * staat nu bij Niet gekoppeld."
 */
export function decisionText(action: DecisionAction, person: string, after: CouncilPersonLink, ct: CouncilText): string {
  switch (action) {
    case 'confirm':
      return ct('people.done.confirmed', { name: after.name, person });
    case 'reject':
      return `${ct('people.done.rejected', { name: after.name, person })} ${nowText(after, ct)}`;
    case 'rejectAll':
      return `${ct('people.done.rejectedAll', { name: after.name, persons: person })} ${nowText(after, ct)}`;
    case 'undo':
      return `${ct('people.done.undone', { name: after.name, person })} ${nowText(after, ct)}`;
    case 'undoReject':
    case 'undoAll':
      return `${ct('people.done.undoneReject', { person })} ${nowText(after, ct)}`;
  }
}

/** "Anna Bakker en Ahmed Bakker" (the names of several people in one sentence). */
export function joinNames(names: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(names);
}

/** The people a "none of these" rules out: everyone the name is offered now (its options and suggestion). */
export function offeredPeople(link: Pick<CouncilPersonLink, 'person' | 'options' | 'rejected'>): CouncilLinkPerson[] {
  const offered = link.options.filter((option) => !link.rejected.includes(option.id));
  const suggested = link.person;
  if (suggested && !offered.some((option) => option.id === suggested.id)) offered.push(suggested);
  return offered;
}

/** Words around a party's name that do not make it another party ("Fractie VVD" is VVD). */
const PARTY_FILLERS: ReadonlySet<string> = new Set(['fractie', 'raadsleden', 'raadslid', 'lijst']);

/**
 * A party as the server compares them (PartyKey in src/core/council/people.cpp): lower case,
 * without accents, without words like "fractie" or "lijst" and without dots, spaces and dashes.
 * "Fractie GROENLINKS" and "GroenLinks" are one party.
 */
export function partyKey(party: string): string {
  return party
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((word) => word !== '' && !PARTY_FILLERS.has(word))
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Both parties are known and they are not the same: the council names another party than Wie is wie. */
export function partiesDiffer(councilParty: string, personParty: string): boolean {
  const council = partyKey(councilParty);
  const person = partyKey(personParty);
  return council !== '' && person !== '' && council !== person;
}

/** "CDA in Wie is wie", or that Wie is wie has no party for the person. */
export function partyInWhoiswho(person: Pick<CouncilLinkPerson, 'party'>, ct: CouncilText): string {
  return person.party ? ct('people.partyInWhoiswho', { party: person.party }) : ct('people.noPartyInWhoiswho');
}

/** A person in the choice between several: "Anna Bakker (PvdA)", "Ahmed Bakker (geen partij)". */
export function optionLabel(person: CouncilLinkPerson, ct: CouncilText): string {
  return person.party
    ? ct('people.optionParty', { person: person.name, party: person.party })
    : ct('people.optionNoParty', { person: person.name });
}

/** A text usable in an HTML id ("Den Haag" → "Den-Haag"). */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-');
}

export type RecordRole = PersonCouncilRecord['role'];

/** One motion on the person's page: submitted and voted for are one motion, not two rows. */
export interface PersonMotion {
  key: string;
  source_key: string;
  motion_id: number;
  title: string;
  result: string;
  date: string | null;
  meeting_id: number | null;
  /** The spellings that matched, in order of appearance. */
  names: string[];
  roles: RecordRole[];
  topics: string[];
}

const ROLE_ORDER: readonly RecordRole[] = ['submitted', 'for', 'against'];

/** The person's records grouped per motion, in the server's order (newest first). */
export function motionsOf(records: readonly PersonCouncilRecord[]): PersonMotion[] {
  const byKey = new Map<string, PersonMotion>();
  for (const record of records) {
    const key = `${record.source_key}|${record.motion_id}`;
    let motion = byKey.get(key);
    if (!motion) {
      motion = {
        key,
        source_key: record.source_key,
        motion_id: record.motion_id,
        title: record.title,
        result: record.result,
        date: record.date,
        meeting_id: record.meeting_id,
        names: [],
        roles: [],
        topics: [],
      };
      byKey.set(key, motion);
    }
    if (!motion.names.includes(record.name)) motion.names.push(record.name);
    if (!motion.roles.includes(record.role)) motion.roles.push(record.role);
    for (const topic of record.topics) if (!motion.topics.includes(topic)) motion.topics.push(topic);
  }
  const motions = [...byKey.values()];
  for (const motion of motions) motion.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return motions;
}

const ROLE_KEY: Record<RecordRole, CouncilKey> = {
  submitted: 'person.role.submitted',
  for: 'person.role.for',
  against: 'person.role.against',
};

/** "ingediend en voor gestemd". */
export function rolesText(roles: readonly RecordRole[], ct: CouncilText, language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(roles.map((role) => ct(ROLE_KEY[role])));
}

function counted(count: number, ct: CouncilText, keys: [CouncilKey, CouncilKey, CouncilKey]): string {
  if (count === 0) return ct(keys[0]);
  if (count === 1) return ct(keys[1]);
  return ct(keys[2], { count });
}

/** "In alle moties samen: 1 motie ingediend, 1 keer voor gestemd en nooit tegen gestemd." */
export function totalsText(
  council: Pick<PersonCouncil, 'submitted' | 'voted_for' | 'voted_against'>,
  ct: CouncilText,
  language: Language,
): string {
  const parts = [
    counted(council.submitted, ct, ['person.submitted0', 'person.submitted1', 'person.submitted']),
    counted(council.voted_for, ct, ['person.for0', 'person.for1', 'person.for']),
    counted(council.voted_against, ct, ['person.against0', 'person.against1', 'person.against']),
  ];
  return ct('person.totals', { parts: new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(parts) });
}

/** Position kinds whose holders vote or submit motions (the server's candidates, decision 46). */
export const COUNCIL_POSITION_KINDS: ReadonlySet<string> = new Set(['council_member', 'alderman', 'mayor', 'citizen_member']);

/** The badge of a motion's result (as on the meeting page): adopted green, rejected red. */
export function resultBadgeClass(result: string | null): string {
  if (result === 'aangenomen') return 'aantafel-badge aantafel-badge--ok';
  if (result === 'verworpen') return 'aantafel-badge aantafel-badge--alert';
  return 'aantafel-badge aantafel-badge--muted';
}
