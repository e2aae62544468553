import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../api/types';
import {
  adviceRequestBody,
  answersFromQuery,
  answersToQuery,
  checkAnswers,
  countKnowledge,
  emptyAnswers,
  filterKnowledge,
  isComplete,
  normaliseSearch,
  parseEmployees,
  queryString,
  reasonSign,
  scoreText,
  sourceParts,
  type AdvisorAnswers,
} from './advisor';

const SMALL_CHANGE: AdvisorAnswers = {
  size: 'count',
  employees: '12',
  planId: '',
  phase: 'change',
  level: 'alderman',
  goal: 'get_known',
  assets: ['clear_focus', 'consortium_partners'],
};

describe('answers ↔ URL query', () => {
  it('writes the answers in a stable order and leaves empty ones out', () => {
    expect(answersToQuery(SMALL_CHANGE).toString()).toBe(
      'employees=12&phase=change&level=alderman&goal=get_known&has=consortium_partners&has=clear_focus',
    );
    expect(answersToQuery(emptyAnswers()).toString()).toBe('');
    expect(queryString(emptyAnswers())).toBe('');
    expect(queryString({ ...emptyAnswers(), size: 'large', planId: '7' })).toBe('?size=large&plan=7');
  });

  it('reads back what it wrote', () => {
    const back = answersFromQuery(answersToQuery(SMALL_CHANGE));
    expect(back).toEqual({ ...SMALL_CHANGE, assets: ['consortium_partners', 'clear_focus'] });
    const withPlan: AdvisorAnswers = { ...emptyAnswers(), size: 'medium', planId: '42', level: 'policy_officer' };
    expect(answersFromQuery(answersToQuery(withPlan))).toEqual(withPlan);
  });

  it('drops unknown values from a hand-edited link', () => {
    const answers = answersFromQuery(
      new URLSearchParams('size=huge&phase=later&level=mayor&goal=x&has=money&has=expertise&plan=abc'),
    );
    expect(answers).toEqual({ ...emptyAnswers(), assets: ['expertise'] });
  });

  it('prefers a size category over a number of employees', () => {
    expect(answersFromQuery(new URLSearchParams('size=small&employees=400'))).toMatchObject({
      size: 'small',
      employees: '',
    });
    expect(answersFromQuery(new URLSearchParams('employees=400'))).toMatchObject({
      size: 'count',
      employees: '400',
    });
  });
});

describe('checking the answers', () => {
  it('asks for size, phase, level and goal', () => {
    expect(checkAnswers(emptyAnswers())).toEqual({
      size: 'advisor.error.size',
      phase: 'advisor.error.phase',
      level: 'advisor.error.level',
      goal: 'advisor.error.goal',
    });
    expect(isComplete(SMALL_CHANGE)).toBe(true);
  });

  it('leaves the phase to a chosen plan', () => {
    const answers = { ...SMALL_CHANGE, phase: '' as const };
    expect(checkAnswers(answers)).toEqual({ phase: 'advisor.error.phase' });
    expect(checkAnswers({ ...answers, planId: '3' })).toEqual({});
  });

  it('wants a whole number of employees', () => {
    expect(parseEmployees('12')).toBe(12);
    expect(parseEmployees(' 1.250 ')).toBe(1250);
    for (const bad of ['', '0', '-3', '2,5', 'twaalf', '1000001'])
      expect({ bad, value: parseEmployees(bad) }).toEqual({ bad, value: null });
    expect(checkAnswers({ ...SMALL_CHANGE, employees: 'veel' })).toEqual({ size: 'advisor.error.employees' });
  });
});

describe('request body', () => {
  it('sends employees instead of a size, and the assets in a fixed order', () => {
    expect(adviceRequestBody(SMALL_CHANGE)).toEqual({
      employees: 12,
      phase: 'change',
      level: 'alderman',
      goal: 'get_known',
      assets: ['consortium_partners', 'clear_focus'],
    });
  });

  it('sends a plan and leaves the phase out when the plan decides it', () => {
    expect(
      adviceRequestBody({ ...emptyAnswers(), size: 'large', planId: '9', level: 'council_member', goal: 'innovate' }),
    ).toEqual({ size: 'large', level: 'council_member', goal: 'innovate', assets: [], plan_id: 9 });
  });

  it('is the same whether the answers came from the form or from a shared link', () => {
    const link = `?${answersToQuery(SMALL_CHANGE).toString()}`;
    expect(adviceRequestBody(answersFromQuery(new URLSearchParams(link)))).toEqual(adviceRequestBody(SMALL_CHANGE));
  });
});

