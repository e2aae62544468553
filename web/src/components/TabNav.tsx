import { useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';

export interface TabNavItem {
  id: string;
  to: string;
  label: string;
  /** The tab of the section the page belongs to. */
  current: boolean;
  /** The page is the tab's own page (aria-current="page"), not a page below it ("true"). */
  exact: boolean;
}

/**
 * Where to scroll a row of tabs so that one tab is fully in view: unchanged when it already is,
 * else with the tab in the middle (as far as the row allows). All in CSS pixels along the row.
 */
export function scrollToShow(
  tab: { start: number; size: number },
  view: { scroll: number; size: number; scrollSize: number },
): number {
  const end = tab.start + tab.size;
  if (tab.start >= view.scroll && end <= view.scroll + view.size) return view.scroll;
  const centred = tab.start - (view.size - tab.size) / 2;
  return Math.max(0, Math.min(centred, view.scrollSize - view.size));
}

/**
 * The menu of an area (Wie is wie, Cliëntfeedback, …): a row of links under the page title. On a
 * wide screen the row wraps if it must; on a phone it stays one row that scrolls sideways inside
 * itself (never the page), with a shadow at the edge where more tabs are. Every tab is a link, so
 * Tab reaches each one and it scrolls fully into view; on arrival the current tab is scrolled
 * into view too.
 */
export function TabNav({ label, tabs }: { label: string; tabs: readonly TabNavItem[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  const current = tabs.find((tab) => tab.current)?.id;

  /** Scrolls the row so that `link` is fully in view (a row that fits does not move). */
  function reveal(link: HTMLElement | null | undefined) {
    const list = listRef.current;
    if (!list || !link || list.scrollWidth <= list.clientWidth) return;
    const left = scrollToShow(
      { start: link.offsetLeft, size: link.offsetWidth },
      { scroll: list.scrollLeft, size: list.clientWidth, scrollSize: list.scrollWidth },
    );
    if (left !== list.scrollLeft) list.scrollLeft = left;
  }

  useLayoutEffect(() => {
    reveal(listRef.current?.querySelector<HTMLElement>('[aria-current]'));
  }, [current]);

  return (
    <nav className="aantafel-tabs" aria-label={label}>
      {/* A tab reached with Tab comes fully into view (the browser stops at "partly visible"). */}
      <ul className="aantafel-tabs__list" ref={listRef} onFocus={(event) => reveal(event.target as HTMLElement)}>
        {tabs.map((tab) => (
          <li key={tab.id} className="aantafel-tabs__item">
            <Link
              to={tab.to}
              className={tab.current ? 'aantafel-tabs__link aantafel-tabs__link--current' : 'aantafel-tabs__link'}
              aria-current={tab.current ? (tab.exact ? 'page' : 'true') : undefined}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
