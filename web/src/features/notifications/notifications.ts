/**
 * Pure helpers of "Meldingen" (the notification list in the header): which "Nu doen" items the
 * person has not seen yet, and where that is remembered.
 *
 * Deliberate client-side choice: "seen" is kept in the browser's localStorage, per user and
 * workspace, not on the server. It is a convenience for the badge only (nothing is lost when it
 * is cleared: the items come back as "new"), it needs no API or migration, and it never leaves the
 * device. The cost: another browser or device shows the items as new again. If people ask for
 * "seen" to follow them across devices, move this set to the server (a small table next to the
 * hidden overview items).
 */
import type { OverviewItem } from '../../api/types';

/** How often the list refreshes while the tab is visible. */
export const REFRESH_MS = 5 * 60 * 1000;

/** Keep the stored set small: the overview never has more items than this. */
const MAX_KEYS = 500;

/** The localStorage key of the seen set of one user in one workspace. */
export function seenStorageKey(userId: number, slug: string): string {
  return `aantafel.notifications.seen.${userId}.${slug}`;
}

/** The item keys the person saw when they last opened the list (empty when unknown). */
export function readSeen(storage: Pick<Storage, 'getItem'> | undefined, key: string): ReadonlySet<string> {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return new Set();
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? new Set(parsed.filter((k): k is string => typeof k === 'string')) : new Set();
  } catch {
    return new Set(); // unreadable or blocked storage: everything counts as new
  }
}

/** Remembers the keys of the items on screen now as seen (replacing the old set). */
export function writeSeen(storage: Pick<Storage, 'setItem'> | undefined, key: string, keys: readonly string[]): void {
  try {
    storage?.setItem(key, JSON.stringify(keys.slice(0, MAX_KEYS)));
  } catch {
    // Storage full or blocked (private mode): the badge simply shows the items again next time.
  }
}

/** The items whose key is not in the seen set. */
export function unseenItems(items: readonly OverviewItem[], seen: ReadonlySet<string>): OverviewItem[] {
  return items.filter((item) => !seen.has(item.key));
}
