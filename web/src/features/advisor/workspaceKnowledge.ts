/**
 * The workspace's side of the knowledge base and saving advice, without React: the item keys of
 * POST /knowledge/settings, hiding items, searching own items, the body of POST /saved-advice.
 * Tested in workspaceKnowledge.test.ts.
 */
import type { Knowledge, KnowledgeSetting, OwnKnowledgeItem, SaveAdviceRequest } from '../../api/types';
import { adviceRequestBody, normaliseSearch, type AdvisorAnswers } from './advisor';

export function strategyKey(id: string): string {
  return `strategy:${id}`;
}
export function generalKey(id: string): string {
  return `general:${id}`;
}
export function collectionItemKey(collectionId: string, itemId: string): string {
  return `collection:${collectionId}/${itemId}`;
}

/** The settings by item key. */
export type SettingsMap = ReadonlyMap<string, KnowledgeSetting>;

export function settingsMap(settings: readonly KnowledgeSetting[]): SettingsMap {
  return new Map(settings.map((setting) => [setting.item_key, setting]));
}

export function isHidden(settings: SettingsMap, key: string): boolean {
  return settings.get(key)?.hidden === true;
}

export function noteOf(settings: SettingsMap, key: string): string {
  return settings.get(key)?.note ?? '';
}

/** The knowledge base without the items the workspace hid (unless showHidden). */
export function withoutHidden(knowledge: Knowledge, settings: SettingsMap, showHidden: boolean): Knowledge {
  if (showHidden) return knowledge;
  return {
    ...knowledge,
    strategies: knowledge.strategies.filter((s) => !isHidden(settings, strategyKey(s.id))),
    general: knowledge.general.filter((item) => !isHidden(settings, generalKey(item.id))),
    collections: knowledge.collections
      .map((collection) => ({
        ...collection,
        items: collection.items.filter((item) => !isHidden(settings, collectionItemKey(collection.id, item.id))),
      }))
      .filter((collection) => collection.items.length > 0),
  };
}

/** The new setting when hiding/showing an item or changing its note; other fields are kept. */
export function changedSetting(
  settings: SettingsMap,
  key: string,
  change: { hidden?: boolean; note?: string },
): KnowledgeSetting {
  const current = settings.get(key);
  const hidden = change.hidden ?? current?.hidden ?? false;
  const note = (change.note ?? current?.note ?? '').trim();
  return { item_key: key, hidden, note };
}

/** Own items whose title, text or source holds every word of the search. */
export function filterOwnItems(items: readonly OwnKnowledgeItem[], search: string): OwnKnowledgeItem[] {
  const needles = normaliseSearch(search).split(' ').filter(Boolean);
  if (needles.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = normaliseSearch([item.title, item.text, item.source].join(' \u0000 '));
    return needles.every((needle) => haystack.includes(needle));
  });
}

/** What the save-advice form holds: ids as '' for none. */
export interface SaveAdviceForm {
  planId: string;
  organisationId: string;
  note: string;
}

/** The body of POST /saved-advice: the situation of the answers plus plan, municipality and note. */
export function saveAdviceBody(answers: AdvisorAnswers, form: SaveAdviceForm): SaveAdviceRequest {
  const body: SaveAdviceRequest = { ...adviceRequestBody({ ...answers, planId: form.planId }) };
  if (!form.planId) delete body.plan_id;
  if (form.organisationId) body.organisation_id = Number(form.organisationId);
  const note = form.note.trim();
  if (note) body.note = note;
  return body;
}

/** Whether the form names a plan or a municipality (the API needs one of them). */
export function hasTarget(form: SaveAdviceForm): boolean {
  return Boolean(form.planId || form.organisationId);
}
