import { describe, expect, it } from 'vitest';
import type { Overview } from '../../api/types';
import {
  addDays,
  appLink,
  CALLBACK_OUTCOMES,
  closeCallbackBody,
  doneSteps,
  focusAfterRemoval,
  isClosableCallback,
  isEmptyOverview,
  isValidSnoozeDay,
  npsState,
  npsTrend,
  npsShares,
  signed,
  snoozeBounds,
  snoozeUntil,
} from './overview';
import { OVERVIEW_TEXTS } from './texts';
import { emptyOverviewFixture, npsGroupFixture as group } from '../../test/fixtures';

const EMPTY: Overview = emptyOverviewFixture();

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(OVERVIEW_TEXTS.en).sort()).toEqual(Object.keys(OVERVIEW_TEXTS.nl).sort());
    for (const key of Object.keys(OVERVIEW_TEXTS.nl) as (keyof typeof OVERVIEW_TEXTS.nl)[])
      expect(holes(OVERVIEW_TEXTS.en[key]), key).toEqual(holes(OVERVIEW_TEXTS.nl[key]));
  });
  it('speaks to "je", never "u" or "uw"', () => {
    for (const [key, text] of Object.entries(OVERVIEW_TEXTS.nl)) expect(text, key).not.toMatch(/\b(u|uw|U|Uw)\b/);
  });
  it('uses different words for hiding and closing, in both languages', () => {
    for (const language of ['nl', 'en'] as const) {
      const t = OVERVIEW_TEXTS[language];
      const hideWords = [t['actNow.hide'], t['actNow.dismissed'], t['actNow.pickDateSubmit']].join(' ').toLowerCase();
      const closeWords = [t['actNow.close'], t['close.submit'], t['close.title'], t['close.closed']].join(' ').toLowerCase();
      expect(t['actNow.hide']).not.toBe(t['actNow.close']);
      // No word for closing appears in the hide texts, and the other way round.
      for (const word of language === 'nl' ? ['afgerond', 'afronden'] : ['close', 'closed']) expect(hideWords).not.toContain(word);
      for (const word of language === 'nl' ? ['verborgen', 'verbergen'] : ['hide', 'hidden']) expect(closeWords).not.toContain(word);
    }
    expect(OVERVIEW_TEXTS.nl['actNow.hide']).toBe('Verbergen');
    expect(OVERVIEW_TEXTS.nl['actNow.close']).toBe('Afronden');
    expect(CALLBACK_OUTCOMES.map((o) => OVERVIEW_TEXTS.nl[`close.outcome.${o}`])).toEqual(['Bereikt', 'Niet bereikt', 'Niet meer nodig']);
  });
});

describe('closing callbacks', () => {
  const item = { module: 'feedback', reason: 'callback_open', record_id: 4 } as const;
  it('offers closing only for callback items with the id of the callback', () => {
    expect(isClosableCallback(item)).toBe(true);
    expect(isClosableCallback({ ...item, reason: 'callback_overdue' })).toBe(true);
    expect(isClosableCallback({ ...item, record_id: null })).toBe(false);
    expect(isClosableCallback({ module: 'relations', reason: 'overdue', record_id: 4 })).toBe(false);
    expect(isClosableCallback({ module: 'calendar', reason: 'window_open', record_id: null })).toBe(false);
  });
  it('closes with the outcome as status, and a note only when there is one', () => {
    expect(closeCallbackBody('done', '')).toEqual({ status: 'done' });
    expect(closeCallbackBody('unreachable', '  ')).toEqual({ status: 'unreachable' });
    expect(closeCallbackBody('not_needed', ' Zelf opgelost. ')).toEqual({ status: 'not_needed', outcome: 'Zelf opgelost.' });
  });
});

