/** Pure helpers of the global search: the order of the groups and the flat list of options. */
import type { SearchGroup, SearchHit, SearchKind } from '../../api/types';

/** The order in which groups are shown (the server leaves out kinds without hits). */
export const SEARCH_KINDS: readonly SearchKind[] = [
  'people',
  'organisations',
  'municipalities',
  'plans',
  'agreements',
  'scans',
  'services',
  'knowledge',
];

/** Least characters the server searches for. */
export const MIN_QUERY = 2;

/** How long to wait after the last key before searching. */
export const DEBOUNCE_MS = 250;

export interface SearchOption extends SearchHit {
  kind: SearchKind;
  /** Position in the flat list: what the arrow keys move through. */
  index: number;
  /** Unique DOM id for aria-activedescendant. */
  domId: string;
}

export interface ShownGroup {
  kind: SearchKind;
  options: SearchOption[];
}

/** Sorts the groups, drops empty ones and numbers the options in reading order. */
export function toShownGroups(groups: readonly SearchGroup[], idPrefix: string): ShownGroup[] {
  const sorted = [...groups]
    .filter((group) => group.items.length > 0)
    .sort((a, b) => SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind));
  let index = 0;
  return sorted.map((group) => ({
    kind: group.kind,
    options: group.items.map((item) => {
      const option = { ...item, kind: group.kind, index, domId: `${idPrefix}-option-${index}` };
      index += 1;
      return option;
    }),
  }));
}

export function countOptions(groups: readonly ShownGroup[]): number {
  return groups.reduce((sum, group) => sum + group.options.length, 0);
}

/** The option at flat position `index`. */
export function optionAt(groups: readonly ShownGroup[], index: number): SearchOption | undefined {
  for (const group of groups) {
    const found = group.options.find((option) => option.index === index);
    if (found) return found;
  }
  return undefined;
}

/** Next active position for ArrowDown/ArrowUp/Home/End; -1 means "none" (focus stays in the box). */
export function moveActive(
  current: number,
  count: number,
  key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End',
): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}

/** Whether a key press should open the search: "/" outside a text field, or Ctrl+K / ⌘K anywhere. */
export function isSearchShortcut(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
  return !isEditable(event.target);
}

function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (element as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color', 'image'].includes(type);
}
