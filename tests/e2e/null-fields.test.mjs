// Derived from the API description (api/openapi.yaml): for every operation that takes a JSON
// body, every property the description does not mark nullable (type [.., "null"]) is sent as
// null, alone, to the real server. The answer must refuse it (4xx, never 2xx or 5xx), and a 422
// must name that property; properties marked nullable must not be refused for being null.
// Ids in paths are real ones of the demo workspace, so the body is what gets checked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { AantafelServer, repoRoot } from './support/server.mjs';

const spec = yaml.load(readFileSync(join(repoRoot, 'api', 'openapi.yaml'), 'utf8'));

function resolveRef(node) {
  let current = node;
  for (let i = 0; current && current.$ref && i < 10; ++i) {
    const path = current.$ref.replace(/^#\//, '').split('/');
    current = path.reduce((n, key) => n?.[key], spec);
  }
  return current;
}

/** The object schema's properties, following $ref and allOf. */
function propertiesOf(schema) {
  const s = resolveRef(schema);
  if (!s) return {};
  const out = { ...(s.properties ?? {}) };
  for (const part of s.allOf ?? []) Object.assign(out, propertiesOf(part));
  return out;
}

function allowsNull(schema) {
  const s = resolveRef(schema);
  if (!s) return true;
  if (Array.isArray(s.type)) return s.type.includes('null');
  if (s.type === 'null' || s.nullable === true) return true;
  return [...(s.oneOf ?? []), ...(s.anyOf ?? [])].some(allowsNull);
}

/** Every (method, path, property, nullable) a JSON body of the description has. */
function cases() {
  const out = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['post', 'put', 'patch']) {
      const op = item[method];
      const content = op && resolveRef(op.requestBody)?.content;
      const schema = content?.['application/json']?.schema;
      if (!schema) continue;
      for (const [name, property] of Object.entries(propertiesOf(schema))) {
        out.push({ method: method.toUpperCase(), path, name, nullable: allowsNull(property) });
      }
    }
  }
  return out;
}

const server = new AantafelServer();
let headers = {};
const ids = new Map(); // collection path → an id in it

async function api(method, path, body) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a page, or empty)
  }
  return { status: response.status, json };
}

/** The path with {slug} = demo and every other parameter an id from its collection, or null. */
async function concrete(path) {
  let out = '';
  for (const segment of path.split('/').slice(1)) {
    if (segment === '{slug}') {
      out += '/demo';
      continue;
    }
    if (!segment.startsWith('{')) {
      out += `/${segment}`;
      continue;
    }
    if (!ids.has(out)) {
      const list = await api('GET', out);
      const items = Array.isArray(list.json) ? list.json : list.json?.items;
      const first = Array.isArray(items) ? items.find((i) => i && (i.id ?? i.code) !== undefined) : undefined;
      ids.set(out, first ? String(first.id ?? first.code) : null);
    }
    const id = ids.get(out);
    if (id === null) return null;
    out += `/${id}`;
  }
  return out;
}

before(async () => {
  server.cli(['demo']);
  await server.start();
  const login = await fetch(`${server.baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'demo@aantafel.example', password: 'welkom-aan-tafel' }),
  });
  assert.equal(login.status, 201);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: server.baseUrl };
});

after(async () => {
  await server.stop();
});

test('null is refused for every field the API description does not mark nullable', async (t) => {
  const all = cases();
  assert.ok(all.length > 100, `only ${all.length} body properties found in the description`);
  const problems = [];
  let checked = 0;
  let skipped = 0;
  for (const c of all) {
    if (c.path.startsWith('/f/') || c.path.startsWith('/s/')) {
      skipped += 1; // public survey and scan answers: a token, not an id; their own tests check them
      continue;
    }
    const path = await concrete(c.path);
    if (path === null) {
      skipped += 1; // no item to address in the demo workspace
      continue;
    }
    const answer = await api(c.method, path, { [c.name]: null });
    checked += 1;
    const fields = answer.json?.error?.fields ?? {};
    const named = Object.prototype.hasOwnProperty.call(fields, c.name);
    if (c.nullable) {
      // The message of "not_nullable" (http/errors.cpp) is the only one that names null.
      if (String(fields[c.name] ?? '').includes('(null)')) {
        problems.push(`${c.method} ${c.path} ${c.name}: marked nullable but null is refused`);
      }
      continue;
    }
    if (answer.status < 400 || answer.status >= 500) {
      problems.push(`${c.method} ${c.path} ${c.name}: null answered ${answer.status}`);
    } else if (answer.status === 422 && !named) {
      problems.push(`${c.method} ${c.path} ${c.name}: 422 without naming the field`);
    }
  }
  t.diagnostic(`${all.length} body properties, ${checked} sent as null, ${skipped} skipped`);
  assert.ok(checked > 100, `only ${checked} cases could be checked (${skipped} skipped)`);
  assert.deepEqual(problems, []);
});
