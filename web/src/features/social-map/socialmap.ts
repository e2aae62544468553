/**
 * Pure parts of "Sociale kaart en consortium": the coverage matrix as rows for a table, the
 * sentences about niches, overlaps and gaps, CSV problems from a 422, and the service form.
 */
import { isApiError } from '../../api/client';
import type {
  Coverage,
  ConsortiumOffer,
  Organisation,
  ServiceDomain,
  ServiceLaw,
  SocialArea,
  SocialService,
  SocialServiceWrite,
} from '../../api/types';
import { SERVICE_DOMAINS, SERVICE_LAWS } from '../../api/types';
import type { SocialMapText } from './texts';

export type AreaKind = 'district' | 'neighbourhood' | 'municipality';
export type CellState = 'gap' | 'single' | 'covered';

/** What kind of area a CBS code names: GMgggg, WKggggww or BUggggwwbb; null when none. */
export function areaKind(code: string): AreaKind | null {
  if (/^GM\d{4}$/.test(code)) return 'municipality';
  if (/^WK\d{6}$/.test(code)) return 'district';
  if (/^BU\d{8}$/.test(code)) return 'neighbourhood';
  return null;
}

/** The municipality code (GMgggg) an area code belongs to, or null. */
export function municipalityOf(code: string): string | null {
  return areaKind(code) ? `GM${code.slice(2, 6)}` : null;
}

export interface MatrixCell {
  area: string;
  domain: ServiceDomain;
  state: CellState;
  providers: { id: number; name: string }[];
  services: number;
}

export interface MatrixRow {
  code: string;
  name: string;
  kind: AreaKind | null;
  cells: MatrixCell[];
}

export interface MatrixView {
  domains: ServiceDomain[];
  rows: MatrixRow[];
  gaps: number;
  single: number;
  covered: number;
  cells: number;
}

export function cellState(providerCount: number): CellState {
  return providerCount === 0 ? 'gap' : providerCount === 1 ? 'single' : 'covered';
}

/**
 * The coverage matrix as table rows (areas, in the API's order) with a cell for each domain
 * column. Provider ids become names (sorted); an id without a name shows as "#id".
 */
