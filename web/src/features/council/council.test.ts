import { describe, expect, it } from 'vitest';
import type { CouncilAgendaItem, CouncilFollow, CouncilMeeting, CouncilSource, CouncilSync, CouncilTopicMatch } from './api';
import {
  agendaTopics,
  agendaTree,
  councilAgenda,
  firstFetchFailed,
  firstFetchLine,
  foundCounts,
  matchedMeetings,
  meetingClock,
  topicFoundText,
  formatDay,
  hitKindKey,
  joinTerms,
  matchesByMeeting,
  splitTerms,
  topicFieldErrors,
  topicsVersion,
  isSyncing,
  meetingDayKey,
  meetingWhen,
  resultKey,
  safeUrl,
  sourceLines,
  supplierLabel,
  syncLines,
  votesByParty,
  type Context,
} from './council';
import { DATE_ONLY_MEETING, MEETING, NOW, SOEST, TOPIC, TOPIC_MATCHES } from './testdata';
import { COUNCIL_TEXTS, councilText } from './texts';

const nl: Context = { language: 'nl', ct: (key, vars) => councilText('nl', key, vars), now: NOW };
const en: Context = { language: 'en', ct: (key, vars) => councilText('en', key, vars), now: NOW };

const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sync(over: Partial<CouncilSync> = {}): CouncilSync {
  return {
    phase: 'changes',
    records: 7,
    skipped_lines: 0,
    synced_at: '2026-12-06T13:05:00.000Z',
    attempted_at: '2026-12-06T13:05:00.000Z',
    retry_at: null,
    failures: 0,
    error: null,
    ...over,
  };
}

function follow(s: CouncilSync | null, source: CouncilSource | null = SOEST): CouncilFollow {
  return { source_key: 'soest', municipality_code: 'GM0342', followed_at: '2026-12-06T12:00:00Z', source, sync: s };
}

const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('council texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    expect(Object.keys(COUNCIL_TEXTS.en).sort()).toEqual(Object.keys(COUNCIL_TEXTS.nl).sort());
    for (const key of Object.keys(COUNCIL_TEXTS.nl) as (keyof typeof COUNCIL_TEXTS.nl)[]) {
      expect(holes(COUNCIL_TEXTS.en[key]), key).toEqual(holes(COUNCIL_TEXTS.nl[key]));
    }
  });
});

