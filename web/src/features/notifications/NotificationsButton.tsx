import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Bell } from 'lucide-react';
import type { OverviewItem } from '../../api/types';
import { getOverview } from '../../api/generated/overview';
import { Icon } from '../../components/Icon';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentSession } from '../auth/session';
import { ActNowItemLink } from '../overview/ActNowItemLink';
import { ModuleIcon } from '../overview/ModuleIcon';
import { localDay } from '../overview/overview';
import { useOverviewText } from '../overview/texts';
import { DisclosureButton } from '../shell/DisclosureButton';
import { useDisclosure } from '../shell/useDisclosure';
import { onActNowChange, withoutChanged } from './changes';
import { REFRESH_MS, readSeen, seenStorageKey, unseenItems, writeSeen } from './notifications';
import { useNotificationsText } from './texts';
import './notifications.css';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // blocked by the browser's privacy settings
  }
}

/**
 * The "Nu doen" items of the workspace (GET …/overview), loaded at start, on every navigation,
 * after a change announced with announceActNowChange (./changes.ts), and every 5 minutes while the
 * tab is visible. A hidden tab does not poll; when it becomes
 * visible again after more than 5 minutes, it loads at once.
 */
export function useActNowItems(slug: string) {
  const { pathname } = useLocation();
  const [items, setItems] = useState<OverviewItem[] | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const lastLoad = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    lastLoad.current = Date.now();
    getOverview({ slug }, { signal: current.signal }).then(
      (overview) => {
        if (current.signal.aborted) return;
        setItems(overview.items);
        setFailed(false);
      },
      () => {
        if (!current.signal.aborted) setFailed(true);
      },
    );
  }, [slug]);

  useEffect(() => {
    refresh();
  }, [refresh, pathname]);

  // A callback closed (or an item hidden) anywhere in the app: off the list at once, then load again.
  useEffect(
    () =>
      onActNowChange((change) => {
        if (change.slug !== slug) return;
        setItems((current) => (current ? withoutChanged(current, change) : current));
        refresh();
      }),
    [slug, refresh],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      timer ??= setInterval(refresh, REFRESH_MS);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        stop();
        return;
      }
      if (Date.now() - lastLoad.current >= REFRESH_MS) refresh();
      start();
    };
    if (document.visibilityState !== 'hidden') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      controller.current?.abort();
    };
  }, [refresh]);

  return { items, failed };
}

/**
 * "Meldingen" in the header: a button with the number of "Nu doen" items the person has not seen
 * yet, opening the list of all items (a disclosure: Escape closes it and returns focus to the
 * button). Opening the list marks its items as seen (see notifications.ts for where that is kept).
 */
export function NotificationsButton({ slug }: { slug: string }) {
  const nt = useNotificationsText();
  const ot = useOverviewText();
  const { formatDate } = useI18n();
  const { user } = useCurrentSession();
  const disclosure = useDisclosure();
  const { open, toggle, panelId, rootRef } = disclosure;
  const key = seenStorageKey(user.id, slug);
  const { items, failed } = useActNowItems(slug);
  const [seen, setSeen] = useState<{ key: string; keys: ReadonlySet<string> }>(() => ({
    key,
    keys: readSeen(storage(), key),
  }));
  // Another workspace (or person): read that one's set.
  const seenKeys = seen.key === key ? seen.keys : readSeen(storage(), key);
  useEffect(() => {
    if (seen.key !== key) setSeen({ key, keys: readSeen(storage(), key) });
  }, [key, seen.key]);
  // The items that were new when the list was opened, marked "Nieuw" in the open list.
  const [newKeys, setNewKeys] = useState<ReadonlySet<string>>(() => new Set());
  const unseen = items ? unseenItems(items, seenKeys) : [];
  const count = unseen.length;

  // While the list is open, everything in it counts as seen (also items that arrive meanwhile).
  useEffect(() => {
    if (!open || !items) return;
    if (items.every((item) => seenKeys.has(item.key)) && seenKeys.size === items.length) return;
    const keys = items.map((item) => item.key);
    writeSeen(storage(), key, keys);
    setSeen({ key, keys: new Set(keys) });
  }, [open, items, key, seenKeys]);

  function onToggle() {
    if (!open) setNewKeys(new Set(unseen.map((item) => item.key)));
    toggle();
  }

  return (
    <div className="aantafel-menu aantafel-notifications" ref={rootRef}>
      <DisclosureButton disclosure={disclosure} className="aantafel-notifications__button" onClick={onToggle}>
        <Icon icon={Bell} />
        {/* On a phone only the bell and the count show; the word stays the button's name. */}
        <span className="aantafel-notifications__label">{nt('button')}</span>
        {count > 0 ? (
          <>
            {' '}
            <span className="aantafel-notifications__badge" data-testid="notifications-badge">
              <span aria-hidden="true">{count}</span>
              <span className="aantafel-visually-hidden">({nt('buttonNew', { count })})</span>
            </span>
          </>
        ) : null}
        <span className="aantafel-menu__chevron" aria-hidden="true" />
      </DisclosureButton>
      <div role="status" aria-live="polite" aria-atomic="true" className="aantafel-visually-hidden" data-testid="notifications-status">
        {count > 0 ? (count === 1 ? nt('announce1') : nt('announce', { count })) : ''}
      </div>
      <div id={panelId} className="aantafel-menu__panel aantafel-notifications__panel" hidden={!open}>
        <p className="aantafel-menu__heading">{nt('title')}</p>
        {failed && !items ? <p className="aantafel-menu__meta">{nt('failed')}</p> : null}
        {items && items.length === 0 ? <p className="aantafel-menu__meta">{nt('empty')}</p> : null}
        {items && items.length > 0 ? (
          <ul className="aantafel-notifications__list" aria-label={nt('listLabel', { count: items.length })}>
            {items.map((item) => (
              <li key={item.key} className="aantafel-notifications__item" data-module={item.module}>
                <p className="aantafel-notifications__module">
                  <ModuleIcon module={item.module} /> {ot(`module.${item.module}`)}
                  {newKeys.has(item.key) ? <span className="aantafel-badge aantafel-notifications__new">{nt('new')}</span> : null}
                </p>
                <ActNowItemLink slug={slug} item={item} className="aantafel-menu__link aantafel-notifications__link" />
                <p className="aantafel-notifications__explain">{item.explain}</p>
                {item.due ? (
                  <p className="aantafel-notifications__explain">{nt('due', { date: formatDate(localDay(item.due)) })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        <Link to={`/w/${encodeURIComponent(slug)}/`} className="aantafel-menu__link">
          {nt('all')}
        </Link>
      </div>
    </div>
  );
}
