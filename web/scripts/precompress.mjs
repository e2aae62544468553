// Writes a .gz next to every text asset in dist/ (JS, CSS, HTML, SVG, JSON). The server sends
// `file.gz` when the browser accepts gzip, so nothing is compressed per request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const compressible = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (compressible.test(entry.name)) yield path;
  }
}

let count = 0;
let before = 0;
let after = 0;
for await (const path of files(dist)) {
  const data = await readFile(path);
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  // Tiny files can grow; keep only a .gz that is smaller.
  if (gz.length >= data.length) continue;
  await writeFile(`${path}.gz`, gz);
  count += 1;
  before += data.length;
  after += gz.length;
  if (process.env.PRECOMPRESS_VERBOSE) {
    console.log(`${relative(dist, path)}: ${data.length} -> ${gz.length} bytes`);
  }
}
console.log(`precompress: ${count} files, ${before} -> ${after} bytes (gzip -9)`);
