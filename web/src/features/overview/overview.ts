/**
 * Pure helpers of the home page "Overzicht": dates for "Later", the NPS trend, whether a
 * workspace has anything to show, and the onboarding steps. No React, no network.
 */
import type { CallbackStatus, CallbackUpdate, Overview, OverviewFigures, OverviewItem, OverviewNps } from '../../api/types';

/** 'YYYY-MM-DD' plus `days` days, as 'YYYY-MM-DD' (calendar days, no time zone surprises). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/** A 'YYYY-MM-DD' day as a local Date at noon (safe to format in any time zone). */
export function localDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

export type SnoozeChoice = 'tomorrow' | 'nextWeek';

/** The day an item comes back when snoozed: tomorrow, or the same weekday next week. */
export function snoozeUntil(today: string, choice: SnoozeChoice): string {
  return addDays(today, choice === 'tomorrow' ? 1 : 7);
}

/** Bounds of "pick a date": from tomorrow to a year from today (what the server accepts). */
export function snoozeBounds(today: string): { min: string; max: string } {
  return { min: addDays(today, 1), max: addDays(today, 365) };
}

/** Whether a picked day is a valid snooze day. */
export function isValidSnoozeDay(today: string, day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const { min, max } = snoozeBounds(today);
  return day >= min && day <= max;
}

/** An NPS with its sign, rounded: "+16", "−5", "0". */
export function signed(value: number): string {
  const rounded = Math.round(value);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${Math.abs(rounded)}`;
  return '0';
}

/**
 * Of every 100 answers, about how many are promoters (9–10) and detractors (0–6), so that the first
 * minus the second is the NPS as shown (rounded). Rounding both shares on their own can be one off
 * ("49 min 32" for an NPS of 16); then the detractors take the difference, which stays within one of
 * their own share.
 */
export function npsShares(
  group: { n: number; promoters: number; detractors: number; nps: number },
): { promoters: number; detractors: number } {
  if (group.n <= 0) return { promoters: 0, detractors: 0 };
  const promoters = Math.round((group.promoters * 100) / group.n);
  const own = Math.round((group.detractors * 100) / group.n);
  const derived = promoters - Math.round(group.nps);
  return { promoters, detractors: Math.abs(derived - own) <= 1 && derived >= 0 ? derived : own };
}

export type NpsState =
  | { kind: 'none' }
  | { kind: 'few'; n: number }
  | {
      kind: 'score';
      n: number;
      nps: number;
      low: number | null;
      high: number | null;
      /** Of every 100 answers, about this many promoters (9–10) and detractors (0–6). */
      promoters: number;
      detractors: number;
    };

/**
 * What to show for one NPS figure: nothing, "too few answers" or the score. Whether there are
 * enough answers is the server's call (`enough`, the same rule as Cliëntfeedback).
 */
export function npsState(nps: OverviewNps | undefined): NpsState {
  if (!nps || nps.n === 0) return { kind: 'none' };
  if (!nps.enough || nps.nps === null) return { kind: 'few', n: nps.n };
  return {
    kind: 'score',
    n: nps.n,
    nps: nps.nps,
    low: nps.ci_low,
    high: nps.ci_high,
    ...npsShares({ n: nps.n, promoters: nps.promoters, detractors: nps.detractors, nps: nps.nps }),
  };
}

export type Trend = { direction: 'up' | 'down' | 'same'; delta: number } | null;

/** The change against the 30 days before, in whole points; null when one of both is unreliable. */
export function npsTrend(current: OverviewNps | undefined, previous: OverviewNps | undefined): Trend {
  const now = npsState(current);
  const before = npsState(previous);
  if (now.kind !== 'score' || before.kind !== 'score') return null;
  const delta = Math.round(now.nps) - Math.round(before.nps);
  return { direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same', delta };
}

/** Whether any key figure has something to say. */
export function hasFigures(figures: OverviewFigures): boolean {
  return (
    (figures.nps_last_30_days?.n ?? 0) > 0 ||
    (figures.nps_previous_30_days?.n ?? 0) > 0 ||
    figures.open_callbacks > 0 ||
    figures.overdue_callbacks > 0 ||
    figures.open_agreements > 0 ||
    figures.overdue_agreements > 0 ||
    figures.cycle_events_next_30_days > 0
  );
}

/** A new workspace: nothing to do and no figures. Then the page shows "Eerste stappen". */
export function isEmptyOverview(overview: Overview): boolean {
  return overview.items.length === 0 && !hasFigures(overview.figures);
}

export type OnboardingStep = 'municipalities' | 'people' | 'plan' | 'survey';

/** The first steps in order, with where each is done (app path below /w/{slug}/). */
export const ONBOARDING_STEPS: readonly { step: OnboardingStep; link: string }[] = [
  { step: 'municipalities', link: 'people/organisations' },
  { step: 'people', link: 'people/import' },
  { step: 'plan', link: 'policy-calendar/plans/new' },
  { step: 'survey', link: 'feedback/surveys' },
];

/** Which first steps are done, from a few cheap counts. */
export function doneSteps(counts: {
  municipalities: number;
  people: number;
  plans: number;
  surveys: number;
}): Record<OnboardingStep, boolean> {
  return {
    municipalities: counts.municipalities > 0,
    people: counts.people > 0,
    plan: counts.plans > 0,
    survey: counts.surveys > 0,
  };
}

/** The app path of an item link (below /w/{slug}/). */
export function appLink(slug: string, link: string): string {
  return `/w/${encodeURIComponent(slug)}/${link.replace(/^\/+/, '')}`;
}

/** After removing the item at `index` from a list that had `length` items: which one gets focus. */
export function focusAfterRemoval(index: number, length: number): number | null {
  if (length <= 1) return null;
  return index < length - 1 ? index : index - 1;
}

/** The outcomes a callback can be closed with from the overview, in the order they are offered. */
export const CALLBACK_OUTCOMES = ['done', 'unreachable', 'not_needed'] as const satisfies readonly CallbackStatus[];
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/**
 * Whether an item is an open callback that can be closed ("Afronden") from the overview: a
 * feedback item about a callback, with the id of that callback. Other items can only be hidden.
 */
export function isClosableCallback(item: Pick<OverviewItem, 'module' | 'reason' | 'record_id'>): boolean {
  return (
    item.module === 'feedback' &&
    (item.reason === 'callback_open' || item.reason === 'callback_overdue') &&
    typeof item.record_id === 'number'
  );
}

/** The PATCH body that closes a callback with an outcome; an empty note keeps the outcome text as it is. */
export function closeCallbackBody(outcome: CallbackOutcome, note: string): CallbackUpdate {
  const text = note.trim();
  return text ? { status: outcome, outcome: text } : { status: outcome };
}