describe('reasons and scores', () => {
  it('shows a plus for a rule that raised a strategy and a minus sign for one that lowered it', () => {
    expect(reasonSign(3)).toEqual({ symbol: '+3', key: 'advisor.reason.raises', vars: { weight: 3 } });
    expect(reasonSign(-2)).toEqual({ symbol: '\u22122', key: 'advisor.reason.lowers', vars: { weight: 2 } });
  });

  it('writes scores with their sign', () => {
    expect(scoreText(4)).toBe('+4');
    expect(scoreText(0)).toBe('0');
    expect(scoreText(-2)).toBe('\u22122');
  });

  it('knows when a source has no year', () => {
    expect(sourceParts({ id: 'a', title: 'T', publisher: 'P', year: null })).toEqual({ title: 'T', publisher: 'P', year: null });
    expect(sourceParts({ id: 'a', title: 'T', publisher: 'P', year: 2022 })?.year).toBe(2022);
    expect(sourceParts(null)).toBeNull();
  });
});

const SOURCE = { id: 'invoorzorg', title: 'Op het juiste moment', publisher: 'In voor zorg!', year: null };
const KNOWLEDGE: Knowledge = {
  language: 'nl',
  strategies: [
    {
      id: 'focus',
      number: 1,
      name: 'Kies een duidelijke focus',
      meaning: 'Je kiest waar je om bekend wilt staan.',
      advantage: 'De gemeente ziet meteen waarvoor ze bij je terecht kan.',
      disadvantage: 'Je aanbod wordt smal.',
      fits_when: 'In de uitvoeringsfase.',
      tips: ['Schrijf in één zin op wat je doet.'],
      small_provider: null,
      examples: [],
      source: SOURCE,
    },
    {
      id: 'client_ambassadors',
      number: 8,
      name: 'Maak cliënten ambassadeur',
      meaning: 'Tevreden cliënten vertellen over je werk.',
      advantage: 'Geloofwaardig.',
      disadvantage: 'Lastig te organiseren.',
      fits_when: 'Altijd.',
      tips: [],
      small_provider: 'Als kleine aanbieder lukt dit vaak makkelijker.',
      examples: [],
      source: SOURCE,
    },
  ],
  general: [{ id: 'combine', title: 'Combineer strategieën', text: 'Gebruik er meer tegelijk.', source: SOURCE }],
  collections: [
    {
      id: 'relationship_tips',
      title: 'Vijf tips voor een goede band',
      intro: 'Uit de praktijk.',
      source: SOURCE,
      items: [
        { id: 'a', title: 'Weet wat er speelt', text: 'Leef je in de gemeente in.', source: SOURCE },
        { id: 'b', title: 'Maak een duidelijke boodschap', text: 'Leg uit wat je drijft.', source: SOURCE },
      ],
    },
    {
      id: 'financing',
      title: 'Bekostiging',
      intro: 'Hoe de gemeente betaalt.',
      source: { id: 'x', title: 'Uitvoeringsvarianten', publisher: 'aantafel', year: 2026 },
      items: [{ id: 'c', title: 'Taakgericht', text: 'Een vast budget.', source: null }],
    },
  ],
};

describe('searching the knowledge base', () => {
  it('keeps everything for an empty search', () => {
    expect(filterKnowledge(KNOWLEDGE, '   ')).toBe(KNOWLEDGE);
    expect(countKnowledge(KNOWLEDGE)).toBe(6);
  });

  it('ignores case and accents, and wants every word', () => {
    expect(normaliseSearch('  Cliënten   AMBASSADEUR ')).toBe('clienten ambassadeur');
    const found = filterKnowledge(KNOWLEDGE, 'clienten AMBASSADEUR');
    expect(found.strategies.map((s) => s.id)).toEqual(['client_ambassadors']);
    expect(countKnowledge(found)).toBe(1);
    expect(countKnowledge(filterKnowledge(KNOWLEDGE, 'ambassadeur bekostiging'))).toBe(0);
  });

  it('searches tips, small-provider notes, general advice and collection items', () => {
    expect(filterKnowledge(KNOWLEDGE, 'één zin').strategies.map((s) => s.id)).toEqual(['focus']);
    expect(filterKnowledge(KNOWLEDGE, 'kleine aanbieder').strategies.map((s) => s.id)).toEqual(['client_ambassadors']);
    expect(filterKnowledge(KNOWLEDGE, 'tegelijk').general.map((g) => g.id)).toEqual(['combine']);
    const drijft = filterKnowledge(KNOWLEDGE, 'drijft');
    expect(drijft.collections.map((c) => [c.id, c.items.map((i) => i.id)])).toEqual([['relationship_tips', ['b']]]);
    expect(drijft.strategies).toEqual([]);
  });

  it('keeps a whole collection when its title matches', () => {
    const found = filterKnowledge(KNOWLEDGE, 'vijf tips');
    expect(found.collections.map((c) => c.items.length)).toEqual([2]);
  });

  it('finds items by their source', () => {
    expect(countKnowledge(filterKnowledge(KNOWLEDGE, 'in voor zorg'))).toBe(5);
  });
});
