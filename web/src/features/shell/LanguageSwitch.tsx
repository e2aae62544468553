import { Button } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * One click to the other language. The button names the other language in that language
 * ("English" / "Nederlands") and carries its lang, so screen readers pronounce it right.
 * The name comes from the current dictionary, so the other one need not be loaded yet.
 */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    <Button
      type="button"
      appearance="subtle-button"
      className="aantafel-language-switch"
      lang={other}
      onClick={() => setLanguage(other)}
    >
      {t('language.other')}
    </Button>
  );
}
