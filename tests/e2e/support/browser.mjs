// Debian's Chromium through playwright-core (no browser download), plus the checks the tests
// make on a page: axe-core, no sideways scrolling, the page's h1 and status, focus with Tab.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.AANTAFEL_CHROMIUM ?? '/usr/bin/chromium';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A phone (the tests' 390×844). */
export const PHONE = { width: 390, height: 844 };
/** A laptop screen, 1366×768. */
export const LAPTOP = { width: 1366, height: 768 };
/** The same width with more height, 1366×900 (the "1366 px" of checkBothSizes). */
export const DESKTOP = { width: 1366, height: 900 };

/**
 * Launches headless Chromium; call close() when done. Playwright itself starts Chromium with a
 * fresh temporary --user-data-dir and removes it on close (it refuses that flag in `args`).
 */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/**
 * Watches a page for problems that must fail the run: Content-Security-Policy violations,
 * uncaught errors and console errors (a 4xx from the API that the UI handles is not one).
 */
export async function watchPage(page) {
  const problems = [];
  // Init scripts run through the DevTools protocol, before the page's own scripts and outside
  // its CSP, so every violation during load is seen.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The browser logs every failed request; the UI handles those (401 before login, 422, …).
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  return problems;
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page; returns the violations, formatted. */
export async function axeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the DevTools protocol: a <script> tag would be blocked by the page's CSP.
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  );
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n'),
  );
}

/** axe-core on the current state of the page; any WCAG 2.1 A/AA violation fails. */
export async function assertAccessible(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe found WCAG 2.1 A/AA problems on ${what}:\n${violations.join('\n')}`);
}

/** The one h1 of the page has the accessible name `name`. */
export async function h1(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  assert.equal(await page.locator('h1').count(), 1, 'one h1 per page');
}

/** The status live region shows `text`. */
export async function status(page, text) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

/** Waits for the page's data: its h1 is there and nothing is busy or loading. */
export async function settled(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.aantafel-loading, [aria-busy="true"]'));
}

/** Boxes that scroll sideways on their own (a table's scroll region, an area's tabs). */
export const SCROLL_BOXES = '.aantafel-table-scroll, .aantafel-tabs__list';

/**
 * How wide the page is: the scrolling box's `scrollWidth` against the room beside a scroll bar
 * (`clientWidth`) and the window (`innerWidth`), `overflow` (scrollWidth − clientWidth), and what
 * sticks out on the right, for a message: elements outside `ignoreInside`, and with `text`
 * also text that runs out of its box on either side (clipped, not scrolled).
 */
export function measureWidth(page, { ignoreInside = SCROLL_BOXES, text = false } = {}) {
  return page.evaluate(
    ({ ignoreInside, text }) => {
      const root = document.documentElement;
      const width = root.clientWidth;
      const scrolling = document.scrollingElement ?? root;
      const sticking = [];
      for (const el of document.querySelectorAll('body *')) {
        if (ignoreInside && el.closest(ignoreInside)) continue;
        const box = el.getBoundingClientRect();
        if (box.right > width + 0.5) {
          sticking.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(box.right)} px)`);
        }
      }
      if (text) {
        const skip = [ignoreInside, '.aantafel-visually-hidden'].filter(Boolean).join(', ');
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!node.textContent?.trim() || !parent || parent.closest(skip)) continue;
          range.selectNodeContents(node);
          for (const box of range.getClientRects()) {
            if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
              sticking.push(
                `text "${node.textContent.trim().slice(0, 40)}" in ${parent.tagName.toLowerCase()} (${Math.round(box.left)}–${Math.round(box.right)} px)`,
              );
              break;
            }
          }
        }
      }
      return {
        scrollWidth: scrolling.scrollWidth,
        clientWidth: width,
        innerWidth: window.innerWidth,
        overflow: scrolling.scrollWidth - width,
        sticking: sticking.slice(0, 8),
      };
    },
    { ignoreInside, text },
  );
}

/**
 * The page does not scroll sideways. `settle`: first give a layout that is still switching (a
 * media query's change event re-renders the header) up to 5 s to fit. `text`: nothing may stick
 * out either, text included (see measureWidth).
 *
 * @param {import('playwright-core').Page} page
 * @param {string} what
 * @param {{ settle?: boolean, text?: boolean, ignoreInside?: string }} [options]
 */
export async function assertNoSideways(page, what, { settle = false, text = false, ignoreInside } = {}) {
  if (settle) {
    await page
      .waitForFunction(() => (document.scrollingElement ?? document.documentElement).scrollWidth <= document.documentElement.clientWidth, null, {
        timeout: 5000,
      })
      .catch(() => {});
  }
  const { overflow, sticking } = await measureWidth(page, { ignoreInside, text });
  assert.ok(overflow <= 0, `no horizontal scrolling on ${what} (${overflow} px): ${sticking.join(', ')}`);
  if (text) assert.deepEqual(sticking, [], `nothing sticks out on ${what}`);
}

