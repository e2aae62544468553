import { describe, expect, it } from 'vitest';
import type { Knowledge, OwnKnowledgeItem } from '../../api/types';
import type { AdvisorAnswers } from './advisor';
import {
  changedSetting,
  collectionItemKey,
  filterOwnItems,
  generalKey,
  hasTarget,
  isHidden,
  noteOf,
  saveAdviceBody,
  settingsMap,
  strategyKey,
  withoutHidden,
} from './workspaceKnowledge';

const SOURCE = { id: 's', title: 'Bron', publisher: 'aantafel', year: 2026 };
const strategy = (id: string, name: string) => ({
  id,
  number: 1,
  name,
  meaning: '',
  advantage: '',
  disadvantage: '',
  fits_when: '',
  tips: [],
  small_provider: null,
  examples: [],
  source: SOURCE,
});
const KNOWLEDGE: Knowledge = {
  language: 'nl',
  strategies: [strategy('focus', 'Focus'), strategy('lobby', 'Lobby')],
  general: [{ id: 'combine', title: 'Combineer', text: '', source: SOURCE }],
  collections: [
    {
      id: 'tips',
      title: 'Tips',
      intro: '',
      source: SOURCE,
      items: [
        { id: 'a', title: 'A', text: '', source: SOURCE },
        { id: 'b', title: 'B', text: '', source: SOURCE },
      ],
    },
    { id: 'money', title: 'Geld', intro: '', source: SOURCE, items: [{ id: 'c', title: 'C', text: '', source: null }] },
  ],
};

describe('item keys', () => {
  it('names built-in items as the API expects', () => {
    expect(strategyKey('focus')).toBe('strategy:focus');
    expect(generalKey('combine')).toBe('general:combine');
    expect(collectionItemKey('tips', 'a')).toBe('collection:tips/a');
  });
});

describe('hiding items', () => {
  const settings = settingsMap([
    { item_key: 'strategy:lobby', hidden: true, note: '' },
    { item_key: 'general:combine', hidden: false, note: 'Doen we altijd.' },
    { item_key: 'collection:tips/b', hidden: true },
    { item_key: 'collection:money/c', hidden: true },
  ]);

  it('leaves hidden items out, and collections without items', () => {
    const shown = withoutHidden(KNOWLEDGE, settings, false);
    expect(shown.strategies.map((s) => s.id)).toEqual(['focus']);
    expect(shown.general.map((g) => g.id)).toEqual(['combine']);
    expect(shown.collections.map((c) => [c.id, c.items.map((i) => i.id)])).toEqual([['tips', ['a']]]);
  });

  it('shows everything when asked', () => {
    expect(withoutHidden(KNOWLEDGE, settings, true)).toBe(KNOWLEDGE);
  });

  it('reads the mark and the note', () => {
    expect(isHidden(settings, 'strategy:lobby')).toBe(true);
    expect(isHidden(settings, 'strategy:focus')).toBe(false);
    expect(noteOf(settings, 'general:combine')).toBe('Doen we altijd.');
    expect(noteOf(settings, 'strategy:focus')).toBe('');
  });

  it('keeps the note when hiding and the mark when changing the note', () => {
    expect(changedSetting(settings, 'general:combine', { hidden: true })).toEqual({
      item_key: 'general:combine',
      hidden: true,
      note: 'Doen we altijd.',
    });
    expect(changedSetting(settings, 'strategy:lobby', { note: '  Let op  ' })).toEqual({
      item_key: 'strategy:lobby',
      hidden: true,
      note: 'Let op',
    });
    expect(changedSetting(settings, 'strategy:focus', { note: '' })).toEqual({
      item_key: 'strategy:focus',
      hidden: false,
      note: '',
    });
  });
});

describe('own items in the search', () => {
  const items: OwnKnowledgeItem[] = [
    { id: 1, title: 'Ons netwerk', text: 'Wie we kennen.', source: 'Eigen ervaring', created_at: '2026-01-01T00:00:00Z' },
    { id: 2, title: 'Cliëntenraad', text: 'Praat mee.', source: '', created_at: '2026-01-01T00:00:00Z' },
  ];
  it('matches title, text and source, accents ignored', () => {
    expect(filterOwnItems(items, '').map((i) => i.id)).toEqual([1, 2]);
    expect(filterOwnItems(items, 'clienten').map((i) => i.id)).toEqual([2]);
    expect(filterOwnItems(items, 'ervaring netwerk').map((i) => i.id)).toEqual([1]);
    expect(filterOwnItems(items, 'xyz')).toEqual([]);
  });
});

describe('the body of POST /saved-advice', () => {
  const answers: AdvisorAnswers = {
    size: 'small',
    employees: '',
    planId: '',
    phase: 'change',
    level: 'alderman',
    goal: 'get_known',
    assets: ['expertise'],
  };

  it('sends the situation with the chosen plan, municipality and note', () => {
    expect(saveAdviceBody(answers, { planId: '3', organisationId: '7', note: ' Bespreken in teamoverleg ' })).toEqual({
      size: 'small',
      phase: 'change',
      level: 'alderman',
      goal: 'get_known',
      assets: ['expertise'],
      plan_id: 3,
      organisation_id: 7,
      note: 'Bespreken in teamoverleg',
    });
  });

  it('leaves out what is not chosen', () => {
    expect(saveAdviceBody(answers, { planId: '', organisationId: '7', note: '  ' })).toEqual({
      size: 'small',
      phase: 'change',
      level: 'alderman',
      goal: 'get_known',
      assets: ['expertise'],
      organisation_id: 7,
    });
  });

  it('keeps the plan of the answers', () => {
    const body = saveAdviceBody({ ...answers, planId: '4', phase: '' }, { planId: '4', organisationId: '', note: '' });
    expect(body.plan_id).toBe(4);
    expect(body.phase).toBeUndefined();
  });

  it('needs a plan or a municipality', () => {
    expect(hasTarget({ planId: '', organisationId: '', note: 'x' })).toBe(false);
    expect(hasTarget({ planId: '1', organisationId: '', note: '' })).toBe(true);
    expect(hasTarget({ planId: '', organisationId: '2', note: '' })).toBe(true);
  });
});
