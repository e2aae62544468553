/**
 * Turns one entry of the workspace's audit log into a short sentence in plain Dutch (B1) or
 * English: "Persoon 12 gewijzigd", "Afspraak 7 verwijderd", "Persoon gewist op verzoek (AVG)".
 * Pure (no React, no fetch), so it is easy to test (auditLog.test.ts).
 *
 * `action` is either "METHOD /api/v1/workspaces/{slug}/<route pattern>" (every change made through
 * the API, written by the server's RecordChanges middleware) or a domain event such as
 * "person.erased" (RecordAudit in src/core). `subject` is the concrete path or a short text such as
 * "person:12". The log never holds what was written, so neither does the sentence.
 */
import type { Language } from '../../i18n/i18n';

/** One entry of GET …/audit-log (operationId listAuditLog). */
export interface AuditEntry {
  id: number;
  user: { id: number; name: string } | null;
  action: string;
  subject: string;
  at: string;
}

export interface AuditDescription {
  /** The sentence, starting with a capital. */
  text: string;
  /** App path of the page of the thing, when there is one; null for removed things. */
  href: string | null;
  /** The subject path (without query) this entry is about, to match later removals. */
  subjectPath: string;
  /** True when the entry removed or erased the thing (so older entries should not link to it). */
  removes: boolean;
}

type Words = Record<Language, string>;

/** A noun in both languages; `withId` places the number when it is not simply "noun 12". */
interface Noun {
  nl: string;
  en: string;
  nlWithId?: string;
  enWithId?: string;
}

const VERBS: Record<string, Words> = {
  POST: { nl: 'toegevoegd', en: 'added' },
  PUT: { nl: 'gewijzigd', en: 'changed' },
  PATCH: { nl: 'gewijzigd', en: 'changed' },
  DELETE: { nl: 'verwijderd', en: 'removed' },
};

/**
 * The things behind the route segments of api/openapi.yaml's workspace paths. A segment pair
 * ("feedback/surveys") is looked up before the single segment.
 */
const NOUNS: Record<string, Noun> = {
  members: { nl: 'lid', en: 'member' },
  tokens: { nl: 'API-sleutel', en: 'API key' },
  organisations: { nl: 'organisatie', en: 'organisation' },
  elections: { nl: 'verkiezingsuitslag', en: 'election result' },
  terms: { nl: 'raadsperiode', en: 'council term' },
  imports: { nl: 'import', en: 'import' },
  advice: { nl: 'advies van de strategiewijzer', en: 'strategy advice' },
  'knowledge/settings': { nl: 'instelling van de kennisbank', en: 'knowledge base setting' },
  'knowledge/items': {
    nl: 'eigen kennis',
    en: 'own knowledge item',
    nlWithId: 'eigen kennis {id}',
    enWithId: 'own knowledge item {id}',
  },
  'saved-advice': { nl: 'opgeslagen advies', en: 'saved advice' },
  plans: { nl: 'plan', en: 'plan' },
  cycle: { nl: 'datum in de beleidscyclus', en: 'policy cycle date' },
  'cycle/events': {
    nl: 'gebeurtenis in de cyclus',
    en: 'policy cycle event',
    nlWithId: 'gebeurtenis {id} in de cyclus',
  },
  'calendar/feeds': { nl: 'agenda-abonnement', en: 'calendar subscription' },
  people: { nl: 'persoon', en: 'person' },
  positions: { nl: 'functie', en: 'position' },
  assessments: { nl: 'inschatting', en: 'assessment' },
  'feedback/surveys': { nl: 'vragenlijst', en: 'survey' },
  invitations: { nl: 'uitnodigingen', en: 'invitations' },
  'feedback/responses': { nl: 'reactie', en: 'response' },
  'feedback/callbacks': { nl: 'terugbelverzoek', en: 'callback' },
  interactions: { nl: 'contact', en: 'interaction' },
  'follow-ups': { nl: 'vervolgactie', en: 'follow-up' },
  agreements: { nl: 'afspraak', en: 'agreement' },
  'financing/simulations': { nl: 'berekening van de bekostiging', en: 'financing calculation' },
  'financing/scenarios': { nl: 'scenario', en: 'scenario' },
  scans: { nl: 'samenwerkingsscan', en: 'partnership scan' },
  respondents: { nl: 'uitgenodigde partner', en: 'invited partner' },
  'value-cases': { nl: 'waardecasus', en: 'value case' },
  areas: { nl: 'gebied', en: 'area' },
  'services/import': { nl: 'diensten uit een bestand', en: 'services from a file' },
  services: { nl: 'dienst', en: 'service' },
  consortia: { nl: 'consortium', en: 'consortium' },
  'overview/hidden': { nl: 'verborgen punt in Nu doen', en: 'hidden item in Act now' },
  'notification-settings': { nl: 'instellingen voor meldingen', en: 'notification settings' },
  'council-topics': {
    nl: 'onderwerp voor de raad',
    en: 'council topic',
    nlWithId: 'onderwerp {id} voor de raad',
  },
  documents: { nl: 'document', en: 'document' },
};

