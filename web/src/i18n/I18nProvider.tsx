import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  applyLanguage,
  formatDate,
  formatDateTime,
  formatNumber,
  storedLanguage,
  storeLanguage,
  translate,
  type Language,
  type MessageKey,
  type MessageVars,
} from './i18n';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, vars?: MessageVars) => string;
  formatDateTime: (value: string | Date) => string;
  formatDate: (value: string | Date) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  children,
  initialLanguage,
}: {
  children: ReactNode;
  initialLanguage?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(() => {
    const language = initialLanguage ?? storedLanguage();
    applyLanguage(language);
    return language;
  });

  const setLanguage = useCallback((next: Language) => {
    applyLanguage(next);
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, vars) => translate(language, key, vars),
      formatDateTime: (value) => formatDateTime(language, value),
      formatDate: (value) => formatDate(language, value),
      formatNumber: (value, options) => formatNumber(language, value, options),
    }),
    [language, setLanguage],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider');
  return value;
}
