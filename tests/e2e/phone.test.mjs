// End-to-end for the app on a phone (issue #24): the real server with the demo workspace, the
// built web app and Chromium at 390×844. The server keeps its default (loopback) public address,
// as a first demo does, so the owners' banner about it stands above every workspace page: in its
// compact phone layout it must leave room. Every page of the app (every route of
// web/src/App.tsx, the detail pages with the demo's own records, and the pages outside a
// workspace) must show its own h1 in the upper half of the first screen, must not scroll
// sideways (document.scrollingElement.scrollWidth <= innerWidth), and passes axe-core; "Later"
// on the banner is remembered for the browser session. At 1366×768 every page passes axe-core
// and does not scroll sideways either. On a phone the main menu sits behind "Menu" in the
// header: it opens and closes with the keyboard, keeps focus inside while open, Escape returns to
// the button, choosing a link closes it and the skip link still works. At 1366×768 the menu is
// beside the page and the button is not shown. An area's own menu (its tabs) stays one row on a
// phone that scrolls inside itself, with the current tab in view and every tab reached by Tab. Screenshots of five key pages at both sizes and of
// the open menu go to /var/tmp/e2e-screenshots/phone-*.png (AANTAFEL_E2E_SCREENSHOTS=DIR for
// another place), not into the repository (tests/e2e/screenshots.mjs makes docs/screenshots/).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused, axeViolations, LAPTOP, measureWidth, PHONE, settled } from './support/browser.mjs';
import { DEMO, e2eSuite } from './support/suite.mjs';

const SLUG = 'demo';
const BANNER = 'Het openbare adres van aantafel is nog niet ingesteld';
const screenshots = process.env.AANTAFEL_E2E_SCREENSHOTS ?? '/var/tmp/e2e-screenshots';

// The default public address (loopback): the owners' banner is shown (public-address.test.mjs
// covers the banner itself and a server without it).
const e2e = e2eSuite({ screenshots, page: { timeout: 20_000 } });

/** A fresh browser context at `viewport`, signed in as the demo owner unless `signedIn` is false. */
const newPage = (viewport, { signedIn = true } = {}) => e2e.newPage({ viewport, login: signedIn ? DEMO : null });

/** The id of the first item of a workspace list (GET /api/v1/workspaces/demo/{path}). */
async function firstId(request, path, pick = () => true) {
  const response = await request.get(`/api/v1/workspaces/${SLUG}/${path}`);
  assert.equal(response.status(), 200, `GET ${path}: ${response.status()}`);
  const { items } = await response.json();
  const item = items.find(pick);
  assert.ok(item, `the demo has an item in ${path}`);
  return item.id;
}

/** Opens `path` and waits for the page's h1 and for its data (nothing busy or loading). */
async function open(page, path) {
  await page.goto(path);
  await settled(page);
  // Charts and maps are drawn a moment after their data arrives.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Where the h1 starts, the widths (the page's scrolling box against the window and against the
 * room beside a scroll bar), and what sticks out to the right (for the message).
 */
async function layout(page) {
  const heading = await page.evaluate(() => {
    window.scrollTo(0, 0);
    const h1 = document.querySelector('main h1');
    return {
      h1: h1?.textContent?.trim() ?? '',
      h1Top: h1 ? h1.getBoundingClientRect().top + window.scrollY : Infinity,
      banner: Boolean(document.querySelector('.aantafel-address-banner')),
    };
  });
  return { ...heading, ...(await measureWidth(page)) };
}

/** What is wrong with the page's layout: sideways scrolling (and, on a phone, a low h1). */
function layoutFailures(path, seen, viewport) {
  const failures = [];
  if (viewport.width < 768 && !(seen.h1Top < viewport.height / 2)) {
    failures.push(`${path}: the h1 "${seen.h1}" starts at ${Math.round(seen.h1Top)} px, not in the upper half (< ${viewport.height / 2} px)`);
  }
  if (seen.scrollWidth > seen.innerWidth || seen.scrollWidth > seen.clientWidth) {
    failures.push(
      `${path}: scrolls sideways (${seen.scrollWidth} px > ${Math.min(seen.innerWidth, seen.clientWidth)} px): ${seen.sticking.join(', ')}`,
    );
  }
  return failures;
}

