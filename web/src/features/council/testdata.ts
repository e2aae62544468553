/**
 * Test data of Raad in the shapes of api/openapi.yaml, after tests/fixtures/openbesluitvorming/:
 * Soest (Notubiz, fine) with one meeting of the Commissie Samenleving and motion M41 (14 for, 9
 * against), Houten (iBabs, failing and down) and Weesp (merged into Amsterdam).
 */
import type {
  CouncilFollow,
  CouncilList,
  CouncilMeeting,
  CouncilMeetingDetail,
  CouncilSource,
  CouncilTopic,
  CouncilTopicMatch,
} from './api';

/** The moment the tests run at: Sunday 6 December 2026, 14:30 in Amsterdam. */
export const NOW = new Date('2026-12-06T13:30:00Z');

export const SOEST: CouncilSource = {
  source_key: 'soest',
  label: 'Soest',
  supplier: 'notubiz',
  municipality_code: 'GM0342',
  state: 'ok',
  supplier_state: 'ok',
  last_success_at: '2026-12-06T08:41:09.883Z',
  discontinued_on: null,
  successor: null,
};

export const HOUTEN: CouncilSource = {
  source_key: 'houten',
  label: 'Houten',
  supplier: 'ibabs',
  municipality_code: 'GM0321',
  state: 'failing',
  supplier_state: 'down',
  last_success_at: '2026-11-05T22:41:09.883Z',
  discontinued_on: null,
  successor: null,
};

export const WEESP: CouncilSource = {
  source_key: 'weesp',
  label: 'Weesp',
  supplier: '',
  municipality_code: 'GM0457',
  state: 'discontinued',
  supplier_state: '',
  last_success_at: null,
  discontinued_on: '2022-03-24',
  successor: { source_key: 'amsterdam', label: 'Amsterdam', municipality_code: 'GM0363' },
};

export const SOEST_FOLLOW: CouncilFollow = {
  source_key: 'soest',
  municipality_code: 'GM0342',
  followed_at: '2026-12-06T12:00:00Z',
  source: SOEST,
  sync: {
    phase: 'changes',
    records: 7,
    skipped_lines: 1,
    synced_at: '2026-12-06T13:05:00.000Z',
    attempted_at: '2026-12-06T13:05:00.000Z',
    retry_at: null,
    failures: 0,
    error: null,
  },
};

export const COUNCILS: CouncilList = {
  enabled: true,
  status_checked_at: '2026-12-06T13:00:00.000Z',
  follows: [SOEST_FOLLOW],
  available: [HOUTEN, WEESP],
};

export const ORGANISATIONS = {
  items: [
    { id: 1, kind: 'municipality', name: 'Soest', municipality_code: 'GM0342' },
    { id: 2, kind: 'municipality', name: 'Houten', municipality_code: 'GM0321' },
    { id: 3, kind: 'municipality', name: 'Weesp', municipality_code: 'GM0457' },
    { id: 4, kind: 'municipality', name: 'Utrecht', municipality_code: 'GM0344' },
    { id: 11, kind: 'provider', name: 'De Linde', municipality_code: null },
  ],
};

export const MEETING: CouncilMeeting = {
  id: 5,
  source_key: 'soest',
  council: 'Soest',
  municipality_code: 'GM0342',
  name: 'Commissie Samenleving',
  committee: 'Commissie Samenleving',
  classification: 'Commissie',
  location: 'Trouwzaal, Raadhuis Soest',
  cancelled: false,
  starts_at: '2026-12-09T18:30:00.000Z',
  time_known: true,
  ends_at: '2026-12-09T22:00:00.000Z',
  agenda_items: 3,
  entity_id: 'meeting:notubiz:gemeente:soest:830424',
};

/** A council meeting whose time is not published (date only) and that is cancelled. */
export const DATE_ONLY_MEETING: CouncilMeeting = {
  ...MEETING,
  id: 6,
  name: 'Raadsvergadering',
  committee: '',
  classification: 'Raad',
  location: '',
  cancelled: true,
  starts_at: '2026-12-17T00:00:00.000Z',
  time_known: false,
  ends_at: null,
  agenda_items: 1,
  entity_id: 'meeting:notubiz:gemeente:soest:830500',
};

export const MEETING_DETAIL: CouncilMeetingDetail = {
  ...MEETING,
  agenda: [
    { depth: 0, number: '1', title: 'Opening en mededelingen', description: '', heading: false, documents: [] },
    { depth: 0, number: '2', title: 'Bespreekstukken', description: '', heading: true, documents: [] },
    {
      depth: 1,
      number: '2a',
      title: 'Beleidsplan beschermd wonen 2027-2030',
      description: 'Het college vraagt de raad het regionale beleidsplan vast te stellen.',
      heading: false,
      documents: [
        {
          name: 'Raadsvoorstel Beleidsplan beschermd wonen 2027-2030',
          url: 'https://api.notubiz.nl/document/12345/1',
          entity_id: 'document:notubiz:gemeente:soest:12345',
        },
      ],
    },
    { depth: 1, number: '2b', title: 'Evaluatie jeugdhulp in de regio', description: '', heading: false, documents: [] },
  ],
  documents: [
    {
      id: 9,
      name: 'Raadsvoorstel Beleidsplan beschermd wonen 2027-2030 (geanonimiseerd)',
      classification: 'Raadsvoorstel',
      url: 'https://api.notubiz.nl/document/12399/1',
      content_type: 'application/pdf',
      modified_at: '2026-11-12T15:20:00.000Z',
      entity_id: 'document:notubiz:gemeente:soest:12399',
    },
    {
      id: 10,
      name: 'Stuk met een vreemde link',
      classification: '',
      url: 'javascript:alert(1)',
      content_type: '',
      modified_at: null,
      entity_id: 'document:notubiz:gemeente:soest:12400',
    },
  ],
  motions: [
    {
      id: 3,
      name: 'M41 Wachtlijst beschermd wonen terugdringen',
      motion_type: 'Moties',
      status: 'Motie aangenomen',
      result: 'aangenomen',
      date: '2026-12-09T18:30:00.000Z',
      in_favour: 14,
      against: 9,
      proposers: ['J. de Vries', 'A. Bakker'],
      votes: [
        { option: 'voor', voter: 'Vries, J. de', party: 'GroenLinks' },
        { option: 'tegen', voter: 'Jansen, P.', party: 'VVD' },
      ],
      entity_id: 'motion:notubiz:gemeente:soest:m-2026-041',
    },
  ],
};

/** The topic the e2e adds too: "Beschermd wonen", with an exclusion. */
export const TOPIC: CouncilTopic = {
  id: 7,
  name: 'Beschermd wonen',
  terms: ['beschermd wonen', 'maatschappelijke opvang'],
  exclusions: ['studentenhuisvesting'],
  created_at: '2026-12-01T09:00:00Z',
};

/** Where "Beschermd wonen" comes up in the meeting of the Commissie Samenleving. */
export const TOPIC_MATCHES: CouncilTopicMatch[] = [
  {
    topic_id: 7,
    topic_name: 'Beschermd wonen',
    meeting: MEETING,
    hits: [
      { kind: 'agenda_item', title: 'Beleidsplan beschermd wonen 2027-2030' },
      { kind: 'document', title: 'Raadsvoorstel Beleidsplan beschermd wonen 2027-2030 (geanonimiseerd)' },
      { kind: 'motion', title: 'M41 Wachtlijst beschermd wonen terugdringen' },
    ],
  },
];
