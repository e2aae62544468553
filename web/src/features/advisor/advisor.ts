/**
 * The logic of the Strategiewijzer pages, without React: answers ↔ URL query ↔ request body,
 * checking the answers, the sign of a reason, searching the knowledge base. Tested in
 * advisor.test.ts.
 */
import type { AdviceRequest, Knowledge, KnowledgeSource } from '../../api/types';
import type { MessageKey, MessageVars } from '../../i18n/i18n';
import { idParam } from '../../components/idParam';

export type Size = NonNullable<AdviceRequest['size']>;
export type Phase = NonNullable<AdviceRequest['phase']>;
export type Level = NonNullable<AdviceRequest['level']>;
export type Goal = NonNullable<AdviceRequest['goal']>;
export type Asset = NonNullable<AdviceRequest['assets']>[number];

export const SIZES: readonly Size[] = ['small', 'medium', 'large'];
export const PHASES: readonly Phase[] = ['vision', 'change', 'execution'];
export const LEVELS: readonly Level[] = ['alderman', 'council_member', 'policy_officer'];
export const GOALS: readonly Goal[] = ['get_known', 'get_contracted', 'innovate', 'keep_contract'];
export const ASSETS: readonly Asset[] = [
  'consortium_partners',
  'neighbourhood_presence',
  'client_ambassadors',
  'clear_focus',
  'adviser_relation',
  'expertise',
];

/** The largest number of employees the API takes. */
export const MAX_EMPLOYEES = 1_000_000;

/**
 * The questionnaire's answers as the form holds them. `size` is a category, or `count` when the
 * number of employees is given instead (in `employees`, as typed). `planId` is '' for no plan.
 */
export interface AdvisorAnswers {
  size: '' | Size | 'count';
  employees: string;
  planId: string;
  phase: '' | Phase;
  level: '' | Level;
  goal: '' | Goal;
  assets: Asset[];
}

/** The questions in the order they are asked (also the order errors are focused in). */
export const QUESTIONS = ['size', 'plan', 'phase', 'level', 'goal', 'assets'] as const;
export type Question = (typeof QUESTIONS)[number];