describe('syncLines: the state of the copy in plain words', () => {
  it('says when the council was last brought up to date', () => {
    expect(texts(syncLines(follow(sync()), nl))).toEqual(['Bijgewerkt op 6 december om 14:05.']);
    expect(texts(syncLines(follow(sync()), en))).toEqual(['Updated on 6 December at 14:05.']);
    // Another year: with the year.
    expect(texts(syncLines(follow(sync({ synced_at: '2025-12-30T09:00:00Z' })), nl))).toEqual([
      'Bijgewerkt op 30 december 2025 om 10:00.',
    ]);
  });

  it('counts the records of a first copy with Dutch thousands', () => {
    const first = follow(sync({ phase: 'snapshot', synced_at: null, records: 1250 }));
    expect(texts(syncLines(first, nl))).toEqual(['Wordt voor het eerst opgehaald (1.250 stukken).']);
    expect(texts(syncLines(first, en))).toEqual(['Being fetched for the first time (1,250 records).']);
    expect(texts(syncLines(follow(sync({ phase: 'snapshot', synced_at: null, records: 0 })), nl))).toEqual([
      'Wordt voor het eerst opgehaald.',
    ]);
    expect(texts(syncLines(follow(null), nl))).toEqual(['Wordt zo voor het eerst opgehaald.']);
    expect(texts(syncLines(follow(sync({ synced_at: null, records: 12 })), nl))).toEqual([
      'Bijna klaar met ophalen (12 stukken).',
    ]);
  });

  it('a copy that starts over (a refused position) keeps its last update', () => {
    expect(texts(syncLines(follow(sync({ phase: 'snapshot', records: 3 })), nl))).toEqual([
      'Wordt opnieuw helemaal opgehaald (3 stukken).',
      'Laatst bijgewerkt op 6 december om 14:05.',
    ]);
  });

  it('a rate limit (429) is a wait, not a failure: the time the source asked for', () => {
    const waiting = follow(sync({ phase: 'snapshot', synced_at: null, records: 1250, retry_at: '2026-12-06T13:37:00Z' }));
    const lines = syncLines(waiting, nl);
    expect(texts(lines)).toEqual([
      'Wordt voor het eerst opgehaald (1.250 stukken).',
      'Even wachten: de bron vraagt ons het om 14:37 opnieuw te proberen.',
    ]);
    expect(lines[1]?.tone).toBe('wait');
    // Tomorrow: with the day.
    expect(texts(syncLines(follow(sync({ retry_at: '2026-12-07T08:00:00Z' })), nl))[1]).toBe(
      'Even wachten: de bron vraagt ons het op 7 december om 09:00 opnieuw te proberen.',
    );
    // A time that has passed is no reason to wait.
    expect(texts(syncLines(follow(sync({ retry_at: '2026-12-06T13:00:00Z' })), nl))).toEqual([
      'Bijgewerkt op 6 december om 14:05.',
    ]);
  });

  it('failures say how often and when the next try is; the error only when the API gives it (owners)', () => {
    const failing = follow(sync({ failures: 3, retry_at: '2026-12-06T13:34:00Z', error: 'HTTP 503 from the source' }));
    const lines = syncLines(failing, nl);
    expect(texts(lines)).toEqual([
      'Bijgewerkt op 6 december om 14:05.',
      'Ophalen lukte 3 keer achter elkaar niet. We proberen het om 14:34 opnieuw.',
      'Technische melding: HTTP 503 from the source',
    ]);
    expect(lines[1]?.tone).toBe('problem');
    expect(texts(syncLines(follow(sync({ failures: 1, error: null })), nl))).toEqual([
      'Bijgewerkt op 6 december om 14:05.',
      'Ophalen lukte de laatste keer niet. We proberen het zo opnieuw.',
    ]);
  });

  it('a first fetch that failed says so and when it is tried again, never "Wordt voor het eerst opgehaald"', () => {
    const stopped = follow(
      sync({ phase: 'snapshot', synced_at: null, records: 0, failures: 1, retry_at: '2026-12-07T13:30:00Z', error: 'HTTP 400 unknown_export_source' }),
    );
    const lines = syncLines(stopped, nl);
    expect(texts(lines)).toEqual([
      'Het eerste ophalen is niet gelukt. We proberen het op 7 december om 14:30 opnieuw.',
      'Technische melding: HTTP 400 unknown_export_source',
    ]);
    expect(lines[0]?.tone).toBe('problem');
    expect(texts(syncLines(stopped, en))[0]).toBe('The first fetch did not work. We will try again on 7 December at 14:30.');
    // Several times, the next try today, or a time that has passed.
    expect(texts(syncLines(follow(sync({ phase: 'snapshot', synced_at: null, records: 0, failures: 3, retry_at: '2026-12-06T13:34:00Z' })), nl))).toEqual([
      'Het eerste ophalen lukte 3 keer achter elkaar niet. We proberen het om 14:34 opnieuw.',
    ]);
    expect(texts(syncLines(follow(sync({ phase: 'snapshot', synced_at: null, records: 0, failures: 1, retry_at: null })), nl))).toEqual([
      'Het eerste ophalen is niet gelukt. We proberen het zo opnieuw.',
    ]);
    // Part of the first copy is there: how much, and that fetching stopped.
    expect(texts(syncLines(follow(sync({ phase: 'snapshot', synced_at: null, records: 2000, failures: 2 })), nl))).toEqual([
      'Het eerste ophalen is nog niet klaar (2.000 stukken).',
      'Ophalen lukte 2 keer achter elkaar niet. We proberen het zo opnieuw.',
    ]);
    // The snapshot is in, the change feed failed before the copy was caught up: not "bijna klaar".
    expect(texts(syncLines(follow(sync({ phase: 'changes', synced_at: null, records: 7, failures: 1 })), nl))[0]).toBe(
      'Het eerste ophalen is nog niet klaar (7 stukken).',
    );
    for (const s of [stopped, follow(sync({ phase: 'snapshot', synced_at: null, records: 2000, failures: 2 }))]) {
      expect(texts(syncLines(s, nl)).join(' ')).not.toMatch(/Wordt voor het eerst opgehaald/);
    }
    expect(firstFetchFailed(stopped)).toBe(true);
    expect(firstFetchFailed(follow(sync({ failures: 2 })))).toBe(false);
    expect(firstFetchFailed(follow(null))).toBe(false);
    expect(firstFetchLine(follow(sync()), nl)).toBeNull();
  });

  it('skipped lines of the feed are for owners', () => {
    const skipped = follow(sync({ skipped_lines: 1 }));
    expect(texts(syncLines(skipped, nl))).toHaveLength(1);
    expect(texts(syncLines(skipped, nl, { owner: true }))[1]).toBe('1 regel uit de bron was niet te lezen. Die is overgeslagen.');
  });

  it('isSyncing: worth looking again while the first copy is made, not while waiting long or failing', () => {
    expect(isSyncing(follow(null), NOW)).toBe(true);
    expect(isSyncing(follow(sync({ phase: 'snapshot', synced_at: null })), NOW)).toBe(true);
    expect(isSyncing(follow(sync()), NOW)).toBe(false);
    expect(isSyncing(follow(sync({ synced_at: null, retry_at: '2026-12-06T14:30:00Z' })), NOW)).toBe(false);
    expect(isSyncing(follow(sync({ synced_at: null, failures: 2 })), NOW)).toBe(false);
  });
});

