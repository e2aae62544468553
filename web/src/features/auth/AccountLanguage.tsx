import { useEffect } from 'react';
import { hasStoredLanguage } from '../../i18n/i18n';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from './session';

/**
 * Shows the app in the signed-in person's account language ("Mijn account"), unless they chose a
 * language in this browser themselves (the switch in the header): that choice wins here.
 */
export function AccountLanguage() {
  const { state } = useSession();
  const { language, setLanguage } = useI18n();
  const wanted = state.status === 'authenticated' ? state.session.user.language : null;
  useEffect(() => {
    if (wanted && wanted !== language && !hasStoredLanguage()) {
      setLanguage(wanted, { remember: false });
    }
  }, [wanted, language, setLanguage]);
  return null;
}
