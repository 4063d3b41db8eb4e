import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePackage, writeAnkiPackage } from '../support/anki-package';
import { startWebShell } from '../support/web-shell';
import { e2eBrowser, screenshot, tempDataDir, watchForProblems } from './browser';

const { cleanups, newContext } = e2eBrowser();

describe('Anki packages and backups in a real browser', () => {
  it('imports a package with its preview, exports it again and backs up from Settings', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const apkg = await writeAnkiPackage(path.join(data.dir, 'spanish.apkg'), samplePackage('anki21b'));
    const shell = await startWebShell({ dataDir: path.join(data.dir, 'data') });
    cleanups.push(() => shell.stop());
    const context = await newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(shell.tokenUrl);

    await page.getByLabel('Your name').fill('Sam');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('I speak').selectOption('en');
    await page.getByLabel('I want to learn').selectOption('es');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('heading', { name: 'Pick a starter deck' }).waitFor();
    await page.getByRole('radio', { name: /^Spanish — 300\+ most frequent words/ }).check();
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await page.getByRole('heading', { name: 'Hello, Sam!' }).waitFor();
    await page.getByRole('navigation', { name: /^(Main|Principal)$/ }).getByRole('link', { name: 'Decks' }).click();
    await page.getByRole('link', { name: 'Anki decks' }).click();
    await page.getByRole('heading', { name: 'Anki decks', level: 1 }).waitFor();

    await page.getByLabel('Choose an Anki package').setInputFiles(apkg);
    await page.getByText('5 notes, 7 cards, 6 reviews and 3 media files.').waitFor();
    await page.getByText('Vocabulary (1 notes)').waitFor();
    await screenshot(page, 'anki-preview');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    await page.getByText('4 new notes, 0 updated, 6 reviews and 2 media files.').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: /^gato\.mp3$/ }).isVisible()).toBe(true);
    await screenshot(page, 'anki-imported');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export .apkg' }).click();
    expect((await download).suggestedFilename()).toBe('Parley.apkg');

    await page.getByRole('link', { name: 'Go to my decks' }).click();
    await page.getByRole('cell', { name: /Spanish/ }).first().waitFor();

    await page.getByRole('navigation', { name: /^(Main|Principal)$/ }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('cell', { name: 'Made by you' }).waitFor();
    await screenshot(page, 'anki-your-data');
    expect(problems).toEqual([]);
  });
});
