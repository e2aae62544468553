/**
 * The texts of the audit log page "Logboek" (and the link to it on the settings page). They live
 * here, not in nl.json/en.json, so they travel with the lazy settings chunks instead of the first
 * bundle (like the other areas' texts.ts). auditLog.test.ts checks that both languages have the
 * same keys and placeholders. The sentences for the entries are in auditLog.ts.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'link': 'Logboek: wie wat heeft gewijzigd',
  'linkIntro': 'Als eigenaar zie je in het logboek wie iets heeft gewijzigd in deze werkruimte, en wanneer.',
  'title': 'Logboek',
  'intro':
    'Hier zie je elke wijziging in werkruimte {workspace}: wie het deed en wanneer. Ook als iemand gegevens wist, downloadt of een telefoonnummer bekijkt. Wat er is ingevuld, staat niet in het logboek. De nieuwste wijziging staat bovenaan.',
  'back': 'Terug naar Instellingen werkruimte',
  'caption': 'Logboek van {workspace}, nieuwste wijziging eerst',
  'when': 'Wanneer',
  'who': 'Wie',
  'what': 'Wat',
  'deletedUser': 'account verwijderd',
  'older': 'Oudere wijzigingen',
  'loadingOlder': 'Oudere wijzigingen laden…',
  'loaded': '{count} oudere wijzigingen geladen.',
  'loaded1': '1 oudere wijziging geladen.',
  'noMore': 'Dit zijn alle wijzigingen.',
  'empty': 'Er staat nog niets in het logboek. Zodra iemand iets wijzigt, zie je dat hier.',
  'forbiddenTitle': 'Alleen voor eigenaren',
  'forbidden':
    'Alleen eigenaren van deze werkruimte kunnen het logboek bekijken. Wil je iets weten over een wijziging? Vraag het aan een eigenaar.',
};

export type SettingsKey = keyof typeof nl;

const en: Record<SettingsKey, string> = {
  'link': 'Audit log: who changed what',
  'linkIntro': 'As an owner you can see in the audit log who changed something in this workspace, and when.',
  'title': 'Audit log',
  'intro':
    'Here you see every change in workspace {workspace}: who made it and when. Also when someone erases or downloads data or views a phone number. What was filled in is not in the log. The newest change is at the top.',
  'back': 'Back to Workspace settings',
  'caption': 'Audit log of {workspace}, newest change first',
  'when': 'When',
  'who': 'Who',
  'what': 'What',
  'deletedUser': 'account deleted',
  'older': 'Older changes',
  'loadingOlder': 'Loading older changes…',
  'loaded': '{count} older changes loaded.',
  'loaded1': '1 older change loaded.',
  'noMore': 'These are all the changes.',
  'empty': 'There is nothing in the audit log yet. As soon as someone changes something, you will see it here.',
  'forbiddenTitle': 'Owners only',
  'forbidden':
    'Only owners of this workspace can see the audit log. Do you want to know about a change? Ask an owner.',
};

export const SETTINGS_TEXTS: Record<Language, Record<SettingsKey, string>> = { nl, en };

export function settingsText(language: Language, key: SettingsKey, vars?: MessageVars): string {
  const template = SETTINGS_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `st(key, vars)` in the current UI language. */
export function useSettingsText(): (key: SettingsKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => settingsText(language, key, vars), [language]);
}
