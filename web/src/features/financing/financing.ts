/**
 * Pure logic of "Bekostiging": the form ↔ scenario mapping, server field paths → form fields,
 * and the plain-language risk texts made from a simulation summary.
 */
import type {
  FinancingDistribution,
  FinancingForm,
  FinancingScenario,
  FinancingSummary,
  FinancingUnit,
  FinancingVariant,
  FinancingVariantSummary,
  SavedFinancingScenario,
  SavedFinancingScenarioWrite,
} from '../../api/types';
import { LOCALES, type Language, type MessageVars } from '../../i18n/i18n';
import type { FinancingKey } from './texts';

// ---------------------------------------------------------------- form values

/** One contract variant as the form holds it: text as typed, percentages as 0–100. */
export interface VariantFormValues {
  name: string;
  form: FinancingForm;
  price_per_unit: string;
  price_per_client: string;
  price_per_result: string;
  pay_for_result: boolean;
  lump_sum: string;
  fixed_part: string;
  cap: string;
  floor: string;
  incentive: boolean;
  target_share: string; // percent
  bonus_per_result: string;
  malus_per_result: string;
}

export interface ScenarioFormValues {
  name: string;
  description: string;
  municipality_code: string; // '' = none
  plan_id: string; // '' = none
  clients_kind: 'poisson' | 'range';
  clients_mean: string;
  clients_min: string;
  clients_max: string;
  intensity_kind: 'lognormal' | 'fixed';
  intensity_median: string;
  intensity_p90: string;
  intensity_units: string;
  unit: FinancingUnit;
  result_kind: 'beta' | 'range';
  result_mean: string; // percent
  result_strength: string;
  result_min: string; // percent
  result_max: string; // percent
  cost_per_unit: string;
  fixed_costs: string;
  budget: string;
  variants: VariantFormValues[];
  runs: string;
  seed: string;
}

export const MAX_VARIANTS = 4;

/** The fields each contract form needs (besides name and form), in form order. */
export const FORM_FIELDS: Record<FinancingForm, readonly (keyof VariantFormValues)[]> = {
  effort_based: ['price_per_unit'],
  output_based: ['price_per_client', 'pay_for_result', 'price_per_result'],
  task_based: ['lump_sum'],
  combined: ['fixed_part', 'price_per_unit', 'floor', 'cap', 'incentive', 'target_share', 'bonus_per_result', 'malus_per_result'],
};

/** A number as the form shows it: Dutch decimal comma, no thousands separators. */
export function numberText(value: number | undefined | null): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '';
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(rounded).replace('.', ',');
}