describe("sourceLines: Open Besluitvorming's view of the council and its system", () => {
  it('says a council is fine, stale or failing, and when it last worked', () => {
    expect(texts(sourceLines(SOEST, nl))).toEqual(['Open Besluitvorming haalt de stukken van deze raad goed op.']);
    expect(texts(sourceLines({ ...SOEST, state: 'stale', last_success_at: '2026-11-10T07:12:00Z' }, nl))).toEqual([
      'Open Besluitvorming heeft deze raad al een tijd niet kunnen bijwerken. Nieuwe stukken kunnen nog ontbreken.',
      'Laatst gelukt op 10 november.',
    ]);
    expect(texts(sourceLines({ ...SOEST, state: 'never_imported', last_success_at: null }, nl))[0]).toMatch(/nog nooit opgehaald/);
    expect(texts(sourceLines({ ...SOEST, state: 'not_implemented' }, nl))[0]).toMatch(/nog niet lezen/);
    expect(texts(sourceLines({ ...SOEST, state: 'paused' }, nl))).toEqual(['Open Besluitvorming meldt over deze raad: paused.']);
  });

  it("names the municipality's publishing system when it delivers nothing", () => {
    const houten = { ...SOEST, label: 'Houten', supplier: 'ibabs', state: 'failing', supplier_state: 'down', last_success_at: '2026-11-05T22:41:09Z' };
    expect(texts(sourceLines(houten, nl))).toEqual([
      'Open Besluitvorming kan de stukken van deze raad nu niet ophalen. Nieuwe stukken kunnen ontbreken.',
      'Laatst gelukt op 5 november.',
      'iBabs, het systeem van deze gemeente, levert op dit moment niets aan.',
    ]);
    expect(texts(sourceLines({ ...SOEST, supplier_state: 'degraded' }, en))[1]).toBe(
      'Notubiz, the system of this municipality, is not working well at the moment. New documents may come later.',
    );
    expect(supplierLabel('ibabs')).toBe('iBabs');
    expect(supplierLabel('someother')).toBe('Someother');
  });

  it('a discontinued council shows its successor and that its history stays', () => {
    const weesp: CouncilSource = {
      ...SOEST,
      source_key: 'weesp',
      label: 'Weesp',
      supplier: '',
      state: 'discontinued',
      supplier_state: '',
      discontinued_on: '2022-03-24',
      successor: { source_key: 'amsterdam', label: 'Amsterdam', municipality_code: 'GM0363' },
    };
    expect(texts(sourceLines(weesp, nl))).toEqual([
      'Deze raad bestaat niet meer sinds 24 maart 2022.',
      'De raad van Amsterdam is de opvolger.',
      'De oude vergaderingen blijven te lezen.',
    ]);
  });
});

