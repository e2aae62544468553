import { describe, expect, it } from 'vitest';
import { countOptions, isSearchShortcut, moveActive, optionAt, toShownGroups } from './search';
import { SEARCH_TEXTS } from './texts';

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(SEARCH_TEXTS.en).sort()).toEqual(Object.keys(SEARCH_TEXTS.nl).sort());
    for (const key of Object.keys(SEARCH_TEXTS.nl) as (keyof typeof SEARCH_TEXTS.nl)[])
      expect(holes(SEARCH_TEXTS.en[key]), key).toEqual(holes(SEARCH_TEXTS.nl[key]));
  });
});

describe('groups', () => {
  const groups = toShownGroups(
    [
      { kind: 'municipalities', items: [{ id: 'GM0344', title: 'Utrecht', subtitle: '', link: 'x' }] },
      { kind: 'plans', items: [] },
      {
        kind: 'people',
        items: [
          { id: 1, title: 'Anna', subtitle: '', link: 'people/1' },
          { id: 2, title: 'Bram', subtitle: '', link: 'people/2' },
        ],
      },
    ],
    'p',
  );
  it('sorts by kind, drops empty groups and numbers options in reading order', () => {
    expect(groups.map((g) => g.kind)).toEqual(['people', 'municipalities']);
    expect(countOptions(groups)).toBe(3);
    expect(optionAt(groups, 2)?.title).toBe('Utrecht');
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
