/**
 * The maps (GET /api/v1/maps/…, tag "maps"), kept in memory: a map does not change while the app
 * runs, and the browser revalidates it with its ETag on the next visit. The requests are the
 * generated getMunicipalityMap and getDistrictMap; this module is imported by lazy pages only, so
 * the first bundle does not grow.
 */
import {
  getDistrictMap as fetchDistrictMap,
  getMunicipalityMap as fetchMunicipalityMap,
} from '../../api/generated/maps';
import type { MapTopology } from './topology';

const cache = new Map<string, MapTopology>();

async function cached(key: string, load: () => Promise<MapTopology>): Promise<MapTopology> {
  const hit = cache.get(key);
  if (hit) return hit;
  const topology = await load();
  cache.set(key, topology);
  return topology;
}

/** Every municipality (object "municipalities") and the provinces ("provinces"). */
export function getMunicipalityMap(signal?: AbortSignal): Promise<MapTopology> {
  return cached('municipalities', () => fetchMunicipalityMap({ signal }));
}

/** One municipality (object "municipality") and its districts ("districts"). */
export function getDistrictMap(code: string, signal?: AbortSignal): Promise<MapTopology> {
  return cached(`municipalities/${code}`, () => fetchDistrictMap({ code }, { signal }));
}

/** Forgets the kept maps (tests). */
export function clearMapCache(): void {
  cache.clear();
}
