// Front-end performance of four pages against a running aantafel server: bytes on the wire for a
// cold load, the gzip -9 size of each JS and CSS file, and Lighthouse-style timings (TTFB, FCP,
// LCP, DOMContentLoaded, load, TBT, CLS) on a throttled mobile profile, median of RUNS cold loads.
// Prints Markdown on stdout; progress goes to stderr. Started by bench/frontend.sh, which also
// starts the server; to run it alone against a server with the demo workspace:
//
//   node bench/frontend.mjs --base http://127.0.0.1:8080 [--runs 3] [--survey-token TOKEN]
//        [--slug demo] [--email demo@aantafel.example] [--password welkom-aan-tafel]
//        [--chromium /usr/bin/chromium] [--command 'text for the header']
//
// playwright-core comes from tests/e2e/node_modules (`cd tests/e2e && npm ci`); the browser is
// Debian's Chromium (AANTAFEL_CHROMIUM or --chromium), never a download.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireE2e = createRequire(join(root, 'tests', 'e2e', 'package.json'));
const { chromium } = requireE2e('playwright-core');

// --- arguments -------------------------------------------------------------------------------
const options = {
  base: '',
  runs: 3,
  slug: 'demo',
  email: 'demo@aantafel.example',
  password: 'welkom-aan-tafel',
  surveyToken: '',
  chromium: process.env.AANTAFEL_CHROMIUM ?? '/usr/bin/chromium',
  command: '',
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 1) {
  const key = argv[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  if (!(key in options) || i + 1 >= argv.length) {
    console.error(`unknown or incomplete argument: ${argv[i]}`);
    process.exit(2);
  }
  options[key] = key === 'runs' ? Number(argv[++i]) : argv[++i];
}
if (!options.base) {
  console.error('usage: node bench/frontend.mjs --base URL [--runs N] [--survey-token T] ...');
  process.exit(2);
}
options.base = options.base.replace(/\/$/, '');
const log = (message) => process.stderr.write(`[frontend] ${message}\n`);

// --- profile (Lighthouse's mobile "Slow 4G" numbers, applied with DevTools throttling) ----------
const NETWORK = {
  offline: false,
  latency: 150, // ms added to every request
  downloadThroughput: 1_638_400 / 8, // 1.6 Mbit/s in bytes per second
  uploadThroughput: 750 * 1024 / 8, // 750 Kbit/s
  connectionType: 'cellular4g',
};
const CPU_SLOWDOWN = 4;
const DEVICE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
  timezoneId: 'Europe/Amsterdam',
};
const SURVEY_TARGET_BYTES = 20 * 1024;
const QUIET_MS = 1000; // "settled": no request (other than the live feed) for this long
const SETTLE_LIMIT_MS = 30_000;

// --- the browser -----------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: options.chromium,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});

/** Runs in every page before its own scripts: collects paint, LCP, long-task and shift entries. */
function collectMetrics() {
  const m = { fcp: null, lcp: null, longTasks: [], shifts: [] };
  window.__bench = m;
  const observe = (type, callback) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(callback)).observe({ type, buffered: true });
    } catch {
      // entry type not supported
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') m.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    m.lcp = e.renderTime || e.loadTime || e.startTime;
  });
  observe('longtask', (e) => m.longTasks.push([e.startTime, e.duration]));
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) m.shifts.push([e.startTime, e.value]);
  });
}

const pages = [];
let storageState;

async function newContext(authenticated) {
  const context = await browser.newContext({
    ...DEVICE,
    baseURL: options.base,
    ...(authenticated ? { storageState } : {}),
  });
  context.setDefaultTimeout(SETTLE_LIMIT_MS);
  await context.addInitScript(collectMetrics);
  return context;
}

/** Logs in once through the session API; later contexts reuse the cookie (storageState). */
async function login() {
  const context = await browser.newContext({ baseURL: options.base });
  const response = await context.request.post('/api/v1/session', {
    data: { email: options.email, password: options.password },
  });
  if (response.status() !== 201) throw new Error(`login answered ${response.status()}: ${await response.text()}`);
  if (!options.surveyToken) {
    const surveys = await context.request.get(`/api/v1/workspaces/${options.slug}/feedback/surveys`);
    if (!surveys.ok()) throw new Error(`GET …/feedback/surveys answered ${surveys.status()}`);
    const first = (await surveys.json()).items?.find((s) => s.active) ?? null;
    if (!first) throw new Error(`workspace ${options.slug} has no active survey (pass --survey-token)`);
    options.surveyToken = first.token ?? first.url.replace(/\/$/, '').split('/').pop();
    log(`survey "${first.name}" token ${options.surveyToken}`);
  }
  storageState = await context.storageState();
  await context.close();
}

