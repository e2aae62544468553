import nl from './nl.json';

/** The UI languages. Dutch is the default; English is one click away. */
export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const DEFAULT_LANGUAGE: Language = 'nl';

/** Every UI string has a key in nl.json; en.json must have the same keys (see i18n.test.ts). */
export type MessageKey = keyof typeof nl;
export type MessageVars = Record<string, string | number>;

type Dictionary = Record<MessageKey, string>;

/**
 * Dutch (the default) is part of the first bundle; other languages are loaded on demand, so the
 * login page does not carry every translation. `translate` falls back to Dutch for a language
 * that has not loaded yet: callers that show text wait for `loadLanguage` first (I18nProvider).
 */
const dictionaries: Partial<Record<Language, Dictionary>> = { nl };
const loaders: Record<Exclude<Language, 'nl'>, () => Promise<{ default: Dictionary }>> = {
  en: () => import('./en.json'),
};
const pendingLoads = new Map<Language, Promise<void>>();

/** Whether `language`'s texts are in memory (Dutch always is). */
export function isLanguageLoaded(language: Language): boolean {
  return dictionaries[language] !== undefined;
}

/** Loads `language`'s texts (once; a failed load is tried again on the next call). */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'nl' || dictionaries[language]) return Promise.resolve();
  let pending = pendingLoads.get(language);
  if (!pending) {
    pending = loaders[language]().then(
      (module) => {
        dictionaries[language] = module.default;
      },
      (error: unknown) => {
        pendingLoads.delete(language);
        throw error;
      },
    );
    pendingLoads.set(language, pending);
  }
  return pending;
}

/** Puts a dictionary in memory directly (tests, which render English synchronously). */
export function registerLanguage(language: Language, dictionary: Dictionary): void {
  dictionaries[language] = dictionary;
}

const STORAGE_KEY = 'aantafel.language';

/** BCP 47 locale used for Intl formatting per UI language. */
export const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };
export const TIME_ZONE = 'Europe/Amsterdam';

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

/** Looks up `key` and fills `{name}` placeholders. Falls back to Dutch, then to the key. */
export function translate(language: Language, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[language]?.[key] ?? nl[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Whether the person chose a language in this browser (the switch in the header, the account page). */
export function hasStoredLanguage(): boolean {
  try {
    return isLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be off (private mode); the choice then lasts until the page reloads.
  }
}

// The current language outside React (the API client reads it for Accept-Language).
let current: Language = DEFAULT_LANGUAGE;
export function currentLanguage(): Language {
  return current;
}
export function applyLanguage(language: Language): void {
  current = language;
  document.documentElement.lang = language;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions) {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: TIME_ZONE });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** "23 nov 2026, 10:00" (nl) / "23 Nov 2026, 10:00" (en), in Amsterdam time. */
export function formatDateTime(language: Language, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "23 november 2026" (nl) / "23 November 2026" (en), in Amsterdam time. */
export function formatDate(language: Language, value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return dateTimeFormat(language, { dateStyle: 'long' }).format(date);
}

/**
 * "6 dec" (nl) / "6 Dec" (en), in Amsterdam time: a short date for lists. The year is added when
 * it is not this year ("6 dec 2027").
 */
export function formatShortDate(language: Language, value: string | Date, now: Date = new Date()): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const year = (d: Date) => dateTimeFormat(language, { year: 'numeric' }).format(d);
  const sameYear = year(date) === year(now);
  return dateTimeFormat(
    language,
    sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' },
  ).format(date);
}

/** "1.234,5" (nl) / "1,234.5" (en). */
export function formatNumber(
  language: Language,
  value: number,
  options?: Intl.NumberFormatOptions,
): string {
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}
