// Writes the web app's API client from api/openapi.yaml: src/api/generated/<tag>.ts holds one
// function per operationId of the operations with that tag. Every function calls the one request
// core in src/api/client.ts with the method, the path template and its parts; its parameter and
// answer types are indexed from `operations['<operationId>']` of src/api/schema.d.ts (which
// openapi-typescript generates from the same file), so nothing about an operation is written by hand.
//
//   node scripts/generate-client.mjs            # writes src/api/generated/ (npm run generate:api)
//   node scripts/generate-client.mjs <dir>      # writes elsewhere (check-api-types.mjs compares)
//
// One module per tag keeps the lazy pages' code splitting: a page's chunk carries the functions it
// calls, and Rollup drops the ones no page imports.
//
// How an operation becomes a function:
//   - arguments, in this order, each only when the operation has it: the path parameters as one
//     object ({ slug, person_id }), the body, the query parameters as one object, then
//     `init` ({ signal }). Header parameters other than X-CSRF-Token (which the core sends) and
//     cookie parameters are refused, so are query parameters that are not scalars.
//   - a body in application/json is sent as JSON; other media types (text/csv, application/xml)
//     are sent as is, wrapped in `new Upload(blob, type)` with one of the spec's types.
//   - the answer is the union of the 2xx JSON bodies (`void` for 204); an operation that also
//     answers another media type (text/event-stream) takes `init.accept` and then resolves with
//     the Response itself; one that answers no JSON at all always resolves with the Response.
//   - a GET whose answer is not JSON, or is a download (Content-Disposition), is a link: the
//     function returns its address for an href, an img src or an EventSource, and the browser
//     fetches it with the session cookie.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '@redocly/openapi-core';

const web = fileURLToPath(new URL('..', import.meta.url));
export const specFile = join(web, '..', 'api', 'openapi.yaml');
export const generatedDir = join(web, 'src', 'api', 'generated');

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const JSON_TYPE = 'application/json';
const CSRF_HEADER = 'X-CSRF-Token';
const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await')
    .split(' '),
);

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error(`generate-client: ${message}`);
}

/**
 * Follows local `$ref`s ("#/components/…").
 * @param {any} spec @param {any} node @returns {any}
 */
