import { describe, expect, it } from 'vitest';
import type { OverviewItem } from '../../api/types';
import { readSeen, seenStorageKey, unseenItems, writeSeen } from './notifications';
import { NOTIFICATIONS_TEXTS } from './texts';

const item = (key: string): OverviewItem => ({
  key,
  record_id: null,
  module: 'relations',
  reason: 'due_soon',
  title: key,
  explain: '',
  due: null,
  link: 'interactions',
  mine: false,
  urgency: 1,
});

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('unseen items', () => {
  it('counts the items whose key was not in the list when it was last opened', () => {
    const items = [item('a'), item('b'), item('c')];
    expect(unseenItems(items, new Set()).map((i) => i.key)).toEqual(['a', 'b', 'c']);
    expect(unseenItems(items, new Set(['a', 'c', 'gone'])).map((i) => i.key)).toEqual(['b']);
    expect(unseenItems([], new Set(['a']))).toEqual([]);
  });

  it('keeps the seen set per user and workspace', () => {
    const storage = memoryStorage();
    writeSeen(storage, seenStorageKey(1, 'demo'), ['a', 'b']);
    expect([...readSeen(storage, seenStorageKey(1, 'demo'))]).toEqual(['a', 'b']);
    expect(readSeen(storage, seenStorageKey(2, 'demo')).size).toBe(0);
    expect(readSeen(storage, seenStorageKey(1, 'other')).size).toBe(0);
    // Opening again replaces the set: items that left the list are forgotten.
    writeSeen(storage, seenStorageKey(1, 'demo'), ['b', 'c']);
    expect([...readSeen(storage, seenStorageKey(1, 'demo'))]).toEqual(['b', 'c']);
  });

  it('treats unreadable or blocked storage as "nothing seen" and never throws', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    expect(readSeen(storage, 'k').size).toBe(0);
    storage.setItem('k', '{"a":1}');
    expect(readSeen(storage, 'k').size).toBe(0);
    storage.setItem('k', '["a",3]');
    expect([...readSeen(storage, 'k')]).toEqual(['a']);
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readSeen(blocked, 'k').size).toBe(0);
    expect(() => writeSeen(blocked, 'k', ['a'])).not.toThrow();
    expect(readSeen(undefined, 'k').size).toBe(0);
  });
});

describe('texts', () => {
  it('has the same keys and placeholders in Dutch and English', () => {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(Object.keys(NOTIFICATIONS_TEXTS.en).sort()).toEqual(Object.keys(NOTIFICATIONS_TEXTS.nl).sort());
    for (const key of Object.keys(NOTIFICATIONS_TEXTS.nl) as (keyof typeof NOTIFICATIONS_TEXTS.nl)[])
      expect(holes(NOTIFICATIONS_TEXTS.en[key]), key).toEqual(holes(NOTIFICATIONS_TEXTS.nl[key]));
  });
});