/**
 * One cold load (cache disabled, fresh context) of `path`. Records every request through the
 * DevTools protocol and, when `throttled`, applies the network/CPU profile. Waits until `ready`
 * is on the page and the network has been quiet for QUIET_MS (the live feed's EventSource does
 * not count), then returns requests, bodies (if `bodies`) and the page's metrics.
 */
async function load(spec, { throttled, bodies }) {
  const context = await newContext(spec.authenticated);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  const requests = new Map();
  let lastActivity = Date.now();
  let documentTtfb = null;
  const inFlight = new Set();
  cdp.on('Network.requestWillBeSent', (e) => {
    lastActivity = Date.now();
    if (e.type === 'EventSource' || e.request.url.startsWith('data:')) return;
    inFlight.add(e.requestId);
    requests.set(e.requestId, { url: e.request.url, type: e.type, started: e.timestamp, bytes: 0, status: 0 });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.mime = e.response.mimeType;
    r.type = e.type;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.encoding = headers['content-encoding'] ?? '';
    r.contentLength = headers['content-length'] ? Number(headers['content-length']) : null;
    // Time to the response headers as the throttled browser saw them (the emulated latency is
    // added after the real headers arrive, so Navigation Timing's responseStart leaves it out).
    if (e.type === 'Document' && e.response.timing && documentTtfb === null) {
      documentTtfb = (e.response.timing.requestTime - r.started) * 1000 + e.response.timing.receiveHeadersEnd;
    }
  });
  cdp.on('Network.loadingFinished', (e) => {
    lastActivity = Date.now();
    inFlight.delete(e.requestId);
    const r = requests.get(e.requestId);
    if (r) {
      r.bytes = e.encodedDataLength;
      r.done = true;
    }
  });
  cdp.on('Network.loadingFailed', (e) => {
    lastActivity = Date.now();
    inFlight.delete(e.requestId);
    const r = requests.get(e.requestId);
    if (r) r.failed = e.errorText;
  });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));

  const started = Date.now();
  const response = await page.goto(spec.path(), { waitUntil: 'load', timeout: SETTLE_LIMIT_MS * 2 });
  if (!response || response.status() !== 200) throw new Error(`${spec.path()} answered ${response?.status()}`);
  if (new URL(page.url()).pathname !== new URL(spec.path(), options.base).pathname) {
    throw new Error(`${spec.path()} ended on ${page.url()} (not logged in?)`);
  }
  await page.locator(spec.ready).first().waitFor({ timeout: SETTLE_LIMIT_MS * 2 });
  if (spec.readyFn) await page.waitForFunction(spec.readyFn, null, { timeout: SETTLE_LIMIT_MS * 2, polling: 100 });
  while (Date.now() - started < SETTLE_LIMIT_MS * 2) {
    if (inFlight.size === 0 && Date.now() - lastActivity >= QUIET_MS) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const metrics = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const marks = performance.getEntriesByType('mark').filter((e) => e.name.startsWith('aantafel:'))
      .map((e) => [e.name, e.startTime]);
    return {
      serverTtfb: nav.responseStart - nav.startTime,
      domContentLoaded: nav.domContentLoadedEventEnd - nav.startTime,
      load: nav.loadEventEnd - nav.startTime,
      settled: performance.now(),
      marks,
      ...window.__bench,
    };
  });
  // Bodies of the JS and CSS files (decoded), for their gzip -9 size.
  if (bodies) {
    for (const [id, r] of requests) {
      if (r.type !== 'Script' && r.type !== 'Stylesheet') continue;
      try {
        const body = await cdp.send('Network.getResponseBody', { requestId: id });
        const raw = Buffer.from(body.body, body.base64Encoded ? 'base64' : 'utf8');
        r.rawBytes = raw.length;
        r.gzip9 = gzipSync(raw, { level: 9 }).length;
      } catch (error) {
        r.bodyError = String(error.message ?? error);
      }
    }
  }
  await context.close();
  if (problems.length) log(`${spec.name}: page errors: ${problems.join('; ')}`);
  const navStart = Math.min(...[...requests.values()].map((r) => r.started));
  metrics.ttfb = documentTtfb;
  return { requests: [...requests.values()].map((r) => ({ ...r, at: (r.started - navStart) * 1000 })), metrics };
}

