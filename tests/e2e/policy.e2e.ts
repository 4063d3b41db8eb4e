import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../support/web-shell';
import { e2eBrowser, screenshot, tempDataDir, watchForProblems } from './browser';

const VIEWPORT = { width: 1200, height: 820 };
const LOCKED_NOTE = 'Set by your school';

const { cleanups, newContext } = e2eBrowser();

/** A web shell on a fresh data folder, reading the machine policy from a file written next to it. */
async function openShellWithPolicy(policy: unknown): Promise<WebShell> {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const policyFile = path.join(data.dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify(policy));
  const shell = await startWebShell({ dataDir: path.join(data.dir, 'data'), env: { PARLEY_POLICY_FILE: policyFile } });
  cleanups.push(() => shell.stop());
  return shell;
}

async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  return { page, problems: watchForProblems(page) };
}

/** The first profile on a computer, which is its administrator; ends on Settings. */
async function createFirstProfileAndOpenSettings(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'What should we call you?' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  expect(await page.getByRole('checkbox', { name: /Make this the administrator profile/ }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'Which languages?' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: /A2 Elementary/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('checkbox', { name: 'Study' }).check();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('heading', { name: 'Pick a starter deck' }).waitFor();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  await page.getByRole('heading', { name: `Hello, ${name}!` }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
}

/** The text of the elements a control's aria-describedby points at, as a screen reader reads it after the name. */
async function description(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe('the machine policy in the settings screens', () => {
  it('shows the settings a school locked as disabled and set by the school', async () => {
    const shell = await openShellWithPolicy({ uiLanguages: ['en'], profiles: { allowSelfService: false } });
    const { page, problems } = await openPage();
    await page.goto(shell.tokenUrl);
    await createFirstProfileAndOpenSettings(page, 'Ana');

    const uiLanguage = page.getByLabel('Interface language', { exact: true });
    await expect.poll(() => uiLanguage.isDisabled()).toBe(true);
    expect(await description(uiLanguage)).toContain(LOCKED_NOTE);
    // Only the allowed language is offered: not Spanish, and not "Automatic", which could pick it.
    expect(await uiLanguage.locator('option').allTextContents()).toEqual(['English']);

    // Settings the policy leaves alone stay editable and carry no note.
    const dark = page.getByRole('radio', { name: 'Dark' });
    expect(await dark.isDisabled()).toBe(false);
    expect(await description(dark)).not.toContain(LOCKED_NOTE);
    const reduceMotion = page.getByRole('checkbox', { name: 'Reduce motion' });
    expect(await reduceMotion.isDisabled()).toBe(false);
    expect(await description(reduceMotion)).not.toContain(LOCKED_NOTE);

    // The admin's machine settings the policy fixes.
    const selfService = page.getByRole('checkbox', { name: 'Let anyone create a profile' });
    expect(await selfService.isDisabled()).toBe(true);
    expect(await selfService.isChecked()).toBe(false);
    expect(await description(selfService)).toContain(LOCKED_NOTE);
    const defaultLanguage = page.getByLabel('Default interface language', { exact: true });
    expect(await defaultLanguage.isDisabled()).toBe(true);
    expect(await description(defaultLanguage)).toContain(LOCKED_NOTE);
    expect(await page.getByText('The machine policy has problems').count()).toBe(0);
    await selfService.scrollIntoViewIfNeeded();
    await screenshot(page, 'policy-locked-settings');
    expect(problems).toEqual([]);
  });

  it('shows the administrator what is wrong with an invalid policy, and applies none of it', async () => {
    const shell = await openShellWithPolicy({ uiLanguages: ['en'], colour: 'dark' });
    const { page, problems } = await openPage();
    await page.goto(shell.tokenUrl);
    await createFirstProfileAndOpenSettings(page, 'Ben');

    const warning = page.locator('.policy-problems');
    await warning.getByText('The machine policy has problems; Parley is using safe defaults:').waitFor();
    const listed = await warning.getByRole('listitem').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.join('\n')).toContain('policy.json');
    expect(listed.join('\n')).toContain('colour');

    const uiLanguage = page.getByLabel('Interface language', { exact: true });
    expect(await uiLanguage.isDisabled()).toBe(false);
    expect(await description(uiLanguage)).not.toContain(LOCKED_NOTE);
    expect(await uiLanguage.locator('option').count()).toBe(3);
    expect(await page.getByText(LOCKED_NOTE).count()).toBe(0);
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'policy-problems');
    expect(problems).toEqual([]);
  });
});