/** Reads "1.100.000", "1100000", "58,5" or "58.5"; undefined when it is not a number. */
export function parseNumber(text: string): number | undefined {
  let s = text.trim().replace(/\s|€/g, '');
  if (s === '') return undefined;
  if (s.includes(',')) {
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, ''); // "1.100.000": dots as thousands separators
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

const percentText = (share: number | undefined) => (share === undefined ? '' : numberText(share * 100));

export function emptyVariant(form: FinancingForm, name: string): VariantFormValues {
  return {
    name,
    form,
    price_per_unit: form === 'combined' ? '40' : '68',
    price_per_client: '1200',
    price_per_result: '800',
    pay_for_result: true,
    lump_sum: '1000000',
    fixed_part: '400000',
    cap: '1100000',
    floor: '800000',
    incentive: true,
    target_share: '55',
    bonus_per_result: '200',
    malus_per_result: '200',
  };
}

/** The Dutch defaults: Wmo-begeleiding for about 500 clients (tests/fixtures/financing). */
export function defaultScenarioForm(names: { effort: string; combined: string }): ScenarioFormValues {
  return {
    name: '',
    description: '',
    municipality_code: '',
    plan_id: '',
    clients_kind: 'poisson',
    clients_mean: '500',
    clients_min: '450',
    clients_max: '550',
    intensity_kind: 'lognormal',
    intensity_median: '20',
    intensity_p90: '60',
    intensity_units: '30',
    unit: 'hour',
    result_kind: 'beta',
    result_mean: '60',
    result_strength: '40',
    result_min: '50',
    result_max: '70',
    cost_per_unit: '58',
    fixed_costs: '150000',
    budget: '1100000',
    variants: [emptyVariant('effort_based', names.effort), emptyVariant('combined', names.combined)],
    runs: '10000',
    seed: '1',
  };
}

function variantToForm(v: FinancingVariant): VariantFormValues {
  const base = emptyVariant(v.form, v.name);
  const set = (value: number | undefined, fallback: string) => (value === undefined ? fallback : numberText(value));
  return {
    ...base,
    price_per_unit: set(v.price_per_unit, base.price_per_unit),
    price_per_client: set(v.price_per_client, v.form === 'output_based' ? '0' : base.price_per_client),
    price_per_result: set(v.price_per_result, v.form === 'output_based' ? '0' : base.price_per_result),
    pay_for_result: v.form === 'output_based' ? v.pay_for_result === true : base.pay_for_result,
    lump_sum: set(v.lump_sum, base.lump_sum),
    fixed_part: set(v.fixed_part, v.form === 'combined' ? '0' : base.fixed_part),
    cap: v.form === 'combined' ? numberText(v.cap) : base.cap,
    floor: v.form === 'combined' ? numberText(v.floor) : base.floor,
    incentive: v.form === 'combined' ? v.incentive !== undefined : base.incentive,
    target_share: v.incentive ? percentText(v.incentive.target_share) : base.target_share,
    bonus_per_result: v.incentive ? numberText(v.incentive.bonus_per_result ?? 0) : base.bonus_per_result,
    malus_per_result: v.incentive ? numberText(v.incentive.malus_per_result ?? 0) : base.malus_per_result,
  };
}

type Population = FinancingScenario['population'];
type Distribution = Record<string, Record<string, number> | undefined>;

/** A scenario (as the API gives it) in the form; kinds the form does not know fall back to defaults. */
export function scenarioToForm(
  scenario: FinancingScenario,
  defaults: ScenarioFormValues,
): ScenarioFormValues {
  const f: ScenarioFormValues = { ...defaults, variants: scenario.variants.map(variantToForm) };
  const clients = scenario.population.clients as Distribution;
  if (clients.poisson) {
    f.clients_kind = 'poisson';
    f.clients_mean = numberText(clients.poisson.mean);
  } else if (clients.range) {
    f.clients_kind = 'range';
    f.clients_min = numberText(clients.range.min);
    f.clients_max = numberText(clients.range.max);
  }
  const intensity = scenario.population.intensity as Distribution;
  if (intensity.lognormal) {
    f.intensity_kind = 'lognormal';
    f.intensity_median = numberText(intensity.lognormal.median);
    f.intensity_p90 = numberText(intensity.lognormal.p90);
  } else if (intensity.fixed) {
    f.intensity_kind = 'fixed';
    f.intensity_units = numberText(intensity.fixed.units);
  }
  const share = scenario.population.result_share as Distribution;
  if (share.beta) {
    f.result_kind = 'beta';
    f.result_mean = percentText(share.beta.mean);
    f.result_strength = numberText(share.beta.strength);
  } else if (share.range) {
    f.result_kind = 'range';
    f.result_min = percentText(share.range.min);
    f.result_max = percentText(share.range.max);
  }
  f.unit = scenario.population.unit ?? 'hour';
  f.cost_per_unit = numberText(scenario.costs.cost_per_unit);
  f.fixed_costs = numberText(scenario.costs.fixed_costs ?? 0);
  f.budget = numberText(scenario.budget);
  f.runs = numberText(scenario.runs ?? 10000);
  f.seed = numberText(scenario.seed ?? 1);
  return f;
}

export function savedToForm(saved: SavedFinancingScenario, defaults: ScenarioFormValues): ScenarioFormValues {
  return {
    ...scenarioToForm(saved.scenario, defaults),
    name: saved.name,
    description: saved.description,
    municipality_code: saved.municipality_code ?? '',
    plan_id: saved.plan_id === null ? '' : String(saved.plan_id),
  };
}

/** A problem found before sending: form field key → message key. */
export type LocalErrors = Record<string, FinancingKey>;

/** The element id of a form field key ("variants.1.price_per_unit" → "fin-variants-1-price-per-unit"). */
export function fieldId(key: string): string {
  return `fin-${key.replace(/[._]/g, '-')}`;
}

/**
 * The form as a scenario for the API. Numbers that cannot be read are reported in `errors`
 * (key → message key) and left out of the scenario.
 */
export function formToScenario(f: ScenarioFormValues): { scenario: FinancingScenario; errors: LocalErrors } {
  const errors: LocalErrors = {};
  const num = (key: string, text: string, opts: { percent?: boolean; integer?: boolean } = {}): number => {
    const value = parseNumber(text);
    if (value === undefined) {
      errors[key] = 'error.number';
      return 0;
    }
    if (value < 0) {
      errors[key] = 'error.negative';
      return 0;
    }
    if (opts.integer && !Number.isInteger(value)) {
      errors[key] = 'error.whole';
      return 0;
    }
    if (opts.percent) {
      if (value > 100) errors[key] = 'error.percent';
      return value / 100;
    }
    return value;
  };
  const optional = (key: string, text: string): number | undefined =>
    text.trim() === '' ? undefined : num(key, text);

  const clients =
    f.clients_kind === 'poisson'
      ? { poisson: { mean: num('clients_mean', f.clients_mean) } }
      : { range: { min: num('clients_min', f.clients_min, { integer: true }), max: num('clients_max', f.clients_max, { integer: true }) } };
  const intensity =
    f.intensity_kind === 'lognormal'
      ? { lognormal: { median: num('intensity_median', f.intensity_median), p90: num('intensity_p90', f.intensity_p90) } }
      : { fixed: { units: num('intensity_units', f.intensity_units) } };
  const result_share =
    f.result_kind === 'beta'
      ? { beta: { mean: num('result_mean', f.result_mean, { percent: true }), strength: num('result_strength', f.result_strength) } }
      : { range: { min: num('result_min', f.result_min, { percent: true }), max: num('result_max', f.result_max, { percent: true }) } };

  const variants: FinancingVariant[] = f.variants.map((v, n) => {
    const at = `variants.${n}.`;
    const name = v.name.trim();
    if (!name) errors[`${at}name`] = 'error.variantName';
    const out: FinancingVariant = { name, form: v.form };
    switch (v.form) {
      case 'effort_based':
        out.price_per_unit = num(`${at}price_per_unit`, v.price_per_unit);
        break;
      case 'output_based':
        out.price_per_client = num(`${at}price_per_client`, v.price_per_client);
        out.pay_for_result = v.pay_for_result;
        if (v.pay_for_result) out.price_per_result = num(`${at}price_per_result`, v.price_per_result);
        break;
      case 'task_based':
        out.lump_sum = num(`${at}lump_sum`, v.lump_sum);
        break;
      case 'combined': {
        out.fixed_part = num(`${at}fixed_part`, v.fixed_part);
        out.price_per_unit = num(`${at}price_per_unit`, v.price_per_unit);
        const floor = optional(`${at}floor`, v.floor);
        const cap = optional(`${at}cap`, v.cap);
        if (floor !== undefined) out.floor = floor;
        if (cap !== undefined) out.cap = cap;
        if (floor !== undefined && cap !== undefined && floor > cap && !errors[`${at}floor`]) {
          errors[`${at}floor`] = 'error.floorAboveCap';
        }
        if (v.incentive) {
          out.incentive = {
            target_share: num(`${at}target_share`, v.target_share, { percent: true }),
            bonus_per_result: num(`${at}bonus_per_result`, v.bonus_per_result),
            malus_per_result: num(`${at}malus_per_result`, v.malus_per_result),
          };
        }
        break;
      }
    }
    return out;
  });

  if (f.clients_kind === 'range' && !errors.clients_min && !errors.clients_max) {
    if (Number(parseNumber(f.clients_min)) > Number(parseNumber(f.clients_max))) errors.clients_min = 'error.minAboveMax';
  }
  if (f.result_kind === 'range' && !errors.result_min && !errors.result_max) {
    if (Number(parseNumber(f.result_min)) > Number(parseNumber(f.result_max))) errors.result_min = 'error.minAboveMax';
  }
  if (f.intensity_kind === 'lognormal' && !errors.intensity_median && !errors.intensity_p90) {
    if (Number(parseNumber(f.intensity_p90)) < Number(parseNumber(f.intensity_median))) errors.intensity_p90 = 'error.p90BelowMedian';
  }

  const scenario: FinancingScenario = {
    // The spec describes these three as free-form objects (one key naming the distribution).
    population: {
      clients: clients as unknown as Population['clients'],
      intensity: intensity as unknown as Population['intensity'],
      unit: f.unit,
      result_share: result_share as unknown as Population['result_share'],
    },
    costs: { cost_per_unit: num('cost_per_unit', f.cost_per_unit), fixed_costs: num('fixed_costs', f.fixed_costs) },
    budget: num('budget', f.budget),
    variants,
    runs: num('runs', f.runs, { integer: true }),
    seed: num('seed', f.seed, { integer: true }),
  };
  if (!errors.runs && (scenario.runs! < 1 || scenario.runs! > 200_000)) errors.runs = 'error.runs';
  return { scenario, errors };
}

/** The body for saving; `errors` also checks the name. */
export function formToSaved(f: ScenarioFormValues): { body: SavedFinancingScenarioWrite; errors: LocalErrors } {
  const { scenario, errors } = formToScenario(f);
  const name = f.name.trim();
  if (!name) errors.name = 'error.name';
  const plan = f.plan_id === '' ? null : Number(f.plan_id);
  return {
    body: {
      name,
      description: f.description.trim(),
      municipality_code: f.municipality_code || null,
      plan_id: plan,
      scenario,
    },
    errors,
  };
}

/** The form's fields in the order they appear, to move focus to the first one with a problem. */
export function fieldOrder(f: ScenarioFormValues): string[] {
  const top = ['name', 'description', 'municipality_code', 'plan_id'];
  const population = [
    'clients_mean', 'clients_min', 'clients_max',
    'intensity_median', 'intensity_p90', 'intensity_units', 'unit',
    'result_mean', 'result_strength', 'result_min', 'result_max',
    'cost_per_unit', 'fixed_costs', 'budget',
  ];
  const variants = f.variants.flatMap((v, n) =>
    ['name', 'form', ...FORM_FIELDS[v.form]].map((field) => `variants.${n}.${field}`),
  );
  return [...top, ...population, 'variants', ...variants, 'runs', 'seed'];
}

const KIND_SEGMENTS = new Set(['poisson', 'range', 'lognormal', 'fixed', 'beta']);
const POPULATION_FIELDS: Record<string, string> = {
  'clients.mean': 'clients_mean',
  'clients.min': 'clients_min',
  'clients.max': 'clients_max',
  'intensity.median': 'intensity_median',
  'intensity.p90': 'intensity_p90',
  'intensity.units': 'intensity_units',
  'result_share.mean': 'result_mean',
  'result_share.strength': 'result_strength',
  'result_share.min': 'result_min',
  'result_share.max': 'result_max',
  unit: 'unit',
};

/**
 * The form field of a server field path: `variants[1].price_per_unit` → `variants.1.price_per_unit`,
 * `population.result_share.beta.mean` (or `…result_share.mean`) → `result_mean`,
 * `scenario.costs.cost_per_unit` → `cost_per_unit`. Undefined when the form has no such field.
 */
export function formFieldForPath(path: string): string | undefined {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '' && !KIND_SEGMENTS.has(p));
  if (parts[0] === 'scenario') parts.shift();
  const [head, ...rest] = parts;
  if (head === undefined) return undefined;
  if (['name', 'description', 'municipality_code', 'plan_id', 'budget', 'runs', 'seed'].includes(head) && rest.length === 0) {
    return head;
  }
  if (head === 'population') return POPULATION_FIELDS[rest.join('.')];
  if (head === 'costs' && (rest[0] === 'cost_per_unit' || rest[0] === 'fixed_costs')) return rest[0];
  if (head === 'variants') {
    if (rest.length === 0) return 'variants';
    const [index, field, sub] = rest;
    if (index === undefined || !/^\d+$/.test(index)) return 'variants';
    if (field === undefined) return `variants.${index}.name`;
    if (field === 'incentive') return `variants.${index}.${sub ?? 'target_share'}`;
    return `variants.${index}.${field}`;
  }
  return undefined;
}

