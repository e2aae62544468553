/**
 * The logic of the Beleidskalender pages, without React: grouping, labels, form ↔ request body,
 * the feed URL. Tested in calendar.test.ts.
 */
import type {
  CycleEvent,
  CycleYear,
  Plan,
  PlanCreate,
  PlanSchedule,
  PlanStatus,
  PlanTiming,
  PolicyPhase,
  UpcomingItem,
} from '../../api/types';
import type { TimelineRow } from '../../components/Chart';
import type { Language, MessageKey, MessageVars } from '../../i18n/i18n';

/** The choices for the "Nu doen" period, in days. */
export const UPCOMING_DAYS = [30, 90, 180] as const;
export const DEFAULT_UPCOMING_DAYS = 90;

/** ?days=… to one of the choices (anything else: the default). */
export function parseUpcomingDays(value: string | null): number {
  const days = Number(value);
  return (UPCOMING_DAYS as readonly number[]).includes(days) ? days : DEFAULT_UPCOMING_DAYS;
}

export interface MonthGroup<T> {
  /** YYYY-MM. */
  month: string;
  items: T[];
}

/** Items by calendar month of their `date` (YYYY-MM-DD), months in date order, items too. */
export function groupByMonth<T extends { date: string }>(items: readonly T[]): MonthGroup<T>[] {
  const sorted = [...items].sort((a, b) => a.date.localeCompare(b.date));
  const groups: MonthGroup<T>[] = [];
  for (const item of sorted) {
    const month = item.date.slice(0, 7);
    const last = groups[groups.length - 1];
    if (last && last.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}

/** "december 2026" (nl) / "December 2026" (en) for a YYYY-MM month. */
export function monthLabel(language: Language, month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 15));
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A YYYY-MM-DD day as a Date at noon UTC, so formatting in Amsterdam keeps the same day. */
export function dayDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export type Tone = 'ok' | 'warning' | 'muted';

export interface TimingText {
  key: MessageKey;
  vars: MessageVars;
  tone: Tone;
}

/** The short badge for a plan's timing in one municipality: "op tijd", "te laat → 2029", … */
export function timingBadge(schedule: Pick<PlanSchedule, 'timing' | 'earliest_feasible_year'>): TimingText {
  switch (schedule.timing) {
    case 'on_time':
      return { key: 'calendar.timing.on_time', vars: {}, tone: 'ok' };
    case 'late':
      return { key: 'calendar.timing.late', vars: {}, tone: 'warning' };
    case 'fallback_only':
      return { key: 'calendar.timing.fallback_only', vars: {}, tone: 'warning' };
    case 'too_late':
      return schedule.earliest_feasible_year === null
        ? { key: 'calendar.timing.too_late', vars: {}, tone: 'warning' }
        : {
            key: 'calendar.timing.too_late_earliest',
            vars: { year: schedule.earliest_feasible_year },
            tone: 'warning',
          };
  }
}

/** The sentence that explains the badge on the plan page. */
export function timingExplanation(
  schedule: Pick<PlanSchedule, 'timing' | 'earliest_feasible_year' | 'budget_year'>,
): { key: MessageKey; vars: MessageVars } {
  const key: Record<PlanTiming, MessageKey> = {
    on_time: 'calendar.timingExplain.on_time',
    late: 'calendar.timingExplain.late',
    fallback_only: 'calendar.timingExplain.fallback_only',
    too_late: 'calendar.timingExplain.too_late',
  };
  return {
    key: key[schedule.timing],
    vars: {
      year: schedule.budget_year,
      earliest: schedule.earliest_feasible_year ?? schedule.budget_year + 1,
    },
  };
}

/** A plan's windows in one municipality as timeline rows, in date order (the chart and its table). */
export function timelineRows(schedule: Pick<PlanSchedule, 'windows'>): TimelineRow[] {
  return [...schedule.windows]
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
    .map((window) => ({
      id: window.id,
      label: window.label,
      from: window.from,
      to: window.to,
      details: [window.explain],
    }));
}

/** Where a window stands on `today`: still to come, open now, or over. */
export function windowState(window: { from: string; to: string }, today: string): 'future' | 'open' | 'past' {
  if (today < window.from) return 'future';
  if (today > window.to) return 'past';
  return 'open';
}

export function planStatusLabel(status: PlanStatus): MessageKey {
  return `planStatus.${status}`;
}

export function policyPhaseLabel(phase: PolicyPhase): MessageKey {
  return `policyPhase.${phase}`;
}

export function basisLabel(basis: CycleEvent['basis']): MessageKey {
  return basis === 'legal' ? 'calendar.basis.legal' : 'calendar.basis.typical';
}

/**
 * The budget year a new plan proposes: the earliest year that is not too late. The budget for
 * year Y is decided in year Y − 1 (kadernota in spring, begroting in autumn); like the server's
 * `earliest_feasible_year`, a year is feasible while its kadernota vote is still ahead. So next
 * year while this year's kadernota vote is ahead in every municipality, else the year after.
 * `kadernotaVotes` are this year's vote days (YYYY-MM-DD), one per municipality; none known: next year.
 */
export function proposedBudgetYear(today: string, kadernotaVotes: readonly string[]): number {
  const thisYear = Number(today.slice(0, 4));
  return kadernotaVotes.every((vote) => today < vote) ? thisYear + 1 : thisYear + 2;
}

/** The kadernota vote day of a municipality's cycle year, if the cycle has one. */
export function kadernotaVote(cycle: Pick<CycleYear, 'events'>): string | null {
  return cycle.events.find((event) => event.id === 'kadernota_vote')?.date ?? null;
}

/**
 * The one-click fix for a plan that is too late: the budget year that is feasible in all of its
 * municipalities (the latest of their earliest feasible years), or null when no schedule is too
 * late or the server gave no feasible year.
 */
export function feasibleYearFix(
  budgetYear: number,
  schedules: readonly Pick<PlanSchedule, 'timing' | 'earliest_feasible_year'>[],
): number | null {
  const late = schedules.filter((s) => s.timing === 'too_late');
  if (late.length === 0) return null;
  const years = late.map((s) => s.earliest_feasible_year);
  if (years.some((year) => year === null)) return null;
  const year = Math.max(...(years as number[]));
  return year > budgetYear ? year : null;
}

/** The budget years a plan can aim for: this year up to ten years ahead (and its own, if older). */
export function budgetYearOptions(thisYear: number, current?: number): number[] {
  const years = Array.from({ length: 11 }, (_, index) => thisYear + index);
  if (current !== undefined && !years.includes(current)) years.unshift(current);
  return years;
}

/**
 * Euros typed by a person to a number: "50000", "50.000" or "50.000,50" in Dutch,
 * "50000", "50,000" or "50,000.50" in English; a leading € and spaces are fine.
 * Returns null for an empty field and undefined when it is not an amount.
 */
export function parseEuros(text: string, language: Language): number | null | undefined {
  const compact = text.replace(/[\s\u00a0€]/g, '');
  if (compact === '') return null;
  const [group, decimal] = language === 'nl' ? ['.', ','] : [',', '.'];
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  const pattern = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d{1,2}))?$`);
  const match = pattern.exec(compact);
  if (!match) return undefined;
  const whole = (match[1] ?? '').split(group).join('');
  const cents = match[2] ? `.${match[2]}` : '';
  return Number(`${whole}${cents}`);
}

/** The plan form's fields, as typed. */
export interface PlanFormValues {
  title: string;
  core_message: string;
  description: string;
  domain: string;
  budget_year: string;
  budget_needed: string;
  status: PlanStatus;
  phase: PolicyPhase;
  organisation_ids: number[];
}

export const PLAN_FIELDS = [
  'title',
  'core_message',
  'description',
  'domain',
  'budget_year',
  'budget_needed',
  'status',
  'phase',
  'organisation_ids',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];

export function emptyPlanForm(thisYear: number): PlanFormValues {
  return {
    title: '',
    core_message: '',
    description: '',
    domain: '',
    budget_year: String(thisYear + 1),
    budget_needed: '',
    status: 'idea',
    phase: 'agenda_setting',
    organisation_ids: [],
  };
}

/** An existing plan in the form (the amount in the UI language's number format). */
export function planToForm(plan: Plan, language: Language): PlanFormValues {
  return {
    title: plan.title,
    core_message: plan.core_message,
    description: plan.description,
    domain: plan.domain,
    budget_year: String(plan.budget_year),
    budget_needed:
      plan.budget_needed === null
        ? ''
        : new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
            maximumFractionDigits: 2,
          }).format(plan.budget_needed),
    status: plan.status,
    phase: plan.phase,
    organisation_ids: [...plan.organisation_ids],
  };
}

/** Checks the form before sending; returns the problems by field (message keys). */
export function checkPlanForm(
  values: PlanFormValues,
  language: Language,
): Partial<Record<PlanField, MessageKey>> {
  const problems: Partial<Record<PlanField, MessageKey>> = {};
  if (!values.title.trim()) problems.title = 'plan.titleRequired';
  if (!/^\d{4}$/.test(values.budget_year)) problems.budget_year = 'plan.budgetYearRequired';
  if (parseEuros(values.budget_needed, language) === undefined)
    problems.budget_needed = 'plan.budgetNeededInvalid';
  if (values.organisation_ids.length === 0) problems.organisation_ids = 'plan.municipalitiesRequired';
  return problems;
}

/**
 * The request body for POST (new) or PATCH (edit) from a checked form. Every field is sent, so
 * an emptied field is cleared; an empty amount is sent as null ("no amount").
 */
export function planRequestBody(values: PlanFormValues, language: Language): PlanCreate {
  return {
    title: values.title.trim(),
    core_message: values.core_message.trim(),
    description: values.description.trim(),
    domain: values.domain.trim(),
    budget_year: Number(values.budget_year),
    budget_needed: parseEuros(values.budget_needed, language) ?? null,
    status: values.status,
    phase: values.phase,
    organisation_ids: [...values.organisation_ids].sort((a, b) => a - b),
  };
}

/**
 * The full addresses of a calendar feed: the https (or http) URL to paste into a calendar app,
 * and the webcal:// variant that opens the calendar app directly.
 */
export function feedUrls(base: string, path: string): { url: string; webcal: string } {
  // Like the server's survey and scan links: the public address (with any path in it) + path.
  const url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return { url, webcal: url.replace(/^https?:\/\//, 'webcal://') };
}

/** The upcoming item's "what": the event's or the plan window's label. */
export function upcomingLabel(item: UpcomingItem): string {
  return item.window?.label ?? item.event?.label ?? '';
}

/** A stable key for an upcoming item (React lists). */
export function upcomingKey(item: UpcomingItem): string {
  return [
    item.date,
    item.kind,
    item.organisation.id,
    item.plan?.id ?? '',
    item.window?.id ?? item.event?.id ?? '',
  ].join('|');
}
