import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface ApiData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; resolves when done. */
  reload: () => Promise<void>;
}

/**
 * Loads data with `load` when the key changes; aborts the previous request. `load` gets an
 * AbortSignal. Keeps the previous data while reloading, so lists do not flash.
 */
export function useApiData<T>(key: string, load: (signal: AbortSignal) => Promise<T>): ApiData<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const [waiters] = useState(() => new Set<() => void>());
  // `load` is recreated on each render; `key` names what it loads, so only `key` starts a load.
  const loadLatest = useEffectEvent(load);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadLatest(controller.signal)
      .then((value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
      })
      .finally(() => {
        if (controller.signal.aborted) return;
        setLoading(false);
        for (const done of waiters) done();
        waiters.clear();
      });
    return () => controller.abort();
  }, [key, version, waiters]);

  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiters.add(resolve);
        setVersion((v) => v + 1);
      }),
    [waiters],
  );

  return { data, error, loading, reload };
}