/**
 * Splits the server's field problems into form fields and the rest (for a general alert).
 * `rest` lists the messages no field took.
 */
export function mapServerFields(fields: Record<string, string>): { fields: Record<string, string>; rest: string[] } {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const key = formFieldForPath(path);
    if (key) out[key] ??= message;
    else rest.push(message);
  }
  return { fields: out, rest };
}

// ---------------------------------------------------------------- results and risk texts

export const DISTRIBUTION_OUTPUTS = ['revenue', 'margin', 'spending', 'cost_per_client', 'cost_per_result'] as const;
export type DistributionOutput = (typeof DISTRIBUTION_OUTPUTS)[number];

/** A sentence: a text key with its values (formatted by the caller's `format`). */
export interface Sentence {
  key: FinancingKey;
  vars?: MessageVars;
}

export interface Formatters {
  euro: (value: number) => string;
  percent: (probability: number) => string;
  input: (input: string) => string;
}

/** Who carries most of the spread in outcomes: the municipality, the provider, or both. */
export type RiskBearer = 'municipality' | 'provider' | 'shared' | 'none';

function spread(d: FinancingDistribution): number {
  const s = d.p95 - d.p5;
  return Number.isFinite(s) ? Math.max(0, s) : 0;
}

/**
 * Compares how much the municipality's spending moves with how much the provider's margin moves
 * over the same runs: the one whose figure moves more carries more of the uncertainty.
 */
