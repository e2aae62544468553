/**
 * What a map answer holds, read without decoding its shapes: the code and name of each area of
 * an object. No topojson-client here, so the pages can ask (for example "does this municipality
 * have neighbourhoods?") without loading the map's drawing code.
 */
import type { MapTopology } from './topology';

export interface MapObjectArea {
  code: string;
  name: string;
}

interface GeometryLike {
  type?: unknown;
  id?: unknown;
  properties?: { code?: unknown; name?: unknown } | null;
}

/**
 * The areas of object `name` (its Polygon and MultiPolygon geometries, as shapesOf draws them)
 * with `properties.code` (or the geometry's `id`) and `properties.name` (or the code). An unknown
 * object, or no map, gives an empty list.
 */
export function objectAreas(topology: MapTopology | undefined, name: string): MapObjectArea[] {
  const object = topology?.objects[name] as { type?: unknown; geometries?: unknown } | undefined;
  if (!object || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) return [];
  const areas: MapObjectArea[] = [];
  for (const geometry of object.geometries as GeometryLike[]) {
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const properties = geometry.properties ?? {};
    const code = typeof properties.code === 'string' ? properties.code : String(geometry.id ?? '');
    if (!code) continue;
    areas.push({ code, name: typeof properties.name === 'string' ? properties.name : code });
  }
  return areas;
}

/** The object of a municipality's map with its neighbourhoods (after `aantafel import boundaries`). */
export const NEIGHBOURHOODS = 'neighbourhoods';

/** Whether a municipality's map has neighbourhoods to show. */
export function hasNeighbourhoods(topology: MapTopology | undefined): boolean {
  return objectAreas(topology, NEIGHBOURHOODS).length > 0;
}
