// End-to-end for the Strategiewijzer (issue #6): the real server, the built web app and Chromium.
// A small provider (12 employees) in the change phase, talking to a wethouder, wanting to get
// known, answers the questionnaire and gets ranked advice with reasons; the expectations come from
// the server's own knowledge base and advice API, so a changed rule changes the test's numbers,
// not its meaning. The knowledge base is browsed and searched; the questionnaire is answered once
// with the keyboard only, one question per screen (phone width). axe-core checks every page state.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertAccessible, assertFocused, h1, tab, tabTo } from './support/browser.mjs';
import { repoRoot } from './support/server.mjs';
import { e2eSuite, login } from './support/suite.mjs';

const SLUG = 'demo';
const BASE = `/w/${SLUG}/advisor`;
const SITUATION = { employees: 12, phase: 'change', level: 'alderman', goal: 'get_known', assets: [] };
const RESULT_QUERY = 'employees=12&phase=change&level=alderman&goal=get_known';
const screenshots = join(repoRoot, 'build', 'e2e-screenshots');

const e2e = e2eSuite({ screenshots });
const newPage = (viewport) => e2e.newPage({ viewport });

/** The advice the API gives for SITUATION, in Dutch. */
async function apiAdvice(context, csrf) {
  const response = await context.request.post(`/api/v1/workspaces/${SLUG}/advice`, {
    data: SITUATION,
    headers: { 'Accept-Language': 'nl', 'X-CSRF-Token': csrf },
  });
  assert.equal(response.status(), 200, 'POST /advice');
  return response.json();
}

async function apiKnowledge(context) {
  const response = await context.request.get('/api/v1/knowledge', { headers: { 'Accept-Language': 'nl' } });
  assert.equal(response.status(), 200, 'GET /knowledge');
  return response.json();
}

/** Checks the advice page against the API's answer for SITUATION. */
async function assertAdvice(page, advice) {
  await page.getByRole('heading', { level: 3, name: `1. ${advice.ranked[0].strategy.name}`, exact: true }).waitFor();
  const ranked = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3, name: /^1\. / }) }).first();
  const headings = await ranked.getByRole('heading', { level: 3 }).allTextContents();
  assert.deepEqual(
    headings,
    advice.ranked.map((item, index) => `${index + 1}. ${item.strategy.name}`),
    'the strategies in the API order, numbered',
  );
  const first = advice.ranked[0];
  const firstItem = ranked.locator(':scope > li').first();
  await firstItem.getByText(`Score: +${first.score}`).waitFor();
  for (const reason of first.reasons) {
    const line = firstItem.locator('li', { hasText: reason.reason });
    const sign = reason.weight < 0 ? `\u2212${-reason.weight}` : `+${reason.weight}`;
    assert.equal((await line.locator('.aantafel-reason__sign').textContent()).trim(), sign);
    await line.getByText(`(Bron: ${reason.source.title})`).waitFor();
  }
  await firstItem.getByText(first.strategy.advantage).waitFor();
  await firstItem.getByText(first.strategy.disadvantage).waitFor();
  await firstItem.getByText(first.strategy.tips[0]).waitFor();
  // A strategy the small provider is advised against shows its lowering reason with a minus.
  const lowered = advice.ranked.find((item) => item.reasons.some((r) => r.weight < 0 && r.id === 'small_employees'));
  assert.ok(lowered, 'the API lowers mobilising employees for a small provider');
  const minus = page.locator('.aantafel-reason--lowers', {
    hasText: lowered.reasons.find((r) => r.id === 'small_employees').reason,
  });
  assert.equal((await minus.locator('.aantafel-reason__sign').textContent()).trim(), '\u22122');
  // Phase plan and extra advice.
  for (const phase of ['Visievorming', 'Verandering', 'Uitvoering'])
    await page.getByRole('heading', { level: 3, name: new RegExp(`^${phase}`) }).waitFor();
  await page.getByRole('heading', { level: 3, name: /^Verandering.*de fase nu/ }).waitFor();
  const knocking = advice.extra_advice.find((extra) => extra.id === 'keep_knocking');
  assert.ok(knocking, 'the API gives the small-provider advice');
  assert.match(knocking.text, /aankloppen/);
  await page.getByRole('heading', { level: 2, name: 'Extra advies' }).waitFor();
  await page.getByText(knocking.text).waitFor();
}

