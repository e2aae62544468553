/**
 * Pure helpers of "Samenwerkingsscan en waardecasus": the view model of the results (gaps first),
 * number formats, the invitation form and the value case form with the same arithmetic as the
 * server (src/core/scans/value_case.cpp, ComputeReturn), so figures can be shown while typing.
 */
import { isEmailAddress } from '../../components/linkMail/linkMail';
import type {
  LinkMailLanguage,
  ScanInvite,
  ScanResults,
  ScanTemplate,
  ScanTemplates,
  ScanText,
  ValueCase,
  ValueCaseLight,
  ValueCaseWrite,
} from '../../api/types';
import type { Language } from '../../i18n/i18n';

/** How many gaps the results page shows first. */
export const GAP_COUNT = 5;
/** The answer scale runs from 1 to 5. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export function textIn(text: ScanText, language: Language): string {
  return text[language] || text.nl;
}

export function findTemplate(templates: ScanTemplates | undefined, id: string): ScanTemplate | undefined {
  return templates?.items.find((t) => t.id === id);
}

export interface StatementInfo {
  id: string;
  number: number;
  text: string;
  action: string;
  dimensionId: string;
  dimensionTitle: string;
}

/** Every statement of a template with its number (1, 2, …) and dimension, in template order. */
export function statementList(template: ScanTemplate | undefined, language: Language): StatementInfo[] {
  const out: StatementInfo[] = [];
  for (const dimension of template?.dimensions ?? []) {
    for (const statement of dimension.statements) {
      out.push({
        id: statement.id,
        number: out.length + 1,
        text: textIn(statement.text, language),
        action: textIn(statement.action, language),
        dimensionId: dimension.id,
        dimensionTitle: textIn(dimension.title, language),
      });
    }
  }
  return out;
}

export interface OrganisationMean {
  organisation: string;
  mean: number | null;
}

export interface StatementRow {
  id: string;
  number: number;
  text: string;
  dimensionTitle: string;
  mean: number | null;
  spread: number | null;
  respondents: number;
  dontKnow: number;
  organisationDifference: number | null;
  /** Only organisations whose own scores may be shown (three respondents or more). */
  organisations: OrganisationMean[];
}

export interface DimensionRow {
  id: string;
  title: string;
  mean: number | null;
  organisations: OrganisationMean[];
}

export interface ResultsView {
  shown: boolean;
  respondents: number;
  minRespondents: number;
  /** Organisations shown separately, in the order of the API. */
  shownOrganisations: string[];
  /** Organisations with too few respondents to be shown separately. */
  hiddenOrganisations: { organisation: string; respondents: number }[];
  gaps: StatementRow[];
  dimensions: DimensionRow[];
  statements: StatementRow[];
  weakest: { id: string; number: number; text: string; mean: number; action: string }[];
  comments: { id: string; number: number; text: string; comments: string[] }[];
  changes: { id: string; title: string; before: number | null; now: number | null; change: number | null }[];
  previousTitle: string | null;
}

/**
 * Turns the results of the API into what the page shows: texts from the template, gaps first,
 * and per-organisation figures only for organisations that the API marks as shown.
 */
