import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  applyLanguage,
  DEFAULT_LANGUAGE,
  formatDate,
  formatDateTime,
  formatNumber,
  formatShortDate,
  isLanguageLoaded,
  loadLanguage,
  storedLanguage,
  storeLanguage,
  translate,
  type Language,
  type MessageKey,
  type MessageVars,
} from './i18n';

export interface I18n {
  language: Language;
  /**
   * Switches the UI language; the old language stays on screen until the new texts are loaded.
   * The choice is remembered in this browser unless `remember` is false (a default, such as the
   * account's language, that must not count as the person's own choice here).
   */
  setLanguage: (language: Language, options?: { remember?: boolean }) => void;
  t: (key: MessageKey, vars?: MessageVars) => string;
  formatDateTime: (value: string | Date) => string;
  formatDate: (value: string | Date) => string;
  /** "6 dec" (nl) / "6 Dec" (en); with the year when it is not this year. */
  formatShortDate: (value: string | Date) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Provides the UI language. Only Dutch is in the first bundle; another language is loaded on
 * demand. When a remembered language is still loading, nothing is rendered (for the few
 * milliseconds that takes), so the page never shows Dutch first and then switches.
 */
export function I18nProvider({
  children,
  initialLanguage,
}: {
  children: ReactNode;
  initialLanguage?: Language;
}) {
  const [wanted] = useState<Language>(() => initialLanguage ?? storedLanguage());
  const [language, setLanguageState] = useState<Language | null>(() => {
    if (!isLanguageLoaded(wanted)) return null;
    applyLanguage(wanted);
    return wanted;
  });

  useEffect(() => {
    if (language !== null) return;
    let cancelled = false;
    loadLanguage(wanted)
      .then(() => wanted)
      // Without the texts (offline, a failed chunk) Dutch is better than nothing.
      .catch(() => DEFAULT_LANGUAGE)
      .then((loaded) => {
        if (cancelled) return;
        applyLanguage(loaded);
        setLanguageState(loaded);
      });
    return () => {
      cancelled = true;
    };
  }, [language, wanted]);

  const setLanguage = useCallback((next: Language, options?: { remember?: boolean }) => {
    loadLanguage(next).then(
      () => {
        applyLanguage(next);
        if (options?.remember !== false) storeLanguage(next);
        setLanguageState(next);
      },
      () => {
        // The texts could not be loaded: stay in the current language.
      },
    );
  }, []);

  const value = useMemo<I18n | null>(
    () =>
      language === null
        ? null
        : {
            language,
            setLanguage,
            t: (key, vars) => translate(language, key, vars),
            formatDateTime: (value) => formatDateTime(language, value),
            formatDate: (value) => formatDate(language, value),
            formatShortDate: (value) => formatShortDate(language, value),
            formatNumber: (value, options) => formatNumber(language, value, options),
          },
    [language, setLanguage],
  );

  if (value === null) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider');
  return value;
}
