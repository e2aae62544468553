import { describe, expect, it } from 'vitest';
import type { Coverage } from '../../api/types';
import { coverageSummary, districtValue } from './CoverageMap';
import { countByState, coverageOfDistrict, districtCoverage, districtOf, neighbourhoodCoverage, STATE_TONE } from './coverageMap';
import { COVERAGE_MAP_TEXTS, coverageMapText } from './coverageMapTexts';

const NAMES = new Map([
  [11, 'De Linde'],
  [12, 'Buurtkracht'],
  [13, 'Thuiszorg Heuvelrug'],
]);
const nameOf = (id: number) => NAMES.get(id);
const ct = (key: Parameters<typeof coverageMapText>[1], vars?: Record<string, string | number>) =>
  coverageMapText('nl', key, vars);

const register = (code: string, name: string) => ({ code, name, municipality_code: 'GM0193', source: 'register' as const });

/** Zwolle's first three districts as coverage rows: nobody / one provider / three providers. */
const BY_DISTRICT: Coverage = {
  areas: [register('WK019310', 'Wijk 10 Binnenstad'), register('WK019311', 'Wijk 11 Diezerpoort'), register('WK019312', 'Wijk 12 Wipstrik')],
  domains: ['welfare', 'youth_care'],
  cells: [
    { area: 'WK019310', domain: 'welfare', providers: [], services: [] },
    { area: 'WK019310', domain: 'youth_care', providers: [], services: [] },
    { area: 'WK019311', domain: 'welfare', providers: [12], services: [2] },
    { area: 'WK019311', domain: 'youth_care', providers: [12], services: [5] },
    { area: 'WK019312', domain: 'welfare', providers: [11, 12], services: [1, 2] },
    { area: 'WK019312', domain: 'youth_care', providers: [13], services: [3] },
  ],
  gaps: 2,
  single: 3,
};
const DISTRICTS = [
  { code: 'WK019310', name: 'Wijk 10 Binnenstad' },
  { code: 'WK019311', name: 'Wijk 11 Diezerpoort' },
  { code: 'WK019312', name: 'Wijk 12 Wipstrik' },
  { code: 'WK019313', name: 'Wijk 13 Assendorp' },
];

