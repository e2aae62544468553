import { describe, expect, it } from 'vitest';
import {
  axisEuroFormat,
  chartDomain,
  comparisonSentences,
  defaultScenarioForm,
  fieldId,
  formFieldForPath,
  formToSaved,
  formToScenario,
  mapServerFields,
  niceTicks,
  parseNumber,
  percentParts,
  riskBearer,
  riskSentences,
  scenarioToForm,
  strongestInput,
  type Formatters,
} from './financing';
import { FINANCING_TEXTS, financingText } from './texts';
import { FIXTURE, SUMMARY } from './testdata';

const defaults = defaultScenarioForm({ effort: 'PxQ', combined: 'Combinatie' });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const fmt: Formatters = {
  euro: (v) => euro.format(v),
  percent: (p) => {
    const parts = percentParts(p);
    return parts.kind === 'below' ? `minder dan ${parts.value}%` : parts.kind === 'above' ? `meer dan ${parts.value}%` : `${parts.value}%`;
  },
  input: (name) => financingText('nl', `input.${name}` as 'input.clients'),
};
const say = (s: { key: Parameters<typeof financingText>[1]; vars?: Record<string, string | number> }) => financingText('nl', s.key, s.vars);

describe('parseNumber', () => {
  it.each([
    ['58', 58],
    ['58,5', 58.5],
    ['58.5', 58.5],
    ['1.100.000', 1100000],
    ['1.100.000,50', 1100000.5],
    ['€ 1 100 000', 1100000],
    ['', undefined],
    ['veel', undefined],
    ['1,2,3', undefined],
  ])('%s → %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe('form ↔ scenario', () => {
  it('the defaults make a valid PxQ-against-combined scenario like the fixture', () => {
    const { scenario, errors } = formToScenario(defaults);
    expect(errors).toEqual({});
    expect(scenario.population).toEqual({
      clients: { poisson: { mean: 500 } },
      intensity: { lognormal: { median: 20, p90: 60 } },
      unit: 'hour',
      result_share: { beta: { mean: 0.6, strength: 40 } },
    });
    expect(scenario.costs).toEqual({ cost_per_unit: 58, fixed_costs: 150000 });
    expect(scenario.variants).toEqual([FIXTURE.variants[0], FIXTURE.variants[3]]);
  });

  it('round-trips the fixture through the form', () => {
    const form = scenarioToForm(FIXTURE, defaults);
    expect(form.result_mean).toBe('60');
    expect(form.variants[3]!.target_share).toBe('55');
    expect(form.variants[2]!.pay_for_result).toBe(true);
    expect(formToScenario(form)).toEqual({ scenario: FIXTURE, errors: {} });
  });

  it('sends only the fields a form needs, and ranges when chosen', () => {
    const form = {
      ...defaults,
      clients_kind: 'range' as const,
      intensity_kind: 'fixed' as const,
      result_kind: 'range' as const,
      variants: [
        { ...defaults.variants[0]!, form: 'output_based' as const, pay_for_result: false },
        { ...defaults.variants[1]!, cap: '', floor: '', incentive: false },
      ],
    };
    const { scenario, errors } = formToScenario(form);
    expect(errors).toEqual({});
    expect(scenario.population.clients).toEqual({ range: { min: 450, max: 550 } });
    expect(scenario.population.intensity).toEqual({ fixed: { units: 30 } });
    expect(scenario.population.result_share).toEqual({ range: { min: 0.5, max: 0.7 } });
    expect(scenario.variants[0]).toEqual({ name: 'PxQ', form: 'output_based', price_per_client: 1200, pay_for_result: false });
    expect(scenario.variants[1]).toEqual({ name: 'Combinatie', form: 'combined', fixed_part: 400000, price_per_unit: 40 });
  });

  it('reports unreadable and inconsistent numbers by field', () => {
    const form = {
      ...defaults,
      name: ' ',
      budget: 'veel',
      intensity_p90: '10',
      result_mean: '120',
      runs: '0',
      variants: [{ ...defaults.variants[0]!, name: '', price_per_unit: '-5' }, { ...defaults.variants[1]!, floor: '2000000' }],
    };
    const { errors } = formToSaved(form);
    expect(errors).toEqual({
      name: 'error.name',
      budget: 'error.number',
      intensity_p90: 'error.p90BelowMedian',
      result_mean: 'error.percent',
      runs: 'error.runs',
      'variants.0.name': 'error.variantName',
      'variants.0.price_per_unit': 'error.negative',
      'variants.1.floor': 'error.floorAboveCap',
    });
  });

  it('links to a municipality and a plan, or to nothing', () => {
    expect(formToSaved({ ...defaults, name: 'A', municipality_code: 'GM0355', plan_id: '4' }).body).toMatchObject({
      name: 'A', municipality_code: 'GM0355', plan_id: 4,
    });
    expect(formToSaved({ ...defaults, name: 'A' }).body).toMatchObject({ municipality_code: null, plan_id: null });
  });
});

describe('server field paths', () => {
  it.each([
    ['variants[1].price_per_unit', 'variants.1.price_per_unit'],
    ['variants[0].incentive.target_share', 'variants.0.target_share'],
    ['variants[2]', 'variants.2.name'],
    ['variants', 'variants'],
    ['population.result_share.beta.mean', 'result_mean'],
    ['population.result_share.mean', 'result_mean'],
    ['population.clients.poisson.mean', 'clients_mean'],
    ['population.intensity.p90', 'intensity_p90'],
    ['scenario.costs.cost_per_unit', 'cost_per_unit'],
    ['scenario.budget', 'budget'],
    ['municipality_code', 'municipality_code'],
    ['runs', 'runs'],
    ['population.colour', undefined],
  ])('%s → %s', (path, key) => {
    expect(formFieldForPath(path)).toBe(key);
  });

  it('keeps messages without a field for the general alert', () => {
    expect(mapServerFields({ 'variants[1].price_per_unit': 'Ongeldig.', extra: 'Onbekend.' })).toEqual({
      fields: { 'variants.1.price_per_unit': 'Ongeldig.' },
      rest: ['Onbekend.'],
    });
    expect(fieldId('variants.1.price_per_unit')).toBe('fin-variants-1-price-per-unit');
  });
});

describe('risk texts', () => {
  const [pxq, combined] = SUMMARY.variants;

  it('PxQ: the municipality pays for more clients and carries most of the spread', () => {
    expect(riskBearer(pxq!)).toBe('municipality');
    expect(strongestInput(pxq!)?.input).toBe('units_per_client');
    const text = riskSentences(pxq!, 1100000, fmt).map(say).join(' ');
    expect(text).toContain('Bij PxQ betaalt de gemeente meer als er meer cliënten komen');
    expect(text).toContain(`kans dat het budget overschreden wordt ${Math.round(pxq!.over_budget_probability * 100)}%`);
    expect(text).toContain(`Je loopt ${Math.round(pxq!.loss_probability * 100)}% kans op verlies.`);
    expect(text).toContain('vooral de gemeente');
    expect(text).toContain('de hoeveelheid zorg per cliënt: hoe meer, hoe beter voor jou');
    expect(text).toMatch(/budget €\s1\.100\.000\)/);
  });

  it('a lump sum puts the spread with the provider; no spread at all is said too', () => {
    const lump = {
      ...combined!,
      form: 'task_based',
      spending: { ...combined!.spending, p5: 1e6, p50: 1e6, p95: 1e6 },
    };
    expect(riskBearer(lump)).toBe('provider');
    expect(say(riskSentences(lump, 1100000, fmt)[0]!)).toContain('Bij Combinatie betaalt de gemeente een vast bedrag');
    const flat = { ...lump, margin: { ...lump.margin, p5: 3, p95: 3 } };
    expect(riskBearer(flat)).toBe('none');
  });

  it('compares the variants on the chance of a loss and of exceeding the budget', () => {
    const text = comparisonSentences(SUMMARY, fmt).map(say);
    expect(text[0]).toMatch(/^De kleinste kans op verlies heb je bij Combinatie/);
    expect(text[1]).toMatch(/over het budget gaat is bij Combinatie \((0%|minder dan 1%)\)/);
  });

  it('never writes 0% or 100% for what can still happen', () => {
    expect(percentParts(0.001)).toEqual({ kind: 'below', value: 1 });
    expect(percentParts(0.999)).toEqual({ kind: 'above', value: 99 });
    expect(percentParts(0)).toEqual({ kind: 'exact', value: 0 });
    expect(percentParts(0.384)).toEqual({ kind: 'exact', value: 38 });
  });
});