export function riskBearer(v: FinancingVariantSummary): RiskBearer {
  const municipality = spread(v.spending);
  const provider = spread(v.margin);
  const total = municipality + provider;
  if (total <= 0) return 'none';
  const share = municipality / total;
  if (share >= 0.65) return 'municipality';
  if (share <= 0.35) return 'provider';
  return 'shared';
}

/** The input that moves the margin most (largest |Spearman correlation|), if any matters. */
export function strongestInput(v: FinancingVariantSummary): { input: string; correlation: number } | undefined {
  const sorted = [...v.sensitivity]
    .filter((s) => Number.isFinite(s.correlation))
    .sort((a, b) => Math.abs(b.correlation) - Math.abs(a.correlation));
  const top = sorted[0];
  return top && Math.abs(top.correlation) >= 0.1 ? top : undefined;
}

/** Words for how strongly an input moves the margin. */
export function strengthKey(correlation: number): FinancingKey {
  const r = Math.abs(correlation);
  if (r >= 0.7) return 'sensitivity.strong';
  if (r >= 0.4) return 'sensitivity.clear';
  if (r >= 0.1) return 'sensitivity.weak';
  return 'sensitivity.none';
}

const FORM_SENTENCE: Record<FinancingForm, FinancingKey> = {
  effort_based: 'risk.how.effort_based',
  output_based: 'risk.how.output_based',
  task_based: 'risk.how.task_based',
  combined: 'risk.how.combined',
};