describe('coverage per district (the choropleth classes)', () => {
  it('puts a district with 0 providers in "gap", 1 in "single", 2 or more in "covered"', () => {
    const rows = districtCoverage(BY_DISTRICT, DISTRICTS.slice(0, 3), nameOf);
    expect(rows.map((r) => [r.code, r.state, r.count])).toEqual([
      ['WK019310', 'gap', 0],
      ['WK019311', 'single', 1],
      ['WK019312', 'covered', 3],
    ]);
    // The same provider in two kinds of help counts once.
    expect(rows[1]?.providers).toEqual([{ id: 12, name: 'Buurtkracht' }]);
    expect(rows[2]?.providers.map((p) => p.name)).toEqual(['Buurtkracht', 'De Linde', 'Thuiszorg Heuvelrug']);
    expect(rows[0]?.gapDomains).toEqual(['welfare', 'youth_care']);
    expect(rows[2]?.gapDomains).toEqual([]);
    expect(rows.map((r) => STATE_TONE[r.state])).toEqual(['bad', 'warn', 'good']);
    expect(countByState(rows)).toEqual({ gap: 1, single: 1, covered: 1 });
  });

  it('counts only the chosen kind of help when the coverage is for one', () => {
    const welfare: Coverage = { ...BY_DISTRICT, domains: ['welfare'], cells: BY_DISTRICT.cells.filter((c) => c.domain === 'welfare') };
    const rows = districtCoverage(welfare, DISTRICTS.slice(0, 3), nameOf);
    expect(rows.map((r) => r.state)).toEqual(['gap', 'single', 'covered']);
    expect(rows[2]?.count).toBe(2);
  });

  it('gives a register district without a row "gap", and keeps districts the coverage adds', () => {
    const extra: Coverage = {
      ...BY_DISTRICT,
      areas: [...BY_DISTRICT.areas, { code: 'WK019399', name: 'Eigen wijk', municipality_code: 'GM0193', source: 'workspace' }],
      cells: [
        ...BY_DISTRICT.cells,
        { area: 'WK019399', domain: 'welfare', providers: [11], services: [9] },
        { area: 'WK019399', domain: 'youth_care', providers: [], services: [] },
      ],
    };
    const rows = districtCoverage(extra, DISTRICTS, nameOf);
    expect(rows.map((r) => [r.code, r.name, r.state, r.basis])).toEqual([
      ['WK019310', 'Wijk 10 Binnenstad', 'gap', 'district'],
      ['WK019311', 'Wijk 11 Diezerpoort', 'single', 'district'],
      ['WK019312', 'Wijk 12 Wipstrik', 'covered', 'district'],
      ['WK019313', 'Wijk 13 Assendorp', 'gap', 'none'],
      ['WK019399', 'Eigen wijk', 'single', 'district'],
    ]);
  });

  it('takes the least-served neighbourhood for a district with neighbourhood rows', () => {
    const hoods: Coverage = {
      areas: [
        { code: 'BU01931001', name: 'Centrum', municipality_code: 'GM0193', source: 'workspace' },
        { code: 'BU01931002', name: 'Noord', municipality_code: 'GM0193', source: 'workspace' },
        { code: 'BU01931101', name: 'Diezerpoort', municipality_code: 'GM0193', source: 'workspace' },
      ],
      domains: ['welfare'],
      cells: [
        { area: 'BU01931001', domain: 'welfare', providers: [11, 12], services: [1, 2] },
        { area: 'BU01931002', domain: 'welfare', providers: [11], services: [1] },
        { area: 'BU01931101', domain: 'welfare', providers: [], services: [] },
      ],
      gaps: 1,
      single: 1,
    };
    const rows = districtCoverage(hoods, DISTRICTS.slice(0, 2), nameOf);
    expect(rows.map((r) => [r.code, r.state, r.count, r.basis])).toEqual([
      ['WK019310', 'single', 1, 'neighbourhood'],
      ['WK019311', 'gap', 0, 'neighbourhood'],
    ]);
    expect(rows[0]?.providers.map((p) => p.name)).toEqual(['Buurtkracht', 'De Linde']);
    expect(coverageOfDistrict(hoods, 'WK019310').areas.map((a) => a.code)).toEqual(['BU01931001', 'BU01931002']);
    expect(coverageSummary(ct, rows)).toContain('Voor wijken met buurten telt de buurt met de minste aanbieders.');
  });

  it('uses the municipality row for every district when there is nothing finer', () => {
    const whole: Coverage = {
      areas: [{ code: 'GM0193', name: 'Zwolle', municipality_code: 'GM0193', source: 'workspace' }],
      domains: ['welfare'],
      cells: [{ area: 'GM0193', domain: 'welfare', providers: [11], services: [1] }],
      gaps: 0,
      single: 1,
    };
    const rows = districtCoverage(whole, DISTRICTS.slice(0, 2), nameOf);
    expect(rows.map((r) => [r.state, r.basis])).toEqual([
      ['single', 'municipality'],
      ['single', 'municipality'],
    ]);
  });

  it('finds the district of a district or neighbourhood code', () => {
    expect(districtOf('WK019310')).toBe('WK019310');
    expect(districtOf('BU01931001')).toBe('WK019310');
    expect(districtOf('GM0193')).toBeNull();
    expect(districtOf('nonsense')).toBeNull();
  });
});

/** Four neighbourhoods of the map in two districts. */
const NEIGHBOURHOODS = [
  { code: 'BU01931001', name: 'Binnenstad West' },
  { code: 'BU01931002', name: 'Binnenstad Oost' },
  { code: 'BU01931101', name: 'Diezerpoort West' },
  { code: 'BU01931102', name: 'Diezerpoort Oost' },
];
const hood = (code: string, name: string) => ({ code, name, municipality_code: 'GM0193', source: 'register' as const });

