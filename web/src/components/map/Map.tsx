import { lazy, Suspense } from 'react';
import type { ChoroplethMapProps } from './ChoroplethMap';
import { useMapText } from './texts';

// The drawing code (and topojson-client) is its own chunk, loaded when a map is on screen, so
// neither the first bundle nor the pages that link to a map carry it.
const LazyChoroplethMap = lazy(() => import('./ChoroplethMap').then((m) => ({ default: m.ChoroplethMap })));

function MapLoading() {
  const mx = useMapText();
  return (
    <p role="status" className="aantafel-loading">
      {mx('loading')}
    </p>
  );
}

/** A choropleth map with its legend, summary and table (see ChoroplethMap), loaded on demand. */
export function MapFigure(props: ChoroplethMapProps) {
  return (
    <Suspense fallback={<MapLoading />}>
      <LazyChoroplethMap {...props} />
    </Suspense>
  );
}

export type { ChoroplethMapProps, MapAreaValue, MapLegendItem } from './ChoroplethMap';
export type { MapTone } from './tones';
export type { MapTopology } from './topology';
