import { Button } from '@utrecht/component-library-react';
import { translate } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';

/**
 * One click to the other language. The button names the other language in that language
 * ("English" / "Nederlands") and carries its lang, so screen readers pronounce it right.
 */
export function LanguageSwitch() {
  const { language, setLanguage } = useI18n();
  const other = language === 'nl' ? 'en' : 'nl';
  return (
    <Button
      type="button"
      appearance="subtle-button"
      className="aantafel-language-switch"
      lang={other}
      onClick={() => setLanguage(other)}
    >
      {translate(other, 'language.name')}
    </Button>
  );
}