/** Routes whose sentence is not "noun + verb" (key: "METHOD pattern after {slug}"). */
const SPECIAL: Record<string, { nl: string; en: string }> = {
  'PATCH ': { nl: 'Werkruimte gewijzigd', en: 'Workspace changed' },
  'PATCH /members/{user_id}': { nl: 'Rol van lid {id} gewijzigd', en: 'Role of member {id} changed' },
  'POST /invitations': { nl: 'Collega uitgenodigd', en: 'Colleague invited' },
  'POST /invitations/{invitation_id}/resend': {
    nl: 'Uitnodiging {parent} opnieuw gestuurd',
    en: 'Invitation {parent} sent again',
  },
  'DELETE /invitations/{invitation_id}': { nl: 'Uitnodiging {id} ingetrokken', en: 'Invitation {id} withdrawn' },
  'PUT /sso': {
    nl: 'Instellingen voor inloggen via de eigen organisatie (SSO) gewijzigd',
    en: 'Single sign-on settings changed',
  },
  'DELETE /tokens/{token_id}': { nl: 'API-sleutel {id} ingetrokken', en: 'API key {id} revoked' },
  'POST /tokens': { nl: 'API-sleutel gemaakt', en: 'API key created' },
  'POST /imports/{kind}': { nl: 'Geïmporteerd: {kind}', en: 'Imported: {kind}' },
  'POST /advice': { nl: 'Advies gevraagd bij de strategiewijzer', en: 'Advice asked from the strategy advisor' },
  'POST /knowledge/settings': {
    nl: 'Instellingen van de kennisbank gewijzigd',
    en: 'Knowledge base settings changed',
  },
  'POST /organisations/{organisation_id}/cycle': {
    nl: 'Datum in de beleidscyclus gewijzigd bij organisatie {parent}',
    en: 'Policy cycle date changed for organisation {parent}',
  },
  'POST /feedback/surveys/{survey_id}/invitations': {
    nl: 'Uitnodigingen gemaakt voor vragenlijst {parent}',
    en: 'Invitations made for survey {parent}',
  },
  'DELETE /feedback/responses/{response_id}/personal-data': {
    nl: 'Persoonsgegevens gewist uit reactie {parent}',
    en: 'Personal data erased from response {parent}',
  },
  'POST /feedback/callbacks/{callback_id}/phone': {
    nl: 'Telefoonnummer van terugbelverzoek {parent} bekeken',
    en: 'Phone number of callback {parent} viewed',
  },
  'POST /financing/simulations': { nl: 'Bekostiging doorgerekend', en: 'Financing calculated' },
  'POST /scans/{scan_id}/repeat': {
    nl: 'Samenwerkingsscan {parent} opnieuw gestart',
    en: 'Partnership scan {parent} started again',
  },
  'POST /scans/{scan_id}/respondents': {
    nl: 'Partners uitgenodigd voor samenwerkingsscan {parent}',
    en: 'Partners invited to partnership scan {parent}',
  },
  'POST /scans/{scan_id}/agreements': {
    nl: 'Afspraak gemaakt uit samenwerkingsscan {parent}',
    en: 'Agreement made from partnership scan {parent}',
  },
  'POST /services/import': { nl: 'Diensten geïmporteerd uit een bestand', en: 'Services imported from a file' },
  'POST /consortia/{consortium_id}/share': { nl: 'Consortium {parent} gedeeld', en: 'Consortium {parent} shared' },
  'DELETE /consortia/{consortium_id}/share': {
    nl: 'Consortium {parent} niet meer gedeeld',
    en: 'Consortium {parent} no longer shared',
  },
  'POST /overview/hidden': { nl: 'Punt verborgen in Nu doen', en: 'Item hidden in Act now' },
  'DELETE /overview/hidden/{key}': { nl: 'Punt weer zichtbaar in Nu doen', en: 'Item shown again in Act now' },
  'PUT /councils/{source_key}': { nl: 'Raad {id} gevolgd', en: 'Council {id} followed' },
  'DELETE /councils/{source_key}': { nl: 'Raad {id} niet meer gevolgd', en: 'Council {id} no longer followed' },
  'PUT /council-webhook': { nl: 'Webhook voor de raad ingesteld', en: 'Council webhook set' },
  'DELETE /council-webhook': { nl: 'Webhook voor de raad verwijderd', en: 'Council webhook removed' },
  'POST /council-webhook/test': { nl: 'Webhook voor de raad getest', en: 'Council webhook tested' },
  'PUT /council-people/decisions': {
    nl: 'Naam uit de raad gekoppeld aan een persoon, of afgewezen',
    en: 'Council name linked to a person, or ruled out',
  },
  'DELETE /council-people/decisions': {
    nl: 'Besluit over een naam uit de raad ongedaan gemaakt',
    en: 'Decision about a council name undone',
  },
  'POST /documents/{document_id}/versions': {
    nl: 'Nieuwe versie van document {parent} toegevoegd',
    en: 'New version of document {parent} added',
  },
  'POST /mail-intake': { nl: 'E-mail als contact in het dossier gezet', en: 'E-mail filed as a contact' },
  'POST /mail-intake/reviews/{review_id}/file': {
    nl: 'E-mail {parent} om na te kijken als contact in het dossier gezet',
    en: 'Waiting e-mail {parent} filed as a contact',
  },
  'DELETE /mail-intake/reviews/{review_id}': {
    nl: 'E-mail {id} om na te kijken weggegooid',
    en: 'Waiting e-mail {id} thrown away',
  },
};

