import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  areaKind,
  areaUploadProblems,
  buildMatrix,
  csvProblems,
  csvProblemText,
  emptyServiceForm,
  formToService,
  gapsByArea,
  nicheSentences,
  overlapSentences,
  parseCodes,
  serviceAreaGroups,
  servicesPerMunicipality,
  serviceToForm,
  startMunicipality,
} from './socialmap';
import { COVERAGE, OFFER } from './testdata';
import { SOCIAL_MAP_TEXTS, socialMapText, type SocialMapKey } from './texts';

const mt = (key: SocialMapKey, vars?: Record<string, string | number>) => socialMapText('nl', key, vars);
const names: Record<number, string> = { 11: 'De Linde', 12: 'Buurtkracht', 13: 'Thuis' };

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const nl = SOCIAL_MAP_TEXTS.nl;
    const en = SOCIAL_MAP_TEXTS.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as SocialMapKey[]) expect(holes(en[key]), key).toEqual(holes(nl[key]));
  });
});

describe('areaKind', () => {
  it('tells municipalities, districts and neighbourhoods apart by their CBS code', () => {
    expect(areaKind('GM0344')).toBe('municipality');
    expect(areaKind('WK034401')).toBe('district');
    expect(areaKind('BU03440101')).toBe('neighbourhood');
    expect(areaKind('BU0344')).toBeNull();
    expect(areaKind('wk034401')).toBeNull();
  });
});

describe('buildMatrix', () => {
  const view = buildMatrix(COVERAGE, (id) => names[id]);

  it('makes a row per area and a cell per kind of help, with provider names sorted', () => {
    expect(view.rows.map((r) => r.name)).toEqual(['Centrum', 'Kerckebosch']);
    expect(view.domains).toEqual(['welfare', 'daytime_activities', 'youth_care']);
    expect(view.rows[0]?.cells[0]?.providers.map((p) => p.name)).toEqual(['Buurtkracht', 'De Linde']);
  });

  it('marks gaps, single providers and covered cells and counts them', () => {
    expect(view.rows.map((r) => r.cells.map((c) => c.state))).toEqual([
      ['covered', 'single', 'gap'],
      ['single', 'gap', 'gap'],
    ]);
    expect([view.gaps, view.single, view.covered, view.cells]).toEqual([3, 2, 1, 6]);
  });

  it('treats a missing cell as a gap and an unknown provider as #id', () => {
    const partial = buildMatrix({ ...COVERAGE, cells: [{ area: 'BU03550101', domain: 'welfare', providers: [99], services: [] }] }, () => undefined);
    expect(partial.rows[0]?.cells[0]?.providers).toEqual([{ id: 99, name: '#99' }]);
    expect(partial.gaps).toBe(5);
  });
});

describe('sentences about the joint offer', () => {
  it('names each member\'s niche in words', () => {
    expect(nicheSentences(OFFER, mt)).toEqual([
      { id: 11, name: 'De Linde', sentences: ['De Linde biedt niets wat de andere leden niet ook bieden.'] },
      { id: 12, name: 'Buurtkracht', sentences: ['Alleen Buurtkracht biedt Welzijn in Kerckebosch.'] },
      { id: 13, name: 'Thuis', sentences: ['Alleen Thuis biedt Dagbesteding in Centrum.'] },
    ]);
  });

  it('lists overlaps with the members and groups gaps by area', () => {
    expect(overlapSentences(OFFER, mt)).toEqual(['Welzijn in Centrum: Buurtkracht, De Linde']);
    expect(gapsByArea(OFFER, mt)).toEqual(['Centrum: Jeugdhulp', 'Kerckebosch: Dagbesteding, Jeugdhulp']);
  });
});

describe('csvProblems', () => {
  const error = new ApiError(422, 'invalid_input', 'Niet alles is goed ingevuld.', {
    'line 4.domain': 'Kies een van de mogelijke waarden.',
    'line 2.organisation': 'Deze waarde is onbekend.',
    'line 2.areas[1]': 'Dit heeft niet de goede vorm.',
    'line 1.kleur': 'Dit veld is onbekend.',
  });

  it('reads "line N.column", sorts by line and uses the Dutch column names', () => {
    expect(csvProblems(error)).toEqual([
      { line: 1, column: 'kleur', message: 'Dit veld is onbekend.' },
      { line: 2, column: 'gebieden', message: 'Dit heeft niet de goede vorm.' },
      { line: 2, column: 'organisatie', message: 'Deze waarde is onbekend.' },
      { line: 4, column: 'domein', message: 'Kies een van de mogelijke waarden.' },
    ]);
  });

  it('writes one sentence per problem', () => {
    const [first] = csvProblems(error) ?? [];
    expect(first && csvProblemText(first, mt)).toBe('Regel 1, kolom kleur: Dit veld is onbekend.');
    expect(csvProblemText({ line: null, column: 'file', message: 'Te groot.' }, mt)).toBe('Bestand: Te groot.');
  });

  it('is null for other errors', () => {
    expect(csvProblems(new ApiError(500, 'internal', 'Fout'))).toBeNull();
    expect(csvProblems(new Error('x'))).toBeNull();
  });

  it('turns area rows into file lines (after the header)', () => {
    const areas = new ApiError(422, 'invalid_input', 'x', { 'areas[2].code': 'Onbekend.', 'areas[0].name': 'Vul dit in.' });
    expect(areaUploadProblems(areas, mt)).toEqual(['Regel 2, kolom naam: Vul dit in.', 'Regel 4, kolom code: Onbekend.']);
  });
});

