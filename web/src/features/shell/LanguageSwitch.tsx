import { Button } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';
import { useNarrowScreen } from './useNarrowScreen';

/**
 * One click to the other language. The button names the other language in that language
 * ("English" / "Nederlands") and carries its lang, so screen readers pronounce it right.
 * The name comes from the current dictionary, so the other one need not be loaded yet. On a
 * phone only the language code shows ("EN"); the name is still read out.
 */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const other = language === 'nl' ? 'en' : 'nl';
  const narrow = useNarrowScreen();
  return (
    <Button
      type="button"
      appearance="subtle-button"
      className="aantafel-language-switch"
      lang={other}
      onClick={() => setLanguage(other)}
    >
      {/* On a phone the header shows "EN" / "NL"; the full name stays the button's name. */}
      <span className={narrow ? 'aantafel-visually-hidden' : undefined}>{t('language.other')}</span>
      {/* Drawn by CSS (content: attr), so the button's text stays just the language's name. */}
      {narrow ? <span className="aantafel-language-switch__code" data-code={other.toUpperCase()} aria-hidden="true" /> : null}
    </Button>
  );
}
