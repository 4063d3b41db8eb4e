import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startWebShell } from '../support/web-shell';
import { e2eBrowser, middayTimeZone, screenshot, tempDataDir, watchForProblems } from './browser';
import { createSpanishLearner, mainNav } from './learner-steps';

const VIEWPORT = { width: 1280, height: 1000 };
/** The seed: eight new cards answered by keyboard. "Again" twice; one "Easy" graduates straight to review. */
const RATINGS = ['3', '1', '3', '4', '2', '3', '1', '3'];
const AGAIN = RATINGS.filter((r) => r === '1').length;
const EASY = RATINGS.filter((r) => r === '4').length;

const { cleanups, newContext } = e2eBrowser();

/** Page-side code is passed as a string, as in browser.ts: the tests compile without the DOM library. */
const focusIsOnCard = (page: Page): Promise<boolean> =>
  page.evaluate(`document.activeElement?.classList.contains('review-card') === true`);
const tile = (page: Page, key: string) => page.locator(`.stat-tile[data-stat="${key}"] .stat-value`);

async function reviewCards(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Review' }).click();
  for (const rating of RATINGS) {
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    await expect.poll(() => focusIsOnCard(page)).toBe(true);
    await page.keyboard.press('Space');
    const buttons = page.getByRole('group', { name: 'How well did you remember?' });
    await buttons.waitFor();
    // The rating buttons rather than the digit keys: the review screen's own tests cover the keyboard.
    await buttons
      .getByRole('button')
      .nth(Number(rating) - 1)
      .click();
    await buttons.waitFor({ state: 'detached' });
  }
}

describe('progress dashboard in a real browser through the web shell', () => {
  it('shows numbers that match the reviews given, a table for each chart, achievements once, and a weekly report', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    // Midday wherever the test runs: the cards in learning stay due today, whatever the hour of the run.
    const timezoneId = middayTimeZone();
    const shell = await startWebShell({ dataDir: data.dir, env: { TZ: timezoneId } });
    cleanups.push(() => shell.stop());
    const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'dark', timezoneId });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(shell.tokenUrl);
    await createSpanishLearner(page, 'Sam');
    // Announced wherever the learner is: the first deck on the home screen, the first review during the session
    // (now and then) or on leaving it, whichever comes first.
    await page.getByRole('status').getByText('Achievement unlocked: First deck').waitFor();
    const firstReview = page
      .getByRole('status')
      .getByText('Achievement unlocked: First review')
      .waitFor({ timeout: 60_000 });
    await reviewCards(page);

    await mainNav(page).getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    await firstReview;

    expect(await tile(page, 'done').textContent()).toBe(String(RATINGS.length));
    expect(await tile(page, 'streak').textContent()).toBe('1 day');
    // The deck list's limits: 20 new a day, eight used; every card not rated Easy is in learning today.
    const learning = RATINGS.length - EASY;
    expect(await tile(page, 'due').textContent()).toBe(String(20 - RATINGS.length + learning));
    // The estimate is worked out in the background: an earlier one (made before the reviews, when an achievement
    // was looked for) shows until the newer one arrives.
    await expect
      .poll(async () => Number(await tile(page, 'words').textContent()), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(Number(await tile(page, 'words').textContent())).toBeLessThanOrEqual(RATINGS.length);

    const cards = page.getByRole('region', { name: 'Cards by state' });
    await cards.getByRole('button', { name: 'Show as table' }).click();
    const cardRow = (state: RegExp) => cards.getByRole('row', { name: state }).getByRole('cell');
    expect(await cardRow(/^Learning/).textContent()).toBe(String(learning));
    expect(await cardRow(/^Young/).textContent()).toBe(String(EASY));
    expect(await cardRow(/^Suspended/).textContent()).toBe('0');

    const heatmap = page.getByRole('region', { name: 'Reviews in the last year' });
    await heatmap.getByRole('img').waitFor();
    await heatmap.getByRole('button', { name: 'Show as table' }).click();
    const heatRows = heatmap.getByRole('table').getByRole('row');
    expect(await heatRows.count()).toBe(2); // the header and today
    expect(await heatRows.nth(1).getByRole('cell').first().textContent()).toBe(String(RATINGS.length));

    const forecast = page.getByRole('region', { name: 'Due in the next 30 days' });
    expect(await forecast.locator('canvas').count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'True retention by month' }).getByRole('img').waitFor();
    const unlocked = page.locator('.achievement.is-unlocked');
    expect(await unlocked.count()).toBe(2);
    await screenshot(page, 'progress-dashboard');

    // Back again once the toasts have gone: nothing is announced a second time.
    await page.getByText('Achievement unlocked: First review').waitFor({ state: 'detached', timeout: 10_000 });
    await mainNav(page).getByRole('link', { name: 'Home' }).click();
    await mainNav(page).getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
    await page.locator('.achievement.is-unlocked').first().waitFor();
    await page.waitForTimeout(1000);
    expect(
      await page
        .getByRole('status')
        .getByText(/Achievement unlocked/)
        .count(),
    ).toBe(0);

    await page.getByRole('link', { name: 'Weekly report' }).click();
    await page.getByRole('heading', { name: 'Weekly report', level: 1 }).waitFor();
    expect(await page.locator('[data-total="reviews"]').textContent()).toBe(String(RATINGS.length));
    const mistakes = page.getByRole('region', { name: 'Recurring mistakes' }).getByRole('table').getByRole('row');
    expect(await mistakes.count()).toBe(1 + AGAIN);
    expect(await page.getByText('Studied on 1 day out of 7.').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await screenshot(page, 'progress-report-print');
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  }, 120_000);
});
