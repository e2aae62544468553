// The set-up every browser test file shares: before the tests, a check that the web app is built,
// the real server with a fresh database (its data made with the CLI) and Debian's Chromium; after
// them, both closed again. Pages open in a fresh browser context in Dutch and Amsterdam time,
// watched for errors (support/browser.mjs), and can be signed in through the API first.
//
//   const e2e = e2eSuite({ prepare: prepareDemo({ users: [VIEWER] }), screenshots });
//   test('…', async () => {
//     const { context, page, problems, csrf } = await e2e.newPage({ login: DEMO });
//     …
//     assert.deepEqual(problems, []);
//     await context.close();
//   });
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import { launchBrowser, watchPage } from './browser.mjs';
import { assertWebBuilt, startServer } from './server.mjs';

/** The owner of the demo workspace that `aantafel demo` makes. */
export const DEMO = { email: 'demo@aantafel.example', password: 'welkom-aan-tafel', name: 'Demo Gebruiker' };

/** What a page gets unless the suite or the call says otherwise. */
const PAGE_DEFAULTS = {
  viewport: { width: 1280, height: 900 },
  locale: 'nl-NL',
  timezoneId: 'Europe/Amsterdam',
  timeout: 15_000,
};

/**
 * The data most files start from, made with the CLI before the server starts: `aantafel demo` (the
 * demo workspace, owned by DEMO, and the municipality reference data), then the accounts `users`
 * ({ email, name, password }), the `workspaces` ({ slug, name, kind? }) owned by DEMO, and what
 * `then(server)` adds.
 *
 * @param {{ users?: { email: string, name: string, password: string }[],
 *   workspaces?: { slug: string, name: string, kind?: string }[],
 *   then?: (server: import('./server.mjs').AantafelServer) => unknown }} [options]
 */
export function prepareDemo({ users = [], workspaces = [], then = () => {} } = {}) {
  return async (server) => {
    server.cli(['demo']);
    for (const user of users) server.addUser(user);
    for (const workspace of workspaces) server.createWorkspace(workspace, DEMO.email);
    await then(server);
  };
}

/**
 * Signs `who` in through the API (the login page has its own tests), in the cookies of `context`;
 * returns the session (with its `csrf_token`).
 *
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ email: string, password: string }} [who]
 */
export async function login(context, who = DEMO) {
  const response = await context.request.post('/api/v1/session', {
    data: { email: who.email, password: who.password },
  });
  assert.equal(response.status(), 201, `logging in as ${who.email}`);
  return response.json();
}

/**
 * JSON requests in Dutch through the signed-in `context`: a path that does not start with /api/
 * is one of the workspace `slug`. `get` expects 200, `post` 201 (or `expected`); both return the
 * answer's JSON and name the path and the answer when the status differs.
 */
export function apiClient(context, csrf, slug) {
  const url = (path) => (path.startsWith('/api/') ? path : `/api/v1/workspaces/${slug}${path}`);
  const headers = { 'Accept-Language': 'nl', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) };
  return {
    async get(path) {
      const response = await context.request.get(url(path), { headers });
      assert.equal(response.status(), 200, `GET ${path}: ${await response.text()}`);
      return response.json();
    },
    async post(path, data, expected = 201) {
      const response = await context.request.post(url(path), { data, headers });
      assert.equal(response.status(), expected, `POST ${path}: ${await response.text()}`);
      return response.json();
    },
  };
}

/**
 * Registers the file's before and after hooks and returns the suite: `server` and `browser` (a
 * Playwright Browser) once started, and `newPage`. Node runs a file's top-level before hooks side
 * by side, so a file's own top-level hook must not wait for these; a describe's hooks and the
 * tests run after all of them.
 *
 * @param {{ server?: object | null | (() => Promise<object>), prepare?: (server) => unknown,
 *   screenshots?: string, page?: object }} [options]
 *   server: the AantafelServer options (or a function that makes them, after whatever they need
 *   has started); null: no server (the file starts its own).
 *   prepare: makes the data with the CLI before the server starts; prepareDemo() unless given.
 *   screenshots: a folder to create for the file's pictures.
 *   page: the file's defaults for newPage.
 */
export function e2eSuite({ server: serverOptions = {}, prepare = prepareDemo(), screenshots, page: pageDefaults = {} } = {}) {
  let server;
  let chromium;

  before(async () => {
    assertWebBuilt();
    if (serverOptions !== null) {
      const options = typeof serverOptions === 'function' ? await serverOptions() : serverOptions;
      server = await startServer(options, prepare);
    }
    chromium = await launchBrowser();
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await chromium?.close();
    await server?.stop();
  });

  /**
   * A fresh browser context (own cookies and storage) with a page that is watched for errors:
   * `{ context, page, problems }`, and with `login` (an account) signed in first, also `session`
   * and its `csrf`. Other options: `server` (another server than the suite's), `viewport`,
   * `timeout` (the default for every wait) and any option of browser.newContext; an option that
   * is undefined keeps the default.
   */
  async function newPage(options = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    const { server: target = server, login: who, timeout, ...contextOptions } = { ...PAGE_DEFAULTS, ...pageDefaults, ...given };
    const context = await chromium.browser.newContext({ baseURL: target.baseUrl, ...contextOptions });
    context.setDefaultTimeout(timeout);
    const session = who ? await login(context, who) : undefined;
    const page = await context.newPage();
    const problems = await watchPage(page);
    return { context, page, problems, session, csrf: session?.csrf_token };
  }

  return {
    get server() {
      return server;
    },
    get browser() {
      return chromium.browser;
    },
    newPage,
  };
}
