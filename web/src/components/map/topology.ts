/**
 * From the server's TopoJSON (GET /api/v1/maps/…) to shapes with SVG path data. topojson-client
 * decodes the shared, quantised arcs into GeoJSON (only `feature` is used: about 1.6 kB
 * minified); projection.ts turns that into paths. No DOM, no React.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { components } from '../../api/schema';
import { boundsOf, fitProjection, padBounds, pathData, type AreaGeometry, type Bounds, type Projection } from './projection';

/**
 * The server's map answer: a TopoJSON Topology with `attribution` and `year`. The spec leaves the
 * objects open (`additionalProperties: {type: object}`), so they are read with a check here.
 */
export type MapTopology = Omit<components['schemas']['TopoJson'], 'objects'> & { objects: Record<string, unknown> };

/** One decoded geometry of an object: its code and name, and its shape in lon/lat. */
export interface MapShape {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/** A shape ready to draw. */
export interface DrawnShape {
  code: string;
  name: string;
  d: string;
}

function isAreaGeometry(value: unknown): value is AreaGeometry {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'Polygon' || type === 'MultiPolygon';
}

/**
 * The polygons of object `name`, with `properties.code` (or the geometry's `id`) and
 * `properties.name`; geometries without a polygon (null, points) are skipped. An unknown object
 * gives an empty list.
 */
export function shapesOf(topology: MapTopology, name: string): MapShape[] {
  const object = topology.objects[name] as GeometryCollection | undefined;
  if (!object || object.type !== 'GeometryCollection') return [];
  const collection = feature(topology as unknown as Topology, object);
  const shapes: MapShape[] = [];
  for (const f of collection.features) {
    if (!isAreaGeometry(f.geometry)) continue;
    const properties = (f.properties ?? {}) as { code?: unknown; name?: unknown };
    const code = typeof properties.code === 'string' ? properties.code : String(f.id ?? '');
    const label = typeof properties.name === 'string' ? properties.name : code;
    shapes.push({ code, name: label, geometry: f.geometry });
  }
  return shapes;
}

export interface MapDrawingOptions {
  /** Width of the drawing in SVG units (the SVG scales to its box). */
  width?: number;
  /** Tallest the drawing may be, in SVG units. */
  maxHeight?: number;
  /** Fit the view to these shapes only (for example the workspace's municipalities). */
  fitTo?: readonly MapShape[];
  /** Extra room around the fitted shapes, as a share of their size; and the least span in degrees. */
  margin?: number;
  minSpan?: number;
}

export interface MapDrawing {
  projection: Projection;
  bounds: Bounds;
  /** Path data per layer, in the order given. */
  layers: DrawnShape[][];
}

/**
 * Projects layers of shapes into one drawing. The view fits `fitTo` when given, else all shapes
 * of the first layer; shapes outside the view are still drawn (the SVG clips them).
 */
export function drawLayers(layers: readonly (readonly MapShape[])[], options: MapDrawingOptions = {}): MapDrawing | null {
  const { width = 800, maxHeight = 800, fitTo, margin = 0, minSpan = 0 } = options;
  const fitted = fitTo && fitTo.length > 0 ? fitTo : (layers[0] ?? []);
  const raw = boundsOf(fitted.map((s) => s.geometry));
  if (!raw) return null;
  const bounds = padBounds(raw, margin, minSpan);
  const projection = fitProjection(bounds, width, maxHeight, 4);
  return {
    projection,
    bounds,
    layers: layers.map((shapes) =>
      shapes
        .map((s) => ({ code: s.code, name: s.name, d: pathData(s.geometry, projection) }))
        .filter((s) => s.d !== ''),
    ),
  };
}
