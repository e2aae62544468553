/**
 * The texts of "Meldingen" in the header. They live here, not in nl.json/en.json, so they travel
 * with the workspace shell's lazy chunk instead of the first bundle (the login page).
 * notifications.test.ts checks that both languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'button': 'Meldingen',
  'buttonNew': '{count} nieuw',
  'announce': '{count} nieuwe meldingen',
  'announce1': '1 nieuwe melding',
  'title': 'Meldingen: wat nu je aandacht vraagt',
  'listLabel': 'Meldingen: {count} punten',
  'new': 'Nieuw',
  'due': 'Datum: {date}',
  'empty': 'Er is nu niets te doen.',
  'failed': 'De meldingen konden niet worden geladen. Probeer het later nog eens.',
  'all': 'Alles bekijken in het Overzicht',
};

export type NotificationsKey = keyof typeof nl;

const en: Record<NotificationsKey, string> = {
  'button': 'Notifications',
  'buttonNew': '{count} new',
  'announce': '{count} new notifications',
  'announce1': '1 new notification',
  'title': 'Notifications: what needs your attention now',
  'listLabel': 'Notifications: {count} items',
  'new': 'New',
  'due': 'Date: {date}',
  'empty': 'There is nothing to do right now.',
  'failed': 'The notifications could not be loaded. Please try again later.',
  'all': 'See everything in the Overview',
};

export const NOTIFICATIONS_TEXTS: Record<Language, Record<NotificationsKey, string>> = { nl, en };

export function notificationsText(language: Language, key: NotificationsKey, vars?: MessageVars): string {
  const template = NOTIFICATIONS_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `nt(key, vars)` in the current UI language. */
export function useNotificationsText(): (key: NotificationsKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => notificationsText(language, key, vars), [language]);
}