describe('the service form', () => {
  it('asks for the required fields and checks typed codes', () => {
    const result = formToService({ ...emptyServiceForm(), codes: 'BU1234, xyz', waiting_weeks: 'veel' }, mt);
    expect(result.errors).toEqual({
      organisation_id: 'Kies de organisatie die de hulp biedt.',
      name: 'Vul de naam van de voorziening in.',
      domain: 'Kies een soort hulp.',
      areas: 'Deze codes kloppen niet: BU1234, XYZ. Een code ziet er zo uit: GM0344, WK034401 of BU03440101.',
      waiting_weeks: 'Vul een heel getal in van 0 tot en met 520.',
    });
  });

  it('builds the body with ticked and typed areas, lists and null weeks', () => {
    const result = formToService(
      {
        ...emptyServiceForm(),
        organisation_id: '11',
        name: ' Buurtkamer ',
        domain: 'welfare',
        target_groups: 'ouderen, , mantelzorgers',
        areas: ['BU03550101'],
        codes: 'bu03550102 BU03550101',
        published: true,
      },
      mt,
    );
    expect(result.body).toEqual({
      organisation_id: 11,
      name: 'Buurtkamer',
      domain: 'welfare',
      law: 'free',
      target_groups: ['ouderen', 'mantelzorgers'],
      areas: ['BU03550101', 'BU03550102'],
      contact: '',
      capacity_note: '',
      waiting_weeks: null,
      published: true,
    });
    expect(parseCodes('a; b,a')).toEqual(['A', 'B']);
  });

  it('puts known areas in the ticks and others in the text box', () => {
    const form = serviceToForm(
      {
        id: 1, organisation_id: 11, organisation_name: 'De Linde', name: 'X', domain: 'welfare', law: 'wmo',
        target_groups: ['a', 'b'], areas: ['BU03550101', 'WK035599'], contact: '', capacity_note: '',
        waiting_weeks: 3, published: false, created_at: '', updated_at: '',
      },
      ['BU03550101'],
    );
    expect(form).toMatchObject({ areas: ['BU03550101'], codes: 'WK035599', target_groups: 'a, b', waiting_weeks: '3' });
  });
});

describe('where the social map opens', () => {
  const followed = [
    { code: 'GM0307', name: 'Amersfoort' },
    { code: 'GM0344', name: 'Utrecht' },
  ];

  it('counts a service once per municipality, whatever it names there', () => {
    const counts = servicesPerMunicipality([
      { areas: ['WK034403', 'WK034405', 'BU03440501'] },
      { areas: ['GM0344', 'WK030701'] },
      { areas: ['nonsense'] },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ GM0344: 2, GM0307: 1 });
  });

  it('opens on the workspace\'s municipality with the most services, not the first by name', () => {
    expect(startMunicipality(followed, [{ areas: ['WK034403'] }, { areas: ['GM0344'] }])).toBe('GM0344');
    // A tie: the first by name.
    expect(startMunicipality(followed, [{ areas: ['WK034403'] }, { areas: ['WK030701'] }])).toBe('GM0307');
  });

  it('opens where the services are when none of them is in the workspace\'s municipalities', () => {
    expect(startMunicipality(followed, [{ areas: ['WK019310'] }, { areas: ['WK019311'] }, { areas: ['GM0355'] }])).toBe('GM0193');
    expect(startMunicipality([], [{ areas: ['WK019310'] }])).toBe('GM0193');
  });

  it('falls back to the first municipality, or none, without services', () => {
    expect(startMunicipality(followed, [])).toBe('GM0307');
    expect(startMunicipality([], [])).toBe('');
  });
});

describe('serviceAreaGroups', () => {
  const names = new Map([
    ['GM0344', 'Utrecht'],
    ['WK034403', 'Wijk 03 Overvecht'],
    ['WK034405', 'Wijk 05 Oost'],
    ['GM0307', 'Amersfoort'],
  ]);

  it('names the areas per municipality, in the service\'s order', () => {
    expect(serviceAreaGroups(['WK034403', 'WK034405'], names)).toEqual([
      {
        municipality: 'GM0344',
        municipalityName: 'Utrecht',
        whole: false,
        areas: [
          { code: 'WK034403', name: 'Wijk 03 Overvecht' },
          { code: 'WK034405', name: 'Wijk 05 Oost' },
        ],
      },
    ]);
  });

  it('says "the whole municipality" for a municipality code, and keeps unknown codes as codes', () => {
    const groups = serviceAreaGroups(['GM0344', 'WK030799', 'GM0193'], names);
    expect(groups.map((g) => [g.municipalityName, g.whole, g.areas.map((a) => a.name)])).toEqual([
      ['Utrecht', true, []],
      ['Amersfoort', false, ['WK030799']],
      ['GM0193', true, []],
    ]);
  });
});