/**
 * The plain-language "Wie draagt het risico?" sentences for one variant, made from its figures:
 * how the form pays, the chance the budget is exceeded, the chance of a loss with the likely
 * range of the margin, who carries most of the spread, and what moves the margin most.
 */
export function riskSentences(v: FinancingVariantSummary, budget: number, fmt: Formatters): Sentence[] {
  const name = v.name;
  const form = (v.form in FORM_SENTENCE ? v.form : 'combined') as FinancingForm;
  const out: Sentence[] = [];
  out.push({
    key: FORM_SENTENCE[form],
    vars: { name, budgetChance: fmt.percent(v.over_budget_probability) },
  });
  out.push({
    key: 'risk.loss',
    vars: { lossChance: fmt.percent(v.loss_probability), low: fmt.euro(v.margin.p5), high: fmt.euro(v.margin.p95) },
  });
  out.push({
    key: 'risk.spending',
    vars: { low: fmt.euro(v.spending.p5), high: fmt.euro(v.spending.p95), budget: fmt.euro(budget) },
  });
  out.push({ key: `risk.bearer.${riskBearer(v)}` as FinancingKey });
  const top = strongestInput(v);
  if (top) {
    out.push({
      key: top.correlation >= 0 ? 'risk.driver.up' : 'risk.driver.down',
      vars: { input: fmt.input(top.input) },
    });
  }
  return out;
}

