/**
 * Keyboard use of a map (one Tab stop, like a toolbar or a grid): the arrow keys move between the
 * areas in the order of the list and the table (by name), Home and End go to the first and the
 * last; Enter and Space open the area. Pure, so it is tested without a browser.
 */

export type MapKeyAction = { kind: 'move'; index: number } | { kind: 'activate' } | null;

/** What a key does when area `index` of `count` has focus; null for keys the map leaves alone. */
export function mapKeyAction(key: string, index: number, count: number): MapKeyAction {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { kind: 'move', index: (index + 1) % count };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { kind: 'move', index: (index - 1 + count) % count };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: count - 1 };
    case 'Enter':
    case ' ':
    case 'Spacebar':
      return { kind: 'activate' };
    default:
      return null;
  }
}

/** Names in Dutch alphabetical order ("Wijk 2" before "Wijk 10"), then by code. */
export function byName<T extends { name: string; code: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'nl', { numeric: true }) || a.code.localeCompare(b.code);
}
