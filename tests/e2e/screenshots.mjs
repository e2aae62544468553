// Screenshots for the README: five pages a care manager opens most, in the demo workspace, at
// 1366×768 (the whole page) and 390×844 (the first screen of a phone), written to
// docs/screenshots/<page>-desktop.png and <page>-phone.png. The real server (build/debug/aantafel,
// or AANTAFEL_BIN) with `aantafel demo` and a public address set, as in production, so no banner
// about the address stands above the pages. Needs web/dist (cd web && npm run build).
//
//   cd tests/e2e && node screenshots.mjs            # all five
//   cd tests/e2e && node screenshots.mjs people     # only the ones named
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, settled, watchPage } from './support/browser.mjs';
import { AantafelServer, assertWebBuilt, repoRoot } from './support/server.mjs';

const DEMO = { email: 'demo@aantafel.example', password: 'welkom-aan-tafel' };
const SLUG = 'demo';
const SIZES = {
  desktop: { viewport: { width: 1366, height: 768 }, fullPage: true },
  phone: { viewport: { width: 390, height: 844 }, fullPage: false },
};
const out = process.env.AANTAFEL_SCREENSHOTS ?? join(repoRoot, 'docs', 'screenshots');

/** The first item of a workspace list (GET /api/v1/workspaces/demo/{path}). */
async function firstId(request, path) {
  const response = await request.get(`/api/v1/workspaces/${SLUG}/${path}`);
  if (response.status() !== 200) throw new Error(`GET ${path}: ${response.status()}`);
  const { items } = await response.json();
  if (!items?.length) throw new Error(`the demo has nothing in ${path}`);
  return items[0].id;
}

/** name → path inside the workspace (some need the demo's own records). */
async function keyPages(request) {
  return {
    overview: '',
    people: 'people',
    contacts: 'interactions',
    feedback: 'feedback',
    'policy-plan': `policy-calendar/plans/${await firstId(request, 'plans')}`,
  };
}

/** Opens the page and waits for its heading and its data, and for charts to be drawn. */
async function open(page, path) {
  await page.goto(`/w/${SLUG}/${path}`);
  await settled(page);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // Charts animate in; maps draw their shapes a moment later.
  await page.waitForTimeout(800);
}

async function main() {
  assertWebBuilt();
  const only = process.argv.slice(2);
  const server = new AantafelServer({ publicUrl: 'https://aantafel.example.nl' });
  if (!existsSync(server.bin)) throw new Error(`server binary not found: ${server.bin} (set AANTAFEL_BIN)`);
  let chromium;
  try {
    server.cli(['demo']);
    await server.start();
    chromium = await launchBrowser();
    mkdirSync(out, { recursive: true });
    const watched = [];
    for (const [size, { viewport, fullPage }] of Object.entries(SIZES)) {
      const context = await chromium.browser.newContext({
        baseURL: server.baseUrl,
        viewport,
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        reducedMotion: 'reduce',
      });
      context.setDefaultTimeout(20_000);
      const login = await context.request.post('/api/v1/session', { data: DEMO });
      if (login.status() !== 201) throw new Error(`login: ${login.status()}`);
      const page = await context.newPage();
      watched.push(await watchPage(page));
      for (const [name, path] of Object.entries(await keyPages(context.request))) {
        if (only.length > 0 && !only.includes(name)) continue;
        await open(page, path);
        const file = join(out, `${name}-${size}.png`);
        await page.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' });
        console.log(file);
      }
      await context.close();
    }
    const problems = watched.flat();
    if (problems.length > 0) throw new Error(`the browser reported problems:\n${problems.join('\n')}`);
  } finally {
    await chromium?.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