export function buildResultsView(
  results: ScanResults,
  template: ScanTemplate | undefined,
  language: Language,
): ResultsView {
  const info = new Map(statementList(template, language).map((s) => [s.id, s]));
  const dimensionTitles = new Map(
    (template?.dimensions ?? []).map((d) => [d.id, textIn(d.title, language)] as const),
  );
  const shownOrganisations = results.organisations.filter((o) => o.shown).map((o) => o.organisation);
  const isShown = (name: string) => shownOrganisations.includes(name);
  const rows = new Map<string, StatementRow>();
  for (const s of results.statements) {
    const about = info.get(s.statement_id);
    rows.set(s.statement_id, {
      id: s.statement_id,
      number: about?.number ?? 0,
      text: about?.text ?? s.statement_id,
      dimensionTitle: dimensionTitles.get(s.dimension_id) ?? s.dimension_id,
      mean: s.mean,
      spread: s.spread,
      respondents: s.respondents,
      dontKnow: s.dont_know,
      organisationDifference: s.organisation_difference,
      organisations: s.organisations
        .filter((o) => isShown(o.organisation))
        .map((o) => ({ organisation: o.organisation, mean: o.mean })),
    });
  }
  const statements = [...rows.values()].sort((a, b) => a.number - b.number);
  const gaps = results.gaps
    .map((id) => rows.get(id))
    .filter((row): row is StatementRow => row !== undefined)
    .slice(0, GAP_COUNT);
  const dimensions = results.dimensions.map((d) => ({
    id: d.dimension_id,
    title: dimensionTitles.get(d.dimension_id) ?? d.dimension_id,
    mean: d.mean,
    organisations: d.organisations
      .filter((o) => isShown(o.organisation))
      .map((o) => ({ organisation: o.organisation, mean: o.mean })),
  }));
  const weakest = results.weakest.map((w) => ({
    id: w.statement_id,
    number: info.get(w.statement_id)?.number ?? 0,
    text: info.get(w.statement_id)?.text ?? w.statement_id,
    mean: w.mean,
    action: textIn(w.action, language),
  }));
  const grouped = new Map<string, string[]>();
  for (const c of results.comments) {
    const list = grouped.get(c.statement_id) ?? [];
    list.push(c.text);
    grouped.set(c.statement_id, list);
  }
  const comments = [...grouped.entries()]
    .map(([id, list]) => ({
      id,
      number: info.get(id)?.number ?? 0,
      text: info.get(id)?.text ?? id,
      comments: list,
    }))
    .sort((a, b) => a.number - b.number);
  const changes = results.changes.map((c) => ({
    id: c.dimension_id,
    title: dimensionTitles.get(c.dimension_id) ?? c.dimension_id,
    before: c.before,
    now: c.now,
    change: c.change,
  }));
  return {
    shown: results.shown,
    respondents: results.respondents,
    minRespondents: results.min_respondents,
    shownOrganisations,
    hiddenOrganisations: results.organisations
      .filter((o) => !o.shown)
      .map((o) => ({ organisation: o.organisation, respondents: o.respondents })),
    gaps,
    dimensions,
    statements,
    weakest,
    comments,
    changes,
    previousTitle: results.previous?.title ?? null,
  };
}