describe('Strategiewijzer with the real server', () => {
  test('scenario: a small provider in the change phase talking to a wethouder', async (t) => {
    const { context, page, problems } = await newPage();
    const { csrf_token: csrf } = await login(context);
    const advice = await apiAdvice(context, csrf);
    const knowledge = await apiKnowledge(context);
    const different = knowledge.strategies.find((s) => s.id === 'do_something_different');
    assert.equal(advice.ranked[0].strategy.id, 'do_something_different', 'the API puts strategy 6 first');

    await t.test('the questionnaire opens from the main menu and shows all questions', async () => {
      await page.goto(`/w/${SLUG}/`);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Strategiewijzer' }).click();
      await h1(page, 'Strategiewijzer');
      await page.getByRole('group', { name: 'Wat heb je al?' }).waitFor();
      assert.equal(await page.getByText(/^Vraag \d van 6$/).count(), 0, 'no stepper on a wide screen');
      await assertAccessible(page, 'the questionnaire');
    });

    await t.test('missing answers are named at their questions', async () => {
      await page.getByRole('button', { name: 'Toon advies' }).click();
      await page.getByText('Kies hoe groot je organisatie is.').waitFor();
      await page.getByText('Kies met wie je praat.').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
      await assertAccessible(page, 'the questionnaire with errors');
    });

    await t.test('answering gives ranked advice with reasons', async () => {
      await page.getByRole('radio', { name: 'Ik vul het aantal medewerkers in' }).check();
      await page.getByRole('textbox', { name: 'Aantal medewerkers' }).fill('12');
      await page.getByRole('radio', { name: /^Verandering:/ }).check();
      await page.getByRole('radio', { name: 'Wethouder' }).check();
      await page.getByRole('radio', { name: 'Bekend worden bij de gemeente' }).check();
      await page.getByRole('button', { name: 'Toon advies' }).click();
      await page.waitForURL(`**${BASE}/result?${RESULT_QUERY}`);
      await h1(page, 'Jouw advies');
      await page.getByRole('heading', { level: 3, name: `1. ${different.name}`, exact: true }).waitFor();
      await assertAdvice(page, advice);
      await page.screenshot({ path: join(screenshots, 'advisor-result.png'), fullPage: true });
      await assertAccessible(page, 'the advice');
    });

    await t.test('the print view leaves out menus and buttons', async () => {
      const print = page.getByRole('button', { name: 'Afdrukken' });
      assert.ok(await print.isVisible());
      await page.emulateMedia({ media: 'print' });
      assert.equal(await print.isVisible(), false, 'no print button on paper');
      assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false, 'no main menu on paper');
      assert.ok(await page.getByRole('heading', { level: 3, name: `1. ${different.name}` }).isVisible());
      await page.emulateMedia({ media: 'screen' });
      assert.ok(await print.isVisible());
    });

    await t.test('"Antwoorden aanpassen" keeps the answers', async () => {
      await page.getByRole('link', { name: 'Antwoorden aanpassen' }).click();
      await h1(page, 'Strategiewijzer');
      assert.equal(await page.getByRole('textbox', { name: 'Aantal medewerkers' }).inputValue(), '12');
      assert.ok(await page.getByRole('radio', { name: 'Wethouder' }).isChecked());
      assert.ok(await page.getByRole('radio', { name: /^Verandering:/ }).isChecked());
      assert.ok(await page.getByRole('radio', { name: 'Bekend worden bij de gemeente' }).isChecked());
    });

    await t.test('the advice link can be shared: opening it anew gives the same advice', async () => {
      await page.goto(`${BASE}/result?${RESULT_QUERY}`);
      await h1(page, 'Jouw advies');
      await assertAdvice(page, advice);
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('the knowledge base: everything with its source, and search', async () => {
    const { context, page, problems } = await newPage();
    await login(context);
    const knowledge = await apiKnowledge(context);
    await page.goto(BASE);
    await h1(page, 'Strategiewijzer');
    await page.getByRole('navigation', { name: 'Strategiewijzer' }).getByRole('link', { name: 'Kennisbank' }).click();
    await h1(page, 'Kennisbank');
    const strategies = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Strategieën' }) });
    await strategies.getByRole('heading', { level: 3 }).first().waitFor();
    assert.deepEqual(
      await strategies.getByRole('heading', { level: 3 }).allTextContents(),
      knowledge.strategies.map((s) => `${s.number}. ${s.name}`),
    );
    for (const collection of knowledge.collections)
      await page.getByRole('heading', { level: 2, name: collection.title, exact: true }).waitFor();
    // Every card names its source; the source of the strategies has no year.
    const cards = page.locator('.aantafel-card');
    const cardCount = await cards.count();
    assert.equal(await page.locator('.aantafel-card .aantafel-source').count(), cardCount, 'every item shows its source');
    assert.ok((await page.getByText(/jaar onbekend/).count()) > 0);
    await assertAccessible(page, 'the knowledge base');

    const search = page.getByRole('searchbox', { name: 'Zoeken in de kennisbank' });
    await search.fill('ambassadeur');
    await page.getByRole('status').filter({ hasText: /gevonden\.$/ }).waitFor();
    const ambassadors = knowledge.strategies.find((s) => s.id === 'client_ambassadors');
    const focus = knowledge.strategies.find((s) => s.id === 'focus');
    await page.getByRole('heading', { level: 3, name: `${ambassadors.number}. ${ambassadors.name}`, exact: true }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 3, name: `${focus.number}. ${focus.name}` }).count(), 0);
    assert.ok(page.url().endsWith('/knowledge?q=ambassadeur'), 'the search is kept in the URL');
    await assertAccessible(page, 'the knowledge base with a search');

    await search.fill('xyzzy-bestaat-niet');
    await page.getByRole('status').filter({ hasText: 'Niets gevonden. Probeer een ander woord.' }).waitFor();
    assert.equal(await page.locator('.aantafel-card').count(), 0);
    await assertAccessible(page, 'the knowledge base without results');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });

  test('keyboard only, phone width: one question per screen', async () => {
    const { context, page, problems } = await newPage({ width: 375, height: 800 });
    const { csrf_token: csrf } = await login(context);
    const advice = await apiAdvice(context, csrf);
    await page.goto(BASE);
    await h1(page, 'Strategiewijzer');
    await page.getByText('Vraag 1 van 6').waitFor();
    assert.equal(await page.locator('form fieldset').count(), 1, 'one question on a narrow screen');
    await assertAccessible(page, 'question 1 on a phone');

    // Question 1: Volgende without an answer names the problem and goes back to the question.
    let focused = await tabTo(page, (f) => f.type === 'radio', 60);
    assert.match(focused.name, /^Klein/);
    focused = await tab(page);
    assert.equal(focused.name, 'Volgende');
    await page.keyboard.press('Enter');
    await page.getByText('Kies hoe groot je organisatie is.').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'radio');
    await assertAccessible(page, 'question 1 with its error on a phone');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown'); // Klein → … → aantal medewerkers
    focused = await tab(page);
    assert.equal(focused.id, 'advisor-employees');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter'); // Enter in the field goes to the next question

    // Question 2: the plan is optional; focus starts at the progress line.
    await page.getByText('Vraag 2 van 6').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Vraag 2 van 6');
    focused = await tab(page);
    assert.equal(focused.id, 'advisor-plan');
    await tabTo(page, (f) => f.name === 'Volgende', 3);
    await page.keyboard.press('Enter');

    // Question 3: phase.
    await page.getByText('Vraag 3 van 6').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Vraag 3 van 6');
    focused = await tab(page);
    assert.match(focused.name, /^Visievorming/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (f) => f.name === 'Volgende', 3);
    await page.keyboard.press('Enter');

    // Question 4: with whom.
    await page.getByText('Vraag 4 van 6').waitFor();
    focused = await tab(page);
    assert.equal(focused.name, 'Wethouder');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.name === 'Volgende', 3);
    await page.keyboard.press('Enter');

    // Question 5: goal. Vorige goes back with the answer kept.
    await page.getByText('Vraag 5 van 6').waitFor();
    await tabTo(page, (f) => f.name === 'Vorige', 3);
    await page.keyboard.press('Enter');
    await page.getByText('Vraag 4 van 6').waitFor();
    assert.ok(await page.getByRole('radio', { name: 'Wethouder' }).isChecked());
    await tabTo(page, (f) => f.name === 'Volgende', 4);
    await page.keyboard.press('Enter');
    await page.getByText('Vraag 5 van 6').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Vraag 5 van 6');
    focused = await tab(page);
    assert.equal(focused.name, 'Bekend worden bij de gemeente');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.name === 'Volgende', 3);
    await page.keyboard.press('Enter');

    // Question 6: nothing ticked; show the advice.
    await page.getByText('Vraag 6 van 6').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Vraag 6 van 6');
    await assertAccessible(page, 'question 6 on a phone');
    await tabTo(page, (f) => f.name === 'Toon advies', 10);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${BASE}/result?${RESULT_QUERY}`);
    await h1(page, 'Jouw advies');
    await assertAdvice(page, advice);
    await assertAccessible(page, 'the advice on a phone');

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
  test('keeping advice with a plan, and the workspace side of the knowledge base', async (t) => {
    const { context, page, problems } = await newPage();
    await login(context);
    const knowledge = await apiKnowledge(context);
    const plans = await (await context.request.get(`/api/v1/workspaces/${SLUG}/plans`)).json();
    const plan = plans.items.find((p) => p.title === 'Valpreventie in de wijk');
    assert.ok(plan, 'the demo has the plan "Valpreventie in de wijk"');
    const first = knowledge.strategies.find((s) => s.id === 'do_something_different');
    const note = 'Bespreken in het teamoverleg van maandag.';

    await t.test('the advice is kept with the plan', async () => {
      await page.goto(`${BASE}/result?${RESULT_QUERY}`);
      await h1(page, 'Jouw advies');
      await page.getByRole('heading', { level: 2, name: 'Advies bewaren' }).waitFor();
      await page.getByRole('button', { name: 'Advies bewaren' }).click();
      await page.getByText('Kies een plan of een gemeente.').waitFor();
      await assertFocused(page.locator('#advice-save-plan'), 'focus on the plan field');
      await assertAccessible(page, 'the save form with an error');
      await page.getByRole('combobox', { name: 'Plan' }).selectOption({ label: plan.title });
      await page.getByRole('textbox', { name: /^Notitie/ }).fill(note);
      await page.getByRole('button', { name: 'Advies bewaren' }).click();
      await page.getByRole('status').filter({ hasText: 'Het advies is bewaard.' }).waitFor();
      assert.equal(await page.getByText('Kies een plan of een gemeente.').count(), 0);
      await assertAccessible(page, 'the advice after saving');
    });

    await t.test('the plan page lists the kept advice, and it can be deleted', async () => {
      await page.getByRole('link', { name: 'Bekijk het plan' }).click();
      await h1(page, plan.title);
      const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Bewaard advies' }) });
      await section.getByText(note).waitFor();
      await section.getByText(`1. ${first.name}`).waitFor();
      await assertAccessible(page, 'the plan page with kept advice');
      await section.getByRole('button', { name: /^Verwijderen advies van/ }).first().click();
      const dialog = page.getByRole('alertdialog', { name: 'Bewaard advies verwijderen?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the delete question for kept advice');
      await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await page.getByRole('status').filter({ hasText: 'Het bewaarde advies is verwijderd.' }).waitFor();
      assert.equal(await section.getByText(note).count(), 0);
    });

    await t.test('a strategy is hidden and another gets a note', async () => {
      const hide = knowledge.strategies.find((s) => s.id === 'focus');
      const other = knowledge.strategies.find((s) => s.id === 'client_ambassadors');
      const heading = (s) => page.getByRole('heading', { level: 3, name: `${s.number}. ${s.name}`, exact: true });
      await page.goto(`${BASE}/knowledge`);
      await h1(page, 'Kennisbank');
      await heading(hide).waitFor();
      await page.getByRole('button', { name: `Verbergen bij ${hide.name}` }).click();
      await heading(hide).waitFor({ state: 'detached' });
      await page.getByRole('checkbox', { name: 'Toon verborgen items' }).check();
      const card = page.locator('article', { has: heading(hide) });
      await card.getByText('verborgen', { exact: true }).waitFor();
      await assertAccessible(page, 'the knowledge base showing hidden items');

      await page.getByRole('button', { name: `Notitie toevoegen bij ${other.name}` }).click();
      const field = page.getByRole('textbox', { name: `Notitie van je organisatie bij ${other.name}` });
      await assertFocused(field, 'focus on the note');
      await field.fill('Werkt goed bij onze dagbesteding.');
      await page.getByRole('button', { name: 'Notitie opslaan' }).click();
      const otherCard = page.locator('article', { has: heading(other) });
      await otherCard.getByRole('heading', { level: 4, name: 'Notitie van je organisatie' }).waitFor();
      await otherCard.getByText('Werkt goed bij onze dagbesteding.').waitFor();
      await assertAccessible(page, 'the knowledge base with a note');

      // Back to how it was, so the other tests see the whole knowledge base.
      await page.getByRole('button', { name: `Weer tonen bij ${hide.name}` }).click();
      await card.getByText('verborgen', { exact: true }).waitFor({ state: 'detached' });
    });

    await t.test('own knowledge is added, found and deleted', async () => {
      const own = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Eigen kennis' }) });
      await own.getByText('Je organisatie heeft nog geen eigen kennis toegevoegd.').waitFor();
      await own.getByRole('button', { name: 'Toevoegen' }).click();
      await own.getByText('Vul een titel in.').waitFor();
      await assertAccessible(page, 'the own knowledge form with errors');
      await own.getByRole('textbox', { name: 'Titel' }).fill('Wijkteam Oost');
      await own.getByRole('textbox', { name: 'Tekst' }).fill('Het wijkteam zoekt partners voor valpreventie.');
      await own.getByRole('textbox', { name: /^Bron/ }).fill('Gesprek met de wijkcoördinator');
      await own.getByRole('button', { name: 'Toevoegen' }).click();
      await own.getByRole('heading', { level: 3, name: 'Wijkteam Oost' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Wijkteam Oost is toegevoegd.' }).waitFor();
      await assertAccessible(page, 'the knowledge base with own knowledge');

      const search = page.getByRole('searchbox', { name: 'Zoeken in de kennisbank' });
      await search.fill('wijkcoordinator');
      await page.getByRole('status').filter({ hasText: '1 onderdeel gevonden.' }).waitFor();
      await own.getByRole('heading', { level: 3, name: 'Wijkteam Oost' }).waitFor();
      await search.fill('');

      await own.getByRole('button', { name: 'Verwijderen bij Wijkteam Oost' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Wijkteam Oost verwijderen?' });
      await dialog.waitFor();
      await assertAccessible(page, 'the delete question for own knowledge');
      await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
      await page.getByRole('status').filter({ hasText: 'Wijkteam Oost is verwijderd.' }).waitFor();
      assert.equal(await own.getByRole('heading', { level: 3, name: 'Wijkteam Oost' }).count(), 0);
    });

    assert.deepEqual(problems, [], `the browser reported problems:\n${problems.join('\n')}`);
    await context.close();
  });
});