/** Domain events (RecordAudit in src/core); `{id}` is the number in the subject ("person:12"). */
const EVENTS: Record<string, { nl: string; en: string; removes?: boolean }> = {
  'person.erased': { nl: 'Persoon gewist op verzoek (AVG)', en: 'Person erased on request (GDPR)', removes: true },
  'people.exported': { nl: 'Lijst met personen gedownload', en: 'List of people downloaded' },
  'feedback.response.erased': {
    nl: 'Persoonsgegevens gewist uit een reactie',
    en: 'Personal data erased from a response',
  },
  'feedback.phone.viewed': {
    nl: 'Telefoonnummer van een terugbelverzoek bekeken',
    en: 'Phone number of a callback viewed',
  },
};

/** The kinds of POST …/imports/{kind} (ImportKind in api/openapi.yaml). */
const IMPORT_KINDS: Record<string, Words> = {
  people_csv: { nl: 'personen uit een CSV-bestand', en: 'people from a CSV file' },
  almanak: { nl: 'gegevens uit de Almanak', en: 'data from the Almanak' },
};

const EXPORT_SCOPE: Record<string, Words> = {
  all: { nl: 'alle organisaties', en: 'all organisations' },
  organisation: { nl: 'organisatie {id}', en: 'organisation {id}' },
};