/** A score on the 1–5 scale with one decimal ("3,7"); a dash when there is none. */
export function formatScore(value: number | null | undefined, locale: string, none = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A change with its sign ("+0,5", "-0,3", "0,0"); a dash when there is none. */
export function formatChange(value: number | null | undefined, locale: string, none = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  const rounded = Math.round(value * 10) / 10;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(rounded === 0 ? 0 : rounded);
}

/** Which way a change goes, for its words and icon (not only colour). */
export function changeDirection(value: number | null | undefined): 'up' | 'down' | 'same' | 'none' {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  const rounded = Math.round(value * 10) / 10;
  if (rounded > 0) return 'up';
  if (rounded < 0) return 'down';
  return 'same';
}

// ---------------------------------------------------------------------------------------------
// A scan's name and collaboration

/** The scan's name and the collaboration it looks at, as typed. */
export interface ScanNames {
  title: string;
  collaboration: string;
}

/** The fields of a scan's names, in form order (by the API's names). */
export const SCAN_NAME_FIELDS = ['title', 'collaboration'] as const;

/** Both are required: a problem (a message key) per empty one (a new scan, or changing one). */
export function checkScanNames(values: ScanNames): Partial<Record<keyof ScanNames, 'error.title' | 'error.collaboration'>> {
  const problems: Partial<Record<keyof ScanNames, 'error.title' | 'error.collaboration'>> = {};
  if (!values.title.trim()) problems.title = 'error.title';
  if (!values.collaboration.trim()) problems.collaboration = 'error.collaboration';
  return problems;
}

/** The names as the request sends them. */
export function scanNamesBody(values: ScanNames): ScanNames {
  return { title: values.title.trim(), collaboration: values.collaboration.trim() };
}

// ---------------------------------------------------------------------------------------------
// Inviting respondents

export interface InviteeRow {
  organisation: string;
  label: string;
  /** Where to mail the link (only offered when the server can send mail); may stay empty. */
  email?: string;
}

export type InviteErrors = Partial<
  Record<
    'days' | 'rows' | `organisation.${number}` | `email.${number}`,
    'required' | 'days' | 'tooLong' | 'email' | 'emailTooLong'
  >
>;

/** How the links are mailed: the mail's language and the reminder (null: none). */
export interface InviteMail {
  language: LinkMailLanguage;
  remindAfterDays: number | null;
}

/** Whether any row has an e-mail address filled in. */
export function anyEmail(rows: readonly InviteeRow[]): boolean {
  return rows.some((row) => (row.email ?? '').trim() !== '');
}

/**
 * The rows of the invitation form as the request body. Empty rows are left out; a row with only
 * a role or an address needs an organisation. Days: a whole number from 1 to 365. With `mail`
 * (the server can send mail), rows may carry an e-mail address, and when one does the body says
 * the mail's language and the reminder; without `mail`, addresses are left out.
 */
export function inviteBody(
  rows: readonly InviteeRow[],
  days: string,
  mail: InviteMail | null = null,
): { body?: ScanInvite; errors: InviteErrors } {
  const errors: InviteErrors = {};
  const invitees: { organisation: string; label?: string; email?: string }[] = [];
  rows.forEach((row, index) => {
    const organisation = row.organisation.trim();
    const label = row.label.trim();
    const email = mail ? (row.email ?? '').trim() : '';
    if (!organisation && !label && !email) return;
    if (!organisation) errors[`organisation.${index}`] = 'required';
    else if (organisation.length > 200) errors[`organisation.${index}`] = 'tooLong';
    if (email && email.length > 254) errors[`email.${index}`] = 'emailTooLong';
    else if (email && !isEmailAddress(email)) errors[`email.${index}`] = 'email';
    if (!organisation) return;
    invitees.push({ organisation, ...(label ? { label } : {}), ...(email ? { email } : {}) });
  });
  if (invitees.length === 0 && Object.keys(errors).length === 0) errors.rows = 'required';
  const trimmed = days.trim();
  const n = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || n < 1 || n > 365) errors.days = 'days';
  if (Object.keys(errors).length > 0) return { errors };
  const mailed = mail !== null && invitees.some((invitee) => invitee.email);
  return {
    body: {
      invitees,
      expires_in_days: n,
      ...(mailed ? { language: mail.language } : {}),
      ...(mailed && mail.remindAfterDays !== null && mail.remindAfterDays < n
        ? { remind_after_days: mail.remindAfterDays }
        : {}),
    },
    errors,
  };
}

/**
 * Where a problem the server found (422, "invitees[2].email") belongs in the form: the key of
 * the field ("email.2", "days", "remind", "language"), or null when no field fits.
 */
