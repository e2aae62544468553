import { describe, expect, it } from 'vitest';
import { anchorOf, boundsOf, fitProjection, padBounds, pathData, type AreaGeometry } from './projection';

// A one-degree square in the Netherlands: lon 5–6, lat 52–53.
const SQUARE: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [5, 52],
      [6, 52],
      [6, 53],
      [5, 53],
      [5, 52],
    ],
  ],
};
const BOUNDS = { minLon: 5, minLat: 52, maxLon: 6, maxLat: 53 };

describe('projection', () => {
  it('finds the bounds of polygons and multipolygons', () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [[[4, 51], [4.5, 51], [4.5, 51.5], [4, 51]]],
        [[[6.5, 53.2], [7, 53.2], [7, 53.5], [6.5, 53.2]]],
      ],
    };
    expect(boundsOf([SQUARE])).toEqual(BOUNDS);
    expect(boundsOf([SQUARE, multi])).toEqual({ minLon: 4, minLat: 51, maxLon: 7, maxLat: 53.5 });
    expect(boundsOf([])).toBeNull();
  });

  it('scales longitude by cos(latitude of the middle): a 1° square at 52.5° N is 0.609 times as wide as high', () => {
    const projection = fitProjection(BOUNDS, 100, 1000);
    // width 100 = 1° × cos(52.5°) × scale → scale = 164.27, so the height is 164.3.
    expect(projection.width).toBe(100);
    expect(projection.height).toBe(164.3);
    expect(projection.project([5, 53])).toEqual([0, 0]); // north-west corner at the top left
    const [x, y] = projection.project([6, 52]);
    expect(x).toBeCloseTo(100, 6);
    expect(y).toBeCloseTo(164.27, 2);
  });

  it('turns a known polygon into the expected SVG path (y down, one decimal, closed with Z)', () => {
    expect(pathData(SQUARE, fitProjection(BOUNDS, 100, 1000))).toBe('M0,164.3L100,164.3L100,0L0,0Z');
  });

  it('keeps a tall shape within maxHeight and centres it', () => {
    const projection = fitProjection(BOUNDS, 100, 50);
    expect(projection.height).toBe(50);
    // 50 units high → 30.4 wide, centred in 100.
    expect(pathData(SQUARE, projection)).toBe('M34.8,50L65.2,50L65.2,0L34.8,0Z');
  });

  it('adds padding on every side', () => {
    const projection = fitProjection(BOUNDS, 120, 1000, 10);
    expect(projection.project([5, 53])).toEqual([10, 10]);
    expect(projection.height).toBe(184.3);
  });

  it('draws every ring of a multipolygon, holes included, and drops rings that collapse', () => {
    const geometry: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [[5, 52], [6, 52], [6, 53], [5, 53], [5, 52]],
          // a hole, drawn the other way round
          [[5.25, 52.25], [5.25, 52.75], [5.75, 52.75], [5.75, 52.25], [5.25, 52.25]],
        ],
        // far smaller than a tenth of a unit: collapses to one point and is left out
        [[[5.5, 52.5], [5.5000001, 52.5], [5.5, 52.5000001], [5.5, 52.5]]],
      ],
    };
    expect(pathData(geometry, fitProjection(BOUNDS, 100, 1000))).toBe(
      'M0,164.3L100,164.3L100,0L0,0Z' + 'M25,123.2L25,41.1L75,41.1L75,123.2Z',
    );
  });

  it('leaves out repeated points after rounding', () => {
    const geometry: AreaGeometry = {
      type: 'Polygon',
      coordinates: [[[5, 52], [5.0001, 52], [6, 52], [6, 53], [5, 53], [5, 52]]],
    };
    expect(pathData(geometry, fitProjection(BOUNDS, 100, 1000))).toBe('M0,164.3L100,164.3L100,0L0,0Z');
  });

  it('pads bounds by a share of their size and to a least span', () => {
    expect(padBounds(BOUNDS, 0.1)).toEqual({ minLon: 4.9, maxLon: 6.1, minLat: 51.9, maxLat: 53.1 });
    const point = { minLon: 5, maxLon: 5, minLat: 52, maxLat: 52 };
    expect(padBounds(point, 0.1, 0.5)).toEqual({ minLon: 4.75, maxLon: 5.25, minLat: 51.75, maxLat: 52.25 });
  });

  it('anchors a label in the middle of the largest part', () => {
    expect(anchorOf(SQUARE)).toEqual([5.5, 52.5]);
    const islands: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [[[4, 53], [4.1, 53], [4.1, 53.1], [4, 53]]],
        [[[5, 52], [6, 52], [6, 53], [5, 52]]],
      ],
    };
    expect(anchorOf(islands)).toEqual([5.5, 52.5]);
  });
});
