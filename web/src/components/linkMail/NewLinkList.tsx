import { useState } from 'react';
import { Button } from '@utrecht/component-library-react';
import { ShortLink } from '../ShortLink';
import { StatusMessage } from '../StatusMessage';
import { MailedNote, MailFailedNote } from './LinkMailFields';
import { useLinkMailText } from './texts';
import './linkMail.css';

export interface NewLinkItem {
  key: string | number;
  /** Who the link is for, as the person filled it in. */
  who: string;
  url: string;
  /** The link went out by mail: nothing to copy. */
  mailed: boolean;
  /** An address was given but the mail could not be sent: pass the link on personally. */
  mailFailed: boolean;
}

/**
 * Links just made, one item per person: who it is for, then "Verstuurd naar het e-mailadres"
 * or the link with a copy button that names who it is for, and says (in a status message) that
 * it copied, or that the person must copy it by hand. A list, not a table, so that on a phone
 * each link stacks without scrolling sideways; from 48rem on the items line up in three columns.
 */
export function NewLinkList({
  label,
  items,
  linkClassName,
}: {
  label: string;
  items: readonly NewLinkItem[];
  linkClassName?: string;
}) {
  const mt = useLinkMailText();
  const [copied, setCopied] = useState('');
  async function copy(item: NewLinkItem) {
    try {
      await navigator.clipboard.writeText(item.url);
      setCopied(mt('link.copied', { who: item.who }));
    } catch {
      setCopied(mt('link.copyFailed'));
    }
  }
  return (
    <>
      <ul className="aantafel-new-links" aria-label={label}>
        {items.map((item) => (
          <li key={item.key} className="aantafel-new-links__item">
            <span className="aantafel-new-links__who">{item.who}</span>
            <span className="aantafel-new-links__link">
              {item.mailed ? (
                <MailedNote />
              ) : (
                <>
                  {/* Shortened in the middle where it does not fit; the copy button copies it whole. */}
                  <ShortLink
                    url={item.url}
                    className={linkClassName ? `aantafel-new-links__url ${linkClassName}` : 'aantafel-new-links__url'}
                  />
                  {item.mailFailed ? <MailFailedNote /> : null}
                </>
              )}
            </span>
            {item.mailed ? null : (
              <span className="aantafel-new-links__copy">
                <Button type="button" appearance="secondary-action-button" onClick={() => void copy(item)}>
                  {mt('link.copy', { who: item.who })}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <StatusMessage>{copied}</StatusMessage>
    </>
  );
}
