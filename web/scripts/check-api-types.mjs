// Fails when src/api/schema.d.ts is not what `npm run generate:api` makes from api/openapi.yaml,
// so the committed types can never drift from the contract. Runs before every build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const spec = join(web, '..', 'api', 'openapi.yaml');
const committed = join(web, 'src', 'api', 'schema.d.ts');
const cli = join(web, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

const dir = mkdtempSync(join(tmpdir(), 'aantafel-api-'));
try {
  const fresh = join(dir, 'schema.d.ts');
  execFileSync(process.execPath, [cli, spec, '-o', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
  const expected = readFileSync(fresh, 'utf8');
  let actual = '';
  try {
    actual = readFileSync(committed, 'utf8');
  } catch {
    // handled below
  }
  if (actual !== expected) {
    console.error(
      'check:api: web/src/api/schema.d.ts is out of date with api/openapi.yaml.\n' +
        '           Run `npm run generate:api` in web/ and commit the result.',
    );
    process.exit(1);
  }
  console.log('check:api: web/src/api/schema.d.ts matches api/openapi.yaml');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
