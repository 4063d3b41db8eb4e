import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startWebShell } from '../support/web-shell';
import { e2eBrowser, screenshot, tempDataDir, watchForProblems } from './browser';
import { createSpanishLearner } from './learner-steps';

const VIEWPORT = { width: 1280, height: 900 };
/** Ratings pressed for the twenty cards, mixing all four buttons. */
const RATINGS = ['3', '3', '1', '3', '4', '2', '3', '1', '3', '3', '4', '3', '2', '3', '1', '3', '3', '4', '3', '3'];
const UNDO_AFTER = 10;

/** Twenty rows, semicolon-separated, as a spreadsheet in a German locale saves them: one row lacks its translation. */
const WORDS: [string, string, string, string, string][] = [
  ['jirafa', 'giraffe', 'La jirafa come hojas.', 'The giraffe eats leaves.', 'noun'],
  ['elefante', 'elephant', 'El elefante es grande.', 'The elephant is big.', 'noun'],
  ['tortuga', 'turtle', 'La tortuga camina despacio.', 'The turtle walks slowly.', 'noun'],
  ['conejo', 'rabbit', 'El conejo salta.', 'The rabbit jumps.', 'noun'],
  ['murciélago', 'bat', 'El murciélago vuela de noche.', 'The bat flies at night.', 'noun'],
  ['ardilla', 'squirrel', 'La ardilla sube al arbol.', 'The squirrel climbs the tree.', 'noun'],
  ['ballena', 'whale', 'La ballena canta.', 'The whale sings.', 'noun'],
  ['lobo', 'wolf', 'El lobo corre en el bosque.', 'The wolf runs in the forest.', 'noun'],
  ['zorro', 'fox', 'El zorro es listo.', 'The fox is clever.', 'noun'],
  ['oso', 'bear', 'El oso duerme en invierno.', 'The bear sleeps in winter.', 'noun'],
  ['ciervo', 'deer', 'El ciervo bebe agua.', 'The deer drinks water.', 'noun'],
  ['serpiente', '', 'La serpiente duerme.', 'The snake sleeps.', 'noun'],
  ['caballo', 'horse', 'El caballo come hierba.', 'The horse eats grass.', 'noun'],
  ['vaca', 'cow', 'La vaca da leche.', 'The cow gives milk.', 'noun'],
  ['oveja', 'sheep', 'La oveja es blanca.', 'The sheep is white.', 'noun'],
  ['cerdo', 'pig', 'El cerdo come mucho.', 'The pig eats a lot.', 'noun'],
  ['gallina', 'hen', 'La gallina pone huevos.', 'The hen lays eggs.', 'noun'],
  ['pato', 'duck', 'El pato nada en el lago.', 'The duck swims in the lake.', 'noun'],
  ['abeja', 'bee', 'La abeja hace miel.', 'The bee makes honey.', 'noun'],
  ['mariposa', 'butterfly', 'La mariposa es bonita.', 'The butterfly is pretty.', 'noun'],
];
const BAD_ROW_LINE = WORDS.findIndex(([, translation]) => translation === '') + 2;

const { cleanups, newContext } = e2eBrowser();