describe('chart helpers', () => {
  it('makes round ticks and a domain with zero in it', () => {
    expect(niceTicks(0, 1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks(-95000, 58000, 4)).toEqual([-50000, 0, 50000]);
    expect(Object.is(niceTicks(-0.5, 0.5, 2)[1], -0)).toBe(false);
    const [lo, hi] = chartDomain([SUMMARY.variants[0]!.margin]);
    expect(lo).toBeLessThan(SUMMARY.variants[0]!.margin.p5);
    expect(hi).toBeGreaterThan(0);
  });
});

describe('axis amounts in the language of the page', () => {
  const nbsp = (text: string) => text.replace(/ /g, '\u00a0');
  it('writes Dutch amounts: whole euros below a million, then "mln" and "mld", never "K"', () => {
    const small = axisEuroFormat('nl', [-20000, 0, 20000]);
    expect([-20000, 0, 20000].map(small)).toEqual(['€ -20.000', '€ 0', '€ 20.000'].map(nbsp));
    expect(axisEuroFormat('nl', [0, 100000, 200000])(100000)).toBe(nbsp('€ 100.000'));
    const large = axisEuroFormat('nl', [0, 500000, 1000000, 1500000]);
    expect([0, 500000, 1000000, 1500000].map(large)).toEqual(['€ 0 mln', '€ 0,5 mln', '€ 1 mln', '€ 1,5 mln'].map(nbsp));
    expect(axisEuroFormat('nl', [0, 1250000])(1250000)).toBe(nbsp('€ 1,25 mln'));
    expect(axisEuroFormat('nl', [0, 2e9])(2e9)).toBe(nbsp('€ 2 mld'));
    expect(axisEuroFormat('nl', [-1500000, 0])(-1500000)).toBe(nbsp('€ -1,5 mln'));
    // Small amounts keep their cents, so ticks stay apart.
    expect([0, 0.5, 1].map(axisEuroFormat('nl', [0, 0.5, 1]))).toEqual(['€ 0', '€ 0,5', '€ 1'].map(nbsp));
  });
  it('writes English amounts: "€100,000", "€1.5m", "€2bn"', () => {
    expect([-20000, 0, 20000].map(axisEuroFormat('en', [-20000, 0, 20000]))).toEqual(['-€20,000', '€0', '€20,000']);
    expect([0, 1500000].map(axisEuroFormat('en', [0, 1500000]))).toEqual(['€0m', '€1.5m']);
    expect(axisEuroFormat('en', [0, 2e9])(2e9)).toBe('€2bn');
  });
  it('never writes "-€0" for a tick at zero', () => {
    expect(axisEuroFormat('en', [-1, 0, 1])(-0)).toBe('€0');
  });
});

describe('texts', () => {
  it('speaks to "je", never "u" or "uw", and the PNG download is in words', () => {
    for (const [key, text] of Object.entries(FINANCING_TEXTS.nl)) expect(text, key).not.toMatch(/\b(u|uw|U|Uw)\b/);
    expect(FINANCING_TEXTS.nl['export.png']).toBe('Download als afbeelding (PNG)');
    expect(FINANCING_TEXTS.en['export.png']).toBe('Download as image (PNG)');
  });

  it('Dutch and English have the same keys and placeholders', () => {
    const nl = FINANCING_TEXTS.nl;
    const en = FINANCING_TEXTS.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) expect([key, holes(en[key])]).toEqual([key, holes(nl[key])]);
  });
});
