// A local stand-in for Open Besluitvorming (https://openbesluitvorming.nl) that serves the fixture
// pages of tests/fixtures/openbesluitvorming/ in the published format, so the e2e of Raad never
// reaches the internet. Point the server at it with AANTAFEL_COUNCIL_URL (and
// AANTAFEL_COUNCIL_PAGE_SIZE=2, the page size the fixture pages were cut with):
//
//   GET /api/status                                  status.json as is
//   GET /api/export/snapshot?source=soest            soest-snapshot-1.ndjson
//   GET /api/export/snapshot?source=soest&cursor=document:…:12345   soest-snapshot-2.ndjson
//   GET /api/export/changes?source=soest&cursor=7    soest-changes-7.ndjson
//   GET /api/export/changes?source=soest&cursor=9    soest-changes-9.ndjson
//   any later cursor: an empty page; another source: 400 unknown_export_source
//
// with the headers tests/integration/council_http_test.cpp sets (x-next-cursor, x-has-more,
// x-changes-cursor on snapshot pages, RateLimit-*). `limit` is not looked at. The e2e runs the real
// binary with the real clock, so the dates in the records' payloads are moved by whole days: the
// fixtures' meeting (1 December 2026, 18:30 UTC) then falls `daysAhead` days after today (UTC).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from './server.mjs';

const FIXTURES = join(repoRoot, 'tests', 'fixtures', 'openbesluitvorming');
/** The day of the fixtures' meeting (soest-snapshot-2 and soest-changes-7). */
const FIXTURE_MEETING_DAY = Date.UTC(2026, 11, 1);
/** Payload fields that hold a moment of the council's work (not the feed's own `time`). */
const DATE_FIELDS = new Set(['start_date', 'end_date', 'date', 'last_discussed_at', 'date_modified']);
const SOEST_PAGE_2_CURSOR = 'document:notubiz:gemeente:soest:12345';

function fixture(name) {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Moves an ISO moment by `offset` ms, keeping its shape (with or without milliseconds). */
function shiftMoment(value, offset) {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const moved = new Date(time + offset).toISOString();
  return /\.\d+Z$/.test(value) ? moved : moved.replace(/\.\d+Z$/, 'Z');
}

function shiftPayload(value, offset) {
  if (Array.isArray(value)) return value.map((v) => shiftPayload(v, offset));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      DATE_FIELDS.has(key) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? shiftMoment(v, offset) : shiftPayload(v, offset);
  }
  return out;
}

/** An NDJSON page with its dates moved; a line that is not JSON (the fixtures have one) stays as it is. */
function shiftPage(text, offset) {
  return text
    .split('\n')
    .map((line) => {
      if (!line.trim()) return line;
      try {
        const record = JSON.parse(line);
        if (record.payload && typeof record.payload === 'object') record.payload = shiftPayload(record.payload, offset);
        return JSON.stringify(record);
      } catch {
        return line;
      }
    })
    .join('\n');
}

export class OpenBesluitvormingServer {
  /** @param {{ daysAhead?: number }} [options] how many days after today (UTC) the meeting falls */
  constructor({ daysAhead = 3 } = {}) {
    const now = new Date();
    const meetingDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead);
    this.offset = meetingDay - FIXTURE_MEETING_DAY;
    /** When the meeting starts, as the server will store it. */
    this.meetingStart = new Date(Date.parse('2026-12-01T18:30:00Z') + this.offset);
    this.meetingEnd = new Date(Date.parse('2026-12-01T22:00:00Z') + this.offset);
    /** Every request: method, path and query (for checks). */
    this.requests = [];
    this.server = null;
    this.url = '';
    const page = (name) => shiftPage(fixture(name), this.offset);
    this.pages = {
      status: fixture('status.json'),
      snapshot1: page('soest-snapshot-1.ndjson'),
      snapshot2: page('soest-snapshot-2.ndjson'),
      changes7: page('soest-changes-7.ndjson'),
      changes9: page('soest-changes-9.ndjson'),
    };
  }

  async start() {
    this.server = createServer((request, response) => this.#handle(request, response));
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    this.url = `http://127.0.0.1:${this.server.address().port}`;
  }

  async stop() {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise((resolve) => this.server.close(() => resolve()));
    this.server = null;
  }

  /** How often `path` was asked with the given query values (others ignored). */
  asked(path, query = {}) {
    return this.requests.filter(
      (r) => r.path === path && Object.entries(query).every(([name, value]) => r.query[name] === value),
    ).length;
  }

  #handle(request, response) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: request.method, path: url.pathname, query, userAgent: request.headers['user-agent'] ?? '' });
    if (request.method !== 'GET') return this.#json(response, 405, { error: 'Method not allowed' });

    if (url.pathname === '/api/status') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=600' });
      return response.end(this.pages.status);
    }
    if (url.pathname === '/api/export/snapshot' || url.pathname === '/api/export/changes') {
      if (query.source !== 'soest') return this.#json(response, 400, JSON.parse(fixture('unknown-source.json')));
      const cursor = query.cursor ?? '';
      if (url.pathname === '/api/export/snapshot') {
        if (cursor === '') return this.#page(response, this.pages.snapshot1, SOEST_PAGE_2_CURSOR, true, '7');
        if (cursor === SOEST_PAGE_2_CURSOR) {
          return this.#page(response, this.pages.snapshot2, 'motion:notubiz:gemeente:soest:m-2026-041', false, '7');
        }
        return this.#page(response, '', cursor, false, '7');
      }
      if (cursor === '7') return this.#page(response, this.pages.changes7, '9', true);
      if (cursor === '9') return this.#page(response, this.pages.changes9, '10', false);
      if (/^\d+$/.test(cursor) && Number(cursor) >= 10) return this.#page(response, '', cursor, false);
      return this.#json(response, 400, JSON.parse(fixture('invalid-cursor.json')));
    }
    return this.#json(response, 404, { error: 'Not found' });
  }

  #page(response, body, next, more, changes = '') {
    const headers = {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'x-next-cursor': next,
      'x-has-more': more ? 'true' : 'false',
      'RateLimit-Limit': '60',
      'RateLimit-Remaining': '55',
      'RateLimit-Reset': '5',
    };
    if (changes) headers['x-changes-cursor'] = changes;
    response.writeHead(200, headers);
    response.end(body);
  }

  #json(response, status, body) {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }
}
