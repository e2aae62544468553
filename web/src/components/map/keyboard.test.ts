import { describe, expect, it } from 'vitest';
import { byName, mapKeyAction } from './keyboard';

describe('mapKeyAction', () => {
  it('moves to the next and previous area with the arrow keys, round the ends', () => {
    expect(mapKeyAction('ArrowRight', 0, 3)).toEqual({ kind: 'move', index: 1 });
    expect(mapKeyAction('ArrowDown', 2, 3)).toEqual({ kind: 'move', index: 0 });
    expect(mapKeyAction('ArrowLeft', 0, 3)).toEqual({ kind: 'move', index: 2 });
    expect(mapKeyAction('ArrowUp', 2, 3)).toEqual({ kind: 'move', index: 1 });
  });

  it('goes to the first and last area with Home and End', () => {
    expect(mapKeyAction('Home', 2, 3)).toEqual({ kind: 'move', index: 0 });
    expect(mapKeyAction('End', 0, 3)).toEqual({ kind: 'move', index: 2 });
  });

  it('opens the area with Enter and Space, and leaves Tab and letters alone', () => {
    expect(mapKeyAction('Enter', 1, 3)).toEqual({ kind: 'activate' });
    expect(mapKeyAction(' ', 1, 3)).toEqual({ kind: 'activate' });
    expect(mapKeyAction('Tab', 1, 3)).toBeNull();
    expect(mapKeyAction('a', 1, 3)).toBeNull();
    expect(mapKeyAction('ArrowRight', 0, 0)).toBeNull();
  });

  it('orders names as people read them: numbers by value', () => {
    const names = ['Wijk 10 Binnenstad', 'Wijk 2 Oost', 'Assendorp'].map((name, i) => ({ name, code: String(i) }));
    expect(names.sort(byName).map((n) => n.name)).toEqual(['Assendorp', 'Wijk 2 Oost', 'Wijk 10 Binnenstad']);
  });
});
