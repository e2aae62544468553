/**
 * Whole API objects for tests that need one but care about a few fields, typed by the schema
 * generated from api/openapi.yaml. Spread what matters over them: `callbackFixture({ status: 'done' })`.
 */
import type { components } from '../api/schema';
import type { Schema } from './answer';

type Schemas = components['schemas'];

/** A callback request as GET/PATCH …/feedback/callbacks answer it (CallbackView in feedback_handlers.cpp). */
export function callbackFixture(extra: Partial<Schemas['Callback']> = {}): Schemas['Callback'] {
  return {
    id: 5,
    response_id: 2,
    survey_name: 'Wijkteam Noord',
    team: 'Noord',
    score: 3,
    why: 'Lang wachten.',
    better: '',
    status: 'open',
    assignee: null,
    due_at: '2026-11-24T10:00:00Z',
    overdue: true,
    notes: '',
    outcome: '',
    has_phone: true,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    ...extra,
  };
}

/** A plan of the Beleidskalender as GET/POST/PATCH …/plans answer it. */
export function planFixture(extra: Partial<Schemas['Plan']> = {}): Schemas['Plan'] {
  return {
    id: 7,
    title: 'Buurtteams',
    description: '',
    core_message: '',
    domain: 'Wmo',
    budget_year: 2027,
    budget_needed: null,
    status: 'idea',
    phase: 'agenda_setting',
    owner_id: null,
    organisation_ids: [],
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-01T10:00:00Z',
    ...extra,
  };
}

/** A person of Wie is wie as GET …/people/{id} answers it (in `person`). */
export function personFixture(extra: Partial<Schemas['Person']> = {}): Schemas['Person'] {
  return {
    id: 8,
    name: 'Piet Jansen',
    email: null,
    phone: null,
    notes: null,
    fictional: false,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    ...extra,
  };
}

type OrganisationKind = Schemas['OrganisationKind'];
/** Every organisation kind of the schema: a kind added there fails to compile here until listed. */
const ORGANISATION_KINDS: Record<OrganisationKind, true> = {
  municipality: true,
  provider: true,
  care_cooperative: true,
  housing_corporation: true,
  care_office: true,
  insurer: true,
  school: true,
  own: true,
  other: true,
};

/**
 * GET …/organisations's answer from shared test data whose `kind` was widened to `string` (a plain
 * object literal in a testdata.ts): checks each kind against the schema's enum at run time and
 * fails the test on a kind the server would never send.
 */
export function organisationList(list: {
  items: readonly { id: number; kind: string; name: string; municipality_code: string | null }[];
}): { items: Schemas['Organisation'][] } {
  return {
    items: list.items.map((o) => {
      if (!Object.hasOwn(ORGANISATION_KINDS, o.kind)) throw new Error(`organisation ${o.id}: unknown kind "${o.kind}"`);
      return { ...o, kind: o.kind as OrganisationKind };
    }),
  };
}

/**
 * A TopoJSON file of components/map/fixtures as GET /api/v1/maps/… answers it. A JSON import has no
 * literal types (its `"type"` is a `string`), so this checks at run time what the compiler cannot;
 * the rest of the shape is checked at compile time.
 */
export function topoJsonFixture(json: Omit<Schema<'TopoJson'>, 'type'> & { type: string }): Schema<'TopoJson'> {
  if (json.type !== 'Topology') throw new Error(`not a TopoJSON topology: type "${json.type}"`);
  return { ...json, type: 'Topology' };
}

/** A position (current unless `ended_on` says otherwise) as the person and people lists answer it. */
export function positionFixture(extra: Partial<Schemas['Position']> = {}): Schemas['Position'] {
  return {
    id: 1,
    person_id: 8,
    organisation_id: 1,
    kind: 'alderman',
    title: '',
    party: '',
    portfolios: [],
    domains: [],
    committees: [],
    started_on: '2022-06-01',
    ended_on: null,
    current: true,
    ...extra,
  };
}

/** An agreement as GET/POST …/agreements answer it. */
export function agreementFixture(extra: Partial<Schemas['Agreement']> = {}): Schemas['Agreement'] {
  return {
    id: 12,
    title: 'Pilot wijkverpleging',
    description: '',
    organisation_ids: [],
    commitments: [],
    owner_id: null,
    due_on: null,
    status: 'agreed',
    open: true,
    overdue: false,
    interaction_id: null,
    history: [{ status: 'agreed', at: '2026-11-23T09:05:00Z', by: 1 }],
    created_at: '2026-11-23T09:05:00Z',
    updated_at: '2026-11-23T09:05:00Z',
    ...extra,
  };
}

/** One act-now item of GET …/overview (ActItem in core/overview), due soon in Contacten. */
export function actItemFixture(extra: Partial<Schemas['Overview']['items'][number]> = {}): Schemas['Overview']['items'][number] {
  return {
    key: 'follow_up:1',
    record_id: 1,
    module: 'relations',
    reason: 'due_soon',
    title: 'Vervolgactie: verslag sturen',
    explain: 'Over 3 dagen.',
    due: '2026-11-26',
    link: 'interactions',
    mine: false,
    urgency: 1,
    ...extra,
  };
}

/** An NPS in the feedback module's shape; `enough` as the server decides it (at least 30 answers). */
export function npsGroupFixture(
  g: Pick<Schemas['NpsGroup'], 'n' | 'nps' | 'ci_low' | 'ci_high'> & Partial<Schemas['NpsGroup']>,
  enough = g.n >= 30,
): Schemas['NpsGroup'] {
  return { key: 'all', label: 'Alle reacties', promoters: 0, passives: 0, detractors: 0, ...g, enough };
}

/** GET …/overview's answer with nothing to do and no figures yet. */
export function emptyOverviewFixture(today = '2026-11-23'): Schemas['Overview'] {
  return {
    today,
    items: [],
    figures: {
      nps_last_30_days: null,
      nps_previous_30_days: null,
      open_callbacks: 0,
      overdue_callbacks: 0,
      open_agreements: 0,
      overdue_agreements: 0,
      cycle_events_next_30_days: 0,
    },
  };
}

/** A service of the Sociale kaart as GET …/services answers it. */
export function serviceFixture(extra: Partial<Schemas['Service']> = {}): Schemas['Service'] {
  return {
    id: 1,
    organisation_id: 11,
    organisation_name: 'De Linde',
    name: 'Buurtkamer',
    domain: 'welfare',
    law: 'wmo',
    target_groups: [],
    areas: [],
    contact: '',
    capacity_note: '',
    waiting_weeks: null,
    published: true,
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    ...extra,
  };
}

// ---- Sociale kaart and Wie is wie: municipalities of the register ----

/** A municipality of the register as GET /api/v1/municipalities?q=… lists it. */
export function municipalityFixture(code: string, name: string, province: string): Schemas['Municipality'] {
  return {
    code,
    name,
    province,
    population: null,
    care_office_region: null,
    youth_region: null,
    source: 'register',
    reference_date: '2025-01-01',
    ended_on: null,
  };
}

/** The same with its districts, as GET /api/v1/municipalities/{code} answers it (no merger). */
export function municipalityDetailFixture(
  code: string,
  name: string,
  province: string,
  districts: Schemas['District'][] = [],
): Schemas['MunicipalityDetail'] {
  return { ...municipalityFixture(code, name, province), districts, predecessors: [], successors: [] };
}
