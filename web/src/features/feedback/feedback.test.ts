import { describe, expect, it } from 'vitest';
import type { Callback, FeedbackResponse } from '../../api/types';
import { translate } from '../../i18n/i18n';
import {
  absoluteUrl,
  categoryOf,
  checkSurveyForm,
  emptySurveyForm,
  feedAnnouncement,
  groupLabel,
  groupShortfall,
  last30Days,
  mergeCallback,
  mergeFeed,
  needsAttention,
  npsSentence,
  parseEventData,
  parseGroupBy,
  parseResponseFilters,
  roundScore,
  surveyRequestBody,
} from './feedback';
import { feedbackSection } from './common';

const whole = (value: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(value);

function response(id: number, receivedAt: string, extra: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return {
    id,
    survey_id: 1,
    survey_name: 'Wijkteam',
    team: 'Noord',
    score: 9,
    category: 'promoter',
    why: '',
    better: '',
    callback: false,
    channel: 'link',
    themes: [],
    received_at: receivedAt,
    ...extra,
  };
}

function callback(id: number, dueAt: string, status: Callback['status'] = 'open'): Callback {
  return {
    id,
    response_id: id,
    survey_name: 'Wijkteam',
    team: 'Noord',
    score: 3,
    why: '',
    better: '',
    status,
    assignee: null,
    due_at: dueAt,
    overdue: false,
    notes: '',
    outcome: '',
    has_phone: true,
    created_at: dueAt,
    updated_at: dueAt,
  };
}

describe('npsSentence', () => {
  it('writes the NPS with its interval and n, rounded', () => {
    const text = npsSentence({ n: 84, nps: 23.4, ci_low: 5.2, ci_high: 39.6 }, whole);
    expect(translate('nl', text.key, text.vars)).toBe('NPS 23 (95%-betrouwbaarheidsinterval 5 tot 40, n = 84)');
    expect(translate('en', text.key, text.vars)).toBe('NPS 23 (95% confidence interval 5 to 40, n = 84)');
  });
  it('handles negative values and -0', () => {
    const text = npsSentence({ n: 10, nps: -0.2, ci_low: -45.7, ci_high: 30 }, whole);
    expect(translate('nl', text.key, text.vars)).toBe('NPS 0 (95%-betrouwbaarheidsinterval -46 tot 30, n = 10)');
  });
  it('says there are no answers when n = 0', () => {
    const text = npsSentence({ n: 0, nps: null, ci_low: null, ci_high: null }, whole);
    expect(translate('nl', text.key)).toBe('Nog geen antwoorden in deze periode.');
  });
  it('leaves the interval out when the API has none', () => {
    const text = npsSentence({ n: 1, nps: 100, ci_low: null, ci_high: null }, whole);
    expect(translate('nl', text.key, text.vars)).toBe('NPS 100 (n = 1)');
  });
});

describe('groupShortfall', () => {
  it('gives the reason in words for a group below min_n', () => {
    const reason = groupShortfall({ n: 12, enough: false }, 30);
    expect(reason && translate('nl', reason.key, reason.vars)).toBe(
      'te weinig antwoorden om te vergelijken (minder dan 30)',
    );
  });
  it('is null for a group that can be compared', () => {
    expect(groupShortfall({ n: 30, enough: true }, 30)).toBeNull();
  });
  it('follows the API when it says enough is false', () => {
    expect(groupShortfall({ n: 40, enough: false }, 30)).not.toBeNull();
  });
});

describe('categories and attention', () => {
  it('maps scores to categories at the borders', () => {
    expect([0, 6, 7, 8, 9, 10].map(categoryOf)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });
  it('marks detractors and callback requests', () => {
    expect(needsAttention({ category: 'detractor', callback: false })).toBe(true);
    expect(needsAttention({ category: 'promoter', callback: true })).toBe(true);
    expect(needsAttention({ category: 'passive', callback: false })).toBe(false);
  });
  it('announces a callback request first', () => {
    const text = feedAnnouncement(response(1, '2026-11-23T10:00:00Z', { score: 3, category: 'detractor', callback: true }));
    expect(text && translate('nl', text.key, text.vars)).toBe('Nieuw terugbelverzoek: cijfer 3 voor Wijkteam.');
  });
});

describe('mergeFeed', () => {
  it('puts new responses first and keeps each id once', () => {
    const current = [response(2, '2026-11-23T10:00:00Z'), response(1, '2026-11-23T09:00:00Z')];
    const merged = mergeFeed(current, [response(3, '2026-11-23T11:00:00Z'), response(2, '2026-11-23T10:00:00Z', { why: 'erased' })]);
    expect(merged.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(merged[1]?.why).toBe('erased');
  });
  it('keeps at most the limit', () => {
    const many = Array.from({ length: 60 }, (_, i) => response(i + 1, new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString()));
    const merged = mergeFeed([], many, 50);
    expect(merged).toHaveLength(50);
    expect(merged[0]?.id).toBe(60);
  });
});

describe('mergeCallback', () => {
  it('adds, replaces and removes finished tasks, due first', () => {
    let list = mergeCallback([], callback(1, '2026-11-24T10:00:00Z'));
    list = mergeCallback(list, callback(2, '2026-11-24T08:00:00Z'));
    expect(list.map((c) => c.id)).toEqual([2, 1]);
    list = mergeCallback(list, callback(1, '2026-11-24T10:00:00Z', 'called'));
    expect(list.find((c) => c.id === 1)?.status).toBe('called');
    list = mergeCallback(list, callback(2, '2026-11-24T08:00:00Z', 'done'));
    expect(list.map((c) => c.id)).toEqual([1]);
    expect(mergeCallback(list, callback(1, '2026-11-24T10:00:00Z', 'unreachable'))).toEqual([]);
  });
});

describe('small helpers', () => {
  it('parses event data or skips it', () => {
    expect(parseEventData<{ id: number }>('{"id":4}')).toEqual({ id: 4 });
    expect(parseEventData('not json')).toBeNull();
    expect(parseEventData('{"x":1}')).toBeNull();
  });
  it('computes the last 30 days including today', () => {
    expect(last30Days('2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });
  it('rounds without -0', () => {
    expect(Object.is(roundScore(-0.4), 0)).toBe(true);
  });
  it('reads the group-by from the URL with team as the default', () => {
    expect(parseGroupBy('week')).toBe('week');
    expect(parseGroupBy('nonsense')).toBe('team');
  });
  it('labels laws in words and empty groups as not filled in', () => {
    expect(groupLabel('law', { key: 'jeugdwet', label: 'jeugdwet' })).toEqual({ key: 'feedback.law.jeugdwet' });
    expect(groupLabel('team', { key: '', label: '' })).toEqual({ key: 'feedback.nps.notFilledIn' });
    expect(groupLabel('team', { key: 'noord', label: 'Noord' })).toBe('Noord');
  });
  it('makes the public link absolute', () => {
    expect(absoluteUrl('/f/abc', 'http://localhost:8080')).toBe('http://localhost:8080/f/abc');
    expect(absoluteUrl('https://x.example/f/abc', 'http://localhost')).toBe('https://x.example/f/abc');
  });
  it('reads response filters and drops bad values', () => {
    expect(parseResponseFilters(new URLSearchParams('survey=3&category=detractor&from=2026-01-01&to=bad'))).toEqual({
      survey_id: 3,
      category: 'detractor',
      from: '2026-01-01',
    });
  });
  it('finds the tab of a path', () => {
    expect(feedbackSection('/w/demo/feedback', '/w/demo/feedback')).toBe('dashboard');
    expect(feedbackSection('/w/demo/feedback/surveys/3/poster', '/w/demo/feedback')).toBe('surveys');
    expect(feedbackSection('/w/demo/feedback/responses', '/w/demo/feedback')).toBe('responses');
  });
});

describe('survey form', () => {
  it('needs a name and a valid municipality code', () => {
    expect(checkSurveyForm(emptySurveyForm())).toEqual({ name: 'feedback.surveys.error.name' });
    expect(checkSurveyForm({ ...emptySurveyForm(), name: 'A', municipality_code: 'GM34' })).toEqual({
      municipality_code: 'feedback.surveys.error.municipality',
    });
    expect(checkSurveyForm({ ...emptySurveyForm(), name: 'A', municipality_code: 'gm0344' })).toEqual({});
  });
  it('trims, upper-cases the code and sends null for no municipality', () => {
    expect(surveyRequestBody({ name: ' Wijkteam ', team: ' Noord', service: 'het wijkteam', municipality_code: 'gm0344', law: 'wmo', domain: '' })).toEqual({
      name: 'Wijkteam',
      team: 'Noord',
      service: 'het wijkteam',
      municipality_code: 'GM0344',
      law: 'wmo',
      domain: '',
    });
    expect(surveyRequestBody(emptySurveyForm()).municipality_code).toBeNull();
  });
});
