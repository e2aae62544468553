/**
 * Projection and SVG path data for the maps. The boundaries are WGS84 longitude/latitude in the
 * Netherlands (lon 3.36–7.23, lat 50.75–53.55). Over so small an area an equirectangular
 * projection with the longitude scaled by cos(latitude of the map's middle) keeps east-west
 * distances true to within about 3 % over the whole country and 0.5 % within a municipality —
 * enough for a choropleth — and needs no library (see docs/maps.md).
 * Pure functions: no DOM, no React.
 */

/** [longitude, latitude] in degrees. */
export type LonLat = readonly [number, number];

export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** The polygon shapes of GeoJSON that a map draws. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: LonLat[][] }
  | { type: 'MultiPolygon'; coordinates: LonLat[][][] };

export interface Projection {
  /** Screen coordinates (SVG user units, y down) of a [lon, lat]. */
  project: (point: LonLat) => [number, number];
  /** The size of the drawing (the SVG's viewBox is `0 0 width height`). */
  width: number;
  height: number;
}

/** Bounds of all rings of the geometries; null when there is no point at all. */
export function boundsOf(geometries: readonly AreaGeometry[]): Bounds | null {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
  }
  return Number.isFinite(minLon) ? { minLon, minLat, maxLon, maxLat } : null;
}

/** Bounds grown on every side by `fraction` of their size, and to at least `minSpan` degrees. */
export function padBounds(bounds: Bounds, fraction: number, minSpan = 0): Bounds {
  const growLon = Math.max((bounds.maxLon - bounds.minLon) * fraction, (minSpan - (bounds.maxLon - bounds.minLon)) / 2, 0);
  const growLat = Math.max((bounds.maxLat - bounds.minLat) * fraction, (minSpan - (bounds.maxLat - bounds.minLat)) / 2, 0);
  return {
    minLon: bounds.minLon - growLon,
    maxLon: bounds.maxLon + growLon,
    minLat: bounds.minLat - growLat,
    maxLat: bounds.maxLat + growLat,
  };
}

/**
 * The projection that fits `bounds` into a drawing `width` wide (minus `padding` on each side).
 * The height follows from the shape, up to `maxHeight`; a taller shape is made smaller to fit
 * and centred horizontally.
 */
export function fitProjection(bounds: Bounds, width: number, maxHeight: number, padding = 0): Projection {
  const k = Math.cos((((bounds.minLat + bounds.maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((bounds.maxLon - bounds.minLon) * k, 1e-9);
  const spanY = Math.max(bounds.maxLat - bounds.minLat, 1e-9);
  const inner = width - 2 * padding;
  let scale = inner / spanX;
  let height = spanY * scale + 2 * padding;
  let offsetX = padding;
  if (height > maxHeight) {
    scale = (maxHeight - 2 * padding) / spanY;
    height = maxHeight;
    offsetX = (width - spanX * scale) / 2;
  }
  return {
    width,
    height: round(height),
    project: ([lon, lat]) => [offsetX + (lon - bounds.minLon) * k * scale, padding + (bounds.maxLat - lat) * scale],
  };
}

/** One decimal is a tenth of an SVG unit: far below a screen pixel at our sizes. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * SVG path data of a polygon or multipolygon: "M x,y L x,y … Z" per ring (holes included; the
 * even-odd or non-zero rule both leave them open since holes run the other way). Points that
 * fall on the same rounded spot as the one before are left out; rings that shrink to fewer than
 * three points are dropped.
 */
export function pathData(geometry: AreaGeometry, projection: Projection): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let d = '';
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points: string[] = [];
      let previous = '';
      for (const point of ring) {
        const [x, y] = projection.project(point);
        const text = `${round(x)},${round(y)}`;
        if (text !== previous) points.push(text);
        previous = text;
      }
      // A closed ring repeats its first point at the end; Z closes it.
      if (points.length > 1 && points[0] === points[points.length - 1]) points.pop();
      if (points.length < 3) continue;
      d += `M${points.join('L')}Z`;
    }
  }
  return d;
}

/**
 * A point inside the shape's box to anchor things to (the middle of the largest ring's bounds).
 * Good enough to order areas north-to-south; not a true centroid.
 */
export function anchorOf(geometry: AreaGeometry): LonLat | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Bounds | null = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer) continue;
    const b = boundsOf([{ type: 'Polygon', coordinates: [outer] }]);
    if (!b) continue;
    const area = (b.maxLon - b.minLon) * (b.maxLat - b.minLat);
    if (area > bestArea) {
      best = b;
      bestArea = area;
    }
  }
  return best ? [(best.minLon + best.maxLon) / 2, (best.minLat + best.maxLat) / 2] : null;
}