/** Describes the focused element: its text or label, and whether it is inside the main menu. */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      id: el?.id ?? '',
      name: (el?.getAttribute('aria-label') || el?.textContent || '').trim().replace(/\s+/g, ' '),
      inMenu: Boolean(el?.closest('#main-nav')),
      isToggle: Boolean(el?.classList.contains('aantafel-nav-toggle')),
      expanded: el?.getAttribute('aria-expanded') ?? null,
    };
  });
}

/** Every page of the app inside the demo workspace, with the demo's own records for detail pages. */
async function workspacePages(request) {
  const municipality = await firstId(request, 'organisations', (o) => o.kind === 'municipality');
  const person = await firstId(request, 'people');
  const plan = await firstId(request, 'plans');
  const survey = await firstId(request, 'feedback/surveys');
  const interaction = await firstId(request, 'interactions');
  const agreement = await firstId(request, 'agreements');
  const scenario = await firstId(request, 'financing/scenarios');
  const scan = await firstId(request, 'scans');
  const valueCase = await firstId(request, 'value-cases');
  const service = await firstId(request, 'services');
  const consortium = await firstId(request, 'consortia');
  const paths = [
    '',
    'settings',
    'settings/audit-log',
    'people',
    'people/new',
    'people/import',
    'people/organisations',
    `people/organisations/${municipality}`,
    `people/${person}`,
    'policy-calendar',
    'policy-calendar/plans/new',
    `policy-calendar/plans/${plan}`,
    `policy-calendar/plans/${plan}/edit`,
    `policy-calendar/municipalities/${municipality}`,
    'policy-calendar/feeds',
    // Raad with the feature off (no [council] url): the list says so calmly; a meeting page needs
    // a followed council (council.test.mjs covers it with a stand-in for Open Besluitvorming).
    'council',
    'advisor',
    'advisor/result',
    'advisor/result?employees=12&phase=change&level=alderman&goal=get_known',
    'advisor/knowledge',
    'feedback',
    'feedback/surveys',
    `feedback/surveys/${survey}`,
    `feedback/surveys/${survey}/poster`,
    'feedback/responses',
    'interactions',
    'interactions/new',
    'interactions/agreements',
    'interactions/agreements/new',
    `interactions/agreements/${agreement}`,
    `interactions/organisations/${municipality}`,
    `interactions/${interaction}`,
    'financing',
    'financing/new',
    `financing/${scenario}`,
    `financing/${scenario}/print`,
    'scan',
    'scan/new',
    'scan/value-cases',
    'scan/value-cases/new',
    `scan/value-cases/${valueCase}`,
    `scan/value-cases/${valueCase}/print`,
    `scan/${scan}`,
    `scan/${scan}/results`,
    'social-map',
    'social-map/services',
    'social-map/services/new',
    `social-map/services/${service}`,
    'social-map/consortia',
    'social-map/consortia/new',
    `social-map/consortia/${consortium}`,
    `social-map/consortia/${consortium}/edit`,
    `municipalities/${municipality}`,
    'bestaat-niet',
  ];
  return paths.map((path) => `/w/${SLUG}/${path}`);
}

/** The pages outside a workspace: signed out, and signed in. */
const PUBLIC_PAGES = ['/login', '/invitation', '/password/forgot', '/password/reset', '/dit/bestaat/niet'];
const SIGNED_IN_PAGES = ['/account', '/no-workspace'];

/** Five pages a care manager opens most, for the screenshots. */
const KEY_PAGES = [
  ['overview', ''],
  ['people', 'people'],
  ['calendar', 'policy-calendar'],
  ['feedback', 'feedback'],
  ['scan', 'scan'],
];

/**
 * Opens every page at `viewport` (the workspace's and the signed-in ones as the demo owner, the
 * public ones signed out) and collects what is wrong with each: it does not open, its layout
 * (layoutFailures), axe, and what `more(tab, path, seen)` finds. `line` describes a page for the
 * diagnostics. Fails with `title` and the list; also on anything the browser reported.
 */
