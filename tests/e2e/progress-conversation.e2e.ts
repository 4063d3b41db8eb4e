import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startMockOpenAI } from '../support/mock-openai/server';
import { startWebShell } from '../support/web-shell';
import { e2eBrowser, screenshot, tempDataDir, watchForProblems } from './browser';
import { createSpanishLearner, mainNav, setUpTutorModel } from './learner-steps';

const VIEWPORT = { width: 1280, height: 1000 };
const GOAL_MARKER = '[GOAL REACHED]';
/**
 * The seed: two learner turns in one scenario. 6 + 7 = 13 words; "cafe" corrected twice (spelling), one grammar
 * correction; the scenario's goal reached after the first turn.
 */
const TURNS = [
  {
    text: 'Hola. Quiero un cafe con leche',
    reply: `Muy bien, un café con leche. ${GOAL_MARKER}`,
    corrections: [{ original: 'cafe', corrected: 'café', category: 'spelling' }],
  },
  {
    text: 'Y otro cafe para el mi amigo',
    reply: 'Claro, otro café.',
    corrections: [
      { original: 'cafe', corrected: 'café', category: 'spelling' },
      { original: 'el mi amigo', corrected: 'mi amigo', category: 'grammar' },
    ],
  },
];
const WORDS = 13;
const per100 = (n: number) => (Math.round((n * 1000) / WORDS) / 10).toString();

const { cleanups, newContext } = e2eBrowser();

const toast = (page: Page, text: string) => page.getByRole('status').getByText(text);

/** Cells of the table row whose header cell is `name` (the header itself is not a cell). */
const rowCells = async (table: ReturnType<Page['getByRole']>, name: string) =>
  table
    .getByRole('row', { name: new RegExp(`^${name}`) })
    .getByRole('cell')
    .allTextContents();

describe('conversation statistics in a real browser through the web shell', () => {
  it('shows turns, words and corrections per 100 words that match a seeded conversation, and announces it once', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const mock = await startMockOpenAI({ knobs: { models: ['mock-chat', 'mock-analysis'] } });
    cleanups.push(() => mock.close());
    const shell = await startWebShell({ dataDir: data.dir });
    cleanups.push(() => shell.stop());
    const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(shell.tokenUrl);
    await createSpanishLearner(page);
    await toast(page, 'Achievement unlocked: First deck').waitFor();
    await setUpTutorModel(page, mock);

    await mainNav(page).getByRole('link', { name: 'Tutor' }).click();
    await page.getByRole('searchbox', { name: 'Filter scenarios' }).fill('café');
    mock.script({ kind: 'chat', text: '¡Hola! ¿Qué le pongo?' });
    await page.getByRole('button', { name: 'Start the scenario “Ordering at a café”' }).click();
    await page.locator('.chat-tutor[data-status="complete"]').first().waitFor();
    const composer = page.getByRole('textbox', { name: 'Your message' });
    for (const [i, turn] of TURNS.entries()) {
      mock.script(
        {
          kind: 'structured',
          match: 'Find the real mistakes',
          json: { corrections: turn.corrections.map((c) => ({ ...c, explanation: 'Fixed.', severity: 'minor' })) },
        },
        { kind: 'chat', text: turn.reply },
      );
      await composer.fill(turn.text);
      await composer.press('Enter');
      await expect.poll(() => page.locator('.chat-tutor[data-status="complete"]').count()).toBe(i + 2);
      await page.locator('.chat-learner').filter({ hasText: turn.text }).locator('.correction').first().waitFor();
    }
    // Announced on the tutor's screen, where it happened, without visiting Progress.
    await toast(page, 'Achievement unlocked: First conversation').waitFor();
    await toast(page, 'Achievement unlocked: First conversation').waitFor({ state: 'detached', timeout: 10_000 });

    await mainNav(page).getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    const conversations = page.getByRole('region', { name: 'Conversations per week' });
    await conversations.getByRole('img').waitFor();
    expect(await conversations.locator('[data-conversation-totals]').textContent()).toContain(
      'turns 2 · conversations 1',
    );
    expect(await conversations.locator('[data-conversation-totals]').textContent()).toContain(
      'scenario goals reached 1',
    );
    await conversations.getByRole('button', { name: 'Show as table' }).click();
    const weekRows = conversations.getByRole('table').getByRole('row');
    expect(await weekRows.count()).toBe(1 + 12);
    // This week, the last row: turns, conversations, words.
    expect((await weekRows.last().getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['2', '1', String(WORDS)]);

    const corrections = page.getByRole('region', { name: 'Corrections per 100 words' });
    await corrections.getByRole('button', { name: 'Show as table' }).click();
    // Words, then grammar, vocabulary, spelling, word order, register, and all.
    expect(await rowCells(corrections.getByRole('table'), 'In all')).toEqual([
      String(WORDS),
      per100(1),
      '0',
      per100(2),
      '0',
      '0',
      per100(3),
    ]);
    await page.getByRole('region', { name: 'Speaking' }).waitFor();
    expect(await page.locator('.achievement.is-unlocked[data-achievement="firstConversation"]').count()).toBe(1);
    await screenshot(page, 'progress-conversations');
    // Announced once: not again on the Progress screen.
    await page.waitForTimeout(1000);
    expect(await toast(page, 'Achievement unlocked: First conversation').count()).toBe(0);

    await page.getByRole('link', { name: 'Weekly report' }).click();
    await page.getByRole('heading', { name: 'Weekly report', level: 1 }).waitFor();
    expect(await page.locator('[data-report="conversations"]').textContent()).toContain(
      `Turns 2 · conversations 1 · words ${WORDS}`,
    );
    const recurring = page.getByRole('region', { name: 'Most frequent corrections' }).getByRole('table');
    expect(await rowCells(recurring, 'cafe')).toEqual(['café', 'Spelling', '2']);
    expect(await recurring.getByRole('row').count()).toBe(1 + 2);
    await screenshot(page, 'progress-report-conversations');
    expect(problems).toEqual([]);
  }, 120_000);
});
