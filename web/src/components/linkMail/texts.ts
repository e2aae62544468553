/**
 * The texts of links mailed from the app, shared by the scans and feedback areas. They live
 * here, not in nl.json/en.json, so they travel with those areas' lazy chunks instead of the first
 * bundle (like the areas' texts.ts). linkMail.test.tsx checks that both languages have the same
 * keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'language.legend': 'Taal van de e-mail',
  'language.hint': 'In de e-mail staat ook één zin in de andere taal.',
  'language.nl': 'Nederlands',
  'language.en': 'English',
  'remind.label': 'Herinnering',
  'remind.hint': 'Wie nog niet heeft geantwoord, krijgt één keer een herinnering. Je kiest alleen uit dagen waarop de link nog werkt.',
  'remind.none': 'Geen herinnering',
  'remind.after': 'Na {days} dagen',
  'notConfigured': 'E-mail is op deze server niet ingesteld. Daarom geef je de links zelf door.',
  'status.sent': 'Gemaild op {date}',
  'status.remindAt': 'Herinnering op {date}',
  'status.reminded': 'Herinnerd op {date}',
  'link.mailed': 'Verstuurd naar het e-mailadres',
  'link.mailFailed': 'De e-mail kon niet worden verstuurd. Geef de link zelf door.',
  'link.copy': 'Kopieer de link voor {who}',
  'link.copied': 'De link voor {who} is gekopieerd.',
  'link.copyFailed': 'Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.',
  'error.email': 'Vul een goed e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  'error.emailTooLong': 'Dit e-mailadres is te lang.',
};

export type LinkMailKey = keyof typeof nl;

const en: Record<LinkMailKey, string> = {
  'language.legend': 'Language of the e-mail',
  'language.hint': 'The e-mail also has one sentence in the other language.',
  'language.nl': 'Nederlands',
  'language.en': 'English',
  'remind.label': 'Reminder',
  'remind.hint': 'People who have not answered yet get one reminder. You can only choose days on which the link still works.',
  'remind.none': 'No reminder',
  'remind.after': 'After {days} days',
  'notConfigured': 'E-mail is not set up on this server, so you pass the links on yourself.',
  'status.sent': 'Mailed on {date}',
  'status.remindAt': 'Reminder on {date}',
  'status.reminded': 'Reminded on {date}',
  'link.mailed': 'Sent to the e-mail address',
  'link.mailFailed': 'The e-mail could not be sent. Please pass the link on yourself.',
  'link.copy': 'Copy the link for {who}',
  'link.copied': 'The link for {who} has been copied.',
  'link.copyFailed': 'Copying did not work. Select the link and copy it yourself.',
  'error.email': 'Fill in a valid e-mail address, for example name@example.com.',
  'error.emailTooLong': 'This e-mail address is too long.',
};

export const LINK_MAIL_TEXTS: Record<Language, Record<LinkMailKey, string>> = { nl, en };

export function linkMailText(language: Language, key: LinkMailKey, vars?: MessageVars): string {
  const template = LINK_MAIL_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `mt(key, vars)` in the current UI language. */
export function useLinkMailText(): (key: LinkMailKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => linkMailText(language, key, vars), [language]);
}
