import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import type { OverviewItem } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { useDisclosure } from '../shell/useDisclosure';
import { ActNowItemLink } from './ActNowItemLink';
import { ModuleIcon } from './ModuleIcon';
import {
  focusAfterRemoval,
  isValidSnoozeDay,
  localDay,
  snoozeBounds,
  snoozeUntil,
} from './overview';
import { useOverviewText } from './texts';

interface Hidden {
  item: OverviewItem;
  until: string | null;
}

/**
 * "Nu doen": the items of the overview, with "Klaar, verbergen" and "Later". A hidden item leaves
 * the list at once; a polite message says so and offers "Ongedaan maken". Focus moves to the next
 * item (or the heading when the list is empty), so keyboard users never lose their place.
 */
export function ActNowList({
  slug,
  today,
  items,
  canAct = true,
}: {
  slug: string;
  today: string;
  items: OverviewItem[];
  canAct?: boolean;
}) {
  const ot = useOverviewText();
  const { formatDate } = useI18n();
  const [hiddenKeys, setHiddenKeys] = useState<ReadonlySet<string>>(() => new Set());
  const [message, setMessage] = useState('');
  const [last, setLast] = useState<Hidden | null>(null);
  const [error, setError] = useState('');
  const [focusKey, setFocusKey] = useState<string | null | 'heading'>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const visible = items.filter((item) => !hiddenKeys.has(item.key));
  const day = (value: string) => formatDate(localDay(value));

  useEffect(() => {
    if (focusKey === null) return;
    if (focusKey === 'heading') headingRef.current?.focus();
    else
      Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-item-link]') ?? [])
        .find((link) => link.dataset.itemLink === focusKey)
        ?.focus();
    setFocusKey(null);
  }, [focusKey]);

  async function hide(item: OverviewItem, until: string | null) {
    setError('');
    try {
      await api.hideOverviewItem(slug, until ? { key: item.key, until } : { key: item.key });
    } catch {
      setError(ot('actNow.failed'));
      return;
    }
    const index = visible.findIndex((v) => v.key === item.key);
    const next = focusAfterRemoval(index, visible.length);
    const target = next === null ? null : visible.filter((v) => v.key !== item.key)[next];
    setHiddenKeys((keys) => new Set(keys).add(item.key));
    setLast({ item, until });
    setMessage(
      until ? ot('actNow.snoozed', { title: item.title, date: day(until) }) : ot('actNow.dismissed', { title: item.title }),
    );
    setFocusKey(target ? target.key : 'heading');
  }

  async function undo() {
    if (!last) return;
    setError('');
    try {
      await api.unhideOverviewItem(slug, last.item.key);
    } catch {
      setError(ot('actNow.failed'));
      return;
    }
    setHiddenKeys((keys) => {
      const copy = new Set(keys);
      copy.delete(last.item.key);
      return copy;
    });
    setMessage(ot('actNow.restored', { title: last.item.title }));
    setFocusKey(last.item.key);
    setLast(null);
  }

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
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      aria-label={`${ot('actNow.done')}: ${item.title}`}
                      onClick={() => void hide(item, null)}
                    >
                      {ot('actNow.done')}
                    </Button>
                    <LaterMenu item={item} today={today} onSnooze={(until) => void hide(item, until)} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
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
  const { open, toggle, panelId, rootRef, buttonRef } = useDisclosure();
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
      <Button
        ref={buttonRef}
        type="button"
        appearance="subtle-button"
        className="aantafel-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${ot('actNow.later')}: ${item.title}`}
        onClick={toggle}
      >
        {ot('actNow.later')}
        <span className="aantafel-menu__chevron" aria-hidden="true" />
      </Button>
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
