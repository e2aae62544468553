/**
 * "Nu doen changed": a page that changes what belongs on the "Nu doen" list (closing a callback,
 * hiding an item, assigning a callback) says so here, and the notifications in the header take the
 * item off at once and load the list again. Without this the header kept a closed callback until
 * the next navigation or the 5-minute refresh.
 *
 * A plain DOM event on `window`: no store, no provider, and pages that are loaded lazily need not
 * know the header.
 */
import type { OverviewItem } from '../../api/types';
import { isClosableCallback } from '../overview/overview';

const EVENT = 'aantafel:act-now-changed';

export interface ActNowChange {
  /** The workspace whose list changed. */
  slug: string;
  /** Take this item off at once (by its key). */
  key?: string;
  /** Take the items about this callback off at once (it was closed). */
  closedCallbackId?: number;
}

/** Says that the "Nu doen" list of a workspace changed; the notifications load it again. */
export function announceActNowChange(change: ActNowChange): void {
  if (typeof window === 'undefined') return;
  window.dispatchEvent(new CustomEvent<ActNowChange>(EVENT, { detail: change }));
}

/** Listens for changes; returns the function that stops listening. */
export function onActNowChange(listener: (change: ActNowChange) => void): () => void {
  const handler = (event: Event) => {
    const detail = (event as CustomEvent<ActNowChange>).detail;
    if (detail && typeof detail.slug === 'string') listener(detail);
  };
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}

/** The items that stay after a change: without the item named, and without a closed callback's items. */
export function withoutChanged(items: readonly OverviewItem[], change: ActNowChange): OverviewItem[] {
  return items.filter(
    (item) =>
      item.key !== change.key &&
      !(change.closedCallbackId !== undefined && isClosableCallback(item) && item.record_id === change.closedCallbackId),
  );
}