// --- derived numbers -------------------------------------------------------------------------
function kind(r) {
  if (r.type === 'Document') return 'html';
  if (r.type === 'Script') return 'js';
  if (r.type === 'Stylesheet') return 'css';
  return 'other';
}
function sizes(requests) {
  const out = { html: 0, js: 0, css: 0, other: 0, total: 0, count: 0 };
  for (const r of requests) {
    out[kind(r)] += r.bytes;
    out.total += r.bytes;
    out.count += 1;
  }
  return out;
}
/** Lighthouse-like TBT: the part of each long task beyond 50 ms inside [from, to]. */
function blocking(longTasks, from, to) {
  let sum = 0;
  for (const [start, duration] of longTasks) {
    const s = Math.max(start, from);
    const e = Math.min(start + duration, to);
    if (e <= s) continue;
    // a task clipped by the window counts only its inside part, as Lighthouse does at FCP
    sum += Math.max(0, e - s - 50);
  }
  return sum;
}
/** CLS: the largest session window (gaps < 1 s, at most 5 s long) of layout-shift values. */
function cls(shifts) {
  let best = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const [t, v] of shifts) {
    if (t - last < 1000 && t - first < 5000) current += v;
    else {
      current = v;
      first = t;
    }
    last = t;
    best = Math.max(best, current);
  }
  return best;
}
const median = (values) => {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const kb = (bytes) => (bytes === null || bytes === undefined ? 'n/a' : (bytes / 1024).toFixed(1));
const ms = (value) => (value === null || value === undefined ? 'n/a' : Math.round(value).toLocaleString('en-US'));
const shortUrl = (url) => {
  const u = new URL(url);
  return u.pathname.replace(/^\/f\/[^/]+$/, '/f/{token}') + (u.search ? '?…' : '');
};

// --- run ---------------------------------------------------------------------------------------
const PAGES = [
  { name: 'Survey (public)', path: () => `/f/${options.surveyToken}`, ready: 'form, main', authenticated: false },
  { name: 'Login', path: () => '/login', ready: 'form', authenticated: false },
  { name: 'Home (overview)', path: () => `/w/${options.slug}/`, ready: 'main h1', authenticated: true },
  {
    name: 'Cliëntfeedback dashboard',
    path: () => `/w/${options.slug}/feedback`,
    ready: 'h2:has-text("NPS")',
    // the charts have their engine (a lazy chunk) and have drawn: no "loading" status left
    readyFn: () => document.querySelector('.aantafel-chart') !== null &&
      document.querySelector('.aantafel-chart__status') === null,
    authenticated: true,
  },
];

const startedAt = Date.now();
const loadBefore = loadavg()[0];
log(`Chromium ${browser.version()}, logging in as ${options.email}`);
await login();
for (const spec of PAGES) {
  log(`${spec.name}: ${spec.path()} — unthrottled cold load for bytes and bodies`);
  const bytesRun = await load(spec, { throttled: false, bodies: true });
  const runs = [];
  for (let i = 0; i < options.runs; i += 1) {
    const run = await load(spec, { throttled: true, bodies: false });
    const m = run.metrics;
    const row = {
      ttfb: m.ttfb,
      serverTtfb: m.serverTtfb,
      fcp: m.fcp,
      lcp: m.lcp,
      dcl: m.domContentLoaded,
      load: m.load,
      tbt: m.fcp === null ? null : blocking(m.longTasks, m.fcp, m.load),
      tbtSettled: m.fcp === null ? null : blocking(m.longTasks, m.fcp, m.settled),
      cls: cls(m.shifts),
      settled: m.settled - QUIET_MS,
      bytes: sizes(run.requests).total,
      rendered: m.marks.find(([n]) => n.endsWith('-rendered'))?.[1] ?? null,
    };
    runs.push(row);
    log(`  run ${i + 1}: TTFB ${ms(row.ttfb)} FCP ${ms(row.fcp)} LCP ${ms(row.lcp)} load ${ms(row.load)} ` +
      `TBT ${ms(row.tbt)} CLS ${row.cls.toFixed(3)} (${kb(row.bytes)} KB)`);
  }
  const expected = sizes(bytesRun.requests);
  for (const [i, run] of runs.entries()) {
    if (Math.abs(run.bytes - expected.total) > Math.max(0.05 * expected.total, 1024)) {
      log(`  warning: run ${i + 1} transferred ${kb(run.bytes)} KB, the unthrottled load ${kb(expected.total)} KB`);
    }
  }
  pages.push({ spec, bytesRun, runs });
}
const elapsed = (Date.now() - startedAt) / 1000;

// --- report ------------------------------------------------------------------------------------
const out = [];
const p = (line = '') => out.push(line);
const commit = (() => {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const dirty = (() => {
  try {
    return execFileSync('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/performance.md'], { encoding: 'utf8' }).trim()
      ? ' (working tree has uncommitted changes)'
      : '';
  } catch {
    return '';
  }
})();
const os = (() => {
  try {
    return /PRETTY_NAME="?([^"\n]*)/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    return '';
  }
})();