describe('meeting dates', () => {
  const meeting = { starts_at: '2026-12-09T18:30:00.000Z', ends_at: '2026-12-09T22:00:00.000Z', time_known: true };

  it('with weekday and time in Dutch time', () => {
    expect(meetingWhen(meeting, nl)).toBe('woensdag 9 december, van 19:30 tot 23:00 uur');
    expect(meetingWhen({ ...meeting, ends_at: null }, nl)).toBe('woensdag 9 december, om 19:30 uur');
    expect(meetingWhen(meeting, nl, { year: 'always' })).toBe('woensdag 9 december 2026, van 19:30 tot 23:00 uur');
    expect(meetingWhen(meeting, en)).toMatch(/^Wednesday,? 9 December, 19:30 to 23:00$/);
  });

  it('only the date when the time is not known (midnight UTC is not shown as 01:00)', () => {
    const dateOnly = { starts_at: '2026-12-09T00:00:00.000Z', ends_at: null, time_known: false };
    expect(meetingWhen(dateOnly, nl)).toBe('woensdag 9 december');
    expect(meetingWhen(dateOnly, nl, { noTimeNote: true, year: 'always' })).toBe('woensdag 9 december 2026 (de tijd is niet bekend)');
    expect(meetingDayKey(dateOnly)).toBe('2026-12-09');
    // A late meeting in Dutch time is on its Dutch day.
    expect(meetingDayKey({ starts_at: '2026-12-09T23:30:00Z', time_known: true })).toBe('2026-12-10');
    expect(formatDay('nl', '2027-01-05T10:00:00Z', NOW, { weekday: true })).toBe('dinsdag 5 januari 2027');
  });
});

describe('agendaTree', () => {
  const item = (depth: number, number: string, heading = false): CouncilAgendaItem => ({
    depth,
    number,
    title: `Punt ${number}`,
    description: '',
    heading,
    documents: [],
  });

  it('nests items under the nearest item before them with a smaller depth', () => {
    const tree = agendaTree([item(0, '1'), item(0, '2', true), item(1, '2a'), item(1, '2b'), item(2, '2b1'), item(0, '3')]);
    expect(tree.map((n) => n.item.number)).toEqual(['1', '2', '3']);
    expect(tree[1]?.children.map((n) => n.item.number)).toEqual(['2a', '2b']);
    expect(tree[1]?.children[1]?.children.map((n) => n.item.number)).toEqual(['2b1']);
  });

  it('a jump in depth still nests one level; items before any parent stay at the top', () => {
    const tree = agendaTree([item(1, 'x'), item(0, '1'), item(2, '1a')]);
    expect(tree.map((n) => n.item.number)).toEqual(['x', '1']);
    expect(tree[1]?.children.map((n) => n.item.number)).toEqual(['1a']);
  });
});

describe('votesByParty', () => {
  it('counts for and against per party, says how the party voted, parties by name and no party last', () => {
    const parties = votesByParty([
      { option: 'voor', voter: 'Vries, J. de', party: 'GroenLinks' },
      { option: 'tegen', voter: 'Jansen, P.', party: 'VVD' },
      { option: 'voor', voter: 'Bakker, A.', party: 'GroenLinks' },
      { option: 'voor', voter: 'Smit, K.', party: 'CDA' },
      { option: 'tegen', voter: 'Mulder, F.', party: 'CDA' },
      { option: 'voor', voter: 'Visser, D.', party: '' },
    ]);
    expect(parties.map((p) => [p.party, p.for, p.against, p.stand])).toEqual([
      ['CDA', 1, 1, 'split'],
      ['GroenLinks', 2, 0, 'for'],
      ['VVD', 0, 1, 'against'],
      ['', 1, 0, 'for'],
    ]);
    expect(parties[1]?.votersFor).toEqual(['Vries, J. de', 'Bakker, A.']);
    expect(parties[0]?.votersAgainst).toEqual(['Mulder, F.']);
    expect(votesByParty([])).toEqual([]);
  });
});