const FALLBACK: Words = { nl: 'Iets gewijzigd ({action})', en: 'Something changed ({action})' };
const EVENT_FALLBACK: Words = { nl: 'Gebeurtenis: {action} ({subject})', en: 'Event: {action} ({subject})' };

const WORKSPACE_PREFIX = '/api/v1/workspaces/{slug}';
const METHOD_ACTION = /^(POST|PUT|PATCH|DELETE) (\/\S*)$/;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => vars[name] ?? match);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stripQuery(path: string): string {
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/** The route pattern's segments after {slug}, and the concrete values of its {parameters}. */
function matchRoute(pattern: string, subject: string) {
  const rest = pattern.slice(WORKSPACE_PREFIX.length);
  const segments = rest.split('/').filter(Boolean);
  const concrete = stripQuery(subject).split('/').filter(Boolean);
  // The subject is "/api/v1/workspaces/<slug>/…": the pattern's segments line up after 4 parts.
  const values = concrete.slice(4);
  const params: string[] = [];
  segments.forEach((segment, index) => {
    if (segment.startsWith('{') && values[index] !== undefined) params.push(decodeURIComponentSafe(values[index]));
  });
  return { rest, segments, params };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The noun of the last resource in `segments` (skipping parameters), and its parent's. */
function resources(segments: string[]) {
  const found: { noun: Noun; hasId: boolean }[] = [];
  const isParam = (index: number) => segments[index]?.startsWith('{') === true;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    if (isParam(i)) continue;
    const next = segments[i + 1];
    let key = segment;
    if (next !== undefined && !isParam(i + 1) && NOUNS[`${segment}/${next}`]) {
      key = `${segment}/${next}`;
      i += 1;
    }
    const noun = NOUNS[key];
    if (!noun) return null;
    found.push({ noun, hasId: isParam(i + 1) });
  }
  return found;
}

function nounText(noun: Noun, language: Language, id: string | undefined): string {
  if (id === undefined) return noun[language];
  const withId = language === 'nl' ? noun.nlWithId : noun.enWithId;
  return withId ? fill(withId, { id }) : `${noun[language]} ${id}`;
}

/** App path for the page of a thing, by the route pattern after {slug} (only pages that exist). */
const PAGES: Record<string, (params: string[]) => string> = {
  '/people/{person_id}': ([id]) => `people/${id}`,
  '/plans/{plan_id}': ([id]) => `policy-calendar/plans/${id}`,
  '/interactions/{interaction_id}': ([id]) => `interactions/${id}`,
  '/agreements/{agreement_id}': ([id]) => `interactions/agreements/${id}`,
  '/financing/scenarios/{scenario_id}': ([id]) => `financing/${id}`,
  '/scans/{scan_id}': ([id]) => `scan/${id}`,
  '/value-cases/{value_case_id}': ([id]) => `scan/value-cases/${id}`,
  '/services/{service_id}': ([id]) => `social-map/services/${id}`,
  '/consortia/{consortium_id}': ([id]) => `social-map/consortia/${id}`,
  '/people/{person_id}/positions': ([id]) => `people/${id}`,
  '/people/{person_id}/assessments': ([id]) => `people/${id}`,
  '/feedback/surveys/{survey_id}': () => 'feedback/surveys',
  '/members/{user_id}': () => 'settings',
  '/invitations': () => 'settings',
  '/invitations/{invitation_id}/resend': () => 'settings',
};

function pagePath(slug: string, rest: string, params: string[]): string | null {
  const page = PAGES[rest];
  if (!page || params.some((p) => !/^[\w-]+$/.test(p))) return null;
  return `/w/${encodeURIComponent(slug)}/${page(params)}`;
}

/**
 * The sentence for one entry in `language`, and a link to the thing's page when it has one.
 * `slug` is the current workspace (links stay inside the app).
 */
export function describeAuditEntry(entry: Pick<AuditEntry, 'action' | 'subject'>, language: Language, slug: string): AuditDescription {
  const subjectPath = stripQuery(entry.subject);
  const method = METHOD_ACTION.exec(entry.action);
  if (!method) return describeEvent(entry, language);

  const verb = method[1] ?? '';
  const pattern = method[2] ?? '';
  const generic = (): AuditDescription => ({
    text: fill(FALLBACK[language], { action: `${verb} ${entry.subject || pattern}` }),
    href: null,
    subjectPath,
    removes: false,
  });
  if (!pattern.startsWith(WORKSPACE_PREFIX)) return generic();
  const { rest, segments, params } = matchRoute(pattern, entry.subject);
  const removes = verb === 'DELETE';
  const link = removes ? null : pagePath(slug, rest, params);

  const special = SPECIAL[`${verb} ${rest}`];
  if (special) {
    const id = params.at(-1) ?? '';
    const vars = { id, parent: params[0] ?? '', kind: IMPORT_KINDS[id]?.[language] ?? id };
    return { text: fill(special[language], vars), href: link, subjectPath, removes };
  }

  const found = resources(segments);
  const verbWords = VERBS[verb];
  if (!found || found.length === 0 || !verbWords) return generic();
  // Parameters belong to the resources in order: the last resource's id is the last parameter
  // when it has one, the parent's id comes before it.
  let paramIndex = 0;
  const parts = found.map(({ noun, hasId }) => {
    const id = hasId ? params[paramIndex] : undefined;
    if (hasId) paramIndex += 1;
    return nounText(noun, language, id);
  });
  const thing = parts.at(-1) as string;
  const parent = parts.length > 1 ? parts.at(-2) : undefined;
  const verbText = verbWords[language];
  const text =
    parent === undefined
      ? `${capitalise(thing)} ${verbText}`
      : language === 'nl'
        ? `${capitalise(thing)} ${verbText} bij ${parent}`
        : `${capitalise(thing)} ${verbText} for ${parent}`;
  return { text, href: link, subjectPath, removes };
}

function describeEvent(entry: Pick<AuditEntry, 'action' | 'subject'>, language: Language): AuditDescription {
  const event = EVENTS[entry.action];
  const [kind = '', id] = entry.subject.split(':');
  // A domain event's subject ("person:12") names the same thing as the API path of that thing.
  const subjectPath = kind === 'person' && id ? `person:${id}` : entry.subject;
  if (!event) {
    return {
      text: fill(EVENT_FALLBACK[language], { action: entry.action, subject: entry.subject }),
      href: null,
      subjectPath,
      removes: false,
    };
  }
  let text = event[language];
  if (entry.action === 'people.exported') {
    const scope = EXPORT_SCOPE[kind];
    if (scope) text = `${text} (${fill(scope[language], { id: id ?? '' })})`;
  }
  return { text, href: null, subjectPath, removes: event.removes === true };
}

/**
 * The subjects that entries in `entries` removed (DELETE, erasure), as the API path of the thing,
 * so that the page does not link older entries to a page that is gone.
 */
export function removedSubjects(entries: readonly Pick<AuditEntry, 'action' | 'subject'>[]): Set<string> {
  const removed = new Set<string>();
  for (const entry of entries) {
    if (entry.action.startsWith('DELETE ')) removed.add(stripQuery(entry.subject));
    if (entry.action === 'person.erased') {
      const id = entry.subject.split(':')[1];
      if (id) removed.add(`person:${id}`);
    }
  }
  return removed;
}

/** Whether the thing `subjectPath` points to was removed, by the API path or the event's text. */
export function isRemoved(subjectPath: string, removed: Set<string>): boolean {
  if (removed.has(subjectPath)) return true;
  // "/api/v1/workspaces/demo/people/12[/…]" is gone once person 12 was erased or deleted.
  const person = /^\/api\/v1\/workspaces\/[^/]+\/people\/(\d+)/.exec(subjectPath);
  if (person && removed.has(`person:${person[1]}`)) return true;
  for (const path of removed) {
    if (path.startsWith('/') && subjectPath.startsWith(`${path}/`)) return true;
  }
  return false;
}
