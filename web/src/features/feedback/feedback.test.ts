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
  callbackFilters,
  inCallbackView,
  mergeCallback,
  mergeFeed,
  needsAttention,
  npsSentences,
  parseEventData,
  parseCallbackView,
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

describe('npsSentences', () => {
  const say = (language: 'nl' | 'en', texts: ReturnType<typeof npsSentences>) =>
    texts.map((text) => translate(language, text.key, text.vars));

  it('explains the NPS in plain words: per 100 clients, and how sure it is', () => {
    const texts = npsSentences({ n: 84, nps: 23.4, ci_low: 5.2, ci_high: 39.6, promoters: 40, detractors: 21 }, whole);
    expect(say('nl', texts)).toEqual([
      'NPS +23',
      'Van elke 100 cliënten raden er ongeveer 48 jullie aan: ze geven een 9 of 10. Ongeveer 25 zijn kritisch: ze geven een 0 tot en met 6. De NPS is het eerste getal min het tweede.',
      'Gebaseerd op 84 antwoorden. Daarom is de score niet precies: de echte score ligt waarschijnlijk tussen +5 en +40. Hoe meer antwoorden, hoe preciezer de score.',
    ]);
    expect(say('en', texts)).toEqual([
      'NPS +23',
      'Of every 100 clients, about 48 recommend you: they give a 9 or 10. About 25 are critical: they give a 0 to 6. The NPS is the first number minus the second.',
      'Based on 84 responses. So the score is not exact: the real score is probably between +5 and +40. The more responses, the more exact the score.',
    ]);
    // No statistics jargon left.
    for (const text of [...say('nl', texts), ...say('en', texts)]) {
      expect(text).not.toMatch(/betrouwbaarheidsinterval|confidence interval|95%|n = /);
    }
  });
  it('handles negative values and -0', () => {
    const texts = npsSentences({ n: 10, nps: -0.2, ci_low: -45.7, ci_high: 30, promoters: 3, detractors: 3 }, whole);
    expect(say('nl', texts)[0]).toBe('NPS 0');
    expect(say('nl', texts)[2]).toContain('tussen −46 en +30');
  });
  it('says there are no answers when n = 0', () => {
    const texts = npsSentences({ n: 0, nps: null, ci_low: null, ci_high: null, promoters: 0, detractors: 0 }, whole);
    expect(say('nl', texts)).toEqual(['Nog geen antwoorden in deze periode.']);
  });
  it('leaves the range out when the API has none', () => {
    const texts = npsSentences({ n: 1, nps: 100, ci_low: null, ci_high: null, promoters: 1, detractors: 0 }, whole);
    expect(say('nl', texts)).toEqual([
      'NPS +100',
      'Van elke 100 cliënten raden er ongeveer 100 jullie aan: ze geven een 9 of 10. Ongeveer 0 zijn kritisch: ze geven een 0 tot en met 6. De NPS is het eerste getal min het tweede.',
      'Gebaseerd op 1 antwoord.',
    ]);
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

describe('callback views (open, or closed with their outcome)', () => {
  it('reads the view from the URL, open by default', () => {
    expect(parseCallbackView(null)).toBe('active');
    expect(parseCallbackView('closed')).toBe('closed');
    expect(parseCallbackView('unreachable')).toBe('unreachable');
    expect(parseCallbackView('open')).toBe('active');
    expect(parseCallbackView('nonsense')).toBe('active');
  });
  it('asks the API for each outcome when all closed ones are wanted', () => {
    expect(callbackFilters('active')).toEqual(['active']);
    expect(callbackFilters('closed')).toEqual(['done', 'unreachable', 'not_needed']);
    expect(callbackFilters('not_needed')).toEqual(['not_needed']);
  });
  it('knows which callbacks belong in which view', () => {
    const c = (status: Callback['status']) => callback(1, '2026-11-24T10:00:00Z', status);
    expect(inCallbackView(c('called'), 'active')).toBe(true);
    expect(inCallbackView(c('done'), 'active')).toBe(false);
    expect(inCallbackView(c('done'), 'closed')).toBe(true);
    expect(inCallbackView(c('not_needed'), 'closed')).toBe(true);
    expect(inCallbackView(c('open'), 'closed')).toBe(false);
    expect(inCallbackView(c('unreachable'), 'done')).toBe(false);
    expect(inCallbackView(c('unreachable'), 'unreachable')).toBe(true);
  });
  it('keeps closed ones in the closed list, the most recently changed first, and drops a reopened one', () => {
    const closed = (id: number, updated: string, status: Callback['status'] = 'done') => ({
      ...callback(id, '2026-11-20T10:00:00Z', status),
      updated_at: updated,
    });
    let list = mergeCallback([], closed(1, '2026-11-21T10:00:00Z'), 'closed');
    list = mergeCallback(list, closed(2, '2026-11-22T10:00:00Z', 'unreachable'), 'closed');
    expect(list.map((c) => c.id)).toEqual([2, 1]);
    // A callback closed just now joins the closed list at the top.
    list = mergeCallback(list, closed(3, '2026-11-23T10:00:00Z', 'not_needed'), 'closed');
    expect(list.map((c) => c.id)).toEqual([3, 2, 1]);
    // Reopened: it leaves the closed list; in the list of one outcome only that outcome stays.
    expect(mergeCallback(list, closed(2, '2026-11-23T11:00:00Z', 'open'), 'closed').map((c) => c.id)).toEqual([3, 1]);
    expect(mergeCallback([closed(1, '2026-11-21T10:00:00Z')], closed(1, '2026-11-23T10:00:00Z', 'unreachable'), 'done')).toEqual([]);
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