async function checkEveryPage(t, viewport, title, { line, more = async () => [] }) {
  const { context, page, problems } = await newPage(viewport);
  const pages = [...(await workspacePages(context.request)), ...SIGNED_IN_PAGES];
  const guest = await newPage(viewport, { signedIn: false });
  const visits = [...pages.map((path) => [page, path]), ...PUBLIC_PAGES.map((path) => [guest.page, path])];
  const failures = [];
  for (const [tab, path] of visits) {
    try {
      await open(tab, path);
    } catch (error) {
      failures.push(`${path}: did not open: ${error.message.split('\n')[0]}`);
      continue;
    }
    const seen = await layout(tab);
    t.diagnostic(line(path, seen));
    failures.push(...layoutFailures(path, seen, viewport));
    const violations = await axeViolations(tab);
    if (violations.length > 0) failures.push(`${path}: axe\n${violations.join('\n')}`);
    failures.push(...(await more(tab, path, seen)));
  }
  assert.deepEqual(failures, [], `${title}:\n${failures.join('\n')}`);
  assert.ok(visits.length >= 55, `visited ${visits.length} pages`);
  for (const watched of [problems, guest.problems]) {
    assert.deepEqual(watched, [], `the browser reported problems:\n${watched.join('\n')}`);
  }
  await guest.context.close();
  await context.close();
}

