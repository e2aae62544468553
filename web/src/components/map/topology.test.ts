import { describe, expect, it } from 'vitest';
import districts from './fixtures/districts-GM0193.json';
import country from './fixtures/municipalities.json';
import neighbourhoods from './fixtures/neighbourhoods-GM0193.json';
import { hasNeighbourhoods, objectAreas } from './objects';
import { boundsOf } from './projection';
import { drawLayers, shapesOf, type MapTopology } from './topology';

// A hand-made topology: one arc, quantised (0.001°) and delta-encoded, going round lon 5–6, lat 52–53.
const SQUARE_TOPOLOGY: MapTopology = {
  type: 'Topology',
  transform: { scale: [0.001, 0.001], translate: [5, 52] },
  objects: {
    areas: {
      type: 'GeometryCollection',
      geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: 'WK000101', name: 'Proefwijk' } }],
    },
  },
  arcs: [[[0, 0], [1000, 0], [0, 1000], [-1000, 0], [0, -1000]]],
  attribution: 'CBS / Kadaster, CC BY 4.0',
  year: 2025,
};

const ZWOLLE = districts as unknown as MapTopology;
const COUNTRY = country as unknown as MapTopology;
const ZWOLLE_IMPORTED = neighbourhoods as unknown as MapTopology;

describe('topology', () => {
  it('decodes quantised, delta-encoded arcs into the expected path', () => {
    const shapes = shapesOf(SQUARE_TOPOLOGY, 'areas');
    expect(shapes).toHaveLength(1);
    expect(shapes[0]).toMatchObject({ code: 'WK000101', name: 'Proefwijk' });
    const drawing = drawLayers([shapes], { width: 108 }); // 4 units of padding on each side
    expect(drawing?.layers[0]).toEqual([{ code: 'WK000101', name: 'Proefwijk', d: 'M4,168.3L104,168.3L104,4L4,4Z' }]);
  });

  it('reads the districts of Zwolle from the server layout (code and name per geometry)', () => {
    const shapes = shapesOf(ZWOLLE, 'districts');
    expect(shapes).toHaveLength(16);
    expect(shapes.map((s) => s.code)).toContain('WK019310');
    expect(shapes.find((s) => s.code === 'WK019310')?.name).toBe('Wijk 10 Binnenstad');
    expect(shapesOf(ZWOLLE, 'municipality').map((s) => s.name)).toEqual(['Zwolle']);
    expect(shapesOf(ZWOLLE, 'nothing')).toEqual([]);
  });

  it('projects every district inside the drawing', () => {
    const shapes = shapesOf(ZWOLLE, 'districts');
    const drawing = drawLayers([shapes], { width: 800, maxHeight: 800 });
    expect(drawing).not.toBeNull();
    const { width, height } = drawing!.projection;
    expect(drawing!.layers[0]).toHaveLength(16);
    for (const shape of drawing!.layers[0]!) {
      expect(shape.d).toMatch(/^M[\d.,LMZ]+Z$/);
      const numbers = shape.d.split(/[MLZ,]/).filter(Boolean).map(Number);
      for (let i = 0; i < numbers.length; i += 2) {
        expect(numbers[i]).toBeGreaterThanOrEqual(0);
        expect(numbers[i]).toBeLessThanOrEqual(width);
        expect(numbers[i + 1]).toBeGreaterThanOrEqual(0);
        expect(numbers[i + 1]).toBeLessThanOrEqual(height);
      }
    }
    // Zwolle is about 19 km wide and 17 km high: the drawing is roughly as high as wide.
    expect(height / width).toBeGreaterThan(0.6);
    expect(height / width).toBeLessThan(1.3);
  });

  it('fits the view to chosen shapes and still draws the others', () => {
    const municipalities = shapesOf(COUNTRY, 'municipalities');
    const zeist = municipalities.filter((s) => s.code === 'GM0355');
    const drawing = drawLayers([zeist, municipalities], { fitTo: zeist, margin: 0.15 });
    expect(drawing?.layers[1]).toHaveLength(4);
    // Zeist lies within lon 5.1–5.4: the view is Zeist plus 15 % on each side.
    expect(drawing!.bounds.minLon).toBeGreaterThan(5);
    expect(drawing!.bounds.maxLon).toBeLessThan(5.5);
  });

  it('reads the imported neighbourhoods on the finer grid (0.00001°) at the same place as the districts', () => {
    expect(ZWOLLE_IMPORTED.transform?.scale).toEqual([0.00001, 0.00001]);
    const hoods = shapesOf(ZWOLLE_IMPORTED, 'neighbourhoods');
    expect(hoods).toHaveLength(32);
    expect(hoods[0]).toMatchObject({ code: 'BU01931001', name: 'Wijk 10 Binnenstad West' });
    // Decoded with the transform of the answer: inside Zwolle as drawn from the built-in districts.
    const zwolle = boundsOf(shapesOf(ZWOLLE, 'districts').map((s) => s.geometry))!;
    const inside = boundsOf(hoods.map((s) => s.geometry))!;
    expect(inside.minLon).toBeGreaterThan(zwolle.minLon - 0.01);
    expect(inside.maxLon).toBeLessThan(zwolle.maxLon + 0.01);
    expect(inside.minLat).toBeGreaterThan(zwolle.minLat - 0.01);
    expect(inside.maxLat).toBeLessThan(zwolle.maxLat + 0.01);
    const drawing = drawLayers([hoods, shapesOf(ZWOLLE_IMPORTED, 'districts')]);
    expect(drawing?.layers[0]).toHaveLength(32);
    expect(drawing?.layers[1]).toHaveLength(16);
  });

  it('lists the areas of an object without decoding them, and knows when a map has neighbourhoods', () => {
    const areas = objectAreas(ZWOLLE_IMPORTED, 'neighbourhoods');
    expect(areas).toHaveLength(32);
    expect(areas[0]).toEqual({ code: 'BU01931001', name: 'Wijk 10 Binnenstad West' });
    expect(objectAreas(ZWOLLE, 'districts').map((a) => a.code)).toEqual(shapesOf(ZWOLLE, 'districts').map((s) => s.code));
    expect(objectAreas(ZWOLLE, 'neighbourhoods')).toEqual([]);
    expect(objectAreas(undefined, 'neighbourhoods')).toEqual([]);
    expect(hasNeighbourhoods(ZWOLLE_IMPORTED)).toBe(true);
    expect(hasNeighbourhoods(ZWOLLE)).toBe(false);
    const empty: MapTopology = { ...ZWOLLE, objects: { ...ZWOLLE.objects, neighbourhoods: { type: 'GeometryCollection', geometries: [] } } };
    expect(hasNeighbourhoods(empty)).toBe(false);
  });
});
