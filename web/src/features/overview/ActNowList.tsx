import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { OverviewItem } from '../../api/types';
import { updateCallback } from '../../api/generated/feedback';
import { hideOverviewItem, unhideOverviewItem } from '../../api/generated/overview';
import { useI18n } from '../../i18n/I18nProvider';
import { announceActNowChange } from '../notifications/changes';
import { DisclosureButton } from '../shell/DisclosureButton';
import { useDisclosure } from '../shell/useDisclosure';
import { ActNowItemLink } from './ActNowItemLink';
import { CloseCallbackDialog } from './CloseCallbackDialog';
import { ModuleIcon } from './ModuleIcon';
import {
  closeCallbackBody,
  focusAfterRemoval,
  isClosableCallback,
  isValidSnoozeDay,
  localDay,
  snoozeBounds,
  snoozeUntil,
  type CallbackOutcome,
} from './overview';
import { useOverviewText } from './texts';

interface Hidden {
  item: OverviewItem;
  until: string | null;
}

/** Where focus goes after an action: an item's link, an item's "Afronden" button, or the heading. */
type FocusTarget = { kind: 'link' | 'close'; key: string } | { kind: 'heading' } | null;

/**
 * "Nu doen": the items of the overview. Two different actions, with two different words:
 * - "Verbergen" (and "Later") takes an item off your own overview only; "Ongedaan maken" brings
 *   it back. The item itself does not change.
 * - "Afronden" (callbacks only) closes the callback for everyone, with an outcome: Bereikt, Niet
 *   bereikt or Niet meer nodig. It then leaves the list because it is closed.
 * A polite message says what happened. Focus moves to the next item (or the heading when the
 * list is empty), so keyboard users never lose their place.
 */
