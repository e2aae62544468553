/**
 * The coverage per district (wijk) or per neighbourhood (buurt) for the map of the Sociale kaart:
 * how many providers offer help there, as three classes — no provider, one, two or more. Pure: no
 * React, no network.
 *
 * The coverage answer has a row per area: the neighbourhoods when any are known (imported by the
 * operator, or added by the workspace), else the districts, or the whole municipality.
 *
 * A district on the map (districtCoverage) takes
 * - its own row when the coverage has one;
 * - else the rows of its neighbourhoods (BUggggwwbb lies in WKggggww), and then the class of the
 *   least-served of them, so a gap in one neighbourhood is not hidden by its neighbours;
 * - else the municipality's row (a service for the whole municipality covers every district).
 *
 * A neighbourhood on the map (neighbourhoodCoverage) takes its own row, else its district's row,
 * else the municipality's row.
 *
 * Providers are counted over the kinds of help in the answer: all of them, or the one chosen.
 */
import type { Coverage, ServiceDomain } from '../../api/types';
import { areaKind, cellState, type CellState } from './socialmap';

export interface DistrictRef {
  code: string;
  name: string;
}

export interface DistrictCoverage {
  code: string;
  name: string;
  state: CellState;
  /** Providers in the district (least-served row's count decides the state). */
  count: number;
  /** Every provider found in the district's rows, by name. */
  providers: { id: number; name: string }[];
  /** Kinds of help that nobody offers in (part of) the district. */
  gapDomains: ServiceDomain[];
  /** Where the numbers come from: the district's own row, its neighbourhoods, the municipality or nothing. */
  basis: 'district' | 'neighbourhood' | 'municipality' | 'none';
}

/** The district a district or neighbourhood code lies in (WKggggww), else null. */
export function districtOf(code: string): string | null {
  const kind = areaKind(code);
  if (kind === 'district') return code;
  if (kind === 'neighbourhood') return `WK${code.slice(2, 8)}`;
  return null;
}

/**
 * One entry per district: the districts of the register (`districts`, with their names) and any
 * other district the coverage names, in that order. A name in the coverage (a workspace's own
 * name for a district) wins over the register's.
 */
export function districtCoverage(
  coverage: Coverage,
  districts: readonly DistrictRef[],
  nameOf: (id: number) => string | undefined,
): DistrictCoverage[] {
  const cells = cellIndex(coverage);
  const rowsOf = new Map<string, string[]>();
  let municipalityRow: string | null = null;
  const coverageNames = new Map<string, string>();
  for (const area of coverage.areas) {
    if (areaKind(area.code) === 'municipality') {
      municipalityRow = area.code;
      continue;
    }
    const district = districtOf(area.code);
    if (!district) continue;
    if (district === area.code && area.name) coverageNames.set(area.code, area.name);
    const list = rowsOf.get(district) ?? [];
    list.push(area.code);
    rowsOf.set(district, list);
  }

  const order: DistrictRef[] = [...districts];
  const known = new Set(districts.map((d) => d.code));
  for (const code of rowsOf.keys()) {
    if (!known.has(code)) order.push({ code, name: coverageNames.get(code) ?? code });
  }

  return order.map((district) => {
    const own = rowsOf.get(district.code) ?? [];
    // A district's own row, when there is one, speaks for the whole district.
    const rows = own.includes(district.code) ? [district.code] : own.length > 0 ? own : municipalityRow ? [municipalityRow] : [];
    const basis: DistrictCoverage['basis'] =
      rows.length === 0 ? 'none' : rows[0] === district.code ? 'district' : rows[0] === municipalityRow ? 'municipality' : 'neighbourhood';
    return {
      code: district.code,
      name: coverageNames.get(district.code) ?? district.name ?? district.code,
      ...tally(coverage, cells, rows, nameOf),
      basis,
    };
  });
}

type CellIndex = ReadonlyMap<string, Coverage['cells'][number]>;

/** The coverage's cells by "area|domain". */
function cellIndex(coverage: Coverage): CellIndex {
  return new Map(coverage.cells.map((c) => [`${c.area}|${c.domain}`, c]));
}

