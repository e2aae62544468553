/**
 * The map requests (GET /api/v1/maps/…). They live here, not in api/client.ts, so the first bundle
 * does not grow. A map does not change while the app runs, so an answer is kept in memory; the
 * browser revalidates it with its ETag on the next visit.
 */
import { apiPath, request } from '../../api/client';
import type { MapTopology } from './topology';

const cache = new Map<string, MapTopology>();

async function cached(path: string, signal?: AbortSignal): Promise<MapTopology> {
  const hit = cache.get(path);
  if (hit) return hit;
  const topology = await request<MapTopology>('GET', path, { signal });
  cache.set(path, topology);
  return topology;
}

/** Every municipality (object "municipalities") and the provinces ("provinces"). */
export function getMunicipalityMap(signal?: AbortSignal): Promise<MapTopology> {
  return cached(apiPath('/api/v1/maps/municipalities'), signal);
}

/** One municipality (object "municipality") and its districts ("districts"). */
export function getDistrictMap(code: string, signal?: AbortSignal): Promise<MapTopology> {
  return cached(apiPath('/api/v1/maps/municipalities/{code}', { code }), signal);
}

/** Forgets the kept maps (tests). */
export function clearMapCache(): void {
  cache.clear();
}
