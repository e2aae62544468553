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
  CouncilPersonLink,
  CouncilSource,
  CouncilTopic,
  CouncilTopicMatch,
  PersonCouncil,
  PersonCouncilRecord,
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

/** A name of Soest's council; `over` gives what differs from an unmatched name used in one vote. */
function soestName(
  name_key: string,
  name: string,
  party: string,
  over: Partial<CouncilPersonLink> = {},
): CouncilPersonLink {
  return {
    source_key: 'soest',
    name_key,
    name,
    party,
    spellings: [name],
    motions: 0,
    votes: 1,
    state: 'unmatched',
    reason: 'nobody',
    person: null,
    rejected: [],
    options: [],
    ...over,
  };
}

/** `person` is the one person the name is linked or suggested to, and its only option. */
function onePerson(person: CouncilPersonLink['options'][number]): Pick<CouncilPersonLink, 'person' | 'options'> {
  return { person, options: [person] };
}

/**
 * Names of Soest's motions and votes as GET …/council-people gives them (most used first), with
 * the people of Wie is wie with the party of their council position: Jan de Vries (GroenLinks,
 * certain), Piet Jansen (CDA, suggested for "Jansen, P." of VVD), two Bakkers (several fit: Anna of
 * PvdA, Ahmed without a party), Karin Mulder (CDA, confirmed) and nobody for Smit.
 */
export const DE_VRIES = soestName('de vries|j|groenlinks', 'Vries, J. de', 'GroenLinks', {
  spellings: ['Vries, J. de', 'J. de Vries'],
  motions: 1,
  state: 'certain',
  reason: 'name_initial_and_party',
  ...onePerson({ id: 7, name: 'Jan de Vries', party: 'GroenLinks' }),
});

export const JANSEN = soestName('jansen|p|vvd', 'Jansen, P.', 'VVD', {
  state: 'suggested',
  reason: 'initial_or_party_differ',
  ...onePerson({ id: 8, name: 'Piet Jansen', party: 'CDA' }),
});

export const BAKKER = soestName('bakker|a|', 'A. Bakker', '', {
  motions: 1,
  votes: 0,
  state: 'suggested',
  reason: 'several',
  options: [
    { id: 11, name: 'Anna Bakker', party: 'PvdA' },
    { id: 12, name: 'Ahmed Bakker', party: '' },
  ],
});

export const MULDER = soestName('mulder|k|cda', 'Mulder, K.', 'CDA', {
  state: 'confirmed',
  reason: 'partly_known',
  ...onePerson({ id: 13, name: 'Karin Mulder', party: 'CDA' }),
});

export const SMIT = soestName('smit|e|d66', 'Smit, E.', 'D66');

export const COUNCIL_PEOPLE: CouncilPersonLink[] = [DE_VRIES, JANSEN, BAKKER, MULDER, SMIT];

/** Jan de Vries's part in motion M41 of the meeting of the Commissie Samenleving, under `name`. */
function m41(name: string, role: PersonCouncilRecord['role']): PersonCouncilRecord {
  return {
    source_key: 'soest',
    motion_id: 3,
    title: 'M41 Wachtlijst beschermd wonen terugdringen',
    result: 'aangenomen',
    date: '2026-12-01T18:30:00Z',
    meeting_id: 5,
    name,
    role,
    topics: ['Beschermd wonen'],
  };
}

/** Jan de Vries on his page: M41 submitted and voted for, on the topic Beschermd wonen. */
export const PERSON_COUNCIL: PersonCouncil = {
  names: [DE_VRIES],
  submitted: 1,
  voted_for: 2,
  voted_against: 0,
  topics: [{ topic_id: 7, topic_name: 'Beschermd wonen', submitted: 1, voted_for: 2, voted_against: 0 }],
  records: [
    m41('J. de Vries', 'submitted'),
    m41('Vries, J. de', 'for'),
    {
      source_key: 'soest',
      motion_id: 2,
      title: 'Motie opvang dak- en thuislozen',
      result: 'verworpen',
      date: null,
      meeting_id: null,
      name: 'Vries, J. de',
      role: 'for',
      topics: ['Beschermd wonen'],
    },
  ],
  more_records: false,
};
