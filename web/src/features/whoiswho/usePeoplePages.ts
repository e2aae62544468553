import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonSummary } from '../../api/types';
import { listPeople } from '../../api/generated/whoiswho';
import { filtersToQuery, filtersToSearch, type PeopleFilters } from './filters';

export interface PeoplePages {
  items: PersonSummary[];
  hasMore: boolean;
  /** The first page is loading (after a filter change). */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loaded: boolean;
  /** Loads the next page; resolves to the number of people added. */
  loadMore: () => Promise<number>;
}

/**
 * The people list, page by page (`limit`/`offset`, `has_more`). A filter change starts again at
 * the first page and aborts what was still loading.
 */
export function usePeoplePages(slug: string, filters: PeopleFilters): PeoplePages {
  const key = `${slug}?${filtersToSearch(filters).toString()}`;
  const [items, setItems] = useState<PersonSummary[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const currentKey = useRef(key);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const itemsRef = useRef(items);
  itemsRef.current = items;

  useEffect(() => {
    currentKey.current = key;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    listPeople({ slug }, filtersToQuery(filtersRef.current, 0), { signal: controller.signal })
      .then((page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setHasMore(page.has_more === true);
        setLoaded(true);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [key, slug]);

  const loadMore = useCallback(async () => {
    const startKey = currentKey.current;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await listPeople({ slug }, filtersToQuery(filtersRef.current, itemsRef.current.length));
      if (currentKey.current !== startKey) return 0;
      // The list may have changed in between: skip anyone already shown.
      const known = new Set(itemsRef.current.map((p) => p.id));
      const fresh = page.items.filter((p) => !known.has(p.id));
      setItems((previous) => [...previous, ...fresh]);
      setHasMore(page.has_more === true);
      return fresh.length;
    } catch (caught) {
      if (currentKey.current === startKey) setError(caught);
      return 0;
    } finally {
      setLoadingMore(false);
    }
  }, [slug]);

  return { items, hasMore, loading, loadingMore, error, loaded, loadMore };
}
