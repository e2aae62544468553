// Fails when src/api/schema.d.ts or the client in src/api/generated/ is not what
// `npm run generate:api` makes from api/openapi.yaml, so the committed types and request functions
// can never drift from the contract. Runs before every build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateClient, generatedDir, specFile } from './generate-client.mjs';

const web = fileURLToPath(new URL('..', import.meta.url));
const committed = join(web, 'src', 'api', 'schema.d.ts');
const cli = join(web, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

/** @param {string} file */
function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** @type {string[]} */
const stale = [];
const dir = mkdtempSync(join(tmpdir(), 'aantafel-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(process.execPath, [cli, specFile, '-o', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (readOrEmpty(committed) !== readFileSync(fresh, 'utf8')) stale.push('web/src/api/schema.d.ts');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const expected = generateClient(readFileSync(specFile, 'utf8'));
for (const [name, text] of expected) {
  if (readOrEmpty(join(generatedDir, name)) !== text) stale.push(`web/src/api/generated/${name}`);
}
/** @type {string[]} */
let present = [];
try {
  present = readdirSync(generatedDir).filter((name) => name.endsWith('.ts'));
} catch {
  // A missing directory: every module is reported above.
}
for (const name of present) {
  if (!expected.has(name)) stale.push(`web/src/api/generated/${name} (no tag makes it any more)`);
}

if (stale.length > 0) {
  console.error(
    `check:api: out of date with api/openapi.yaml:\n${stale.map((file) => `           ${file}\n`).join('')}` +
      '           Run `npm run generate:api` in web/ and commit the result.',
  );
  process.exit(1);
}
console.log(`check:api: web/src/api/schema.d.ts and ${expected.size} modules in web/src/api/generated/ match api/openapi.yaml`);
