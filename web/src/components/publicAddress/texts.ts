/**
 * The texts of the public-address banner and the warning next to links. They live here, not in
 * nl.json/en.json, so they travel with the workspace shell's lazy chunk instead of the first
 * bundle (like the areas' texts.ts). Like the whole app it says "je" (i18n/voice.test.ts).
 * publicAddress.test.tsx checks that both languages have the same keys and placeholders.
 */
import { useCallback } from 'react';
import type { Language, MessageVars } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

const nl = {
  'banner.title': 'Het openbare adres van aantafel is nog niet ingesteld',
  'banner.what': 'Links op posters en QR-codes, naar vragenlijsten, scans en de sociale kaart en in agenda-abonnementen beginnen met dit adres.',
  'banner.now': 'Nu is dat {url}. Zulke links werken alleen op de computer waarop aantafel draait.',
  'banner.howTitle': 'Zo stel je het openbare adres in',
  'banner.howFile':
    'Zet het adres waarop anderen aantafel bereiken in het instellingenbestand, bij {key} onder {section}. Bijvoorbeeld:',
  'banner.howEnv': 'Of zet het adres in de omgevingsvariabele {env}.',
  'banner.howRestart': 'Start aantafel daarna opnieuw.',
  'banner.howOther': 'Regelt iemand anders de server van aantafel? Stuur deze uitleg dan naar die persoon.',
  'banner.example': 'https://aantafel.uw-organisatie.nl',
  'banner.later': 'Later',
  'banner.laterName': 'Later: melding over het openbare adres',
  'banner.laterHint': 'De melding komt terug als je de browser opnieuw opent.',
  'warning.title': 'Deze link werkt nu alleen op de computer waarop aantafel draait',
  'warning.titleMany': 'Deze links werken nu alleen op de computer waarop aantafel draait',
  'warning.link':
    'Op een andere computer of telefoon gaat de link niet open. Vraag de beheerder van aantafel om het openbare adres in te stellen. Maak daarna een nieuwe link.',
  'warning.links':
    'Op een andere computer of telefoon gaan de links niet open. Vraag de beheerder van aantafel om het openbare adres in te stellen. Maak daarna nieuwe links.',
  'warning.qr':
    'Op een andere computer of telefoon gaan de link en de QR-code niet open. Vraag de beheerder van aantafel om het openbare adres in te stellen. Print of deel de link pas daarna.',
};

export type PublicAddressKey = keyof typeof nl;

const en: Record<PublicAddressKey, string> = {
  'banner.title': "aantafel's public address has not been set yet",
  'banner.what': 'Links on posters and QR codes, to surveys, scans and the social map, and in calendar subscriptions start with this address.',
  'banner.now': 'It is now {url}. Such links only work on the computer aantafel runs on.',
  'banner.howTitle': 'How to set the public address',
  'banner.howFile':
    'Put the address at which others reach aantafel in the configuration file, as {key} under {section}. For example:',
  'banner.howEnv': 'Or put the address in the environment variable {env}.',
  'banner.howRestart': 'Then restart aantafel.',
  'banner.howOther': 'Does someone else look after the aantafel server? Then send these steps to them.',
  'banner.example': 'https://aantafel.your-organisation.org',
  'banner.later': 'Later',
  'banner.laterName': 'Later: message about the public address',
  'banner.laterHint': 'The message comes back when you open your browser again.',
  'warning.title': 'This link now only works on the computer aantafel runs on',
  'warning.titleMany': 'These links now only work on the computer aantafel runs on',
  'warning.link':
    "On another computer or phone the link does not open. Ask aantafel's administrator to set the public address. Then make a new link.",
  'warning.links':
    "On another computer or phone the links do not open. Ask aantafel's administrator to set the public address. Then make new links.",
  'warning.qr':
    "On another computer or phone the link and the QR code do not open. Ask aantafel's administrator to set the public address. Only print or share the link after that.",
};

export const PUBLIC_ADDRESS_TEXTS: Record<Language, Record<PublicAddressKey, string>> = { nl, en };

export function publicAddressText(language: Language, key: PublicAddressKey, vars?: MessageVars): string {
  const template = PUBLIC_ADDRESS_TEXTS[language][key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** `pt(key, vars)` in the current UI language. */
export function usePublicAddressText(): (key: PublicAddressKey, vars?: MessageVars) => string {
  const { language } = useI18n();
  return useCallback((key, vars) => publicAddressText(language, key, vars), [language]);
}
