import { Button } from '@utrecht/component-library-react';
import { ShortLink } from '../ShortLink';
import { MailedNote, MailFailedNote } from './LinkMailFields';
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
  /** The copy button's text, naming who the link is for. */
  copyLabel: string;
}

/**
 * Links just made, one item per person: who it is for, then "Verstuurd naar het e-mailadres"
 * or the link with a copy button. A list, not a table, so that on a phone each link stacks
 * without scrolling sideways; from 48rem on the items line up in three columns.
 */
export function NewLinkList({
  label,
  items,
  onCopy,
  linkClassName,
}: {
  label: string;
  items: readonly NewLinkItem[];
  onCopy: (item: NewLinkItem) => void;
  linkClassName?: string;
}) {
  return (
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
              <Button type="button" appearance="secondary-action-button" onClick={() => onCopy(item)}>
                {item.copyLabel}
              </Button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