export function inviteFieldKey(field: string): string | null {
  const row = /^invitees\[(\d+)\]\.(organisation|label|email)$/.exec(field);
  if (row) return `${row[2]}.${row[1]}`;
  if (field === 'expires_in_days') return 'days';
  if (field === 'remind_after_days') return 'remind';
  if (field === 'language') return 'language';
  if (field === 'invitees') return 'rows';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Value case (waardecasus)

export interface AvoidedCostInput {
  unit_cost: number;
  events: number;
  /** 0 to 1. */
  attribution: number;
}

export interface ReturnInput {
  initiative_costs: number;
  avoided_costs: readonly AvoidedCostInput[];
  clients_reached: number;
  clients_activated: number;
}

export interface ReturnFigures {
  line_totals: number[];
  avoided_total: number;
  net: number;
  return_per_euro: number | null;
  break_even_events: (number | null)[];
  activation_share: number | null;
}

/** The same sums as the server's ComputeReturn. */
export function computeReturn(input: ReturnInput): ReturnFigures {
  const line_totals: number[] = [];
  const break_even_events: (number | null)[] = [];
  let avoided_total = 0;
  for (const a of input.avoided_costs) {
    const perEvent = a.unit_cost * a.attribution;
    const total = perEvent * a.events;
    line_totals.push(total);
    avoided_total += total;
    break_even_events.push(perEvent > 0 ? input.initiative_costs / perEvent : null);
  }
  return {
    line_totals,
    avoided_total,
    net: avoided_total - input.initiative_costs,
    return_per_euro: input.initiative_costs > 0 ? avoided_total / input.initiative_costs : null,
    break_even_events,
    activation_share: input.clients_reached > 0 ? input.clients_activated / input.clients_reached : null,
  };
}

/**
 * A number typed by a person: "1234", "1.234,50" (Dutch), "1234.5" or "1 234". Returns null for
 * text that is not a number, undefined for an empty field.
 */
export function parseAmount(text: string): number | null | undefined {
  let s = text.trim().replace(/[\s\u00a0€%]/g, '');
  if (s === '') return undefined;
  if (s.includes(',')) {
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, ''); // "1.234" in Dutch is a thousand and more
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A number in the form, in the UI locale, without thousands separators (easy to edit). */
export function amountText(value: number | undefined, locale: string): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(value);
}

export interface JudgementForm {
  light: ValueCaseLight;
  evidence: string;
}

export interface AvoidedCostForm {
  label: string;
  unit_cost: string;
  events: string;
  /** Percent, 0 to 100. */
  attribution: string;
  assumption: string;
}

export interface ValueCaseForm {
  title: string;
  initiative: string;
  period: string;
  clients_reached: string;
  clients_activated: string;
  participation_notes: string;
  participation: JudgementForm;
  initiative_costs: string;
  avoided_costs: AvoidedCostForm[];
  social_value: string;
  return: JudgementForm;
  beneficiaries: string;
  equal_access: string;
  fairness: string;
  legitimacy: JudgementForm;
}

export const MAX_AVOIDED_COSTS = 20;

export function emptyAvoidedCost(): AvoidedCostForm {
  return { label: '', unit_cost: '', events: '', attribution: '100', assumption: '' };
}

export function emptyValueCaseForm(): ValueCaseForm {
  const judgement = (): JudgementForm => ({ light: 'none', evidence: '' });
  return {
    title: '',
    initiative: '',
    period: '',
    clients_reached: '',
    clients_activated: '',
    participation_notes: '',
    participation: judgement(),
    initiative_costs: '',
    avoided_costs: [emptyAvoidedCost()],
    social_value: '',
    return: judgement(),
    beneficiaries: '',
    equal_access: '',
    fairness: '',
    legitimacy: judgement(),
  };
}

/** A saved value case as form fields, numbers written in the UI locale. */
export function valueCaseToForm(v: ValueCase, locale: string): ValueCaseForm {
  const judgement = (j: ValueCase['participation']): JudgementForm => ({
    light: j?.light ?? 'none',
    evidence: j?.evidence ?? '',
  });
  const count = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    title: v.title,
    initiative: v.initiative ?? '',
    period: v.period ?? '',
    clients_reached: v.clients_reached ? count(v.clients_reached) : '',
    clients_activated: v.clients_activated ? count(v.clients_activated) : '',
    participation_notes: v.participation_notes ?? '',
    participation: judgement(v.participation),
    initiative_costs: v.initiative_costs ? amountText(v.initiative_costs, locale) : '',
    avoided_costs: (v.avoided_costs ?? []).map((a) => ({
      label: a.label,
      unit_cost: amountText(a.unit_cost, locale),
      events: amountText(a.events, locale),
      attribution: amountText((a.attribution ?? 1) * 100, locale),
      assumption: a.assumption ?? '',
    })),
    social_value: v.social_value ?? '',
    return: judgement(v.return),
    beneficiaries: v.beneficiaries ?? '',
    equal_access: v.equal_access ?? '',
    fairness: v.fairness ?? '',
    legitimacy: judgement(v.legitimacy),
  };
}

export type ValueCaseError = 'required' | 'number' | 'whole' | 'percent' | 'activated';
export type ValueCaseErrors = Record<string, ValueCaseError>;

/**
 * The form as the request body, with errors by field name (the same names as the API's
 * `fields`, e.g. `avoided_costs[0].unit_cost`). A cost line without any text or number is left out.
 */
