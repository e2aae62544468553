/** Pure helpers of the global search: the order of the groups and the flat list of options. */
import type { SearchGroup, SearchHit, SearchKind } from '../../api/types';

/**
 * Every kind the server knows, in the order it sends the groups (the order of its search sources).
 * The list keeps the order itself: groups are shown as they come, kinds without hits are left out.
 */
export const SEARCH_KINDS: readonly SearchKind[] = [
  'people',
  'organisations',
  'municipalities',
  'interactions',
  'agreements',
  'plans',
  'surveys',
  'responses',
  'scenarios',
  'scans',
  'services',
  'consortia',
  'knowledge',
  'council',
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

/** Drops empty groups (keeping the server's order) and numbers the options in reading order. */
export function toShownGroups(groups: readonly SearchGroup[], idPrefix: string): ShownGroup[] {
  let index = 0;
  return groups
    .filter((group) => Array.isArray(group.items) && group.items.length > 0)
    .map((group) => ({
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

/** A [start, end) range in UTF-16 code units, as JavaScript indexes strings. */
export type TextRange = [number, number];

/** A piece of a text, marked when the search words were found in it. */
export interface Segment {
  text: string;
  mark: boolean;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Moves an index that falls inside a surrogate pair (half an emoji) to the pair's start or end. */
function snap(text: string, index: number, direction: -1 | 1): number {
  if (index <= 0 || index >= text.length) return index;
  if (isLow(text.charCodeAt(index)) && isHigh(text.charCodeAt(index - 1))) return direction < 0 ? index - 1 : index + 1;
  return index;
}

/**
 * The usable ranges of `text`: whole numbers only, clipped to the text, not splitting an emoji,
 * sorted, overlapping and touching ranges merged, empty ones dropped. Anything else the server
 * might send (no array, strings, NaN, reversed pairs) is ignored rather than trusted.
 */
export function cleanRanges(text: string, ranges: unknown): TextRange[] {
  if (!Array.isArray(ranges)) return [];
  const clipped: TextRange[] = [];
  for (const range of ranges as unknown[]) {
    if (!Array.isArray(range) || range.length < 2) continue;
    const [from, to] = range as unknown[];
    if (typeof from !== 'number' || typeof to !== 'number' || !Number.isInteger(from) || !Number.isInteger(to)) continue;
    const start = snap(text, Math.max(0, Math.min(from, text.length)), -1);
    const end = snap(text, Math.max(0, Math.min(to, text.length)), 1);
    if (start < end) clipped.push([start, end]);
  }
  clipped.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: TextRange[] = [];
  for (const range of clipped) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** `text` cut into plain and marked pieces along `ranges` (see cleanRanges); no empty pieces. */
export function toSegments(text: string, ranges: unknown): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of cleanRanges(text, ranges)) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/** Characters kept before the first marked word when a snippet is shortened at its start. */
export const SNIPPET_LEAD = 30;

/**
 * Shortens a snippet at its start so that the first marked word shows within the first line or
 * two (the list cuts snippets off after two lines): when it starts after `lead` characters, the
 * text up to a word boundary before it becomes "…". The ranges move along.
 */
export function focusSnippet(
  text: string,
  ranges: unknown,
  lead: number = SNIPPET_LEAD,
): { text: string; ranges: TextRange[] } {
  const clean = cleanRanges(text, ranges);
  const first = clean[0];
  if (!first || first[0] <= lead) return { text, ranges: clean };
  let cut = first[0] - lead;
  // Start at the next word, if there is one before the marked word.
  const space = text.slice(cut, first[0]).search(/\s\S/u);
  if (space >= 0) cut += space + 1;
  cut = snap(text, cut, 1);
  const prefix = '… ';
  const shift = prefix.length - cut;
  return {
    text: prefix + text.slice(cut),
    ranges: clean.map(([start, end]) => [start + shift, end + shift] as TextRange),
  };
}

/** A text with its marked ranges. */
export interface MarkedText {
  text: string;
  ranges: TextRange[];
}

/** `value` put into the {name} hole of `template`, its ranges moved along ("Begrotingsjaar {year}"). */
export function fillTemplate(template: string, name: string, value: MarkedText): MarkedText {
  const hole = `{${name}}`;
  const at = template.indexOf(hole);
  if (at < 0) return { text: template, ranges: [] };
  return {
    text: template.slice(0, at) + value.text + template.slice(at + hole.length),
    ranges: value.ranges.map(([start, end]) => [start + at, end + at] as TextRange),
  };
}

/** A date as the server writes it in subtitles ("2026-05-12"). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
