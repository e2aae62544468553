/**
 * The requests of Raad (Raadsinformatie, tag "council" in api/openapi.yaml). They live with the
 * area's lazy pages, not in api/client.ts, so the first bundle does not grow (same choice as
 * features/municipality/api.ts).
 */
import { apiPath, request, withQuery } from '../../api/client';
import type { components, paths } from '../../api/schema';

type Schemas = components['schemas'];

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
export type CouncilList =
  paths['/api/v1/workspaces/{slug}/councils']['get']['responses']['200']['content']['application/json'];
export type CouncilMeetingList =
  paths['/api/v1/workspaces/{slug}/council-meetings']['get']['responses']['200']['content']['application/json'];

/** GET …/councils (operationId listCouncils). Opening it also wakes the server's sync. */
export function listCouncils(slug: string, signal?: AbortSignal) {
  return request<CouncilList>('GET', apiPath('/api/v1/workspaces/{slug}/councils', { slug }), { signal });
}

/** PUT …/councils/{source_key} (operationId followCouncil; editors and owners). */
export function followCouncil(slug: string, sourceKey: string) {
  return request<CouncilFollow>(
    'PUT',
    apiPath('/api/v1/workspaces/{slug}/councils/{source_key}', { slug, source_key: sourceKey }),
  );
}

/** DELETE …/councils/{source_key} (operationId unfollowCouncil; editors and owners). */
export function unfollowCouncil(slug: string, sourceKey: string) {
  return request<void>(
    'DELETE',
    apiPath('/api/v1/workspaces/{slug}/councils/{source_key}', { slug, source_key: sourceKey }),
  );
}

export interface CouncilMeetingQuery {
  /** First day, YYYY-MM-DD (Dutch days); the server's default is today. */
  from?: string;
  /** Last day, YYYY-MM-DD; the server's default is 60 days after `from`. */
  to?: string;
  source_key?: string;
  /** Only the councils the workspace follows for this municipality (CBS code, GMnnnn). */
  municipality?: string;
  limit?: number;
}

/** GET …/council-meetings (operationId listCouncilMeetings). */
export function listCouncilMeetings(slug: string, query: CouncilMeetingQuery = {}, signal?: AbortSignal) {
  return request<CouncilMeetingList>(
    'GET',
    withQuery(apiPath('/api/v1/workspaces/{slug}/council-meetings', { slug }), { ...query }),
    { signal },
  );
}

/** GET …/council-meetings/{meeting_id} (operationId getCouncilMeeting). */
export function getCouncilMeeting(slug: string, meetingId: number, signal?: AbortSignal) {
  return request<CouncilMeetingDetail>(
    'GET',
    apiPath('/api/v1/workspaces/{slug}/council-meetings/{meeting_id}', { slug, meeting_id: meetingId }),
    { signal },
  );
}

export type CouncilTopic = Schemas['CouncilTopic'];
export type CouncilTopicWrite = Schemas['CouncilTopicWrite'];
export type CouncilTopicMatchList =
  paths['/api/v1/workspaces/{slug}/council-topic-matches']['get']['responses']['200']['content']['application/json'];
/** One topic in one meeting, with the agenda items, documents and motions whose title holds it. */
export type CouncilTopicMatch = CouncilTopicMatchList['items'][number];
export type CouncilTopicHit = CouncilTopicMatch['hits'][number];

/** GET …/council-topics (operationId listCouncilTopics): the workspace's topics, by name. */
export function listCouncilTopics(slug: string, signal?: AbortSignal) {
  return request<{ items: CouncilTopic[] }>('GET', apiPath('/api/v1/workspaces/{slug}/council-topics', { slug }), {
    signal,
  });
}

/** POST …/council-topics (operationId addCouncilTopic; editors and owners). */
export function addCouncilTopic(slug: string, body: CouncilTopicWrite) {
  return request<CouncilTopic>('POST', apiPath('/api/v1/workspaces/{slug}/council-topics', { slug }), { body });
}

/** PUT …/council-topics/{topic_id} (operationId replaceCouncilTopic; editors and owners). */
export function replaceCouncilTopic(slug: string, topicId: number, body: CouncilTopicWrite) {
  return request<CouncilTopic>(
    'PUT',
    apiPath('/api/v1/workspaces/{slug}/council-topics/{topic_id}', { slug, topic_id: topicId }),
    { body },
  );
}

