import { describe, expect, it } from 'vitest';
import type { PlanSchedule, UpcomingItem } from '../../api/types';
import { translate } from '../../i18n/i18n';
import {
  budgetYearOptions,
  checkPlanForm,
  emptyPlanForm,
  feasibleYearFix,
  feedUrls,
  groupByMonth,
  kadernotaVote,
  monthLabel,
  parseEuros,
  parseUpcomingDays,
  planRequestBody,
  planToForm,
  proposedBudgetYear,
  timelineRows,
  timingBadge,
  timingExplanation,
  windowState,
} from './calendar';

const utrecht = { id: 1, name: 'Utrecht', municipality_code: 'GM0344' };

function item(date: string, label: string): UpcomingItem {
  return {
    date,
    organisation: utrecht,
    kind: 'event',
    event: { id: label, date, until: null, basis: 'typical', actual: false, label, explain: '', source: null },
  };
}

describe('groupByMonth', () => {
  it('groups by calendar month, months and items in date order', () => {
    const groups = groupByMonth([
      item('2027-01-15', 'c'),
      item('2026-12-31', 'b'),
      item('2026-12-01', 'a'),
      item('2027-03-01', 'd'),
    ]);
    expect(groups.map((g) => [g.month, g.items.map((i) => i.event?.label)])).toEqual([
      ['2026-12', ['a', 'b']],
      ['2027-01', ['c']],
      ['2027-03', ['d']],
    ]);
  });

  it('gives no groups for no items, and names months per language', () => {
    expect(groupByMonth([])).toEqual([]);
    expect(monthLabel('nl', '2026-12')).toBe('december 2026');
    expect(monthLabel('en', '2027-01')).toBe('January 2027');
  });
});

describe('timing', () => {
  const badge = (s: Pick<PlanSchedule, 'timing' | 'earliest_feasible_year'>) => {
    const b = timingBadge(s);
    return [translate('nl', b.key, b.vars), b.tone];
  };

  it('says the timing in words (not only colour)', () => {
    expect(badge({ timing: 'on_time', earliest_feasible_year: null })).toEqual(['op tijd', 'ok']);
    expect(badge({ timing: 'late', earliest_feasible_year: null })).toEqual(['laat', 'warning']);
    expect(badge({ timing: 'fallback_only', earliest_feasible_year: null })).toEqual([
      'alleen nog begroting',
      'warning',
    ]);
    expect(badge({ timing: 'too_late', earliest_feasible_year: 2029 })).toEqual([
      'te laat → vroegst haalbaar 2029',
      'warning',
    ]);
    expect(badge({ timing: 'too_late', earliest_feasible_year: null })).toEqual(['te laat', 'warning']);
  });

  it('explains a late plan with the earliest feasible year', () => {
    const text = timingExplanation({ timing: 'too_late', earliest_feasible_year: 2029, budget_year: 2027 });
    expect(translate('nl', text.key, text.vars)).toBe(
      'Voor de begroting van 2027 is het te laat. Het vroegste begrotingsjaar dat je nog kunt halen is 2029.',
    );
  });
});

describe('timelineRows', () => {
  it('turns the windows into rows in date order, with the explanation as detail', () => {
    const rows = timelineRows({
      windows: [
        { id: 'kadernota_vote', from: '2027-07-01', to: '2027-07-01', rule: 'kadernota_vote', label: 'Stemming', explain: 'Moet erin.' },
        { id: 'adviser', from: '2026-10-01', to: '2026-12-31', rule: 'kadernota_drafting', label: 'Adviseur', explain: 'Q4.' },
      ],
    });
    expect(rows).toEqual([
      { id: 'adviser', label: 'Adviseur', from: '2026-10-01', to: '2026-12-31', details: ['Q4.'] },
      { id: 'kadernota_vote', label: 'Stemming', from: '2027-07-01', to: '2027-07-01', details: ['Moet erin.'] },
    ]);
  });

  it('knows whether a window is still to come, open or over', () => {
    const window = { from: '2026-10-01', to: '2026-12-31' };
    expect(windowState(window, '2026-09-30')).toBe('future');
    expect(windowState(window, '2026-10-01')).toBe('open');
    expect(windowState(window, '2026-12-31')).toBe('open');
    expect(windowState(window, '2027-01-01')).toBe('past');
  });
});