/**
 * axe-core at 1366 px (`desktop`) and at 390×844, where the page must not scroll sideways
 * (`sideways`: options of assertNoSideways) and `atPhone()` may check more; the page is laid out
 * again in between, and `ready()` waits for what must be on screen after each resize.
 * `screenshot(size)` ('1366' or '390') takes the pictures. Ends at `desktop` again.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} what
 * @param {{ desktop?: { width: number, height: number }, ready?: () => Promise<unknown>,
 *   sideways?: { settle?: boolean, text?: boolean, ignoreInside?: string },
 *   atPhone?: () => Promise<unknown>, screenshot?: (size: '1366' | '390') => Promise<unknown> }} [options]
 */
export async function checkBothSizes(
  page,
  what,
  { desktop = DESKTOP, ready = async () => {}, sideways = {}, atPhone = async () => {}, screenshot = async () => {} } = {},
) {
  for (const [size, viewport] of [
    ['1366', desktop],
    ['390', PHONE],
  ]) {
    await page.setViewportSize(viewport);
    await ready();
    await assertAccessible(page, `${what} at ${size} px`);
    if (size === '390') {
      await assertNoSideways(page, `${what} at 390 px`, sideways);
      await atPhone();
    }
    await screenshot(size);
  }
  await page.setViewportSize(desktop);
}

/** A map (an SVG group named by its caption `title`) and its areas (links). */
export function mapOf(page, title) {
  const map = page.getByRole('group', { name: title, exact: true });
  return { map, areas: map.getByRole('link') };
}

/** The accessible names of the areas of a map, sorted. */
export async function areaNames(areas) {
  return (await areas.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')))).sort();
}

/**
 * checkBothSizes for a page with a map (an SVG choropleth) in `figure`: on the phone the header
 * and banner first get a moment to switch to their phone layout (a media query's change event
 * re-renders them; a busy machine takes a moment), and the map must fit (more than 200 px wide,
 * no wider than the phone). With `path(size)`, the figure is photographed there at each size.
 *
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} figure
 * @param {string} what
 * @param {{ path?: (size: '1366' | '390') => string }} [options]
 */
export async function checkMapBothSizes(page, figure, what, { path } = {}) {
  await checkBothSizes(page, what, {
    sideways: { settle: true },
    async atPhone() {
      const box = await figure.locator('svg.aantafel-choropleth__svg').boundingBox();
      assert.ok(box && box.width <= PHONE.width && box.width > 200, `the map is ${box?.width} px wide on a phone`);
    },
    async screenshot(size) {
      if (!path) return;
      await figure.scrollIntoViewIfNeeded();
      await figure.screenshot({ path: path(size) });
    },
  });
}

/**
 * Describes the focused element: id, tag, type, checked, its name (label, aria-label or text)
 * and whether its focus shows (an outline of 2 px or a box shadow, on a box with a size, and with
 * `inView` inside the window); `style` says why, for a message.
 */
export function focusedElement(page, { inView = false } = {}) {
  return page.evaluate(
    ({ inView }) => {
      const el = document.activeElement;
      if (!el || el === document.body) return { id: '', name: '(body)', visible: false };
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      const ring =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
        (style.boxShadow !== 'none' && style.boxShadow !== '');
      const onScreen = rect.width > 0 && rect.height > 0 && (!inView || (rect.bottom > 0 && rect.top < innerHeight));
      const label = el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim();
      return {
        id: el.id,
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type') ?? '',
        checked: Boolean(el.checked),
        name: (label || el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' '),
        visible: ring && onScreen,
        style: `outline ${style.outlineStyle} ${style.outlineWidth}, shadow ${style.boxShadow}, ${rect.width}×${rect.height}, focus ${el.matches(':focus')} ${el.matches(':focus-visible')} ${el.matches(':focus-within')}, ${document.hasFocus()}`,
      };
    },
    { inView },
  );
}

/**
 * Waits until the element of `locator` has focus (an app moves focus in an effect after the render
 * that shows the element, so a check right after `waitFor` would race it); fails with `what` when
 * it does not get focus within 5 s.
 */
export async function assertFocused(locator, what) {
  const handle = await locator.elementHandle();
  try {
    await locator.page().waitForFunction((el) => el === document.activeElement, handle, { timeout: 5000 });
  } catch {
    const now = await locator.page().evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '(none)');
    throw new assert.AssertionError({ message: `${what}: focus is on ${now}` });
  }
}

/**
 * Waits until the field is marked invalid (aria-invalid="true"): a form sets it after its own
 * check or after the server's answer, so reading the attribute once right after a click races.
 */
export async function assertInvalid(locator, what) {
  const handle = await locator.elementHandle();
  try {
    await locator.page().waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', handle, { timeout: 5000 });
  } catch {
    throw new assert.AssertionError({ message: `${what}: the field is not marked invalid` });
  }
}

/** Presses Tab (or `key`) and describes the element that then has focus (see focusedElement). */
export async function tab(page, key = 'Tab', options = {}) {
  await page.keyboard.press(key);
  return focusedElement(page, options);
}

/** Tabs until `match(focused)` (at most `limit` presses); every stop must show its focus. */
export async function tabTo(page, match, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    const focused = await tab(page);
    assert.ok(focused.visible, `focus is not visible on "${focused.name}" (${focused.tag}#${focused.id}: ${focused.style})`);
    if (match(focused)) return focused;
  }
  throw new Error('the element was not reached with Tab');
}
