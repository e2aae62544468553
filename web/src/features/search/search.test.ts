import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../api/types';
import {
  SEARCH_KINDS,
  cleanRanges,
  countOptions,
  fillTemplate,
  focusSnippet,
  isSearchShortcut,
  moveActive,
  optionAt,
  toSegments,
  toShownGroups,
} from './search';
import { SEARCH_TEXTS, searchText } from './texts';

const hit = (id: number | string, title: string, link = 'x'): SearchHit => ({
  id,
  title,
  subtitle: '',
  snippet: '',
  link,
  highlights: { title: [], subtitle: [], snippet: [] },
});

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(SEARCH_TEXTS.en).sort()).toEqual(Object.keys(SEARCH_TEXTS.nl).sort());
    for (const key of Object.keys(SEARCH_TEXTS.nl) as (keyof typeof SEARCH_TEXTS.nl)[])
      expect(holes(SEARCH_TEXTS.en[key]), key).toEqual(holes(SEARCH_TEXTS.nl[key]));
  });

  it('names every kind the server sends, with the glossary words', () => {
    expect(SEARCH_KINDS.map((kind) => searchText('nl', `kind.${kind}`))).toEqual([
      'Mensen',
      'Organisaties',
      'Gemeenten',
      'Contacten',
      'Afspraken',
      'Plannen',
      'Vragenlijsten',
      'Reacties van cliënten',
      'Scenario’s (Bekostiging)',
      'Samenwerkingsscans',
      'Voorzieningen',
      'Consortia',
      'Kennisbank',
      'Raad',
    ]);
    expect(SEARCH_KINDS.map((kind) => searchText('en', `kind.${kind}`))).toEqual([
      'People',
      'Organisations',
      'Municipalities',
      'Interactions',
      'Agreements',
      'Plans',
      'Surveys',
      'Client responses',
      'Scenarios (Financing)',
      'Partnership scans',
      'Services',
      'Consortia',
      'Knowledge base',
      'Council',
    ]);
  });

  it('no longer asks to check the spelling when nothing is found, but says what is searched', () => {
    expect(searchText('nl', 'noneHint')).not.toMatch(/spel/i);
    expect(searchText('nl', 'noneHint')).toMatch(/notities van contacten/);
    expect(searchText('en', 'noneHint')).toMatch(/notes of interactions/);
  });
});

