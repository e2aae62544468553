import { useState } from 'react';
import { Button } from '@utrecht/component-library-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';

/** Ends the session; the route guard then sends the person to the login page. */
export function LogoutButton({ className }: { className?: string }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      {error ? <ErrorAlert error={error} /> : null}
      <Button
        type="button"
        appearance="secondary-action-button"
        className={className}
        busy={busy}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          setError(null);
          try {
            await logout();
          } catch (caught) {
            setError(caught);
            setBusy(false);
          }
        }}
      >
        {busy ? t('shell.loggingOut') : t('shell.logout')}
      </Button>
    </>
  );
}