function writeWordList(dir: string): string {
  const header = 'Wort;Bedeutung;Beispiel;Übersetzung des Beispiels;Art';
  const lines = [header, ...WORDS.map((row) => row.join(';'))].join('\r\n');
  const file = path.join(dir, 'tiere.csv');
  writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines}\r\n`, 'utf8')]));
  return file;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|Principal)$/ });
const countOf = async (page: Page, queue: 'new' | 'learning' | 'review') =>
  Number(await page.locator(`.review-counts .count-${queue} dd`).first().textContent());
const promptText = (page: Page) => page.locator('#card-prompt').textContent();
/** Page-side code is passed as strings, as in browser.ts: the tests compile without the DOM library. */
const focusIsOnCard = (page: Page): Promise<boolean> =>
  page.evaluate(`document.activeElement?.classList.contains('review-card') === true`);

/** Records whether a progress bar ever appears in a dialog: a check of a small file can finish within one frame. */
function watchForProgressBars(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    window.parleyProgressSeen = 0;
    new MutationObserver(() => {
      if (document.querySelector('dialog[open] progress')) window.parleyProgressSeen += 1;
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
}
const progressBarsSeen = (page: Page): Promise<number> => page.evaluate(`window.parleyProgressSeen`);

/** Onboarding, checking the starter step: the learner's own pair comes first. */
async function createLearnerWithStarterDeck(page: Page): Promise<void> {
  await createSpanishLearner(page, 'Sam', async () => {
    expect(await page.getByText('Step 5 of 5').isVisible()).toBe(true);
    const spanish = page.getByRole('radio', { name: /^Spanish — 300\+ most frequent words/ });
    await spanish.waitFor();
    expect(await page.getByRole('radio').first().getAttribute('value')).toBe('starter-en-es');
    await spanish.check();
    await screenshot(page, 'vocab-starter-step');
  });
}

/** Space shows the answer, a digit rates it; the next card's question (and its Show answer button) follows. */
async function reviewOneCard(page: Page, rating: string, shot?: string): Promise<string> {
  const showAnswer = page.getByRole('button', { name: 'Show answer' });
  await showAnswer.waitFor();
  const prompt = (await promptText(page)) ?? '';
  expect(await focusIsOnCard(page)).toBe(true);
  await page.keyboard.press('Space');
  await page.getByRole('group', { name: 'How well did you remember?' }).waitFor();
  expect(await focusIsOnCard(page)).toBe(true);
  if (shot) await screenshot(page, shot);
  await page.keyboard.press(rating);
  await page.getByRole('group', { name: 'How well did you remember?' }).waitFor({ state: 'detached' });
  return prompt;
}

describe('vocabulary in a real browser through the web shell', () => {
  it('picks a starter deck, reviews by keyboard with an undo, imports a CSV and edits a word found without its accent', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const shell = await startWebShell({ dataDir: data.dir });
    cleanups.push(() => shell.stop());
    const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(shell.tokenUrl);

    await createLearnerWithStarterDeck(page);
    await screenshot(page, 'vocab-home');

    await mainNav(page).getByRole('link', { name: 'Review' }).click();
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    const newBefore = await countOf(page, 'new');
    expect(newBefore).toBe(20);
    await screenshot(page, 'vocab-review-prompt');

    const prompts: string[] = [];
    for (const [index, rating] of RATINGS.entries()) {
      prompts.push(await reviewOneCard(page, rating, index === 2 ? 'vocab-review-answer' : undefined));
      if (index + 1 !== UNDO_AFTER) continue;
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await page.keyboard.press('z');
      await page.getByRole('status').getByText('Last answer undone.').waitFor();
      await expect.poll(() => promptText(page)).toBe(prompts[index]);
      await screenshot(page, 'vocab-review-undone');
      await page.keyboard.press('e');
      const noteEditor = page.getByRole('dialog', { name: 'Edit word' });
      await noteEditor.getByRole('textbox', { name: 'Word or phrase' }).waitFor();
      await page.keyboard.press('Escape');
      await noteEditor.waitFor({ state: 'hidden' });
      expect(await focusIsOnCard(page)).toBe(true);
      expect(await reviewOneCard(page, rating)).toBe(prompts[index]);
    }
    expect(new Set(prompts).size).toBe(RATINGS.length);

    const newAfter = await countOf(page, 'new');
    expect(newAfter).toBeLessThan(newBefore);
    await screenshot(page, 'vocab-review-after');

    await mainNav(page).getByRole('link', { name: 'Decks' }).click();
    await page.getByRole('heading', { name: 'Decks', level: 1 }).waitFor();
    const deckRow = page.getByRole('row', { name: /Spanish — 300\+ most frequent words/ });
    await deckRow.waitFor();
    expect(Number(await deckRow.locator('.count-new').textContent())).toBe(newAfter);
    await screenshot(page, 'vocab-decks');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import words' });
    await dialog.getByLabel('Choose a file').setInputFiles(writeWordList(data.dir));
    await dialog.getByRole('region', { name: 'First rows of the file' }).waitFor();
    expect(await dialog.getByLabel('Separator').inputValue()).toBe(';');
    expect(await dialog.getByLabel('Encoding').inputValue()).toBe('utf-8-bom');
    // German column names are not ones Parley knows, so the learner tells it the first row is a header.
    const header = dialog.getByRole('checkbox', { name: 'The first row holds column names' });
    expect(await header.isChecked()).toBe(false);
    await header.check();
    await dialog.getByRole('columnheader', { name: 'Column 1 · Wort' }).waitFor();
    await dialog.getByLabel('Word or phrase').selectOption({ label: 'Column 1 · Wort' });
    await dialog.getByLabel('Translation', { exact: true }).selectOption({ label: 'Column 2 · Bedeutung' });
    await dialog.getByLabel('Example sentence').selectOption({ label: 'Column 3 · Beispiel' });
    await dialog.getByLabel('Example translation').selectOption({ label: 'Column 4 · Übersetzung des Beispiels' });
    await dialog.getByLabel('Part of speech').selectOption({ label: 'Column 5 · Art' });
    await dialog.getByLabel('New deck name').fill('Animals');
    await screenshot(page, 'vocab-import-mapping');

    await watchForProgressBars(page);
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByRole('heading', { name: 'What Parley found' }).waitFor();
    expect(await progressBarsSeen(page)).toBeGreaterThan(0);
    const rejected = dialog.getByRole('region', { name: 'Rows that cannot be imported' });
    await rejected.getByText(`Line ${BAD_ROW_LINE}`, { exact: true }).waitFor();
    expect(await rejected.textContent()).toContain('The translation is empty.');
    await screenshot(page, 'vocab-import-report');

    await watchForProgressBars(page);
    await dialog.getByRole('button', { name: 'Import 19 words' }).click();
    await dialog.getByRole('heading', { name: 'Import finished' }).waitFor();
    expect(await progressBarsSeen(page)).toBeGreaterThan(0);
    expect(await dialog.locator('.report-imported dd').textContent()).toBe('19');
    await screenshot(page, 'vocab-import-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('row', { name: /Animals/ }).waitFor();

    await mainNav(page).getByRole('link', { name: 'Browse' }).click();
    await page.getByRole('heading', { name: 'Browse', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search words' }).fill('murcielago');
    const found = page.getByRole('row', { name: 'murciélago: bat' }).first();
    await found.waitFor();
    await screenshot(page, 'vocab-browse-found');

    await found.dblclick();
    const editor = page.getByRole('dialog', { name: 'Edit word' });
    const translation = editor.getByRole('textbox', { name: 'Translation', exact: true });
    await translation.waitFor();
    expect(await translation.inputValue()).toBe('bat');
    await translation.fill('bat (the animal)');
    await screenshot(page, 'vocab-browse-edit');
    await editor.getByRole('button', { name: 'Save word' }).click();
    await editor.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: 'murciélago: bat (the animal)' }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'bat (the animal)', exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'vocab-browse-edited');

    expect(problems).toEqual([]);
  });

  it('types answers with a character diff, organises decks, tunes deck options and undoes a bulk change', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const shell = await startWebShell({ dataDir: data.dir });
    cleanups.push(() => shell.stop());
    const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(shell.tokenUrl);
    await createLearnerWithStarterDeck(page);

    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('checkbox', { name: 'Type the answer on production cards' }).check();
    await page.getByRole('checkbox', { name: 'Forgive missing accents in typed answers' }).check();
    await expect.poll(() => page.getByRole('status').getByText('Saved.').count()).toBeGreaterThan(0);

    await mainNav(page).getByRole('link', { name: 'Decks' }).click();
    await page.getByRole('button', { name: 'New deck' }).click();
    await page.getByRole('dialog', { name: 'New deck' }).getByLabel('Deck name').fill('Travel');
    await page.getByRole('button', { name: 'Create deck' }).click();
    await page.getByRole('row', { name: /^Travel/ }).waitFor();
    await page.getByRole('button', { name: 'More actions for Travel' }).click();
    await screenshot(page, 'vocab-deck-menu');
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename “Travel”' });
    await rename.getByLabel('Deck name').fill('Trips');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('button', { name: 'More actions for Trips' }).click();
    await page.getByRole('menuitem', { name: 'Move' }).click();
    const move = page.getByRole('dialog', { name: 'Move “Trips”' });
    await move.getByLabel('Move inside').selectOption({ label: 'Spanish — 300+ most frequent words' });
    await move.getByRole('button', { name: 'Move' }).click();
    const trips = 'Spanish — 300+ most frequent words::Trips';
    await page.getByRole('button', { name: `More actions for ${trips}` }).click();
    await page.getByRole('menuitem', { name: 'Add a word' }).click();
    const add = page.getByRole('dialog', { name: 'Add words' });
    await add.getByRole('textbox', { name: 'Word or phrase' }).fill('canción');
    await add.getByRole('textbox', { name: 'Translation', exact: true }).fill('song');
    await add.getByRole('button', { name: 'Add word' }).click();
    await page.getByRole('status').getByText('Added “canción”.').waitFor();
    await add.getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('.indent-1').textContent()).toContain('Trips');
    await screenshot(page, 'vocab-deck-tree');

    // Only the production card (asked in English, answered in Spanish) stays to study: the others are suspended.
    await mainNav(page).getByRole('link', { name: 'Browse' }).click();
    await page.getByRole('searchbox', { name: 'Search words' }).fill('cancion');
    await page.getByRole('checkbox', { name: 'Select canción (Recognition)' }).check();
    await page.getByRole('button', { name: 'Suspend', exact: true }).click();
    await page.getByRole('status').getByText('Suspended 1 card.').waitFor();
    await mainNav(page).getByRole('link', { name: 'Decks' }).click();
    await page.getByRole('link', { name: `Study ${trips}` }).click();
    await page.getByText(trips, { exact: true }).waitFor();
    const typed = page.getByRole('textbox', { name: 'Your answer' });
    await typed.waitFor();
    expect(await promptText(page)).toBe('song');
    expect(await page.evaluate(`document.activeElement?.id === 'typed-answer'`)).toBe(true);
    await page.keyboard.type('cansion');
    await page.keyboard.press('Enter');
    await page.getByText('Not quite').waitFor();
    expect(await page.locator('.answer-diff del').allTextContents()).toEqual(['s']);
    expect(await page.locator('.answer-diff ins').allTextContents()).toEqual(['c']);
    expect(await focusIsOnCard(page)).toBe(true);
    await screenshot(page, 'vocab-typed-answer');
    await page.keyboard.press('1');
    await page.getByRole('heading', { name: 'Congratulations! You’re done for now.' }).waitFor();
    await page.getByRole('button', { name: 'Study more' }).click();
    await page
      .getByRole('dialog', { name: 'Study more' })
      .getByRole('radio', { name: /Review ahead/ })
      .waitFor();
    await screenshot(page, 'vocab-study-more');
    await page.keyboard.press('Escape');

    await mainNav(page).getByRole('link', { name: 'Decks' }).click();
    await page
      .getByRole('button', { name: 'More actions for Spanish — 300+ most frequent words', exact: true })
      .click();
    await page.getByRole('menuitem', { name: 'Options' }).click();
    const options = page.getByRole('dialog', { name: 'Options for “Spanish — 300+ most frequent words”' });
    const retention = options.getByRole('slider', { name: 'Desired retention' });
    await retention.focus();
    await page.keyboard.press('ArrowRight');
    expect(await retention.getAttribute('aria-valuetext')).toBe('91%');
    await options.getByRole('button', { name: 'Optimize' }).click();
    await options.getByText(/^Not enough reviews yet/).waitFor();
    expect(await options.getByRole('button', { name: 'Use the optimized parameters' }).count()).toBe(0);
    await screenshot(page, 'vocab-deck-options');
    await options.getByRole('button', { name: 'Save options' }).click();
    await page.getByRole('status').getByText('Options saved.').waitFor();

    await mainNav(page).getByRole('link', { name: 'Browse' }).click();
    await page.getByRole('button', { name: /^Word/ }).click();
    const boxes = page.getByRole('checkbox', { name: /^Select .+\(/ });
    await boxes.first().check();
    await boxes.nth(3).click({ modifiers: ['Shift'] });
    await page.getByText('4 cards selected').waitFor();
    await page.getByRole('textbox', { name: 'Tag', exact: true }).last().fill('basics');
    await screenshot(page, 'vocab-bulk-bar');
    await page.getByRole('button', { name: 'Add tag' }).click();
    const tagged = page.getByRole('status').getByText('Tagged 4 cards.');
    await tagged.waitFor();
    await screenshot(page, 'vocab-bulk-undo');
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Tagged 4 cards.' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await page.getByRole('status').getByText('Restored 4 cards.').waitFor();

    await mainNav(page).getByRole('link', { name: 'Decks' }).click();
    await page.getByRole('button', { name: `More actions for ${trips}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete “Trips”?' });
    expect(await remove.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
    await remove.getByLabel('Type Trips to confirm').fill('Trips');
    await screenshot(page, 'vocab-delete-deck');
    await remove.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('row', { name: /Trips/ }).waitFor({ state: 'detached' });

    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByLabel('Interface language', { exact: true }).selectOption('es');
    await mainNav(page).getByRole('link', { name: 'Repaso' }).click();
    await page.getByRole('heading', { name: 'Repaso', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Mostrar respuesta' }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('group', { name: '¿Qué tal lo recordabas?' }).waitFor();
    await screenshot(page, 'vocab-review-spanish');

    expect(problems).toEqual([]);
  });
});