p('## Front end: bytes and load timings');
p();
p(`- Date: ${new Date().toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC')}; commit ${commit}${dirty}`);
p(`- Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os}; ` +
  `1-minute load average ${loadBefore.toFixed(2)} before the browser part, ${loadavg()[0].toFixed(2)} after it`);
p(`- Browser: Chromium ${browser.version()} headless (\`--disable-gpu\`), via playwright-core; Node ${process.version}`);
p(`- Server: ${options.base} (loopback)`);
p(`- Command: \`${options.command || `node bench/frontend.mjs --base ${options.base} --runs ${options.runs}`}\``);
p(`- Browser part took ${elapsed.toFixed(0)} s (${PAGES.length} pages × (1 + ${options.runs}) cold loads)`);
p();
p('### Transferred on a cold load (cache disabled, fresh browser context)');
p();
p('| Page | Path | Requests | HTML KB | JS KB | CSS KB | Other KB | Total KB | Target | Met? |');
p('|---|---|---:|---:|---:|---:|---:|---:|---|---|');
for (const { spec, bytesRun } of pages) {
  const s = sizes(bytesRun.requests);
  const survey = spec.name.startsWith('Survey');
  const target = survey ? '≤ 20 KB' : '';
  const met = survey ? (s.total <= SURVEY_TARGET_BYTES ? 'yes' : '**no**') : '';
  const path = spec.path().replace(options.surveyToken, '{token}');
  p(`| ${spec.name} | \`${path}\` | ${s.count} | ${kb(s.html)} | ${kb(s.js)} | ${kb(s.css)} | ${kb(s.other)} | ${kb(s.total)} | ${target} | ${met} |`);
}
p();
p('### JS and CSS files each page loads (until the network is quiet)');
p();
p('| Page | File | Requested at | Content-Encoding | On the wire KB | Uncompressed KB | gzip -9 KB |');
p('|---|---|---:|---|---:|---:|---:|');
for (const { spec, bytesRun } of pages) {
  const files = bytesRun.requests.filter((r) => kind(r) === 'js' || kind(r) === 'css').sort((a, b) => a.at - b.at);
  let wire = 0;
  let raw = 0;
  let gz = 0;
  for (const r of files) {
    wire += r.bytes;
    raw += r.rawBytes ?? 0;
    gz += r.gzip9 ?? 0;
    p(`| ${spec.name} | \`${shortUrl(r.url)}\` | ${ms(r.at)} ms | ${r.encoding || 'none'} | ${kb(r.bytes)} | ${kb(r.rawBytes)} | ${kb(r.gzip9)} |`);
  }
  if (files.length === 0) p(`| ${spec.name} | (no JS or CSS) | | | | | |`);
  else p(`| **${spec.name}: ${files.length} files** | | | | **${kb(wire)}** | **${kb(raw)}** | **${kb(gz)}** |`);
}
p();
p('Other requests of the same loads (path, status, KB on the wire):');
p();
for (const { spec, bytesRun } of pages) {
  const other = bytesRun.requests.filter((r) => kind(r) === 'other' || kind(r) === 'html').sort((a, b) => a.at - b.at);
  p(`- ${spec.name}: ${other.map((r) => `\`${shortUrl(r.url)}\` ${r.status || r.failed || '?'} ${r.encoding ? `${r.encoding} ` : ''}${kb(r.bytes)}`).join(', ')}`);
}
p();
p(`### Timings, throttled mobile profile (median of ${options.runs} cold loads, ms)`);
p();
p('| Page | TTFB | FCP | LCP | DOMContentLoaded | load | TBT (FCP→load) | TBT (FCP→settled) | CLS | settled | app "rendered" mark |');
p('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { spec, runs } of pages) {
  const med = (key) => median(runs.map((r) => r[key]));
  const clsMed = med('cls');
  p(`| ${spec.name} | ${ms(med('ttfb'))} | ${ms(med('fcp'))} | ${ms(med('lcp'))} | ${ms(med('dcl'))} | ${ms(med('load'))} | ` +
    `${ms(med('tbt'))} | ${ms(med('tbtSettled'))} | ${clsMed === null ? 'n/a' : clsMed.toFixed(3)} | ${ms(med('settled'))} | ${ms(med('rendered'))} |`);
}
p();
p('All runs (TTFB / FCP / LCP / load / TBT FCP→load / TBT FCP→settled, ms; in brackets Navigation Timing\'s ' +
  '`responseStart`, which the emulated latency does not delay):');
