import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { samplePackage, writeAnkiPackage } from '../support/anki-package';
import { ANKI_FIXTURES } from '../support/anki-learner';
import { startWebShell } from '../support/web-shell';
import { e2eBrowser, screenshot, tempDataDir, watchForProblems } from './browser';
import { createSpanishLearner, mainNav } from './learner-steps';

const { cleanups, newContext } = e2eBrowser();

async function openApp(dataDir: string): Promise<{ page: Page; problems: string[] }> {
  const shell = await startWebShell({ dataDir });
  cleanups.push(() => shell.stop());
  const context = await newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(shell.tokenUrl);
  return { page, problems };
}

async function openAnkiPage(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Decks' }).click();
  await page.getByRole('link', { name: 'Anki decks' }).click();
  await page.getByRole('heading', { name: 'Anki decks', level: 1 }).waitFor();
}

/** Chooses the package, checks the preview says `preview`, imports, and returns the finished screen's summary. */
async function importPackage(
  page: Page,
  file: string,
  preview: string | RegExp,
  checkPreview = async () => {},
): Promise<string> {
  await page.getByLabel('Choose an Anki package').setInputFiles(file);
  await page.getByText(preview).waitFor();
  await checkPreview();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: 'Import finished' }).waitFor();
  return (await page.getByText(/^\d+ new notes, \d+ updated, \d+ reviews and \d+ media files\.$/).textContent()) ?? '';
}

/** The Decks page's rows of these decks (by full name): name, card count and the new / learning / due numbers. */
async function deckRows(page: Page, fullNames: string[]): Promise<string[]> {
  await mainNav(page).getByRole('link', { name: 'Decks' }).click();
  const rows: string[] = [];
  for (const name of fullNames) {
    const row = deckRow(page, name);
    await row.waitFor();
    rows.push((await row.innerText()).replace(/\s+/g, ' ').trim());
  }
  return rows;
}
const deckRow = (page: Page, fullName: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name: `Study ${fullName}`, exact: true }) });
const IMPORTED_DECKS = ['Spanish', 'Spanish::Animals', 'Spanish::Verbs'];

describe('Anki packages and backups in a real browser', () => {
  it.skipIf(!existsSync(path.join(ANKI_FIXTURES, 'media.apkg')))(
    'imports a real Anki package with its sound, and the review plays the note’s own recording',
    async () => {
      const data = tempDataDir();
      cleanups.push(data.remove);
      const { page, problems } = await openApp(data.dir);
      // Every play() of a media element, to see which recording the review starts.
      await page.addInitScript(`(() => {
        window.parleyPlayed = [];
        const play = HTMLMediaElement.prototype.play;
        HTMLMediaElement.prototype.play = function () { window.parleyPlayed.push(this.src); return play.call(this); };
      })()`);
      await page.reload();
      await createSpanishLearner(page, 'Sam');
      await openAnkiPage(page);
      const summary = await importPackage(
        page,
        path.join(ANKI_FIXTURES, 'media.apkg'),
        '1 notes, 1 cards, 0 reviews and 1 media files.',
      );
      expect(summary).toBe('1 new notes, 0 updated, 0 reviews and 1 media files.');

      await page.getByRole('link', { name: 'Go to my decks' }).click();
      // The card asks for the note's own sound as it is shown, then plays it.
      const media = page.waitForResponse((response) => response.url().includes('anki:media'));
      await page.getByRole('link', { name: 'Study Default' }).click();
      const card = page.locator('.review-card');
      await card.waitFor();
      expect((await media).ok()).toBe(true);
      await card.getByRole('button', { name: /Play/ }).click();
      await expect
        .poll(() => page.evaluate<string[]>('window.parleyPlayed'))
        .toContainEqual(expect.stringMatching(/^blob:/));
      // Back to the keyboard flow: focus on the card, Space shows the answer, 3 is "Good".
      await card.focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('3');
      await page.getByRole('heading', { name: 'Congratulations! You’re done for now.' }).waitFor();
      await screenshot(page, 'anki-reviewed');
      expect(problems).toEqual([]);
    },
  );

  it('exports an imported deck and re-imports it into a second profile with the same notes, cards and reviews', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const apkg = await writeAnkiPackage(path.join(data.dir, 'spanish.apkg'), samplePackage('anki21b'));
    const { page, problems } = await openApp(path.join(data.dir, 'data'));
    await createSpanishLearner(page, 'Sam');
    await openAnkiPage(page);
    const first = await importPackage(page, apkg, '5 notes, 7 cards, 6 reviews and 3 media files.', () =>
      page.getByText('Vocabulary (1 notes)').waitFor(),
    );
    expect(first).toBe('4 new notes, 0 updated, 6 reviews and 2 media files.');
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: /^gato\.mp3$/ })
        .isVisible(),
    ).toBe(true);
    await screenshot(page, 'anki-imported');

    // Export the imported "Spanish" deck (with the decks inside it).
    await page.getByLabel('What to export').selectOption({ label: 'Spanish' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export .apkg' }).click();
    const exported = path.join(data.dir, 'exported.apkg');
    await (await download).saveAs(exported);
    const before = await deckRows(page, IMPORTED_DECKS);

    // A second learner on the same computer takes the exported package in.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: /New profile/ }).click();
    await createSpanishLearner(page, 'Lee');
    await openAnkiPage(page);
    const second = await importPackage(page, exported, /^4 notes, \d+ cards, 6 reviews and 2 media files\.$/);
    expect(second).toBe(first);
    expect(await deckRows(page, IMPORTED_DECKS)).toEqual(before);
    expect(problems).toEqual([]);
  });

  it('backs up from Settings and restores the backup, undoing an import made since', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const apkg = await writeAnkiPackage(path.join(data.dir, 'spanish.apkg'), samplePackage('anki21b'));
    const { page, problems } = await openApp(path.join(data.dir, 'data'));
    await createSpanishLearner(page, 'Sam');
    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('cell', { name: 'Made by you' }).waitFor();
    await screenshot(page, 'anki-your-data');

    await openAnkiPage(page);
    await importPackage(page, apkg, '5 notes, 7 cards, 6 reviews and 3 media files.');
    await deckRows(page, IMPORTED_DECKS);

    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('row').filter({ hasText: 'Made by you' }).getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('button', { name: 'Restore backup' }).click();
    // Parley reloads on the restored data: the imported decks are gone, the starter deck is still there.
    await mainNav(page).getByRole('link', { name: 'Decks' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: /^Spanish — / })
      .first()
      .waitFor();
    expect(
      await page
        .getByRole('row')
        .filter({ hasText: /^Spanish::Animals/ })
        .count(),
    ).toBe(0);
    expect(problems).toEqual([]);
  });
});