/** The class of the least-served of `rows`, every provider in them, and the kinds of help without one. */
function tally(
  coverage: Coverage,
  cells: CellIndex,
  rows: readonly string[],
  nameOf: (id: number) => string | undefined,
): Pick<DistrictCoverage, 'state' | 'count' | 'providers' | 'gapDomains'> {
  const all = new Set<number>();
  const gaps = new Set<ServiceDomain>();
  let least = rows.length === 0 ? 0 : Infinity;
  for (const row of rows) {
    const inRow = new Set<number>();
    for (const domain of coverage.domains) {
      const providers = cells.get(`${row}|${domain}`)?.providers ?? [];
      if (providers.length === 0) gaps.add(domain);
      for (const id of providers) {
        inRow.add(id);
        all.add(id);
      }
    }
    least = Math.min(least, inRow.size);
  }
  if (rows.length === 0) for (const domain of coverage.domains) gaps.add(domain);
  return {
    state: cellState(least),
    count: least,
    providers: [...all]
      .map((id) => ({ id, name: nameOf(id) ?? `#${id}` }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    gapDomains: coverage.domains.filter((d) => gaps.has(d)),
  };
}

export interface NeighbourhoodCoverage extends Omit<DistrictCoverage, 'basis'> {
  /** The district the neighbourhood lies in (WKggggww). */
  district: string;
  /** Where the numbers come from: the neighbourhood's own row, its district's, the municipality's, or nothing. */
  basis: 'neighbourhood' | 'district' | 'municipality' | 'none';
}

/**
 * One entry per neighbourhood: the neighbourhoods of the map (`neighbourhoods`, with their names)
 * and any other neighbourhood the coverage names, in that order. Each takes its own row, else its
 * district's row, else the municipality's row; without any of these it has no provider. A name in
 * the coverage wins over the map's.
 */
export function neighbourhoodCoverage(
  coverage: Coverage,
  neighbourhoods: readonly DistrictRef[],
  nameOf: (id: number) => string | undefined,
): NeighbourhoodCoverage[] {
  const cells = cellIndex(coverage);
  const rows = new Map(coverage.areas.map((a) => [a.code, a]));
  const municipalityRow = coverage.areas.find((a) => areaKind(a.code) === 'municipality')?.code ?? null;
  const order: DistrictRef[] = neighbourhoods.filter((n) => areaKind(n.code) === 'neighbourhood');
  const known = new Set(order.map((n) => n.code));
  for (const area of coverage.areas) {
    if (areaKind(area.code) === 'neighbourhood' && !known.has(area.code)) {
      order.push({ code: area.code, name: area.name || area.code });
      known.add(area.code);
    }
  }
  return order.map((neighbourhood) => {
    const district = districtOf(neighbourhood.code) ?? '';
    const [row, basis]: [string | null, NeighbourhoodCoverage['basis']] = rows.has(neighbourhood.code)
      ? [neighbourhood.code, 'neighbourhood']
      : rows.has(district)
        ? [district, 'district']
        : municipalityRow
          ? [municipalityRow, 'municipality']
          : [null, 'none'];
    return {
      code: neighbourhood.code,
      name: rows.get(neighbourhood.code)?.name || neighbourhood.name || neighbourhood.code,
      district,
      ...tally(coverage, cells, row ? [row] : [], nameOf),
      basis,
    };
  });
}

/** How many districts (or neighbourhoods) are in each class. */
export function countByState(districts: readonly { state: CellState }[]): Record<CellState, number> {
  const counts: Record<CellState, number> = { gap: 0, single: 0, covered: 0 };
  for (const d of districts) counts[d.state] += 1;
  return counts;
}

/** The map's class (tone) per state: nothing is the worst, two or more the best. */
export const STATE_TONE = { gap: 'bad', single: 'warn', covered: 'good' } as const;

/**
 * The coverage rows that make up one chosen area, as a coverage answer of its own: used to show
 * the chosen area's matrix. A district: its own row, else its neighbourhoods' rows. A
 * neighbourhood: the row it takes on the map (its own, else its district's, else the
 * municipality's).
 */
export function coverageOfDistrict(coverage: Coverage, district: string): Coverage {
  const own = coverage.areas.filter((a) => a.code === district);
  let areas = own.length > 0 ? own : coverage.areas.filter((a) => districtOf(a.code) === district);
  if (areas.length === 0 && areaKind(district) === 'neighbourhood') {
    const inDistrict = coverage.areas.filter((a) => a.code === districtOf(district));
    areas = inDistrict.length > 0 ? inDistrict : coverage.areas.filter((a) => areaKind(a.code) === 'municipality').slice(0, 1);
  }
  const codes = new Set(areas.map((a) => a.code));
  const cells = coverage.cells.filter((c) => codes.has(c.area));
  return {
    areas,
    domains: coverage.domains,
    cells,
    gaps: cells.filter((c) => c.providers.length === 0).length,
    single: cells.filter((c) => new Set(c.providers).size === 1).length,
  };
}
