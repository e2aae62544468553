import { isApiError } from '../api/client';
import { idParam } from './idParam';
import { useApiData, type ApiData } from './useApiData';

/**
 * The record a page shows by the id in its route (`param`): `id` is null when the route's id is
 * none (no request is made then), `gone` when the server answered 404 (and is not loading again).
 * The request is named by `key` and the id.
 */
export function useRecordById<T>(
  param: string | undefined,
  key: string,
  load: (id: number, signal: AbortSignal) => Promise<T>,
): ApiData<T> & { id: number | null; gone: boolean } {
  const id = idParam(param);
  const data = useApiData(`${key}:${id}`, (signal) =>
    id === null ? Promise.reject(new Error('no id')) : load(id, signal),
  );
  const gone = isApiError(data.error) && data.error.status === 404 && !data.loading;
  return { ...data, id, gone };
}