/** One line that compares the variants: the lowest chance of loss and of exceeding the budget. */
export function comparisonSentences(summary: FinancingSummary, fmt: Formatters): Sentence[] {
  if (summary.variants.length < 2) return [];
  const byLoss = [...summary.variants].sort((a, b) => a.loss_probability - b.loss_probability)[0]!;
  const byBudget = [...summary.variants].sort((a, b) => a.over_budget_probability - b.over_budget_probability)[0]!;
  return [
    { key: 'risk.compare.loss', vars: { name: byLoss.name, chance: fmt.percent(byLoss.loss_probability) } },
    { key: 'risk.compare.budget', vars: { name: byBudget.name, chance: fmt.percent(byBudget.over_budget_probability) } },
  ];
}

/** "38%", "minder dan 1%", "meer dan 99%" — never "0%" or "100%" for what can still happen. */
export function percentParts(probability: number): { kind: 'exact' | 'below' | 'above'; value: number } {
  if (!Number.isFinite(probability) || probability <= 0) return { kind: 'exact', value: 0 };
  if (probability >= 1) return { kind: 'exact', value: 100 };
  if (probability < 0.005) return { kind: 'below', value: 1 };
  if (probability > 0.995) return { kind: 'above', value: 99 };
  return { kind: 'exact', value: Math.round(probability * 100) };
}

/** Nice round tick values between lo and hi (about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step || 0); // no -0
  return ticks;
}

/**
 * A formatter for the amounts on one chart axis, in the UI language's own way: whole euros below a
 * million ("€ 100.000" / "€100,000"), millions and billions with a word ("€ 1,5 mln" / "€1.5m",
 * "€ 2 mld" / "€2bn"). Never the "€ 100K" of Intl's compact notation. One scale for all ticks
 * of the axis, so they read alike ("€ 0,8 mln", "€ 1 mln", "€ 1,2 mln").
 */
export function axisEuroFormat(language: Language, ticks: readonly number[]): (value: number) => string {
  const max = Math.max(0, ...ticks.filter(Number.isFinite).map(Math.abs));
  const scale = max >= 1e9 ? 1e9 : max >= 1e6 ? 1e6 : 1;
  const words: Record<Language, Record<number, string>> = { nl: { 1e6: '\u00a0mln', 1e9: '\u00a0mld' }, en: { 1e6: 'm', 1e9: 'bn' } };
  const fractions = scale > 1 || ticks.some((t) => Math.abs(t - Math.round(t)) > 1e-9) ? 2 : 0;
  const format = new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractions,
  });
  return (value: number) => `${format.format(value / scale + 0)}${words[language][scale] ?? ''}`;
}

/** The value range a chart needs for these distributions (P5–P95), padded a little, with 0 in it. */
export function chartDomain(ds: readonly FinancingDistribution[]): [number, number] {
  const lows = ds.map((d) => d.p5).filter(Number.isFinite);
  const highs = ds.map((d) => d.p95).filter(Number.isFinite);
  let lo = Math.min(0, ...lows);
  let hi = Math.max(0, ...highs);
  if (lo === hi) hi = lo + 1;
  const pad = (hi - lo) * 0.05;
  lo -= lo < 0 ? pad : 0;
  hi += pad;
  return [lo, hi];
}
