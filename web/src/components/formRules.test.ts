import { describe, expect, it } from 'vitest';
import { translatedProblems } from './formErrors';
import { idParam } from './idParam';
import { toggleValue } from './toggleValue';

describe('idParam', () => {
  it('takes a positive whole number of at most 16 digits, and nothing else', () => {
    expect(idParam('12')).toBe(12);
    expect(idParam('1234567890123456')).toBe(1234567890123456);
    for (const bad of [undefined, null, '', '0', '012', '-3', '1.5', '1e3', ' 7', '12345678901234567', 'abc']) {
      expect(idParam(bad)).toBeNull();
    }
  });
});

describe('toggleValue', () => {
  it('adds a ticked value last and takes an unticked one out', () => {
    expect(toggleValue([1, 2], 3, true)).toEqual([1, 2, 3]);
    expect(toggleValue([3, 1, 2], 3, true)).toEqual([1, 2, 3]);
    expect(toggleValue([1, 2], 1, false)).toEqual([2]);
    expect(toggleValue(['a'], 'b', false)).toEqual(['a']);
  });
});

describe('translatedProblems', () => {
  it('turns message keys into messages and leaves out fields without a problem', () => {
    const messages = { 'error.title': 'Vul een titel in.', 'error.date': 'Kies een datum.' } as const;
    expect(
      translatedProblems({ title: 'error.title', due_on: undefined, date: 'error.date' }, (key) => messages[key]),
    ).toEqual({ title: 'Vul een titel in.', date: 'Kies een datum.' });
  });
});