describe('dates for "Later"', () => {
  it('adds calendar days across months, years and the clock change', () => {
    expect(addDays('2026-11-23', 1)).toBe('2026-11-24');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('snoozes to tomorrow or a week later, and accepts a picked day within a year', () => {
    expect(snoozeUntil('2026-11-23', 'tomorrow')).toBe('2026-11-24');
    expect(snoozeUntil('2026-11-23', 'nextWeek')).toBe('2026-11-30');
    expect(snoozeBounds('2026-11-23')).toEqual({ min: '2026-11-24', max: '2027-11-23' });
    expect(isValidSnoozeDay('2026-11-23', '2026-11-23')).toBe(false);
    expect(isValidSnoozeDay('2026-11-23', '2026-11-24')).toBe(true);
    expect(isValidSnoozeDay('2026-11-23', '2027-11-24')).toBe(false);
    expect(isValidSnoozeDay('2026-11-23', '')).toBe(false);
  });
});

describe('NPS', () => {
  it('writes a score with its sign', () => {
    expect(signed(16.18)).toBe('+16');
    expect(signed(-4.94)).toBe('−5');
    expect(signed(0.2)).toBe('0');
  });
  it('counts per 100 clients so that promoters minus detractors is the NPS shown', () => {
    // 33 and 22 of 68: 48.5 and 32.4 per 100, NPS 16.2. Rounded on their own: 49 − 32 = 17, not 16.
    expect(npsShares({ n: 68, promoters: 33, detractors: 22, nps: 16.18 })).toEqual({ promoters: 49, detractors: 33 });
    expect(npsShares({ n: 84, promoters: 40, detractors: 21, nps: 22.6 })).toEqual({ promoters: 48, detractors: 25 });
    expect(npsShares({ n: 10, promoters: 0, detractors: 10, nps: -100 })).toEqual({ promoters: 0, detractors: 100 });
    expect(npsShares({ n: 0, promoters: 0, detractors: 0, nps: 0 })).toEqual({ promoters: 0, detractors: 0 });
  });
  it('says "too few" under 30 answers and compares only reliable scores', () => {
    expect(npsState(null)).toEqual({ kind: 'none' });
    expect(npsState(group({ n: 12, nps: 40, ci_low: 0, ci_high: 80 }))).toEqual({ kind: 'few', n: 12 });
    expect(npsState(group({ n: 30, nps: 10, ci_low: -5, ci_high: 25 }))).toMatchObject({ kind: 'score', nps: 10 });
    // The server decides what is enough.
    expect(npsState(group({ n: 30, nps: 10, ci_low: -5, ci_high: 25 }, false))).toEqual({ kind: 'few', n: 30 });
    const now = group({ n: 68, nps: 16.2, ci_low: -4.9, ci_high: 35.9 });
    expect(npsTrend(now, group({ n: 58, nps: 17.2, ci_low: -4.9, ci_high: 37.7 }))).toEqual({ direction: 'down', delta: -1 });
    expect(npsTrend(now, group({ n: 40, nps: 13, ci_low: 0, ci_high: 30 }))).toEqual({ direction: 'up', delta: 3 });
    expect(npsTrend(now, group({ n: 40, nps: 16, ci_low: 0, ci_high: 30 }))).toEqual({ direction: 'same', delta: 0 });
    expect(npsTrend(now, group({ n: 10, nps: 0, ci_low: null, ci_high: null }))).toBeNull();
  });
});

describe('empty workspace and first steps', () => {
  it('is empty only without items and without any figure', () => {
    expect(isEmptyOverview(EMPTY)).toBe(true);
    expect(isEmptyOverview({ ...EMPTY, figures: { ...EMPTY.figures, open_agreements: 1 } })).toBe(false);
    expect(
      isEmptyOverview({ ...EMPTY, figures: { ...EMPTY.figures, nps_last_30_days: group({ n: 3, nps: null, ci_low: null, ci_high: null }) } }),
    ).toBe(false);
  });
  it('ticks a step when something exists', () => {
    expect(doneSteps({ municipalities: 2, people: 0, plans: 1, surveys: 0 })).toEqual({
      municipalities: true,
      people: false,
      plan: true,
      survey: false,
    });
  });
});

describe('links and focus', () => {
  it('puts an item link below the workspace', () => {
    expect(appLink('demo', 'policy-calendar/plans/1')).toBe('/w/demo/policy-calendar/plans/1');
    expect(appLink('demo', '/scan/1')).toBe('/w/demo/scan/1');
  });
  it('moves focus to the next item, the previous one at the end, or nowhere', () => {
    expect(focusAfterRemoval(0, 3)).toBe(0);
    expect(focusAfterRemoval(2, 3)).toBe(1);
    expect(focusAfterRemoval(0, 1)).toBeNull();
  });
});
