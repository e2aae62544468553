import { useEffect, useState, type ReactNode } from 'react';
import { Button } from '@utrecht/component-library-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { startSso, type SsoOffer } from './api';
import { useSsoText, type SsoKey } from './texts';
import type { MessageVars } from '../../i18n/i18n';

/** The provider's name for buttons and sentences ("Microsoft 365"), or "uw organisatie-account". */
export function ssoLabel(offer: SsoOffer | undefined, sso: (key: SsoKey, vars?: MessageVars) => string): string {
  const label = offer?.label.trim();
  return label ? label : sso('label.fallback');
}

/**
 * Starts single sign-on: asks the server for the provider's address and sends the browser there.
 * A problem (the provider cannot be reached) is shown above the button; the page stays.
 */
export function SsoButton({
  label,
  children,
  returnTo,
  invitation,
  appearance = 'primary-action-button',
}: {
  /** The provider's name, for "U gaat naar …" while leaving. */
  label: string;
  children: ReactNode;
  returnTo?: string | undefined;
  invitation?: string | undefined;
  appearance?: 'primary-action-button' | 'secondary-action-button';
}) {
  const sso = useSsoText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Back from the provider with the browser's back button: the page comes from the cache, still
  // "busy"; make the button usable again.
  useEffect(() => {
    const shown = (event: PageTransitionEvent) => {
      if (event.persisted) setBusy(false);
    };
    window.addEventListener('pageshow', shown);
    return () => window.removeEventListener('pageshow', shown);
  }, []);

  async function start() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await startSso({ returnTo, invitation });
    } catch (caught) {
      setBusy(false);
      setError(caught);
    }
  }

  return (
    <div className="aantafel-sso">
      {error ? <ErrorAlert error={error} /> : null}
      <Button
        type="button"
        appearance={appearance}
        busy={busy}
        className="aantafel-sso__button"
        onClick={() => void start()}
      >
        {busy ? sso('starting', { label }) : children}
      </Button>
    </div>
  );
}