describe('groups', () => {
  const groups = toShownGroups(
    [
      { kind: 'interactions', items: [hit(7, 'Werkbezoek', 'interactions/7')] },
      { kind: 'plans', items: [] },
      { kind: 'people', items: [hit(1, 'Anna', 'people/1'), hit(2, 'Bram', 'people/2')] },
      { kind: 'municipalities', items: [hit('GM0344', 'Utrecht')] },
    ],
    'p',
  );
  it("keeps the server's order, drops empty groups and numbers options in reading order", () => {
    expect(groups.map((g) => g.kind)).toEqual(['interactions', 'people', 'municipalities']);
    expect(countOptions(groups)).toBe(4);
    expect(optionAt(groups, 3)?.title).toBe('Utrecht');
    expect(optionAt(groups, 1)?.title).toBe('Anna');
    expect(optionAt(groups, 0)?.domId).toBe('p-option-0');
  });
  it('moves through the options and wraps around', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});

describe('shortcut', () => {
  const key = (k: string, target: EventTarget | null, extra: Partial<{ ctrlKey: boolean; metaKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target,
    ...extra,
  });
  it('opens on "/" outside text fields and on Ctrl+K anywhere', () => {
    const input = document.createElement('input');
    const button = document.createElement('button');
    expect(isSearchShortcut(key('/', document.body))).toBe(true);
    expect(isSearchShortcut(key('/', button))).toBe(true);
    expect(isSearchShortcut(key('/', input))).toBe(false);
    expect(isSearchShortcut(key('k', input, { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('k', document.body))).toBe(false);
  });
});

describe('marked words', () => {
  const marked = (text: string, ranges: unknown) =>
    toSegments(text, ranges)
      .map((s) => (s.mark ? `[${s.text}]` : s.text))
      .join('');

  it('marks the ranges of a text', () => {
    expect(marked('Overleg met de wijkverpleging', [[15, 29]])).toBe('Overleg met de [wijkverpleging]');
    expect(marked('wachtlijst en huisarts', [[0, 10], [14, 22]])).toBe('[wachtlijst] en [huisarts]');
    expect(marked('Utrecht', [[0, 7]])).toEqual('[Utrecht]');
    expect(toSegments('Utrecht', [[0, 7]])).toEqual([{ text: 'Utrecht', mark: true }]);
    expect(marked('geen treffer', [])).toBe('geen treffer');
    expect(toSegments('', [[0, 3]])).toEqual([]);
  });

  it('counts in UTF-16 code units, as the server does, and never splits an emoji', () => {
    // "🙂" is two code units: "voorstel" starts at 3.
    const text = '🙂 voorstel 👩🏽‍⚕️ zorg';
    expect(text.indexOf('voorstel')).toBe(3);
    expect(marked(text, [[3, 11]])).toBe('🙂 [voorstel] 👩🏽‍⚕️ zorg');
    expect(marked(text, [[text.indexOf('zorg'), text.length]])).toBe('🙂 voorstel 👩🏽‍⚕️ [zorg]');
    // A range that ends or starts half-way an emoji takes the whole emoji.
    expect(marked('a🙂b', [[0, 2]])).toBe('[a🙂]b');
    expect(marked('a🙂b', [[2, 4]])).toBe('a[🙂b]');
    expect(marked('é café', [[2, 6]])).toBe('é [café]');
  });

  it('ignores bad ranges and clips the ones that run off the text', () => {
    expect(marked('Utrecht', [[3, 100]])).toBe('Utr[echt]');
    expect(marked('Utrecht', [[-5, 2]])).toBe('[Ut]recht');
    expect(marked('Utrecht', [[10, 20]])).toBe('Utrecht');
    expect(marked('Utrecht', [[5, 2]])).toBe('Utrecht');
    expect(marked('Utrecht', [[2, 2]])).toBe('Utrecht');
    expect(marked('Utrecht', [[1.5, 3]])).toBe('Utrecht');
    expect(marked('Utrecht', [[Number.NaN, 3]])).toBe('Utrecht');
    expect(marked('Utrecht', [['0', '3']])).toBe('Utrecht');
    expect(marked('Utrecht', [[1]])).toBe('Utrecht');
    expect(marked('Utrecht', [null, 5, 'x'])).toBe('Utrecht');
    expect(marked('Utrecht', null)).toBe('Utrecht');
    expect(marked('Utrecht', undefined)).toBe('Utrecht');
    expect(marked('Utrecht', { 0: [0, 3] })).toBe('Utrecht');
  });

  it('sorts and merges overlapping and touching ranges', () => {
    expect(cleanRanges('abcdefghij', [[6, 8], [0, 3], [2, 5], [5, 6]])).toEqual([[0, 8]]);
    expect(marked('abcdefghij', [[8, 9], [0, 1], [0, 2]])).toBe('[ab]cdefgh[i]j');
  });
});

describe('snippets', () => {
  const notes =
    '… in 2027, met extra geld voor respijtzorg en een nieuw steunpunt bij het buurthuis. Afgesproken dat we in juni terugkomen met een voorstel 🙂 voor de kosten.';
  const at = notes.indexOf('voorstel');

  it('keeps a snippet whose first marked word comes early', () => {
    expect(focusSnippet('We spraken over de wachtlijst.', [[19, 29]])).toEqual({
      text: 'We spraken over de wachtlijst.',
      ranges: [[19, 29]],
    });
  });

  it('shortens a snippet at a word boundary so that the marked word shows, ranges moved along', () => {
    const focused = focusSnippet(notes, [[at, at + 8]]);
    expect(focused.text.startsWith('… ')).toBe(true);
    expect(focused.text.endsWith('voorstel 🙂 voor de kosten.')).toBe(true);
    const [[start, end]] = focused.ranges as [[number, number]];
    expect(focused.text.slice(start, end)).toBe('voorstel');
    expect(start).toBeLessThanOrEqual(32);
    // It starts with a whole word.
    expect(notes).toContain(focused.text.slice(2));
    expect(notes.charAt(notes.indexOf(focused.text.slice(2)) - 1)).toBe(' ');
  });

  it('shortens without a word boundary, and never half-way an emoji', () => {
    const text = `${'🙂'.repeat(40)}zorg`;
    const focused = focusSnippet(text, [[80, 84]]);
    const [[start, end]] = focused.ranges as [[number, number]];
    expect(focused.text.slice(start, end)).toBe('zorg');
    expect(focused.text.slice(2, 4)).toBe('🙂');
  });

  it('drops bad ranges', () => {
    expect(focusSnippet('kort', [[9, 12]])).toEqual({ text: 'kort', ranges: [] });
  });
});

describe('templates', () => {
  it('moves the ranges of the value into the sentence', () => {
    expect(fillTemplate('Begrotingsjaar {year}', 'year', { text: '2028', ranges: [[0, 4]] })).toEqual({
      text: 'Begrotingsjaar 2028',
      ranges: [[15, 19]],
    });
    expect(fillTemplate('Due by {date}', 'nope', { text: 'x', ranges: [[0, 1]] })).toEqual({ text: 'Due by {date}', ranges: [] });
  });
});
