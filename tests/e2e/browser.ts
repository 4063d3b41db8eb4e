import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The system Chromium (no browser download here), quiet and without a sandbox for containers. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * What every end-to-end file needs: one Chromium for the file, a fresh context per call, and `cleanups` — undone
 * after each test, last first (web shells, mock servers, data folders).
 */
export function e2eBrowser(): {
  cleanups: (() => Promise<void> | void)[];
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
} {
  let browser: Browser | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    cleanups,
    newContext(options) {
      if (!browser) throw new Error('Chromium is not running: call newContext inside a test.');
      return browser.newContext(options);
    },
  };
}

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Collects what should never happen on a page: console errors, uncaught exceptions, CSP violations. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/parley-${name}.png`, animations: 'disabled' });
}

/** The focused element as its role and accessible name (`button "Next"`), as a screen reader would announce it. */
export async function focusedDescription(page: Page): Promise<string> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return 'body';
  const snapshot = await focused.first().ariaSnapshot();
  return (snapshot.split('\n')[0] ?? '').replace(/^- /, '').replace(/:$/, '');
}

/** Presses Tab until the focused element matches, failing after `max` presses (so the control is keyboard-reachable). */
export async function tabTo(page: Page, pattern: RegExp, { max = 40, backwards = false } = {}): Promise<string> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusedDescription(page);
    seen.push(focused);
    if (pattern.test(focused)) return focused;
  }
  throw new Error(`Tab never reached ${pattern}; focus went through:\n${seen.join('\n')}`);
}

/** The focused element's computed outline, to prove focus is visible. */
export function focusOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(`(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  })()`);
}

/**
 * A fixed-offset time zone in which it is about noon now, for tests whose numbers depend on the study day: a
 * learning card due in ten minutes is due today, not after the 4 a.m. day boundary (a run at 03:55 would differ).
 * Give it to the web shell (`env: { TZ }`) and to the browser context (`timezoneId`).
 */
export function middayTimeZone(now = new Date()): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 12) offset -= 24;
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
