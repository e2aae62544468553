import { useEffect, useState } from 'react';
import { loadSsoOffer, type SsoOffer } from './api';

/** How long the login form waits for the offer before it shows without it. */
const WAIT_MS = 3000;

/**
 * Whether the server offers single sign-on: undefined while asking, then the answer (a failure
 * or a slow answer counts as "not offered", so password sign-in is never held up). With `ask`
 * false nothing is asked (yet).
 */
export function useSsoOffer(ask = true): SsoOffer | undefined {
  const [offer, setOffer] = useState<SsoOffer | undefined>(undefined);
  useEffect(() => {
    if (!ask) return;
    let active = true;
    const timer = window.setTimeout(() => {
      if (active) setOffer((current) => current ?? { enabled: false, label: '' });
    }, WAIT_MS);
    void loadSsoOffer().then((answer) => {
      if (!active) return;
      window.clearTimeout(timer);
      setOffer(answer);
    });
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [ask]);
  return offer;
}