export function buildMatrix(coverage: Coverage, nameOf: (id: number) => string | undefined): MatrixView {
  const byKey = new Map(coverage.cells.map((c) => [`${c.area}|${c.domain}`, c]));
  let gaps = 0;
  let single = 0;
  let covered = 0;
  const rows = coverage.areas.map((area) => ({
    code: area.code,
    name: area.name || area.code,
    kind: areaKind(area.code),
    cells: coverage.domains.map((domain): MatrixCell => {
      const cell = byKey.get(`${area.code}|${domain}`);
      const ids = [...new Set(cell?.providers ?? [])];
      const providers = ids
        .map((id) => ({ id, name: nameOf(id) ?? `#${id}` }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const state = cellState(providers.length);
      if (state === 'gap') gaps += 1;
      else if (state === 'single') single += 1;
      else covered += 1;
      return { area: area.code, domain, state, providers, services: cell?.services.length ?? 0 };
    }),
  }));
  return { domains: [...coverage.domains], rows, gaps, single, covered, cells: gaps + single + covered };
}

export function domainLabel(mt: SocialMapText, domain: string): string {
  return (SERVICE_DOMAINS as readonly string[]).includes(domain)
    ? mt(`domain.${domain as ServiceDomain}`)
    : domain;
}

export function lawLabel(mt: SocialMapText, law: string): string {
  return (SERVICE_LAWS as readonly string[]).includes(law) ? mt(`law.${law as ServiceLaw}`) : law;
}

/** `value` when it is one of `allowed` (a filter read from the URL), else undefined. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** The kinds of help as select options, after a first option with the value "" (`first`). */
export function domainOptions(mt: SocialMapText, first: string): { value: string; label: string }[] {
  return [{ value: '', label: first }, ...SERVICE_DOMAINS.map((d) => ({ value: d, label: domainLabel(mt, d) }))];
}

/** The laws as select options; with `first`, after a first option with the value "". */
export function lawOptions(mt: SocialMapText, first?: string): { value: string; label: string }[] {
  const laws = SERVICE_LAWS.map((l) => ({ value: l, label: lawLabel(mt, l) }));
  return first === undefined ? laws : [{ value: '', label: first }, ...laws];
}

/** An area's name from a list, else its code. */
export function areaName(areas: readonly SocialArea[], code: string): string {
  return areas.find((a) => a.code === code)?.name || code;
}

export interface MemberNiche {
  id: number;
  name: string;
  sentences: string[];
}

/** Per member, in words: "Alleen X biedt Dagbesteding in Lombok." or that it has no niche. */
export function nicheSentences(offer: ConsortiumOffer, mt: SocialMapText): MemberNiche[] {
  const areas = offer.coverage.areas;
  return offer.members.map((member) => ({
    id: member.id,
    name: member.name,
    sentences:
      member.niche.length === 0
        ? [mt('offer.noNiche', { member: member.name })]
        : member.niche.map((spot) =>
            mt('offer.niche', {
              member: member.name,
              domain: domainLabel(mt, spot.domain),
              area: areaName(areas, spot.area),
            }),
          ),
  }));
}

/** Overlaps in words: "Welzijn in Lombok: A, B". */
export function overlapSentences(offer: ConsortiumOffer, mt: SocialMapText): string[] {
  const names = new Map(offer.members.map((m) => [m.id, m.name]));
  return offer.overlaps.map((spot) => {
    const cell = offer.coverage.cells.find((c) => c.area === spot.area && c.domain === spot.domain);
    const members = [...new Set(cell?.providers ?? [])]
      .map((id) => names.get(id) ?? `#${id}`)
      .sort((a, b) => a.localeCompare(b, 'nl'))
      .join(', ');
    return mt('offer.overlap', {
      domain: domainLabel(mt, spot.domain),
      area: areaName(offer.coverage.areas, spot.area),
      members,
    });
  });
}

/** Gaps grouped by area, in the matrix's area order: "Lombok: Jeugdhulp, Wonen". */
export function gapsByArea(offer: ConsortiumOffer, mt: SocialMapText): string[] {
  const order = offer.coverage.areas.map((a) => a.code);
  const grouped = new Map<string, string[]>();
  for (const spot of offer.gaps) {
    const list = grouped.get(spot.area) ?? [];
    list.push(domainLabel(mt, spot.domain));
    grouped.set(spot.area, list);
  }
  const codes = [...grouped.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
  });
  return codes.map((code) =>
    mt('offer.gapArea', { area: areaName(offer.coverage.areas, code), domains: (grouped.get(code) ?? []).join(', ') }),
  );
}

const COLUMN_NAMES: Record<string, string> = {
  organisation: 'organisatie',
  organisation_id: 'organisatie',
  name: 'naam',
  domain: 'domein',
  law: 'wet',
  target_groups: 'doelgroepen',
  areas: 'gebieden',
  contact: 'contact',
  capacity_note: 'capaciteit',
  waiting_weeks: 'wachttijd_weken',
  published: 'gepubliceerd',
};

export interface CsvProblem {
  line: number | null;
  column: string;
  message: string;
}

/**
 * The problems of a rejected CSV import (422 with fields named "line N.column"), sorted by line,
 * with the column as it is called in the Dutch file. Null when the error is not such a 422.
 */
export function csvProblems(error: unknown): CsvProblem[] | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const problems: CsvProblem[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    const match = /^line (\d+)\.(.+)$/.exec(field);
    const raw = match ? match[2]! : field;
    const base = raw.split(/[[.]/)[0] ?? raw;
    problems.push({
      line: match ? Number(match[1]) : null,
      column: COLUMN_NAMES[base] ?? raw,
      message,
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.column.localeCompare(b.column));
  return problems;
}

/** One problem as a sentence: "Regel 3, kolom domein: …". */
export function csvProblemText(problem: CsvProblem, mt: SocialMapText): string {
  if (problem.column === 'file' && problem.line === null) return mt('import.fileProblem', { message: problem.message });
  return problem.line === null
    ? mt('import.problemNoLine', { column: problem.column, message: problem.message })
    : mt('import.problem', { line: problem.line, column: problem.column, message: problem.message });
}

/**
 * The problems of a rejected areas CSV, as sentences. The server names a row's problem
 * "areas[i].code" with i counting data rows from 0, so the file's line is i + 2 (after the header).
 */
export function areaUploadProblems(error: unknown, mt: SocialMapText): string[] | null {
  if (!isApiError(error) || error.status !== 422) return null;
  return Object.entries(error.fields)
    .map(([field, message]) => {
      const row = /^areas\[(\d+)\]\.(code|name)$/.exec(field);
      if (row) {
        return {
          line: Number(row[1]) + 2,
          text: mt('import.problem', { line: Number(row[1]) + 2, column: row[2] === 'name' ? 'naam' : 'code', message }),
        };
      }
      return { line: 0, text: mt('import.problemNoLine', { column: field === 'name' ? 'naam' : field, message }) };
    })
    .sort((a, b) => a.line - b.line)
    .map((p) => p.text);
}

/** Codes typed in a text box, split on commas, semicolons and white space, upper-cased, unique. */
export function parseCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}

/** A comma-separated list without empty items. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The organisations that offer help and join consortia: all but the municipalities. */
export function providerOrganisations(organisations: readonly Organisation[]): Organisation[] {
  return organisations.filter((o) => o.kind !== 'municipality');
}

/** The municipalities the workspace follows: its organisations of kind municipality. */
export function followedMunicipalities(organisations: readonly Organisation[]): { code: string; name: string }[] {
  return organisations
    .filter((o) => o.kind === 'municipality' && o.municipality_code)
    .map((o) => ({ code: o.municipality_code as string, name: o.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * How many services work in each municipality (GMgggg → count), from the areas they name: a
 * service counts once per municipality, however many of its districts it names.
 */
export function servicesPerMunicipality(services: readonly Pick<SocialService, 'areas'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const service of services) {
    const codes = new Set(service.areas.map(municipalityOf).filter((c): c is string => c !== null));
    for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/**
 * The municipality the social map opens on when none is chosen in the URL: the workspace's own
 * municipality with the most services (the first by name on a tie), else the municipality with the
 * most services at all, else the workspace's first municipality; '' when there is none. So a new
 * user never starts on an empty map while the workspace has services somewhere.
 */
export function startMunicipality(
  followed: readonly { code: string }[],
  services: readonly Pick<SocialService, 'areas'>[],
): string {
  const counts = servicesPerMunicipality(services);
  let best: { code: string; count: number } | null = null;
  for (const m of followed) {
    const count = counts.get(m.code) ?? 0;
    if (count > 0 && (best === null || count > best.count)) best = { code: m.code, count };
  }
  if (best) return best.code;
  for (const [code, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (best === null || count > best.count) best = { code, count };
  }
  return best?.code ?? followed[0]?.code ?? '';
}

/** The areas of one municipality that a service names, for the list of services. */
export interface ServiceAreaGroup {
  /** GMgggg. */
  municipality: string;
  /** The municipality's name, or its code while the name is unknown. */
  municipalityName: string;
  /** The service names the municipality itself: it works in all of it. */
  whole: boolean;
  /** Districts and neighbourhoods, by name (the code when the name is unknown), in the service's order. */
  areas: { code: string; name: string }[];
}

/**
 * A service's area codes as names, grouped per municipality in the order they first appear:
 * "Utrecht: Wijk 03 Overvecht, Wijk 05 Oost" or "heel Utrecht". `names` maps GM, WK and BU codes to
 * names; a code without a name stays a code (never hidden). Codes that are no CBS code at all are
 * grouped under themselves.
 */
export function serviceAreaGroups(codes: readonly string[], names: ReadonlyMap<string, string>): ServiceAreaGroup[] {
  const groups = new Map<string, ServiceAreaGroup>();
  for (const code of codes) {
    const gm = municipalityOf(code) ?? code;
    let group = groups.get(gm);
    if (!group) {
      group = { municipality: gm, municipalityName: names.get(gm) || gm, whole: false, areas: [] };
      groups.set(gm, group);
    }
    if (code === gm) group.whole = true;
    else if (!group.areas.some((a) => a.code === code)) group.areas.push({ code, name: names.get(code) || code });
  }
  return [...groups.values()];
}

export interface ServiceForm {
  organisation_id: string;
  name: string;
  domain: string;
  law: string;
  target_groups: string;
  areas: string[];
  codes: string;
  contact: string;
  capacity_note: string;
  waiting_weeks: string;
  published: boolean;
}

export const SERVICE_FIELDS = [
  'organisation_id',
  'name',
  'domain',
  'law',
  'target_groups',
  'areas',
  'contact',
  'capacity_note',
  'waiting_weeks',
] as const;

export function emptyServiceForm(): ServiceForm {
  return {
    organisation_id: '',
    name: '',
    domain: '',
    law: 'free',
    target_groups: '',
    areas: [],
    codes: '',
    contact: '',
    capacity_note: '',
    waiting_weeks: '',
    published: false,
  };
}

/** A saved service in the form: known areas are ticked, other codes go in the text box. */
export function serviceToForm(service: SocialService, knownCodes: readonly string[]): ServiceForm {
  const known = service.areas.filter((c) => knownCodes.includes(c));
  const other = service.areas.filter((c) => !knownCodes.includes(c));
  return {
    organisation_id: String(service.organisation_id),
    name: service.name,
    domain: service.domain,
    law: service.law,
    target_groups: service.target_groups.join(', '),
    areas: known,
    codes: other.join(', '),
    contact: service.contact,
    capacity_note: service.capacity_note,
    waiting_weeks: service.waiting_weeks === null ? '' : String(service.waiting_weeks),
    published: service.published,
  };
}

/** Checks the form before sending; returns the body or the problems per field. */
export function formToService(
  form: ServiceForm,
  mt: SocialMapText,
): { body: SocialServiceWrite; errors: null } | { body: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.organisation_id) errors.organisation_id = mt('error.organisation');
  if (!form.name.trim()) errors.name = mt('error.serviceName');
  if (!form.domain) errors.domain = mt('error.domain');
  const typed = parseCodes(form.codes);
  const wrong = typed.filter((c) => areaKind(c) === null);
  const areas = [...new Set([...form.areas, ...typed.filter((c) => areaKind(c) !== null)])];
  if (wrong.length > 0) errors.areas = mt('error.codes', { codes: wrong.join(', ') });
  else if (areas.length === 0) errors.areas = mt('error.areas');
  const weeksText = form.waiting_weeks.trim();
  let weeks: number | null = null;
  if (weeksText) {
    if (!/^\d{1,3}$/.test(weeksText) || Number(weeksText) > 520) errors.waiting_weeks = mt('error.weeks');
    else weeks = Number(weeksText);
  }
  if (Object.keys(errors).length > 0) return { body: null, errors };
  return {
    errors: null,
    body: {
      organisation_id: Number(form.organisation_id),
      name: form.name.trim(),
      domain: form.domain as ServiceDomain,
      law: (form.law || 'free') as ServiceLaw,
      target_groups: splitList(form.target_groups),
      areas,
      contact: form.contact.trim(),
      capacity_note: form.capacity_note.trim(),
      waiting_weeks: weeks,
      published: form.published,
    },
  };
}