describe('small helpers', () => {
  it('resultKey maps the published results and anything else to "overig"', () => {
    expect(councilText('nl', resultKey('aangenomen'))).toBe('Aangenomen');
    expect(councilText('en', resultKey('verworpen'))).toBe('Rejected');
    expect(councilText('nl', resultKey(null))).toBe('Uitslag niet bekend');
    expect(councilText('nl', resultKey('vervallen'))).toBe('Overig');
  });

  it('safeUrl links only to web addresses', () => {
    expect(safeUrl('https://api.notubiz.nl/document/12345/1')).toBe('https://api.notubiz.nl/document/12345/1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
  });
});

describe('topics', () => {
  it('splitTerms takes one term per line (or comma), trimmed, without empty lines and repeats', () => {
    expect(splitTerms('beschermd wonen\n\n  jeugdhulp , Jeugdhulp;wmo  \n maatschappelijke   opvang ')).toEqual([
      'beschermd wonen',
      'jeugdhulp',
      'wmo',
      'maatschappelijke opvang',
    ]);
    expect(splitTerms('  \n ')).toEqual([]);
    expect(joinTerms(['a b', 'c'])).toBe('a b\nc');
  });

  it('topicFieldErrors puts the server\'s problems at the name, the words or the exclusions, with the term', () => {
    const sent = { terms: ['beschermd wonen', 'x'], exclusions: ['studentenhuisvesting'] };
    expect(
      topicFieldErrors({ name: 'Deze naam bestaat al.', 'terms[1]': 'Dit is te kort.', 'exclusions.0': 'Dubbel.' }, sent, nl.ct),
    ).toEqual({
      errors: { name: 'Deze naam bestaat al.', terms: '‘x’: Dit is te kort.', exclusions: '‘studentenhuisvesting’: Dubbel.' },
      rest: false,
    });
    expect(topicFieldErrors({ terms: 'Vul dit in.', colour: 'Onbekend.' }, sent, nl.ct)).toEqual({
      errors: { terms: 'Vul dit in.' },
      rest: true,
    });
    // The server's "taken" (names are unique whatever their capitals): said as the form says it.
    expect(topicFieldErrors({ name: 'Deze waarde is al in gebruik.' }, sent, nl.ct).errors.name).toBe(
      'Er is al een onderwerp met deze naam. Kies een andere naam.',
    );
    expect(topicFieldErrors({ name: 'This value is already in use.' }, sent, en.ct).errors.name).toBe(
      'There is already a topic with this name. Choose another name.',
    );
  });

  it('matchesByMeeting groups the topics per meeting in the order of the API', () => {
    const hit = { kind: 'agenda_item' as const, title: 'Beleidsplan beschermd wonen' };
    const grouped = matchesByMeeting([
      { topic_id: 1, topic_name: 'Beschermd wonen', meeting: MEETING, hits: [hit] },
      { topic_id: 2, topic_name: 'Jeugd', meeting: DATE_ONLY_MEETING, hits: [{ kind: 'motion', title: 'M1 Jeugd' }] },
      { topic_id: 2, topic_name: 'Jeugd', meeting: MEETING, hits: [{ kind: 'document', title: 'Evaluatie jeugdhulp' }] },
    ]);
    expect(grouped.map((g) => [g.meeting.id, g.topics.map((t) => t.name)])).toEqual([
      [MEETING.id, ['Beschermd wonen', 'Jeugd']],
      [DATE_ONLY_MEETING.id, ['Jeugd']],
    ]);
    expect(councilText('nl', hitKindKey('agenda_item'))).toBe('Agendapunt');
    expect(councilText('nl', hitKindKey('document'))).toBe('Stuk');
    expect(councilText('en', hitKindKey('motion'))).toBe('Motion');
  });

  it('agendaTopics names the topics found in the titles of one meeting\'s agenda items', () => {
    const found = agendaTopics(
      [
        ...TOPIC_MATCHES,
        { topic_id: 8, topic_name: 'Wonen', meeting: MEETING, hits: [{ kind: 'agenda_item', title: 'Beleidsplan beschermd wonen 2027-2030' }] },
        { topic_id: 8, topic_name: 'Wonen', meeting: DATE_ONLY_MEETING, hits: [{ kind: 'agenda_item', title: 'Elders' }] },
      ],
      MEETING.id,
    );
    expect([...found.entries()]).toEqual([['Beleidsplan beschermd wonen 2027-2030', ['Beschermd wonen', 'Wonen']]]);
    expect(topicsVersion([TOPIC])).not.toBe(topicsVersion([{ ...TOPIC, terms: ['wonen'] }]));
  });
});

describe('the agenda of one municipality (municipality page, policy calendar, plan)', () => {
  const other: CouncilMeeting = { ...MEETING, id: 8, name: 'Raadsinformatieavond', starts_at: '2026-12-07T18:00:00.000Z' };
  const elsewhere: CouncilMeeting = { ...MEETING, id: 9, municipality_code: 'GM0344', council: 'Utrecht' };
  const matches: CouncilTopicMatch[] = [
    ...TOPIC_MATCHES,
    { topic_id: 8, topic_name: 'Jeugdhulp', meeting: MEETING, hits: [{ kind: 'agenda_item', title: 'Evaluatie jeugdhulp in de regio' }] },
    { topic_id: 7, topic_name: 'Beschermd wonen', meeting: elsewhere, hits: [{ kind: 'motion', title: 'M1' }] },
  ];

  it('puts the meetings with topics first, then the others, each by start; another municipality is left out', () => {
    const agenda = councilAgenda([MEETING, other, DATE_ONLY_MEETING, elsewhere], matches, 'GM0342');
    expect(agenda.matched.map((m) => m.meeting.id)).toEqual([5]);
    expect(agenda.matched[0]?.topics).toEqual([
      { id: 7, name: 'Beschermd wonen', agendaItems: ['Beleidsplan beschermd wonen 2027-2030'], documents: 1, motions: 1 },
      { id: 8, name: 'Jeugdhulp', agendaItems: ['Evaluatie jeugdhulp in de regio'], documents: 0, motions: 0 },
    ]);
    expect(agenda.others.map((m) => m.meeting.id)).toEqual([8, 6]);
    expect(councilAgenda([], matches, 'GM0344').matched.map((m) => m.meeting.id)).toEqual([9]);
    // Every municipality at once (the plan page): by start.
    expect(matchedMeetings(matches).map((m) => m.meeting.id)).toEqual([5, 9]);
  });

  it('says where a topic was found in words: "Jullie onderwerp Beschermd wonen: 1 agendapunt, 1 stuk en 1 motie"', () => {
    const [found] = councilAgenda([], TOPIC_MATCHES, 'GM0342').matched[0]!.topics;
    expect(topicFoundText(found!, nl)).toBe('Jullie onderwerp Beschermd wonen: 1 agendapunt, 1 stuk en 1 motie');
    expect(topicFoundText(found!, en)).toBe('Your topic Beschermd wonen: 1 agenda item, 1 document and 1 motion');
    expect(foundCounts({ id: 1, name: 'x', agendaItems: ['a', 'b'], documents: 3, motions: 0 }, nl)).toBe('2 agendapunten en 3 stukken');
    expect(foundCounts({ id: 1, name: 'x', agendaItems: [], documents: 0, motions: 2 }, en)).toBe('2 motions');
  });

  it('gives only the time of a meeting, when it is known', () => {
    expect(meetingClock(MEETING, nl)).toBe('van 19:30 tot 23:00 uur');
    expect(meetingClock({ ...MEETING, ends_at: null }, nl)).toBe('om 19:30 uur');
    expect(meetingClock({ ...MEETING, ends_at: null }, en)).toBe('at 19:30');
    expect(meetingClock(DATE_ONLY_MEETING, nl)).toBeNull();
  });
});