p();
for (const { spec, runs } of pages) {
  p(`- ${spec.name}: ${runs.map((r) => `${ms(r.ttfb)} / ${ms(r.fcp)} / ${ms(r.lcp)} / ${ms(r.load)} / ${ms(r.tbt)} / ` +
    `${ms(r.tbtSettled)} (${ms(r.serverTtfb)})`).join('; ')}`);
}
p();
p('### Notes');
p();
p('- **Bytes**: every request of one cold load (cache disabled through the DevTools protocol, new browser ' +
  'context), from the page request until no request has been open for 1 s (the dashboard\'s live-feed ' +
  'EventSource is left out: it never ends). "KB" is 1,024 bytes as received on the wire ' +
  '(`Network.loadingFinished.encodedDataLength`: response headers plus the body as sent, so compressed when the ' +
  'server sent `Content-Encoding: gzip`). HTML = the document; JS = scripts (module chunks included); ' +
  'CSS = stylesheets; other = API calls (fetch/XHR), icons, images, fonts. ' +
  'The survey target (≤ 20 KB transferred without cache) is checked against the total of that column.');
p('- **gzip -9**: each JS/CSS body as the browser decoded it, compressed by Node\'s zlib at level 9; ' +
  'meaningful even where the server sends a file uncompressed. "Requested at" is the time after the page request ' +
  'on the unthrottled load: the files named in the HTML come first, the later ones are lazy chunks (`import()`), ' +
  'some of them preloaded by the app for pages it expects next.');
p(`- **Profile**: DevTools throttling as Lighthouse's mobile "Slow 4G" numbers: ${NETWORK.latency} ms latency per ` +
  `request, ${NETWORK.downloadThroughput * 8 / 1024} Kbit/s down (${NETWORK.downloadThroughput.toLocaleString('en-US')} B/s), ` +
  `${NETWORK.uploadThroughput * 8 / 1024} Kbit/s up (${NETWORK.uploadThroughput.toLocaleString('en-US')} B/s; 1 Kbit = 1,024 bits as in ` +
  `Lighthouse); CPU slowed ${CPU_SLOWDOWN}× ` +
  '(`Emulation.setCPUThrottlingRate`; relative to this machine, not to a phone); viewport 412×823 at ' +
  'device scale 1.75, mobile, touch, nl-NL. Lighthouse itself uses simulated throttling, or with DevTools ' +
  'throttling 562.5 ms latency and 90 % of the bandwidth, so its numbers would be higher than these. The server ' +
  'is on loopback, so TTFB is the added latency plus the server\'s own time.');
p('- **Timings** (ms from navigation start, medians): TTFB = time from sending the page request to its ' +
  'response headers under throttling (DevTools `response.timing.receiveHeadersEnd`; DevTools adds the emulated ' +
  'latency after the real headers arrive, so Navigation Timing\'s `responseStart` leaves it out); FCP = ' +
  '`first-contentful-paint`; LCP = last `largest-contentful-paint` entry before the page settled (no input is ' +
  'made, so LCP keeps being reported); DOMContentLoaded and load = end of those events; settled = the moment ' +
  'after which no request was started or finished for 1 s (a single-page app keeps loading lazy chunks and API ' +
  'data after `load`). TBT (FCP→load) = sum over long tasks (PerformanceObserver `longtask`) of their part ' +
  'beyond 50 ms inside [FCP, load]; TBT (FCP→settled) the same up to settled, which covers the app\'s render ' +
  'after its data arrive (Lighthouse counts up to Time to Interactive). When FCP comes after load (the app\'s ' +
  'module script runs before the load event, its first paint after) the FCP→load window is empty and that TBT is ' +
  '0 by construction. CLS = largest session window of ' +
  '`layout-shift` values without recent input. "rendered" = the app\'s own `performance.mark` ' +
  '(`aantafel:login-rendered`, `aantafel:overview-rendered`) where the page sets one.');
p('- The logged-in pages reuse one session (logged in once through `POST /api/v1/session`, its cookie given to ' +
  'each fresh context as storageState), so each measured load is cold-cache but authenticated. Two cores ' +
  'shared by server, browser and whatever else runs: compare runs on the same machine only.');

process.stdout.write(`${out.join('\n')}\n`);
await browser.close();
