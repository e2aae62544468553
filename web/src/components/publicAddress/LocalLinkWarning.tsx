import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useLocalOnlyAddress } from './publicAddress';
import { usePublicAddressText } from './texts';
import './publicAddress.css';

/**
 * What the warning is next to: a link shown only once (scan link, shared social-map link,
 * calendar feed: make a new one once the address is set), several of those, or a lasting link
 * with a QR code (survey link and poster: print or share it once the address is set).
 */
export type LocalLinkKind = 'link' | 'links' | 'qr';

/**
 * Next to a public link that someone is about to copy, share or print (survey links and posters,
 * scan links, a shared social-map link, a calendar feed): while the server's public address is a
 * loopback address, says that the link only opens on the computer aantafel runs on. Shown to
 * everyone; never printed. Renders nothing once the address is set.
 */
export function LocalLinkWarning({
  kind = 'link',
  id,
}: {
  kind?: LocalLinkKind;
  /** For aria-describedby on the button that prints or copies the link. */
  id?: string;
}) {
  const pt = usePublicAddressText();
  const address = useLocalOnlyAddress();
  if (address === null) return null;
  return (
    <Alert type="warning" role="note" id={id} className="aantafel-local-link-warning aantafel-no-print">
      <Paragraph className="aantafel-local-link-warning__title">
        {pt(kind === 'links' ? 'warning.titleMany' : 'warning.title')}
      </Paragraph>
      <Paragraph>{pt(`warning.${kind}`)}</Paragraph>
    </Alert>
  );
}
