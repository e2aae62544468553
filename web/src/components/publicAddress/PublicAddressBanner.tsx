import { useId, useState } from 'react';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { Role } from '../../api/types';
import { useSession } from '../../features/auth/session';
import { useNarrowScreen } from '../../features/shell/useNarrowScreen';
import { isPutOff, localOnlyAddress, putOff, showsAddressBanner } from './publicAddress';
import { usePublicAddressText } from './texts';
import { withCode } from './withCode';
import './publicAddress.css';

/**
 * For owners, at the top of the page content while the public address is a loopback address:
 * what the address is for, that links now only open on the server, and how to set it. Not a
 * dialog: it sits in the page flow. "Later" hides it for this browser session. On a phone it is
 * compact, so the page's heading stays in the upper half of the first screen: the title, then
 * the folded explanation and "Later" side by side; what the address is for is inside the fold.
 */
export function PublicAddressBanner({ role }: { role: Role | undefined }) {
  const pt = usePublicAddressText();
  const { state } = useSession();
  const session = state.status === 'authenticated' ? state.session : null;
  const [later, setLater] = useState(isPutOff);
  const narrow = useNarrowScreen();
  const id = useId();
  const url = localOnlyAddress(session);
  if (url === null || !showsAddressBanner(session, role, later)) return null;

  function hide() {
    putOff();
    setLater(true);
    // The button goes away with the banner: keyboard users continue at the page's heading.
    const next = document.getElementById('page-heading') ?? document.getElementById('main-content');
    next?.focus();
  }

  const example = pt('banner.example');
  const what = (
    <Paragraph>
      {pt('banner.what')} {withCode(pt('banner.now'), { url })}
    </Paragraph>
  );
  return (
    <section
      className={narrow ? 'aantafel-address-banner aantafel-address-banner--compact aantafel-no-print' : 'aantafel-address-banner aantafel-no-print'}
      aria-labelledby={`${id}-title`}
    >
      {/* A note, not role="alert": it is there on every page and must not interrupt. */}
      <Alert type="warning" role="note">
        <Paragraph id={`${id}-title`} className="aantafel-address-banner__title">
          {pt('banner.title')}
        </Paragraph>
        {/* The same elements in both layouts, so an open explanation stays open when the window
            gets narrower or wider. */}
        {narrow ? null : what}
        <details className="aantafel-address-banner__how">
          <summary>{pt('banner.howTitle')}</summary>
          {narrow ? what : null}
          <ol>
            <li>
              {withCode(pt('banner.howFile'), { key: 'public_url', section: '[server]' })}
              <pre className="aantafel-address-banner__example">
                <code>{`[server]\npublic_url = "${example}"`}</code>
              </pre>
              {withCode(pt('banner.howEnv'), { env: 'AANTAFEL_SERVER_PUBLIC_URL' })}
            </li>
            <li>{pt('banner.howRestart')}</li>
          </ol>
          <Paragraph>{pt('banner.howOther')}</Paragraph>
        </details>
        <div className="aantafel-address-banner__later">
          <Button
            type="button"
            appearance="secondary-action-button"
            // Like the overview's "Later: {item}" buttons: the name says what is put off.
            aria-label={pt('banner.laterName')}
            aria-describedby={`${id}-later`}
            onClick={hide}
          >
            {pt('banner.later')}
          </Button>
          {/* On a phone the hint is read out with the button, not shown. */}
          <span
            id={`${id}-later`}
            className={narrow ? 'aantafel-address-banner__hint aantafel-visually-hidden' : 'aantafel-address-banner__hint'}
          >
            {pt('banner.laterHint')}
          </span>
        </div>
      </Alert>
    </section>
  );
}