export function emptyAnswers(): AdvisorAnswers {
  return { size: '', employees: '', planId: '', phase: '', level: '', goal: '', assets: [] };
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

/**
 * Reads answers from the URL query (?size=small&phase=change&level=alderman&goal=get_known
 * &has=clear_focus&has=expertise&plan=3, or employees=12 instead of size). Unknown values are
 * dropped, so a hand-edited link cannot put the form in a state it cannot show.
 */
export function answersFromQuery(query: URLSearchParams): AdvisorAnswers {
  const employees = (query.get('employees') ?? '').trim().slice(0, 20);
  const size = oneOf(SIZES, query.get('size'));
  const plan = query.get('plan') ?? '';
  const has = new Set(query.getAll('has'));
  return {
    size: size || (employees ? 'count' : ''),
    employees: size ? '' : employees,
    planId: idParam(plan) === null ? '' : plan,
    phase: oneOf(PHASES, query.get('phase')),
    level: oneOf(LEVELS, query.get('level')),
    goal: oneOf(GOALS, query.get('goal')),
    assets: ASSETS.filter((asset) => has.has(asset)),
  };
}

/** The answers as a URL query (empty answers left out), in a stable order. */
export function answersToQuery(answers: AdvisorAnswers): URLSearchParams {
  const query = new URLSearchParams();
  if (answers.size === 'count') {
    const employees = answers.employees.trim();
    if (employees) query.set('employees', employees);
  } else if (answers.size) {
    query.set('size', answers.size);
  }
  if (answers.planId) query.set('plan', answers.planId);
  if (answers.phase) query.set('phase', answers.phase);
  if (answers.level) query.set('level', answers.level);
  if (answers.goal) query.set('goal', answers.goal);
  for (const asset of ASSETS) if (answers.assets.includes(asset)) query.append('has', asset);
  return query;
}

/** The number of employees typed, or null when it is not a whole number from 1 to 1,000,000. */
export function parseEmployees(text: string): number | null {
  const cleaned = text.trim().replace(/[.\s\u00a0]/g, '');
  if (!/^[0-9]{1,7}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 1 && value <= MAX_EMPLOYEES ? value : null;
}

export type AnswerProblems = Partial<Record<Question, MessageKey>>;

/** What is missing or wrong, per question. Phase may be left out when a plan is chosen. */
export function checkAnswers(answers: AdvisorAnswers): AnswerProblems {
  const problems: AnswerProblems = {};
  if (!answers.size) problems.size = 'advisor.error.size';
  else if (answers.size === 'count' && parseEmployees(answers.employees) === null)
    problems.size = 'advisor.error.employees';
  if (!answers.phase && !answers.planId) problems.phase = 'advisor.error.phase';
  if (!answers.level) problems.level = 'advisor.error.level';
  if (!answers.goal) problems.goal = 'advisor.error.goal';
  return problems;
}

/** Whether the answers are enough to ask for advice. */
export function isComplete(answers: AdvisorAnswers): boolean {
  return Object.keys(checkAnswers(answers)).length === 0;
}

/** The request body for POST /advice. Call only with complete answers. */
export function adviceRequestBody(answers: AdvisorAnswers): AdviceRequest {
  const body: AdviceRequest = {};
  if (answers.size === 'count') {
    const employees = parseEmployees(answers.employees);
    if (employees !== null) body.employees = employees;
  } else if (answers.size) {
    body.size = answers.size;
  }
  if (answers.phase) body.phase = answers.phase;
  if (answers.level) body.level = answers.level;
  if (answers.goal) body.goal = answers.goal;
  body.assets = ASSETS.filter((asset) => answers.assets.includes(asset));
  if (answers.planId) body.plan_id = Number(answers.planId);
  return body;
}

/** A query string with a leading "?" (or '' when empty). */
export function queryString(answers: AdvisorAnswers): string {
  const text = answersToQuery(answers).toString();
  return text ? `?${text}` : '';
}

/**
 * How a reason is shown: "+3" for a rule that raised the strategy, "−2" (a real minus sign) for
 * one that lowered it, and the words a screen reader reads instead of the sign.
 */
export function reasonSign(weight: number): { symbol: string; key: MessageKey; vars: MessageVars } {
  const size = Math.abs(weight);
  return weight < 0
    ? { symbol: `\u2212${size}`, key: 'advisor.reason.lowers', vars: { weight: size } }
    : { symbol: `+${size}`, key: 'advisor.reason.raises', vars: { weight: size } };
}

/** A score as text: "+4", "0", "−2". */
export function scoreText(score: number): string {
  if (score > 0) return `+${score}`;
  if (score < 0) return `\u2212${Math.abs(score)}`;
  return '0';
}

/** "Titel — Uitgever, 2022" parts for a source; year null means unknown. */
export function sourceParts(source: KnowledgeSource): { title: string; publisher: string; year: number | null } | null {
  if (!source || !source.title) return null;
  return { title: source.title, publisher: source.publisher ?? '', year: source.year ?? null };
}

// Label keys
export function sizeLabel(size: Size | 'count'): MessageKey {
  return `advisor.size.${size}` as MessageKey;
}
export function phaseLabel(phase: Phase): MessageKey {
  return `advisor.phase.${phase}` as MessageKey;
}
export function phaseHint(phase: Phase): MessageKey {
  return `advisor.phase.${phase}.hint` as MessageKey;
}
export function levelLabel(level: Level): MessageKey {
  return `advisor.level.${level}` as MessageKey;
}
export function goalLabel(goal: Goal): MessageKey {
  return `advisor.goal.${goal}` as MessageKey;
}
export function assetLabel(asset: Asset): MessageKey {
  return `advisor.asset.${asset}` as MessageKey;
}

/** Lower case, without accents and with single spaces: "Cliënten" matches "clienten". */
export function normaliseSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function matches(needles: string[], ...texts: (string | null | undefined)[]): boolean {
  const haystack = normaliseSearch(texts.filter(Boolean).join(' \u0000 '));
  return needles.every((needle) => haystack.includes(needle));
}

function sourceTexts(source: KnowledgeSource): string[] {
  return source ? [source.title ?? '', source.publisher ?? ''] : [];
}

/**
 * The knowledge base filtered by a search text: every word must occur (in any order, accents
 * and case ignored) in a strategy's fields, a general item or a collection item (a match on a
 * collection's own title or intro keeps all its items). An empty search keeps everything.
 */
export function filterKnowledge(knowledge: Knowledge, search: string): Knowledge {
  const needles = normaliseSearch(search).split(' ').filter(Boolean);
  if (needles.length === 0) return knowledge;
  return {
    ...knowledge,
    strategies: knowledge.strategies.filter((s) =>
      matches(
        needles,
        s.name,
        s.meaning,
        s.advantage,
        s.disadvantage,
        s.fits_when,
        s.small_provider,
        ...s.tips,
        ...s.examples,
        ...sourceTexts(s.source),
      ),
    ),
    general: knowledge.general.filter((item) => matches(needles, item.title, item.text, ...sourceTexts(item.source))),
    collections: knowledge.collections
      .map((collection) =>
        matches(needles, collection.title, collection.intro)
          ? collection
          : {
              ...collection,
              items: collection.items.filter((item) =>
                matches(needles, item.title, item.text, ...sourceTexts(item.source)),
              ),
            },
      )
      .filter((collection) => collection.items.length > 0),
  };
}

/** How many items a (filtered) knowledge base shows. */
export function countKnowledge(knowledge: Knowledge): number {
  return (
    knowledge.strategies.length +
    knowledge.general.length +
    knowledge.collections.reduce((sum, collection) => sum + collection.items.length, 0)
  );
}