describe('coverage per neighbourhood (the map at the level "Buurten")', () => {
  /** Rows per neighbourhood, as the server answers once neighbourhoods are known: 2, 1 and 0 providers; Diezerpoort Oost has no row. */
  const BY_NEIGHBOURHOOD: Coverage = {
    areas: [hood('BU01931001', 'Wijk 10 Binnenstad West'), hood('BU01931002', 'Wijk 10 Binnenstad Oost'), hood('BU01931101', 'Wijk 11 Diezerpoort West')],
    domains: ['welfare', 'youth_care'],
    cells: [
      { area: 'BU01931001', domain: 'welfare', providers: [11], services: [1] },
      { area: 'BU01931001', domain: 'youth_care', providers: [12, 11], services: [2, 3] },
      { area: 'BU01931002', domain: 'welfare', providers: [12], services: [2] },
      { area: 'BU01931002', domain: 'youth_care', providers: [], services: [] },
      { area: 'BU01931101', domain: 'welfare', providers: [], services: [] },
      { area: 'BU01931101', domain: 'youth_care', providers: [], services: [] },
    ],
    gaps: 4,
    single: 2,
  };

  it('colours each neighbourhood by its own row: no provider, one, two or more', () => {
    const rows = neighbourhoodCoverage(BY_NEIGHBOURHOOD, NEIGHBOURHOODS.slice(0, 3), nameOf);
    expect(rows.map((r) => [r.code, r.district, r.state, r.count, r.basis])).toEqual([
      ['BU01931001', 'WK019310', 'covered', 2, 'neighbourhood'],
      ['BU01931002', 'WK019310', 'single', 1, 'neighbourhood'],
      ['BU01931101', 'WK019311', 'gap', 0, 'neighbourhood'],
    ]);
    // The coverage's name wins over the map's; a provider in two kinds of help counts once.
    expect(rows[0]?.name).toBe('Wijk 10 Binnenstad West');
    expect(rows[0]?.providers.map((p) => p.name)).toEqual(['Buurtkracht', 'De Linde']);
    expect(rows[1]?.gapDomains).toEqual(['youth_care']);
    expect(countByState(rows)).toEqual({ gap: 1, single: 1, covered: 1 });
  });

  it('does not let a neighbour hide a gap: a neighbourhood without a row of its own or its district has no provider', () => {
    const rows = neighbourhoodCoverage(BY_NEIGHBOURHOOD, NEIGHBOURHOODS, nameOf);
    expect(rows.at(-1)).toMatchObject({ code: 'BU01931102', name: 'Diezerpoort Oost', state: 'gap', basis: 'none' });
    expect(rows.at(-1)?.gapDomains).toEqual(['welfare', 'youth_care']);
  });

  it("falls back to the district's row, then to the municipality's row", () => {
    const mixed: Coverage = {
      areas: [hood('BU01931001', 'Binnenstad West'), register('WK019311', 'Wijk 11 Diezerpoort'), { ...register('GM0193', 'Zwolle'), source: 'workspace' }],
      domains: ['welfare'],
      cells: [
        { area: 'BU01931001', domain: 'welfare', providers: [], services: [] },
        { area: 'WK019311', domain: 'welfare', providers: [11, 12], services: [1, 2] },
        { area: 'GM0193', domain: 'welfare', providers: [13], services: [3] },
      ],
      gaps: 1,
      single: 1,
    };
    const rows = neighbourhoodCoverage(mixed, NEIGHBOURHOODS, nameOf);
    expect(rows.map((r) => [r.code, r.state, r.basis])).toEqual([
      // Its own row says nobody, even though the municipality's row has a provider.
      ['BU01931001', 'gap', 'neighbourhood'],
      ['BU01931002', 'single', 'municipality'],
      ['BU01931101', 'covered', 'district'],
      ['BU01931102', 'covered', 'district'],
    ]);
    expect(rows[1]?.providers.map((p) => p.name)).toEqual(['Thuiszorg Heuvelrug']);
    expect(coverageSummary(ct, rows, 'neighbourhoods')).toEqual([
      'In 1 van de 4 buurten is geen aanbieder.',
      'In 1 buurt is maar één aanbieder.',
      'In 2 buurten zijn twee of meer aanbieders.',
      'Heeft een buurt geen eigen gegevens, dan telt het aanbod van de wijk.',
    ]);
    // The chosen neighbourhood's matrix is the row it takes on the map.
    expect(coverageOfDistrict(mixed, 'BU01931101').areas.map((a) => a.code)).toEqual(['WK019311']);
    expect(coverageOfDistrict(mixed, 'BU01931002').areas.map((a) => a.code)).toEqual(['GM0193']);
    expect(coverageOfDistrict(mixed, 'BU01931001').areas.map((a) => a.code)).toEqual(['BU01931001']);
  });

  it('keeps neighbourhoods the coverage adds (not on the map), and leaves out codes that are not neighbourhoods', () => {
    const extra: Coverage = {
      ...BY_NEIGHBOURHOOD,
      areas: [...BY_NEIGHBOURHOOD.areas, { code: 'BU01931099', name: 'Eigen buurt', municipality_code: 'GM0193', source: 'workspace' }],
    };
    const rows = neighbourhoodCoverage(extra, [...NEIGHBOURHOODS.slice(0, 1), { code: 'WK019310', name: 'Wijk 10' }], nameOf);
    expect(rows.map((r) => [r.code, r.name, r.state])).toEqual([
      ['BU01931001', 'Wijk 10 Binnenstad West', 'covered'],
      ['BU01931002', 'Wijk 10 Binnenstad Oost', 'single'],
      ['BU01931101', 'Wijk 11 Diezerpoort West', 'gap'],
      ['BU01931099', 'Eigen buurt', 'gap'],
    ]);
  });

  it('counts only the chosen kind of help when the coverage is for one', () => {
    const youth: Coverage = { ...BY_NEIGHBOURHOOD, domains: ['youth_care'], cells: BY_NEIGHBOURHOOD.cells.filter((c) => c.domain === 'youth_care') };
    expect(neighbourhoodCoverage(youth, NEIGHBOURHOODS.slice(0, 3), nameOf).map((r) => r.state)).toEqual(['covered', 'gap', 'gap']);
  });

  it('sums up the neighbourhoods in sentences', () => {
    const binnenstad: Coverage = { ...BY_NEIGHBOURHOOD, areas: BY_NEIGHBOURHOOD.areas.slice(0, 2) };
    const rows = neighbourhoodCoverage(binnenstad, NEIGHBOURHOODS.slice(0, 2), nameOf);
    expect(coverageSummary(ct, rows, 'neighbourhoods')).toEqual([
      'In alle 2 buurten is minstens één aanbieder.',
      'In 1 buurt is maar één aanbieder.',
      'In 1 buurt zijn twee of meer aanbieders.',
    ]);
    expect(coverageSummary(ct, [], 'neighbourhoods')).toEqual(['Voor deze gemeente zijn geen buurten bekend.']);
    const en = (key: Parameters<typeof coverageMapText>[1], vars?: Record<string, string | number>) => coverageMapText('en', key, vars);
    expect(coverageSummary(en, neighbourhoodCoverage(BY_NEIGHBOURHOOD, NEIGHBOURHOODS, nameOf), 'neighbourhoods')[0]).toBe(
      'In 2 of the 4 neighbourhoods there is no provider.',
    );
  });
});

