/** A dossier for the tests of the municipality page (shaped like the demo's Utrecht). */
import type { MunicipalityDossier } from './municipality';

const health = (status: 'good' | 'attention' | 'action', text: string): MunicipalityDossier['health'] => ({
  status,
  last_contact: status === 'good' ? '2026-11-03T13:00:00.000Z' : null,
  reasons: [{ code: status === 'good' ? 'contact_on_rhythm' : 'never_met', status, text }],
});

export const DOSSIER: MunicipalityDossier = {
  today: '2026-11-23',
  organisation: { id: 1, kind: 'municipality', name: 'Utrecht', municipality_code: 'GM0344' },
  municipality: {
    code: 'GM0344',
    name: 'Utrecht',
    province: 'Utrecht',
    population: 374238,
    care_office_region: 'Utrecht',
    youth_region: null,
    source: 'register',
    reference_date: '2025-01-01',
    ended_on: null,
  },
  reorganisation: { predecessors: [], successors: [] },
  health: health('good', 'Laatste contact 2 weken geleden; doel: elke 6 maanden.'),
  people: [
    { person: { id: 4, name: 'Dirk Visser', fictional: true }, quadrant: 'manage_closely', health: health('action', 'Nog geen contact vastgelegd; doel: elke 6 weken.') },
    { person: { id: 2, name: 'Bram Jansen', fictional: true }, quadrant: null, health: health('good', 'Laatste contact 3 weken geleden.') },
  ],
  council: {
    term: { id: 1, installation_date: '2026-03-26', election_date: '2026-03-18' },
    seats: [
      { party: 'Stadsbelang', seats: 5 },
      { party: 'Lokaal Samen', seats: 9 },
      { party: 'Eén Zetel', seats: 1 },
    ],
    college: [
      {
        person: { id: 2, name: 'Bram Jansen', fictional: true },
        positions: [
          {
            id: 2,
            person_id: 2,
            organisation_id: 1,
            kind: 'alderman',
            title: '',
            party: 'Lokaal Samen',
            portfolios: ['Zorg en welzijn', 'Wmo'],
            domains: [],
            committees: [],
            started_on: '2026-04-01',
            ended_on: null,
            current: true,
          },
        ],
      },
    ],
    not_yet_met: [{ id: 7, name: 'Greet Smit' }],
  },
  last_contacts: [
    {
      id: 1,
      occurred_at: '2026-11-03T13:00:00.000Z',
      kind: 'working_visit',
      organisation_id: 1,
      subject: 'Wijkbezoek Overvecht met de wethouder',
      notes: null,
      stance: 'bring',
      tags: [],
      plan_id: null,
      person_ids: [2],
      staff_ids: [1],
      created_by: 1,
      created_at: '2026-11-03T13:00:00.000Z',
      updated_at: '2026-11-03T13:00:00.000Z',
    },
  ],
  agreements: {
    open: [
      {
        id: 1,
        title: 'Cijfers wachttijden delen',
        description: '',
        organisation_ids: [1],
        commitments: [],
        owner_id: 1,
        due_on: '2026-11-20',
        status: 'agreed',
        open: true,
        overdue: true,
        interaction_id: 1,
        history: [],
        created_at: '2026-11-03T13:00:00.000Z',
        updated_at: '2026-11-03T13:00:00.000Z',
      },
    ],
    open_count: 1,
    overdue_count: 1,
    fulfilled_count: 2,
  },
  cycle: {
    events: [
      {
        id: 'kadernota_publication',
        date: '2027-05-15',
        until: null,
        basis: 'typical',
        actual: false,
        label: 'Kadernota gepubliceerd',
        explain: 'Het college stuurt de kadernota naar de raad.',
        source: null,
      },
    ],
    windows: [
      {
        plan: { id: 1, title: 'Valpreventie in de wijk' },
        open: true,
        window: {
          id: 'adviser',
          from: '2026-10-01',
          to: '2026-12-31',
          rule: 'kadernota_drafting',
          label: 'Bespreek je plan met de beleidsadviseur',
          explain: 'In het laatste kwartaal voor de kadernota.',
        },
      },
    ],
  },
  feedback: {
    nps_last_year: {
      key: 'GM0344', label: 'Utrecht', n: 91, promoters: 40, passives: 24, detractors: 27,
      nps: 14.3, ci_low: -3.2, ci_high: 30.9, enough: true,
    },
    nps_last_30_days: {
      key: 'GM0344', label: 'Utrecht', n: 3, promoters: 2, passives: 0, detractors: 1,
      nps: 33.3, ci_low: -10, ci_high: 70, enough: false,
    },
    surveys: [{ id: 1, name: 'Wijkteam Utrecht-Noord', team: 'Wijkteam Noord', active: true }],
  },
  social_map: {
    areas: 4, cells: 40, gaps: 30, single: 10, services: 5, published_services: 4, providers: 3,
    consortia: [{ id: 1, name: 'Samen in Utrecht', members: 3 }],
  },
  scans: [{ id: 1, title: 'Samenwerking wijkzorg Overvecht', collaboration: 'Wijkteam en gemeente', status: 'open', invited: 7, answered: 6 }],
  scenarios: [{ id: 1, name: 'Wmo-begeleiding Utrecht: PxQ of combinatie', plan_title: 'Valpreventie in de wijk', updated_at: '2026-11-23T10:00:00.000Z' }],
};

/** The same municipality with nothing recorded yet. */
export const EMPTY_DOSSIER: MunicipalityDossier = {
  ...DOSSIER,
  health: { status: 'action', last_contact: null, reasons: [] },
  people: [],
  council: { term: null, seats: [], college: [], not_yet_met: [] },
  last_contacts: [],
  agreements: { open: [], open_count: 0, overdue_count: 0, fulfilled_count: 0 },
  cycle: { events: [], windows: [] },
  feedback: { nps_last_year: null, nps_last_30_days: null, surveys: [] },
  social_map: { areas: 0, cells: 0, gaps: 0, single: 0, services: 0, published_services: 0, providers: 0, consortia: [] },
  scans: [],
  scenarios: [],
};
