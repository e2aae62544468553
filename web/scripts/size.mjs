// Prints the size of every JavaScript and CSS file of the build (dist/assets), minified and
// gzipped (-9, as the build's precompress step), largest first, and the entry chunk (the "first
// bundle" every page loads) on its own line. Run after `npm run build`.
//   npm run size                 # table
//   npm run size -- --json       # the same as JSON
//   npm run size -- map topojson # only files whose name contains one of the words
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const args = process.argv.slice(2);
const asJson = args.includes('--json');
const words = args.filter((a) => !a.startsWith('--'));

const index = await readFile(join(dist, 'index.html'), 'utf8').catch(() => {
  console.error('size: dist/index.html is missing; run `npm run build` first');
  process.exit(1);
});
const entry = /src="\/assets\/([^"]+\.js)"/.exec(index)?.[1] ?? '';

/** @type {{ file: string, bytes: number, gzip: number, entry: boolean }[]} */
const rows = [];
for (const name of await readdir(join(dist, 'assets'))) {
  if (!/\.(js|css)$/.test(name)) continue;
  if (words.length > 0 && !words.some((w) => name.toLowerCase().includes(w.toLowerCase()))) continue;
  const data = await readFile(join(dist, 'assets', name));
  rows.push({
    file: name,
    bytes: data.length,
    gzip: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length,
    entry: name === entry,
  });
}
rows.sort((a, b) => b.bytes - a.bytes);

if (asJson) {
  console.log(JSON.stringify({ entry, files: rows }, null, 2));
} else {
  /** @param {number} n */
  const kb = (n) => (n / 1000).toFixed(1).padStart(8);
  console.log(`${'file'.padEnd(48)} ${'min kB'.padStart(8)} ${'gzip kB'.padStart(8)}`);
  for (const r of rows) console.log(`${(r.file + (r.entry ? ' (entry)' : '')).padEnd(48)} ${kb(r.bytes)} ${kb(r.gzip)}`);
  const js = rows.filter((r) => r.file.endsWith('.js'));
  /** @param {typeof rows} list @param {'bytes' | 'gzip'} key */
  const total = (list, key) => list.reduce((sum, r) => sum + r[key], 0);
  console.log(`${'all JS'.padEnd(48)} ${kb(total(js, 'bytes'))} ${kb(total(js, 'gzip'))}`);
}