/** DELETE …/council-topics/{topic_id} (operationId deleteCouncilTopic; editors and owners). */
export function deleteCouncilTopic(slug: string, topicId: number) {
  return request<void>(
    'DELETE',
    apiPath('/api/v1/workspaces/{slug}/council-topics/{topic_id}', { slug, topic_id: topicId }),
  );
}

/** GET …/council-topic-matches (operationId listCouncilTopicMatches; same days as council-meetings). */
export function listCouncilTopicMatches(slug: string, query: CouncilMeetingQuery = {}, signal?: AbortSignal) {
  return request<CouncilTopicMatchList>(
    'GET',
    withQuery(apiPath('/api/v1/workspaces/{slug}/council-topic-matches', { slug }), { ...query }),
    { signal },
  );
}

/** One hit of "Zoeken in de raad": a meeting, agenda item, document or motion, with its marks. */
export type CouncilSearchHit = Schemas['CouncilSearchHit'];
export type CouncilSearchKind = CouncilSearchHit['kind'];
export type CouncilSearchPage =
  paths['/api/v1/workspaces/{slug}/council-search']['get']['responses']['200']['content']['application/json'];

export interface CouncilSearchQuery {
  /** The words, 2–100 characters; every word must occur (by Dutch stem), "quoted words" in a row. */
  q: string;
  source_key?: string;
  kind?: CouncilSearchKind;
  /** First day, YYYY-MM-DD (Dutch days). */
  from?: string;
  /** Last day, YYYY-MM-DD. */
  to?: string;
  /** 1–100; the server's default is 20. */
  limit?: number;
  /** 0–1000. */
  offset?: number;
}

/** GET …/council-search (operationId searchCouncils): best match first, then newest. */
export function searchCouncils(slug: string, query: CouncilSearchQuery, signal?: AbortSignal) {
  return request<CouncilSearchPage>(
    'GET',
    withQuery(apiPath('/api/v1/workspaces/{slug}/council-search', { slug }), { ...query }),
    { signal },
  );
}

/**
 * A name from a council's motions and votes, linked (certain, confirmed), suggested or not
 * (unmatched) to a person in Wie is wie (decision 46).
 */
export type CouncilPersonLink = Schemas['CouncilPersonLink'];
export type CouncilPersonState = CouncilPersonLink['state'];
export type CouncilPersonReason = CouncilPersonLink['reason'];
/** A person's part in the followed councils: linked names, counts, per topic, motions on topics. */
export type PersonCouncil = Schemas['PersonCouncil'];
export type PersonCouncilRecord = PersonCouncil['records'][number];
export type PersonCouncilTopic = PersonCouncil['topics'][number];
export type CouncilPersonDecision =
  paths['/api/v1/workspaces/{slug}/council-people/decisions']['put']['requestBody']['content']['application/json'];

/** review: only suggested names; linked: certain and confirmed; all (the server's default). */
export type CouncilPeopleShow = 'all' | 'review' | 'linked';

/** GET …/council-people (operationId listCouncilPeople): a followed council's names, most used first. */
export function listCouncilPeople(slug: string, sourceKey: string, show: CouncilPeopleShow = 'all', signal?: AbortSignal) {
  return request<{ items: CouncilPersonLink[] }>(
    'GET',
    withQuery(apiPath('/api/v1/workspaces/{slug}/council-people', { slug }), { source_key: sourceKey, show }),
    { signal },
  );
}

/** PUT …/council-people/decisions (operationId decideCouncilPerson; editors and owners). */
export function decideCouncilPerson(slug: string, body: CouncilPersonDecision) {
  return request<CouncilPersonLink>('PUT', apiPath('/api/v1/workspaces/{slug}/council-people/decisions', { slug }), {
    body,
  });
}

/** DELETE …/council-people/decisions (operationId undoCouncilPersonDecision; editors and owners). */
export function undoCouncilPersonDecision(
  slug: string,
  decision: Pick<CouncilPersonDecision, 'source_key' | 'name_key' | 'person_id'>,
) {
  return request<CouncilPersonLink>(
    'DELETE',
    withQuery(apiPath('/api/v1/workspaces/{slug}/council-people/decisions', { slug }), {
      source_key: decision.source_key,
      name_key: decision.name_key,
      person_id: decision.person_id,
    }),
  );
}

/** GET …/people/{person_id}/council (operationId getPersonCouncil). */
export function getPersonCouncil(slug: string, personId: number, signal?: AbortSignal) {
  return request<PersonCouncil>(
    'GET',
    apiPath('/api/v1/workspaces/{slug}/people/{person_id}/council', { slug, person_id: personId }),
    { signal },
  );
}
