/**
 * Pure parts of the map of the workspace's municipalities: a class per municipality from its
 * relationship health (GET …/organisations/{id}/relationship-health) or from the plan windows of
 * the Beleidskalender (GET …/calendar/upcoming). No React, no network.
 */
import type { HealthStatus, UpcomingItem } from '../../api/types';
import { addDays } from '../overview/overview';

export type MapColouring = 'health' | 'windows';
export type HealthClass = HealthStatus | 'unknown';
export type WindowClass = 'open' | 'soon' | 'none';

/** A window that opens within this many days counts as "soon". */
export const SOON_DAYS = 90;
/** How far ahead the map asks the calendar (open windows close within a year or two). */
export const UPCOMING_DAYS = 730;

/** Map classes (tones): action needed is the worst; an open window is the chance to act. */
export const HEALTH_TONE = { action: 'bad', attention: 'warn', good: 'good', unknown: 'muted' } as const;
export const WINDOW_TONE = { open: 'good', soon: 'warn', none: 'muted' } as const;

export interface WindowOfMunicipality {
  state: WindowClass;
  /** The window that decides: the first to close when open, else the first to open. */
  window?: { label: string; from: string; to: string };
  plan?: string;
}

/**
 * Where the plan windows of one municipality stand on `today`: one open now, one opening within
 * SOON_DAYS days, or neither. Items are the calendar's upcoming list (windows and events).
 */
export function windowOfMunicipality(
  items: readonly UpcomingItem[],
  organisationId: number,
  today: string,
): WindowOfMunicipality {
  const windows = items.filter(
    (item): item is UpcomingItem & { window: NonNullable<UpcomingItem['window']> } =>
      item.kind === 'window' && item.organisation.id === organisationId && item.window !== undefined,
  );
  const open = windows
    .filter((w) => w.window.from <= today && today <= w.window.to)
    .sort((a, b) => a.window.to.localeCompare(b.window.to));
  const first = open[0];
  if (first) return { state: 'open', window: first.window, plan: first.plan?.title };
  const last = addDays(today, SOON_DAYS);
  const soon = windows
    .filter((w) => w.window.from > today && w.window.from <= last)
    .sort((a, b) => a.window.from.localeCompare(b.window.from));
  const next = soon[0];
  if (next) return { state: 'soon', window: next.window, plan: next.plan?.title };
  return { state: 'none' };
}

/** How many municipalities are in each class. */
export function countClasses<K extends string>(classes: readonly K[], all: readonly K[]): Record<K, number> {
  const counts = Object.fromEntries(all.map((k) => [k, 0])) as Record<K, number>;
  for (const c of classes) counts[c] += 1;
  return counts;
}