function deref(spec, node) {
  let current = node;
  for (let depth = 0; current && typeof current === 'object' && '$ref' in current; depth++) {
    const ref = String(current.$ref);
    if (!ref.startsWith('#/') || depth > 20) fail(`unsupported $ref ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((object, key) => (object == null ? undefined : object[key]), spec);
    if (current === undefined) fail(`$ref ${ref} points nowhere`);
  }
  return current;
}

/** @param {string} text */
function docText(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\*\//g, '*\\/');
}

/** @param {string} text */
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * @typedef {{
 *   id: string, tag: string, method: string, template: string, summary: string, deprecated: boolean,
 *   hasPath: boolean, query: 'none' | 'optional' | 'required',
 *   body: null | { required: boolean, json: boolean, raw: string[] },
 *   kind: 'link' | 'json' | 'response', jsonCodes: string[], emptyCodes: string[], otherTypes: string[],
 * }} Operation
 */

/** @param {any} spec @returns {Operation[]} */
function operationsOf(spec) {
  /** @type {Operation[]} */
  const result = [];
  const seen = new Set();
  const declaredTags = new Set((spec.tags ?? []).map((/** @type {{ name: string }} */ t) => t.name));
  for (const [template, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${template}`;
      const id = op.operationId;
      if (typeof id !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(id) || RESERVED.has(id)) {
        fail(`${where} needs an operationId that is a JavaScript name (has ${JSON.stringify(id)})`);
      }
      if (seen.has(id)) fail(`operationId ${id} is used twice`);
      seen.add(id);
      const tags = op.tags ?? [];
      if (tags.length !== 1) fail(`${id} (${where}) needs exactly one tag (has ${tags.length})`);
      const tag = tags[0];
      if (!/^[a-z][a-z0-9-]*$/.test(tag)) fail(`tag ${JSON.stringify(tag)} of ${id} is not a file name`);
      if (!declaredTags.has(tag)) fail(`tag ${tag} of ${id} is not declared under tags:`);

      // Parameters: the operation's override the path item's with the same name and place.
      /** @type {Map<string, any>} */
      const params = new Map();
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const param = deref(spec, raw);
        params.set(`${param.in}:${param.name}`, param);
      }
      const pathNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const name of pathNames) {
        if (!params.has(`path:${name}`)) fail(`${id}: {${name}} in the path has no path parameter`);
        if (!/^[A-Za-z_]\w*$/.test(name)) fail(`${id}: path parameter ${name} is not a plain name`);
      }
      let query = /** @type {Operation['query']} */ ('none');
      for (const param of params.values()) {
        if (param.in === 'path' && !pathNames.includes(param.name)) {
          fail(`${id}: path parameter ${param.name} is not in ${template}`);
        } else if (param.in === 'query') {
          const schema = deref(spec, param.schema ?? {});
          if (!SCALARS.has(schema.type)) fail(`${id}: query parameter ${param.name} is not a scalar`);
          if (param.required) query = 'required';
          else if (query === 'none') query = 'optional';
        } else if (param.in === 'header' && param.name !== CSRF_HEADER) {
          fail(`${id}: header parameter ${param.name} is not supported (the core sends only ${CSRF_HEADER})`);
        } else if (param.in === 'cookie') {
          fail(`${id}: cookie parameter ${param.name} is not supported`);
        }
      }

      /** @type {Operation['body']} */
      let body = null;
      if (op.requestBody) {
        const requestBody = deref(spec, op.requestBody);
        const types = Object.keys(requestBody.content ?? {});
        if (types.length === 0) fail(`${id}: request body without a media type`);
        body = {
          required: requestBody.required === true,
          json: types.includes(JSON_TYPE),
          raw: types.filter((t) => t !== JSON_TYPE),
        };
      }

      /** @type {string[]} */
      const jsonCodes = [];
      /** @type {string[]} */
      const emptyCodes = [];
      /** @type {Set<string>} */
      const otherTypes = new Set();
      let download = false;
      for (const [code, raw] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(code)) continue;
        const response = deref(spec, raw);
        const types = Object.keys(response.content ?? {});
        if (types.length === 0) emptyCodes.push(code);
        if (types.includes(JSON_TYPE)) jsonCodes.push(code);
        for (const type of types) if (type !== JSON_TYPE) otherTypes.add(type);
        if (Object.keys(response.headers ?? {}).some((h) => h.toLowerCase() === 'content-disposition')) download = true;
      }
      /** @type {Operation['kind']} */
      let kind = 'json';
      if (method === 'get' && (jsonCodes.length === 0 || download)) kind = 'link';
      else if (jsonCodes.length === 0 && otherTypes.size > 0) kind = 'response';
      if (kind === 'link' && body) fail(`${id}: a link cannot have a body`);

      result.push({
        id,
        tag,
        method: method.toUpperCase(),
        template,
        summary: docText(op.summary ?? ''),
        deprecated: op.deprecated === true,
        hasPath: pathNames.length > 0,
        query,
        body,
        kind,
        jsonCodes,
        emptyCodes,
        otherTypes: [...otherTypes],
      });
    }
  }
  return result;
}

/**
 * The words of `text` as lines that start with `prefix`, at most `width` characters long.
 * @param {string} text @param {string} prefix
 */