export function ActNowList({
  slug,
  today,
  items,
  canAct = true,
  canClose = canAct,
  onChanged,
}: {
  slug: string;
  today: string;
  items: OverviewItem[];
  /** May hide and snooze items (every member, it is their own overview). */
  canAct?: boolean;
  /** May close callbacks (editors and owners). */
  canClose?: boolean;
  /** Called after a callback was closed, to load the overview again (figures change too). */
  onChanged?: () => void;
}) {
  const ot = useOverviewText();
  const { formatDate } = useI18n();
  const [hiddenKeys, setHiddenKeys] = useState<ReadonlySet<string>>(() => new Set());
  const [message, setMessage] = useState('');
  const [last, setLast] = useState<Hidden | null>(null);
  const [error, setError] = useState('');
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);
  const [closing, setClosing] = useState<OverviewItem | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const visible = items.filter((item) => !hiddenKeys.has(item.key));
  const day = (value: string) => formatDate(localDay(value));

  useEffect(() => {
    if (focusTarget === null) return;
    if (focusTarget.kind === 'heading') headingRef.current?.focus();
    else {
      const [selector, attribute] =
        focusTarget.kind === 'link' ? (['[data-item-link]', 'itemLink'] as const) : (['[data-close-item]', 'closeItem'] as const);
      Array.from(listRef.current?.querySelectorAll<HTMLElement>(selector) ?? [])
        .find((element) => element.dataset[attribute] === focusTarget.key)
        ?.focus();
    }
    setFocusTarget(null);
  }, [focusTarget]);

  /** Takes `item` out of the visible list and moves focus to the next one (or the heading). */
  function removeFromList(item: OverviewItem) {
    const index = visible.findIndex((v) => v.key === item.key);
    const next = focusAfterRemoval(index, visible.length);
    const target = next === null ? null : visible.filter((v) => v.key !== item.key)[next];
    setHiddenKeys((keys) => new Set(keys).add(item.key));
    setFocusTarget(target ? { kind: 'link', key: target.key } : { kind: 'heading' });
  }

  async function hide(item: OverviewItem, until: string | null) {
    setError('');
    try {
      await hideOverviewItem({ slug }, until ? { key: item.key, until } : { key: item.key });
    } catch {
      setError(ot('actNow.failed'));
      return;
    }
    removeFromList(item);
    announceActNowChange({ slug, key: item.key });
    setLast({ item, until });
    setMessage(
      until ? ot('actNow.snoozed', { title: item.title, date: day(until) }) : ot('actNow.dismissed', { title: item.title }),
    );
  }

  async function undo() {
    if (!last) return;
    setError('');
    try {
      await unhideOverviewItem({ slug, key: last.item.key });
    } catch {
      setError(ot('actNow.failed'));
      return;
    }
    setHiddenKeys((keys) => {
      const copy = new Set(keys);
      copy.delete(last.item.key);
      return copy;
    });
    announceActNowChange({ slug });
    setMessage(ot('actNow.restored', { title: last.item.title }));
    setFocusTarget({ kind: 'link', key: last.item.key });
    setLast(null);
  }

  /** Closes a callback with an outcome (PATCH …/feedback/callbacks/{id}); throws when it fails. */
  async function closeCallback(item: OverviewItem, outcome: CallbackOutcome, note: string) {
    if (item.record_id === null) return;
    setError('');
    await updateCallback({ slug, callback_id: item.record_id }, closeCallbackBody(outcome, note));
    setClosing(null);
    removeFromList(item);
    announceActNowChange({ slug, key: item.key, closedCallbackId: item.record_id });
    // Closing is not hiding: there is nothing to undo here, so the last hide's undo goes too.
    setLast(null);
    setMessage(ot('close.closed', { title: item.title, outcome: ot(`close.outcome.${outcome}`).toLowerCase() }));
    onChanged?.();
  }

  const cancelClose = useCallback(() => {
    if (closing) setFocusTarget({ kind: 'close', key: closing.key });
    setClosing(null);
  }, [closing]);

  return (
    <section aria-labelledby="act-now-heading" className="aantafel-actnow">
      <Heading2 id="act-now-heading" ref={headingRef} tabIndex={-1}>
        {ot('actNow.title')}
      </Heading2>
      <div className="aantafel-actnow__feedback">
        <div role="status" aria-live="polite" aria-atomic="true" className="aantafel-status">
          {message ? <p className="aantafel-status__message">{message}</p> : null}
        </div>
        {last ? (
          <Button type="button" appearance="secondary-action-button" onClick={() => void undo()}>
            {ot('actNow.undo')}
          </Button>
        ) : null}
        {error ? (
          <p role="alert" className="aantafel-actnow__error">
            {error}
          </p>
        ) : null}
      </div>
      {visible.length === 0 ? (
        <Paragraph>{ot('actNow.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph>{ot('actNow.intro')}</Paragraph>
          {canAct && canClose && visible.some(isClosableCallback) ? <Paragraph>{ot('actNow.hideOrClose')}</Paragraph> : null}
          <ul className="aantafel-actnow__list" ref={listRef} aria-label={ot('actNow.listLabel', { count: visible.length })}>
            {visible.map((item) => (
              <li key={item.key} className="aantafel-actnow__item" data-module={item.module}>
                <p className="aantafel-actnow__module">
                  <ModuleIcon module={item.module} className="aantafel-actnow__icon" />
                  {ot(`module.${item.module}`)}
                  {item.mine ? <span className="aantafel-actnow__mine">{ot('actNow.mine')}</span> : null}
                </p>
                <h3 className="aantafel-actnow__title">
                  <ActNowItemLink slug={slug} item={item} />
                </h3>
                <p className="aantafel-actnow__explain">{item.explain}</p>
                <p className="aantafel-actnow__due">
                  {item.due ? ot('actNow.due', { date: day(item.due) }) : ot('actNow.noDue')}
                </p>
                {canAct ? (
                  <div className="aantafel-actnow__actions">
                    {canClose && isClosableCallback(item) ? (
                      <Button
                        type="button"
                        appearance="primary-action-button"
                        aria-label={`${ot('actNow.close')}: ${item.title}`}
                        aria-haspopup="dialog"
                        data-close-item={item.key}
                        onClick={() => setClosing(item)}
                      >
                        {ot('actNow.close')}
                      </Button>
                    ) : null}
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      aria-label={`${ot('actNow.hide')}: ${item.title}`}
                      onClick={() => void hide(item, null)}
                    >
                      {ot('actNow.hide')}
                    </Button>
                    <LaterMenu item={item} today={today} onSnooze={(until) => void hide(item, until)} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {canClose ? <CloseCallbackDialog item={closing} onClose={closeCallback} onCancel={cancelClose} /> : null}
    </section>
  );
}

/** "Later": a small menu with tomorrow, next week and a day of your choice. */
function LaterMenu({
  item,
  today,
  onSnooze,
}: {
  item: OverviewItem;
  today: string;
  onSnooze: (until: string) => void;
}) {
  const ot = useOverviewText();
  const { formatDate } = useI18n();
  const disclosure = useDisclosure();
  const { open, panelId, rootRef } = disclosure;
  const [picked, setPicked] = useState('');
  const [error, setError] = useState('');
  const dateId = useId();
  const tomorrow = snoozeUntil(today, 'tomorrow');
  const nextWeek = snoozeUntil(today, 'nextWeek');
  const bounds = snoozeBounds(today);
  const day = (value: string) => formatDate(localDay(value));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!isValidSnoozeDay(today, picked)) {
      setError(ot('actNow.pickDateError'));
      return;
    }
    setError('');
    onSnooze(picked);
  }

  return (
    <div className="aantafel-menu" ref={rootRef}>
      <DisclosureButton disclosure={disclosure} label={`${ot('actNow.later')}: ${item.title}`}>
        {ot('actNow.later')}
        <span className="aantafel-menu__chevron" aria-hidden="true" />
      </DisclosureButton>
      <div id={panelId} className="aantafel-menu__panel" hidden={!open}>
        <ul className="aantafel-menu__list">
          <li>
            <button type="button" className="aantafel-menu__link aantafel-actnow__choice" onClick={() => onSnooze(tomorrow)}>
              {ot('actNow.tomorrow', { date: day(tomorrow) })}
            </button>
          </li>
          <li>
            <button type="button" className="aantafel-menu__link aantafel-actnow__choice" onClick={() => onSnooze(nextWeek)}>
              {ot('actNow.nextWeek', { date: day(nextWeek) })}
            </button>
          </li>
        </ul>
        <form className="aantafel-actnow__pick" onSubmit={submit} noValidate>
          <label htmlFor={dateId} className="aantafel-actnow__pick-label">
            {ot('actNow.pickDate')}
          </label>
          <p id={`${dateId}-hint`} className="aantafel-menu__meta">
            {ot('actNow.pickDateHint')}
          </p>
          {error ? (
            <p id={`${dateId}-error`} className="aantafel-actnow__error">
              {error}
            </p>
          ) : null}
          <input
            id={dateId}
            type="date"
            className="utrecht-textbox utrecht-textbox--html-input"
            min={bounds.min}
            max={bounds.max}
            value={picked}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${dateId}-hint ${dateId}-error` : `${dateId}-hint`}
            onChange={(event) => setPicked(event.target.value)}
          />
          <Button type="submit" appearance="secondary-action-button">
            {ot('actNow.pickDateSubmit')}
          </Button>
        </form>
      </div>
    </div>
  );
}
