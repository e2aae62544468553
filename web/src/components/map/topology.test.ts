import { describe, expect, it } from 'vitest';
import districts from './fixtures/districts-GM0193.json';
import country from './fixtures/municipalities.json';
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
});