export function formToValueCase(form: ValueCaseForm): { body?: ValueCaseWrite; errors: ValueCaseErrors } {
  const errors: ValueCaseErrors = {};
  const amount = (name: string, text: string): number | undefined => {
    const n = parseAmount(text);
    if (n === null) errors[name] = 'number';
    return n ?? undefined;
  };
  const whole = (name: string, text: string): number | undefined => {
    const n = parseAmount(text);
    if (n === null || (n !== undefined && !Number.isInteger(n))) {
      errors[name] = 'whole';
      return undefined;
    }
    return n;
  };
  const title = form.title.trim();
  if (!title) errors.title = 'required';
  const reached = whole('clients_reached', form.clients_reached);
  const activated = whole('clients_activated', form.clients_activated);
  if (activated !== undefined && activated > (reached ?? 0) && !errors.clients_activated) {
    errors.clients_activated = 'activated';
  }
  const initiativeCosts = amount('initiative_costs', form.initiative_costs);
  const lines: NonNullable<ValueCaseWrite['avoided_costs']> = [];
  form.avoided_costs.forEach((line, index) => {
    const empty =
      !line.label.trim() && !line.unit_cost.trim() && !line.events.trim() && !line.assumption.trim();
    if (empty) return;
    // Errors are named by the line in the form (the server names them by the line sent).
    const prefix = `avoided_costs[${index}].`;
    const label = line.label.trim();
    if (!label) errors[`${prefix}label`] = 'required';
    const unitCost = amount(`${prefix}unit_cost`, line.unit_cost);
    const events = amount(`${prefix}events`, line.events);
    const percent = parseAmount(line.attribution);
    if (percent === null || (percent !== undefined && percent > 100)) errors[`${prefix}attribution`] = 'percent';
    lines.push({
      label,
      unit_cost: unitCost ?? 0,
      events: events ?? 0,
      attribution: percent === null || percent === undefined ? 1 : Math.min(percent, 100) / 100,
      assumption: line.assumption.trim(),
    });
  });
  const judgement = (j: JudgementForm) => ({ light: j.light, evidence: j.evidence.trim() });
  if (Object.keys(errors).length > 0) return { errors };
  const body: ValueCaseWrite = {
    title,
    initiative: form.initiative.trim(),
    period: form.period.trim(),
    clients_reached: reached ?? 0,
    clients_activated: activated ?? 0,
    participation_notes: form.participation_notes.trim(),
    participation: judgement(form.participation),
    initiative_costs: initiativeCosts ?? 0,
    avoided_costs: lines,
    social_value: form.social_value.trim(),
    return: judgement(form.return),
    beneficiaries: form.beneficiaries.trim(),
    equal_access: form.equal_access.trim(),
    fairness: form.fairness.trim(),
    legitimacy: judgement(form.legitimacy),
  };
  return { body, errors };
}

/** The figures for what is typed now; a field that is not (yet) a number counts as 0. */
export function liveFigures(form: ValueCaseForm): ReturnFigures {
  const n = (text: string, fallback = 0) => parseAmount(text) ?? fallback;
  return computeReturn({
    initiative_costs: n(form.initiative_costs),
    clients_reached: n(form.clients_reached),
    clients_activated: n(form.clients_activated),
    avoided_costs: form.avoided_costs.map((a) => ({
      unit_cost: n(a.unit_cost),
      events: n(a.events),
      attribution: Math.min(n(a.attribution, 100), 100) / 100,
    })),
  });
}

/** Maps the cost lines of the form to the lines that are sent (empty lines are left out). */
export function sentLineIndexes(form: ValueCaseForm): number[] {
  const out: number[] = [];
  form.avoided_costs.forEach((line, index) => {
    const empty =
      !line.label.trim() && !line.unit_cost.trim() && !line.events.trim() && !line.assumption.trim();
    if (!empty) out.push(index);
  });
  return out;
}

/** Badge tone of a traffic light; the text and icon always go with it. */
export function lightTone(light: ValueCaseLight | undefined): 'ok' | 'warning' | 'alert' | 'muted' {
  if (light === 'green') return 'ok';
  if (light === 'amber') return 'warning';
  if (light === 'red') return 'alert';
  return 'muted';
}
