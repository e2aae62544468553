/**
 * The shapes of Raad (Raadsinformatie, tag "council" in api/openapi.yaml), as short names. The
 * requests are the generated functions of api/generated/council.ts; the area's lazy pages import
 * them, so the first bundle does not carry them.
 */
import type { components, operations, paths } from '../../api/schema';

type Schemas = components['schemas'];

/** The JSON answer (200) of GET on the path `P`. */
type GetAnswer<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer A } } } };
}
  ? A
  : never;

export type CouncilSource = Schemas['CouncilSource'];
export type CouncilSync = Schemas['CouncilSync'];
export type CouncilFollow = Schemas['CouncilFollow'];
export type CouncilMeeting = Schemas['CouncilMeeting'];
export type CouncilMeetingDetail = Schemas['CouncilMeetingDetail'];
export type CouncilAgendaItem = CouncilMeetingDetail['agenda'][number];
export type CouncilDocument = CouncilMeetingDetail['documents'][number];
export type CouncilMotion = CouncilMeetingDetail['motions'][number];
export type CouncilVote = CouncilMotion['votes'][number];

/** The answer of GET …/councils: followed councils with their sync, and the ones to follow. */
export type CouncilList = GetAnswer<'/api/v1/workspaces/{slug}/councils'>;
export type CouncilMeetingList = GetAnswer<'/api/v1/workspaces/{slug}/council-meetings'>;

/** The days and councils of GET …/council-meetings and …/council-topic-matches (all optional). */
export type CouncilMeetingQuery = NonNullable<operations['listCouncilMeetings']['parameters']['query']>;

/** The workspace's webhook for topic hits and how its deliveries go (never the secret). */
export type CouncilWebhook = Schemas['CouncilWebhook'];

export type CouncilTopic = Schemas['CouncilTopic'];
export type CouncilTopicWrite = Schemas['CouncilTopicWrite'];
export type CouncilTopicMatchList = GetAnswer<'/api/v1/workspaces/{slug}/council-topic-matches'>;
/** One topic in one meeting, with the agenda items, documents and motions whose title holds it. */
export type CouncilTopicMatch = CouncilTopicMatchList['items'][number];
export type CouncilTopicHit = CouncilTopicMatch['hits'][number];

/** One hit of "Zoeken in de raad": a meeting, agenda item, document or motion, with its marks. */
export type CouncilSearchHit = Schemas['CouncilSearchHit'];
export type CouncilSearchKind = CouncilSearchHit['kind'];
export type CouncilSearchPage = GetAnswer<'/api/v1/workspaces/{slug}/council-search'>;
/** The query of GET …/council-search (operationId searchCouncils). */
export type CouncilSearchQuery = operations['searchCouncils']['parameters']['query'];

/**
 * A name from a council's motions and votes, linked (certain, confirmed), suggested or not
 * (unmatched) to a person in Wie is wie (decision 46).
 */
export type CouncilPersonLink = Schemas['CouncilPersonLink'];
export type CouncilPersonState = CouncilPersonLink['state'];
export type CouncilPersonReason = CouncilPersonLink['reason'];
/** A person of Wie is wie offered for a name, with the party of their latest council position ("" when none). */
export type CouncilLinkPerson = Schemas['CouncilLinkPerson'];
/** A person's part in the followed councils: linked names, counts, per topic, motions on topics. */
export type PersonCouncil = Schemas['PersonCouncil'];
export type PersonCouncilRecord = PersonCouncil['records'][number];
export type PersonCouncilTopic = PersonCouncil['topics'][number];
export type CouncilPersonDecision =
  paths['/api/v1/workspaces/{slug}/council-people/decisions']['put']['requestBody']['content']['application/json'];

/** review: only suggested names; linked: certain and confirmed; all (the server's default). */
export type CouncilPeopleShow = NonNullable<operations['listCouncilPeople']['parameters']['query']['show']>;