function wrap(text, prefix, width = 110) {
  /** @type {string[]} */
  const lines = [];
  let line = prefix.trimEnd();
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > width && line !== prefix.trimEnd()) {
      lines.push(line);
      line = prefix.trimEnd();
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

/** @param {string[]} types */
const union = (types) => types.map(quote).join(' | ');

/**
 * The TypeScript of one operation.
 * @param {Operation} op
 * @param {Set<string>} uses names imported from ../client
 */
function functionOf(op, uses) {
  const o = `operations[${quote(op.id)}]`;
  /** @type {string[]} */
  const params = [];
  /** @type {string[]} */
  const parts = [];
  if (op.hasPath) {
    params.push(`path: ${o}['parameters']['path']`);
    parts.push('path');
  }
  if (op.body) {
    /** @type {string[]} */
    const types = [];
    if (op.body.json) {
      const requestBody = op.body.required ? `${o}['requestBody']` : `NonNullable<${o}['requestBody']>`;
      types.push(`${requestBody}['content'][${quote(JSON_TYPE)}]`);
    }
    if (op.body.raw.length > 0) {
      uses.add('type Upload');
      types.push(`Upload<${union(op.body.raw)}>`);
    }
    params.push(`body${op.body.required ? '' : '?'}: ${types.join(' | ')}`);
    parts.push('body');
  }
  if (op.query !== 'none') {
    params.push(`query${op.query === 'optional' ? '?' : ''}: ${o}['parameters']['query']`);
    parts.push('query');
  }

  const summary = op.summary ? `: ${op.summary}` : '';
  let text = `\`${op.method} ${op.template}\`${summary}`;
  if (op.kind === 'link') text += ' A link (href, img src, EventSource): the browser fetches it with the session cookie.';
  const lines = wrap(text, ' *');
  if (op.deprecated) lines.push(' * @deprecated');
  const comment =
    lines.length === 1 && lines[0].length <= 110 ? [`/**${lines[0].slice(2)} */`] : ['/**', ...lines, ' */'];

  /** @param {string[]} list @param {string} returns */
  const signature = (list, returns) => {
    const oneLine = `export function ${op.id}(${list.join(', ')}): ${returns}`;
    if (oneLine.length <= 116) return oneLine;
    return `export function ${op.id}(\n${list.map((p) => `  ${p},\n`).join('')}): ${returns}`;
  };

  if (op.kind === 'link') {
    uses.add('link');
    const args = [quote(op.template)];
    if (op.hasPath || op.query !== 'none') args.push(op.hasPath ? 'path' : 'undefined');
    if (op.query !== 'none') args.push('query');
    return [...comment, `${signature(params, 'string')} {`, `  return link(${args.join(', ')});`, '}'].join('\n');
  }

  uses.add('request');
  uses.add('type CallInit');
  const call = (/** @type {string} */ init) =>
    `  return request(${quote(op.method)}, ${quote(op.template)}, { ${parts.join(', ')} }, ${init});`.replace(
      '{  }',
      '{}',
    );
  if (op.kind === 'response') {
    const accept = quote(op.otherTypes.join(', '));
    return [
      ...comment,
      `${signature([...params, 'init?: CallInit'], 'Promise<Response>')} {`,
      call(`{ accept: ${accept}, ...init }`),
      '}',
    ].join('\n');
  }

  const answers = op.jsonCodes.map((code) => `${o}['responses'][${code}]['content'][${quote(JSON_TYPE)}]`);
  if (op.emptyCodes.length > 0) answers.push(answers.length > 0 ? 'undefined' : 'void');
  const answer = answers.length > 0 ? answers.join(' | ') : 'void';
  const returns = `Promise<${answer}>`;
  if (op.otherTypes.length === 0) {
    return [...comment, `${signature([...params, 'init?: CallInit'], returns)} {`, call('init'), '}'].join('\n');
  }
  // Also answers another media type: `init.accept` asks for it and gives the Response itself.
  const accept = union(op.otherTypes);
  return [
    ...comment,
    `${signature([...params, 'init?: CallInit'], returns)};`,
    `/** With \`init.accept\` (${op.otherTypes.join(', ')}): the Response itself, once it is 2xx. */`,
    `${signature([...params, `init: CallInit & { accept: ${accept} }`], 'Promise<Response>')};`,
    `${signature([...params, `init?: CallInit & { accept?: ${accept} }`], `Promise<${answer} | Response>`)} {`,
    call('init'),
    '}',
  ].join('\n');
}

/**
 * The generated modules, by file name.
 * @param {string} specText the YAML of api/openapi.yaml
 * @returns {Map<string, string>}
 */
export function generateClient(specText) {
  const spec = /** @type {any} */ (parseYaml(specText));
  const operations = operationsOf(spec);
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const tag of spec.tags ?? []) {
    const ops = operations.filter((op) => op.tag === tag.name);
    if (ops.length === 0) continue;
    /** @type {Set<string>} */
    const uses = new Set();
    const functions = ops.map((op) => functionOf(op, uses));
    const imports = ['link', 'request', 'type CallInit', 'type Upload'].filter((name) => uses.has(name));
    const header = [
      `// Generated by web/scripts/generate-client.mjs from api/openapi.yaml (the operations tagged "${tag.name}").`,
      '// Do not edit: change the spec and run `npm run generate:api` in web/; `npm run check:api` fails when',
      '// this file is out of date.',
      '//',
      ...wrap(`${tag.name}: ${docText(tag.description ?? '')}`, '//'),
      `import { ${imports.join(', ')} } from '../client';`,
      "import type { operations } from '../schema';",
    ];
    files.set(`${tag.name}.ts`, `${header.join('\n')}\n\n${functions.join('\n\n')}\n`);
  }
  return files;
}

/** Writes the modules into `dir` and removes .ts files there that no tag makes any more. */
export function writeClient(dir = generatedDir) {
  const files = generateClient(readFileSync(specFile, 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.ts') && !files.has(name)) rmSync(join(dir, name));
  }
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.argv[2] ?? generatedDir;
  const files = writeClient(dir);
  console.log(`generate-client: wrote ${files.size} modules to ${dir}`);
}