describe('coverage map texts', () => {
  it('says each class in words', () => {
    expect(districtValue(ct, { state: 'gap', count: 0 })).toBe('geen aanbieder');
    expect(districtValue(ct, { state: 'single', count: 1 })).toBe('één aanbieder');
    expect(districtValue(ct, { state: 'covered', count: 3 })).toBe('3 aanbieders');
  });

  it('sums up the map in sentences ("In 1 van de 4 wijken …")', () => {
    const rows = districtCoverage(BY_DISTRICT, DISTRICTS, nameOf);
    expect(coverageSummary(ct, rows)).toEqual([
      'In 2 van de 4 wijken is geen aanbieder.',
      'In 1 wijk is maar één aanbieder.',
      'In 1 wijk zijn twee of meer aanbieders.',
    ]);
    const served: Coverage = {
      ...BY_DISTRICT,
      areas: BY_DISTRICT.areas.slice(1),
      cells: BY_DISTRICT.cells.filter((c) => c.area !== 'WK019310'),
    };
    const all = districtCoverage(served, DISTRICTS.slice(1, 3), nameOf);
    expect(coverageSummary(ct, all)[0]).toBe('In alle 2 wijken is minstens één aanbieder.');
    expect(coverageSummary(ct, [])).toEqual(['Voor deze gemeente zijn geen wijken bekend.']);
  });

  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(COVERAGE_MAP_TEXTS.en).sort()).toEqual(Object.keys(COVERAGE_MAP_TEXTS.nl).sort());
    for (const [key, text] of Object.entries(COVERAGE_MAP_TEXTS.nl)) {
      expect(holes(COVERAGE_MAP_TEXTS.en[key as keyof typeof COVERAGE_MAP_TEXTS.en]), key).toEqual(holes(text));
    }
  });
});