describe('plan form', () => {
  it('reads euros the Dutch and the English way', () => {
    expect(parseEuros('', 'nl')).toBeNull();
    expect(parseEuros('  ', 'nl')).toBeNull();
    expect(parseEuros('50000', 'nl')).toBe(50000);
    expect(parseEuros('€ 50.000', 'nl')).toBe(50000);
    expect(parseEuros('1.250.000,50', 'nl')).toBe(1250000.5);
    expect(parseEuros('50,000', 'en')).toBe(50000);
    expect(parseEuros('50000.5', 'en')).toBe(50000.5);
    expect(parseEuros('50.00.0', 'nl')).toBeUndefined();
    expect(parseEuros('veel', 'nl')).toBeUndefined();
    expect(parseEuros('-5', 'nl')).toBeUndefined();
  });

  it('sends every field, trimmed, with budget_needed null when empty', () => {
    const values = {
      ...emptyPlanForm(2026),
      title: '  Buurtteams ',
      core_message: ' Minder opnames. ',
      budget_year: '2028',
      budget_needed: '',
      phase: 'preparation' as const,
      organisation_ids: [4, 1, 2],
    };
    expect(checkPlanForm(values, 'nl')).toEqual({});
    expect(planRequestBody(values, 'nl')).toEqual({
      title: 'Buurtteams',
      core_message: 'Minder opnames.',
      description: '',
      domain: '',
      budget_year: 2028,
      budget_needed: null,
      status: 'idea',
      phase: 'preparation',
      organisation_ids: [1, 2, 4],
    });
    expect(planRequestBody({ ...values, budget_needed: '75.000' }, 'nl').budget_needed).toBe(75000);
  });

  it('finds the problems before sending', () => {
    expect(checkPlanForm({ ...emptyPlanForm(2026), budget_needed: 'veel' }, 'nl')).toEqual({
      title: 'plan.titleRequired',
      budget_needed: 'plan.budgetNeededInvalid',
      organisation_ids: 'plan.municipalitiesRequired',
    });
  });

  it('fills the form from a plan, the amount in the UI language', () => {
    const plan = {
      id: 3,
      title: 'Valpreventie',
      description: '',
      core_message: '',
      domain: 'Wmo',
      budget_year: 2028,
      budget_needed: 85000,
      status: 'preparing' as const,
      phase: 'decision' as const,
      owner_id: 1,
      organisation_ids: [2, 1],
      created_at: '',
      updated_at: '',
    };
    expect(planToForm(plan, 'nl').budget_needed).toBe('85.000');
    expect(planToForm(plan, 'en').budget_needed).toBe('85,000');
    expect(planToForm({ ...plan, budget_needed: null }, 'nl').budget_needed).toBe('');
    expect(planRequestBody(planToForm(plan, 'nl'), 'nl')).toMatchObject({ budget_needed: 85000, phase: 'decision' });
  });

  it('offers this year up to ten years ahead, plus an older year of the plan itself', () => {
    expect(budgetYearOptions(2026)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036]);
    expect(budgetYearOptions(2026, 2025)[0]).toBe(2025);
    expect(budgetYearOptions(2026, 2030)).toHaveLength(11);
  });
});

describe('budget years that are still possible', () => {
  // The typical kadernota vote falls early in July; Utrecht entered its own date in June.
  const votes = ['2026-07-02', '2026-06-10'];

  it('proposes next year while this year\'s kadernota vote is ahead everywhere, else the year after', () => {
    expect(proposedBudgetYear('2026-01-05', votes)).toBe(2027);
    expect(proposedBudgetYear('2026-06-09', votes)).toBe(2027);
    // On the day of the vote it is decided: like the server's earliest_feasible_year.
    expect(proposedBudgetYear('2026-06-10', votes)).toBe(2028);
    expect(proposedBudgetYear('2026-06-20', ['2026-07-02'])).toBe(2027);
    expect(proposedBudgetYear('2026-06-20', votes)).toBe(2028);
    // December: the budget for next year was decided in November, never propose it.
    expect(proposedBudgetYear('2026-12-06', votes)).toBe(2028);
    expect(proposedBudgetYear('2026-12-31', votes)).toBe(2028);
    expect(proposedBudgetYear('2027-01-01', ['2027-07-01'])).toBe(2028);
    // Nothing known: next year.
    expect(proposedBudgetYear('2026-03-01', [])).toBe(2027);
  });

  it('finds the kadernota vote in a cycle year', () => {
    const event = (id: string, date: string) => ({ id, date, until: null, basis: 'typical' as const, actual: false, label: id, explain: '', source: null });
    expect(kadernotaVote({ events: [event('kadernota_publication', '2026-05-15'), event('kadernota_vote', '2026-07-02')] })).toBe('2026-07-02');
    expect(kadernotaVote({ events: [] })).toBeNull();
  });

  it('offers "Plan voor" the latest earliest feasible year when a municipality is too late', () => {
    const s = (timing: PlanSchedule['timing'], earliest: number | null) => ({ timing, earliest_feasible_year: earliest });
    expect(feasibleYearFix(2027, [s('on_time', null), s('late', null)])).toBeNull();
    expect(feasibleYearFix(2027, [s('too_late', 2028), s('on_time', null)])).toBe(2028);
    expect(feasibleYearFix(2027, [s('too_late', 2028), s('too_late', 2029)])).toBe(2029);
    expect(feasibleYearFix(2027, [s('too_late', null)])).toBeNull();
    expect(feasibleYearFix(2027, [])).toBeNull();
  });
});

describe('feed URLs and the period choice', () => {
  it('builds the full address and its webcal variant', () => {
    expect(feedUrls('https://aantafel.example', '/ical/abc_DEF-1')).toEqual({
      url: 'https://aantafel.example/ical/abc_DEF-1',
      webcal: 'webcal://aantafel.example/ical/abc_DEF-1',
    });
    expect(feedUrls('http://127.0.0.1:8080/', '/ical/x').url).toBe('http://127.0.0.1:8080/ical/x');
    // A public address with a path (behind a reverse proxy) keeps it, as the server's own links do.
    expect(feedUrls('https://zorg.example/aantafel', '/ical/x').url).toBe('https://zorg.example/aantafel/ical/x');
  });

  it('accepts only 30, 90 or 180 days', () => {
    expect(parseUpcomingDays('30')).toBe(30);
    expect(parseUpcomingDays('180')).toBe(180);
    expect(parseUpcomingDays('7')).toBe(90);
    expect(parseUpcomingDays(null)).toBe(90);
  });
});
