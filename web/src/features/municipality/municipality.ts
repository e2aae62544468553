/**
 * Pure helpers of the municipality page: NPS in words, seats in order, health icons and the
 * paths of the module pages the sections link to. No React, no network.
 */
import type { components } from '../../api/schema';
import { signed } from '../overview/overview';
import type { MunicipalityText } from './texts';

export type MunicipalityDossier = components['schemas']['MunicipalityDossier'];
export type NpsGroup = components['schemas']['NpsGroup'];
export type Seats = components['schemas']['Seats'];
export type HealthStatus = components['schemas']['RelationshipHealth']['status'];

/** "12 antwoorden" / "1 antwoord". */
export function answers(mt: MunicipalityText, n: number): string {
  return n === 1 ? mt('feedback.answers1') : mt('feedback.answers', { n });
}

/**
 * One NPS figure in words: "NPS +33 (tussen −10 en +70), 34 antwoorden"; "Te weinig antwoorden…"
 * when the server says the group is not `enough`; "Nog geen antwoorden." without answers.
 */
export function npsText(mt: MunicipalityText, group: NpsGroup | null | undefined): string {
  if (!group || group.n === 0 || group.nps === null) return mt('feedback.none');
  if (!group.enough) return mt('feedback.tooFew', { answers: answers(mt, group.n) });
  const low = group.ci_low ?? group.nps;
  const high = group.ci_high ?? group.nps;
  return mt('feedback.nps', { nps: signed(group.nps), low: signed(low), high: signed(high), answers: answers(mt, group.n) });
}

/** Seats, most first, then by party name; and the total. */
export function seatsInOrder(seats: readonly Seats[]): { seats: Seats[]; total: number } {
  const sorted = [...seats].sort((a, b) => b.seats - a.seats || a.party.localeCompare(b.party, 'nl'));
  return { seats: sorted, total: sorted.reduce((sum, s) => sum + s.seats, 0) };
}

/** Badge tone per status (same classes as elsewhere). */
export function healthClass(status: HealthStatus): string {
  if (status === 'good') return 'aantafel-badge aantafel-badge--ok';
  if (status === 'action') return 'aantafel-badge aantafel-badge--alert';
  return 'aantafel-badge';
}

/** Whether the dossier has nothing at all in a section (used for the empty states). */
export function isCouncilEmpty(council: MunicipalityDossier['council']): boolean {
  return council.term === null && council.seats.length === 0 && council.college.length === 0 && council.not_yet_met.length === 0;
}

export function isSocialMapEmpty(map: NonNullable<MunicipalityDossier['social_map']>): boolean {
  return map.services === 0 && map.consortia.length === 0;
}

/** The module pages the sections link to, below /w/{slug}/. */
export const paths = {
  person: (id: number) => `people/${id}`,
  whoIsWho: (organisationId: number) => `people/organisations/${organisationId}`,
  health: (organisationId: number) => `interactions/organisations/${organisationId}`,
  interaction: (id: number) => `interactions/${id}`,
  newInteraction: (organisationId: number) => `interactions/new?organisation=${organisationId}`,
  agreement: (id: number) => `interactions/agreements/${id}`,
  agreements: () => 'interactions/agreements',
  newAgreement: (organisationId: number) => `interactions/agreements/new?organisation=${organisationId}`,
  calendar: (organisationId: number) => `policy-calendar/municipalities/${organisationId}`,
  plan: (id: number) => `policy-calendar/plans/${id}`,
  newPlan: () => 'policy-calendar/plans/new',
  feedback: () => 'feedback',
  surveys: () => 'feedback/surveys',
  socialMap: (code: string) => `social-map?gemeente=${encodeURIComponent(code)}`,
  services: (code: string) => `social-map/services?gemeente=${encodeURIComponent(code)}`,
  consortium: (id: number) => `social-map/consortia/${id}`,
  scan: (id: number) => `scan/${id}`,
  scans: () => 'scan',
  scenario: (id: number) => `financing/${id}`,
  scenarios: () => 'financing',
} as const;