describe('the app on a phone (390×844)', () => {
  test('every page: the h1 in the upper half of the first screen, no sideways scrolling, axe', async (t) => {
    await checkEveryPage(t, PHONE, 'pages that do not fit a phone', {
      line: (path, seen) =>
        `${path}: h1 "${seen.h1}" at ${Math.round(seen.h1Top)} px${seen.banner ? ' below the banner' : ''}, ${seen.scrollWidth}/${seen.innerWidth} px wide`,
      async more(tab, path, seen) {
        if (!path.startsWith('/w/')) return [];
        const failures = [];
        // The owner sees the banner about the public address above every workspace page.
        if (!seen.banner) failures.push(`${path}: no banner about the public address`);
        // On a phone the menu is folded away: the button is there, the links are not.
        const toggle = tab.getByRole('button', { name: 'Menu', exact: true });
        if (!(await toggle.isVisible())) failures.push(`${path}: no "Menu" button`);
        if (await tab.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()) {
          failures.push(`${path}: the main menu is open on arrival`);
        }
        return failures;
      },
    });
  });

  test('the banner about the public address is compact; "Later" is remembered for the session', async () => {
    const { context, page, problems } = await newPage(PHONE);
    await open(page, `/w/${SLUG}/people`);
    const banner = page.getByRole('region', { name: BANNER });
    await banner.waitFor();
    // Compact: the title, then the folded steps and "Later"; no more than a fifth of the screen.
    const box = await banner.boundingBox();
    assert.ok(box && box.height <= PHONE.height / 5, `the banner is ${box?.height} px high at 390×844`);
    const before = (await layout(page)).h1Top;
    await banner.getByRole('button', { name: 'Later: melding over het openbare adres' }).click();
    await banner.waitFor({ state: 'detached' });
    await assertFocused(page.locator('#page-heading'), 'focus on the heading');
    const after = (await layout(page)).h1Top;
    assert.ok(after < before, `the h1 moved up (${Math.round(before)} → ${Math.round(after)} px)`);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('aantafel.publicAddress.later')), '1');
    // Remembered: another page and a reload in the same browser session show no banner.
    await open(page, `/w/${SLUG}/feedback`);
    await page.reload();
    await page.locator('main h1').waitFor();
    assert.equal(await page.getByRole('region', { name: BANNER }).count(), 0, 'still hidden after a reload');
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('the menu by keyboard: open, focus kept inside, Escape, choosing a link, skip link', async (t) => {
    const { context, page, problems } = await newPage(PHONE);
    await open(page, `/w/${SLUG}/`);
    const toggle = page.getByRole('button', { name: 'Menu', exact: true });
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });

    await t.test('Tab reaches "Menu" right after the brand; Enter opens the menu with focus on its first link', async () => {
      await page.keyboard.press('Tab'); // skip link
      assert.equal((await focused(page)).name, 'Naar de inhoud');
      await page.keyboard.press('Tab'); // brand
      await page.keyboard.press('Tab');
      const button = await focused(page);
      assert.ok(button.isToggle, `focus on the menu button, not on "${button.name}"`);
      assert.equal(button.expanded, 'false');
      assert.equal(await toggle.getAttribute('aria-controls'), 'main-nav');
      await page.keyboard.press('Enter');
      await nav.waitFor();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const first = await focused(page);
      assert.ok(first.inMenu, `focus moved into the menu (now on "${first.name}")`);
      assert.equal(first.name, 'Overzicht');
      await assertAccessible(page, 'the open menu at 390×844');
      await page.screenshot({ path: join(screenshots, 'phone-menu-open-390.png') });
      // The menu's links are large enough to tap and all on the first screen.
      const boxes = await nav.getByRole('link').evaluateAll((links) => links.map((l) => l.getBoundingClientRect().toJSON()));
      assert.equal(boxes.length, 11);
      for (const box of boxes) {
        assert.ok(box.height >= 44, `a menu link is ${box.height} px high`);
        assert.ok(box.bottom <= PHONE.height, `a menu link ends at ${box.bottom} px, below the screen`);
      }
    });

    await t.test('while open, Tab and Shift+Tab stay in the menu and its button', async () => {
      const names = [];
      for (let i = 0; i < 13; i += 1) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        assert.ok(now.inMenu || now.isToggle, `Tab left the menu for "${now.name}"`);
        names.push(now.name);
      }
      assert.deepEqual(names.slice(0, 12), [
        'Wie is wie',
        'Beleidskalender',
        'Raad',
        'Strategiewijzer',
        'Contacten en afspraken',
        'Cliëntfeedback',
        'Bekostiging',
        'Samenwerkingsscan',
        'Sociale kaart',
        'Instellingen werkruimte',
        'Menu',
        'Overzicht',
      ]);
      for (let i = 0; i < 3; i += 1) {
        await page.keyboard.press('Shift+Tab');
        const now = await focused(page);
        assert.ok(now.inMenu || now.isToggle, `Shift+Tab left the menu for "${now.name}"`);
      }
      assert.equal((await focused(page)).name, 'Instellingen werkruimte');
    });

    await t.test('Escape closes the menu and returns focus to the button', async () => {
      await page.keyboard.press('Escape');
      await nav.waitFor({ state: 'hidden' });
      const back = await focused(page);
      assert.ok(back.isToggle, `focus back on the button, not on "${back.name}"`);
      assert.equal(back.expanded, 'false');
      await assertAccessible(page, 'the closed menu at 390×844');
    });

    await t.test('choosing a link with the keyboard closes the menu and opens the page, focus on its heading', async () => {
      await page.keyboard.press('Enter'); // open again (focus is on the button)
      await nav.waitFor();
      await page.keyboard.press('Tab'); // Wie is wie
      assert.equal((await focused(page)).name, 'Wie is wie');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Wie is wie' }).waitFor();
      await nav.waitFor({ state: 'hidden' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
    });

    await t.test('a tap on a link closes the menu too, and a tap beside it', async () => {
      await toggle.click();
      await nav.getByRole('link', { name: 'Beleidskalender' }).click();
      await page.getByRole('heading', { level: 1, name: 'Beleidskalender' }).waitFor();
      await nav.waitFor({ state: 'hidden' });
      await toggle.click();
      await nav.waitFor();
      await page.mouse.click(PHONE.width / 2, PHONE.height - 20); // on the dimmed page below the menu
      await nav.waitFor({ state: 'hidden' });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    });

    await t.test('the skip link jumps to the page past the header', async () => {
      await page.reload();
      await page.locator('main h1').waitFor();
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).name, 'Naar de inhoud');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main-content');
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test("an area's menu is one row that scrolls inside itself, the current tab in view, every tab by keyboard", async () => {
    const { context, page, problems } = await newPage(PHONE);
    /** The tabs' rows, whether the row scrolls, whether the current tab is fully in view, the page's width. */
    const tabRow = () =>
      page.evaluate(() => {
        const list = document.querySelector('.aantafel-tabs__list');
        const box = list.getBoundingClientRect();
        const inView = (el) => {
          const r = el.getBoundingClientRect();
          return r.left >= box.left - 1 && r.right <= box.right + 1;
        };
        const links = [...list.querySelectorAll('a')];
        return {
          rows: new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size,
          scrolls: list.scrollWidth > list.clientWidth,
          currentInView: inView(list.querySelector('[aria-current]')),
          focusedInView: document.activeElement?.closest('.aantafel-tabs__list') ? inView(document.activeElement) : null,
          pageWidth: (document.scrollingElement ?? document.documentElement).scrollWidth,
        };
      });
    const paths = ['people/organisations', 'social-map/services', 'social-map/consortia/new', 'interactions/agreements/new', 'scan/value-cases/new'];
    for (const path of paths) {
      await open(page, `/w/${SLUG}/${path}`);
      const row = await tabRow();
      assert.equal(row.rows, 1, `/${path}: the tabs take ${row.rows} rows`);
      assert.ok(row.currentInView, `/${path}: the current tab is not in view`);
      assert.ok(row.pageWidth <= PHONE.width, `/${path}: the page scrolls sideways (${row.pageWidth} px)`);
    }
    // Five tabs do not fit 390 px: the row scrolls, and Tab brings each tab into view.
    await open(page, `/w/${SLUG}/social-map`);
    assert.ok((await tabRow()).scrolls, 'the Sociale kaart menu scrolls sideways');
    const tabs = page.getByRole('navigation', { name: 'Sociale kaart' }).getByRole('link');
    await tabs.first().focus();
    for (let i = 1; i < (await tabs.count()); i += 1) {
      await page.keyboard.press('Tab');
      const row = await tabRow();
      assert.equal(row.focusedInView, true, `tab ${i + 1} is focused and in view`);
    }
    await assertAccessible(page, 'the Sociale kaart menu scrolled to its last tab at 390×844');
    assert.ok((await tabRow()).pageWidth <= PHONE.width, 'the page does not scroll sideways');
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('screenshots of five key pages at 390×844 and 1366×768', async () => {
    for (const [size, viewport] of [
      ['390', PHONE],
      ['1366', LAPTOP],
    ]) {
      const { context, page, problems } = await newPage(viewport);
      for (const [name, path] of KEY_PAGES) {
        await open(page, `/w/${SLUG}/${path}`);
        await page.screenshot({ path: join(screenshots, `phone-${name}-${size}.png`) });
        if (size === '390') await page.screenshot({ path: join(screenshots, `phone-${name}-${size}-full.png`), fullPage: true });
      }
      // A scan of the demo, with its results.
      const scan = await firstId(context.request, 'scans');
      await open(page, `/w/${SLUG}/scan/${scan}/results`);
      await page.screenshot({ path: join(screenshots, `phone-scan-results-${size}.png`) });
      assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
      await context.close();
    }
  });
});

describe('the app on a laptop (1366×768)', () => {
  test('every page: no sideways scrolling, axe', async (t) => {
    await checkEveryPage(t, LAPTOP, 'pages with problems at 1366×768', {
      line: (path, seen) => `${path}: ${seen.scrollWidth}/${seen.innerWidth} px wide`,
    });
  });

  test('data pages use the width beside the menu; reading pages keep their measure', async () => {
    const { context, page, problems } = await newPage(LAPTOP);
    const width = async (path) => {
      await open(page, `/w/${SLUG}/${path}`);
      return (await page.locator('main').boundingBox()).width;
    };
    const reading = await width('settings');
    for (const path of ['social-map', 'social-map/services']) {
      const wide = await width(path);
      assert.ok(wide > reading + 100, `/${path}: the page is ${wide} px wide, the settings page ${reading} px`);
    }
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('the main menu is beside the page and there is no menu button', async () => {
    const { context, page, problems } = await newPage(LAPTOP);
    for (const path of ['', 'people', 'feedback', 'settings']) {
      await open(page, `/w/${SLUG}/${path}`);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      assert.ok(await nav.isVisible(), `the main menu is shown on /${path}`);
      assert.equal(await nav.getByRole('link').count(), 11);
      assert.equal(await page.getByRole('button', { name: 'Menu', exact: true }).isVisible(), false, 'no menu button');
      const [menu, main] = await Promise.all([nav.boundingBox(), page.locator('main').boundingBox()]);
      assert.ok(menu && main && menu.x + menu.width <= main.x, 'the menu is beside the page, on its left');
      assert.ok(menu.y < 200, `the menu starts at the top (${menu.y} px)`);
    }
    await assertAccessible(page, 'the settings page at 1366×768');
    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
