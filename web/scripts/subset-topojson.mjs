// Makes the small TopoJSON test fixtures of src/components/map/fixtures/ from the CBS 2025 files in
// shared/data/cbs-2025 (see its README), in the layout the server answers with:
//   GET /api/v1/maps/municipalities         → objects "municipalities" and "provinces"
//   GET /api/v1/maps/municipalities/{code}  → objects "municipality" and "districts"
// with properties {code, name} and top-level "attribution" and "year". Only a few geometries are
// kept (and only the arcs they use), so the repository stays small.
//
//   node scripts/subset-topojson.mjs [path/to/shared/data/cbs-2025]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const source = process.argv[2] ?? join(web, '..', '..', 'shared', 'data', 'cbs-2025');
const out = join(web, 'src', 'components', 'map', 'fixtures');

const ATTRIBUTION = 'CBS / Kadaster, CC BY 4.0';
const YEAR = 2025;
// The demo's three municipalities, and Zwolle (the e2e test's municipality outside the demo).
const MUNICIPALITIES = ['GM0193', 'GM0307', 'GM0344', 'GM0355'];
const PROVINCES = ['PV23', 'PV26']; // Overijssel, Utrecht
// Zwolle for the Sociale kaart, Utrecht (the demo's first municipality) for the municipality page.
const DISTRICTS_OF = ['GM0193', 'GM0344'];

/**
 * @typedef {{ type: string, arcs: any, properties: Record<string, string> }} Geometry
 * @typedef {{ transform: unknown, arcs: unknown[], objects: Record<string, { geometries: Geometry[] }> }} Source
 * @typedef {{ type: string, transform: unknown, arcs: unknown[], attribution: string, year: number,
 *   objects: Record<string, { type: string, geometries: unknown[] }> }} Subset
 * @typedef {[Source, string, (properties: Record<string, string>) => boolean, string]} Entry
 */

/** @param {string} name @returns {Source} */
const read = (name) => JSON.parse(readFileSync(join(source, `${name}_2025.topojson`), 'utf8'));

/**
 * Picks geometries from several source topologies (same transform) into one topology: each
 * entry is [sourceTopology, objectName, keep(properties), newObjectName]. Arcs are renumbered.
 */
/** @param {Entry[]} entries @returns {Subset} */
function subset(entries) {
  /** @type {unknown[]} */
  const arcs = [];
  /** @type {Subset['objects']} */
  const objects = {};
  /** @type {unknown} */
  let transform = null;
  for (const [topology, from, keep, to] of entries) {
    if (transform && JSON.stringify(transform) !== JSON.stringify(topology.transform)) {
      throw new Error('the source files must share one transform');
    }
    transform = topology.transform;
    /** @type {Map<number, number>} */
    const renumber = new Map();
    /** @param {number} index @returns {number} */
    const arc = (index) => {
      const reversed = index < 0;
      const original = reversed ? ~index : index;
      let next = renumber.get(original);
      if (next === undefined) {
        next = arcs.length;
        arcs.push(topology.arcs[original]);
        renumber.set(original, next);
      }
      return reversed ? ~next : next;
    };
    /** @param {number[][]} polygon */
    const rings = (polygon) => polygon.map((ring) => ring.map(arc));
    const geometries = topology.objects[from].geometries
      .filter((g) => keep(g.properties))
      .map((g) => ({
        type: g.type,
        arcs: g.type === 'Polygon' ? rings(g.arcs) : /** @type {number[][][]} */ (g.arcs).map(rings),
        id: g.properties.statcode,
        properties: { code: g.properties.statcode, name: g.properties.statnaam },
      }));
    objects[to] = { type: 'GeometryCollection', geometries };
  }
  return { type: 'Topology', transform, objects, arcs, attribution: ATTRIBUTION, year: YEAR };
}

const gemeente = read('gemeente');
const provincie = read('provincie');
const wijk = read('wijk');

/** @type {(codes: string[]) => (p: Record<string, string>) => boolean} */
const codeIn = (codes) => (p) => codes.includes(p.statcode ?? '');

const country = subset([
  [gemeente, 'gemeente_2025', codeIn(MUNICIPALITIES), 'municipalities'],
  [provincie, 'provincie_2025', codeIn(PROVINCES), 'provinces'],
]);
writeFileSync(join(out, 'municipalities.json'), `${JSON.stringify(country)}\n`);
for (const code of DISTRICTS_OF) {
  const districts = subset([
    [gemeente, 'gemeente_2025', codeIn([code]), 'municipality'],
    [wijk, 'wijk_2025', (p) => p.gmCode === code, 'districts'],
  ]);
  writeFileSync(join(out, `districts-${code}.json`), `${JSON.stringify(districts)}\n`);
  console.log(`subset-topojson: ${districts.objects.districts?.geometries.length} districts of ${code}`);
}
console.log(
  `subset-topojson: ${country.objects.municipalities?.geometries.length} municipalities, ` +
    `${country.objects.provinces?.geometries.length} provinces`,
);
