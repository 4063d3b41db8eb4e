import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../support/web-shell';
import { e2eBrowser, focusOutline, focusedDescription, screenshot, tabTo, tempDataDir, watchForProblems } from './browser';

const PASSWORD = 'correct horse battery';
const VIEWPORT = { width: 1200, height: 820 };

const { cleanups, newContext } = e2eBrowser();

async function openShell(dataDir: string): Promise<WebShell> {
  const shell = await startWebShell({ dataDir });
  cleanups.push(() => shell.stop());
  return shell;
}

async function openPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  return { context, page, problems: watchForProblems(page) };
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|Principal)$/ });
const htmlAttribute = (page: Page, name: string) => page.locator('html').getAttribute(name);

async function signInWithPassword(page: Page, name: string, password: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('profiles in a real browser through the web shell', () => {
  it('creates a password profile, refuses a wrong password, and keeps settings across a restart', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    let shell = await openShell(data.dir);
    const firstRun = await openPage();
    let { page, problems } = firstRun;

    const response = await page.goto(shell.tokenUrl);
    expect(response?.status()).toBe(200);
    const csp = (await response?.headerValue('content-security-policy')) ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toMatch(/'unsafe-(inline|eval)'/);
    const served = (await response?.text()) ?? '';
    expect(served).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(served).not.toMatch(/<style[\s>]/i);
    expect(served).not.toMatch(/\sstyle=/i);

    await page.getByRole('heading', { name: 'What should we call you?' }).waitFor();
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'onboarding-name');
    await page.getByLabel('Your name').fill('Ana');
    await page.getByLabel('Password (optional)').fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    const makeAdmin = page.getByRole('checkbox', { name: /Make this the administrator profile/ });
    expect(await makeAdmin.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByLabel('I speak').selectOption('en');
    await page.getByLabel('I want to learn').selectOption('en');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Choose a language different from the one you speak.').waitFor();
    await page.getByLabel('I want to learn').selectOption('es');
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('heading', { name: 'How much Spanish do you know?' }).waitFor();
    await page.getByRole('radio', { name: /B1 Intermediate/ }).check();
    await page.getByRole('button', { name: 'Next' }).click();

    await page.getByRole('checkbox', { name: 'Travel' }).check();
    await page.getByRole('checkbox', { name: 'Everyday conversation' }).check();
    await page.getByLabel('Interests (optional)').fill('cooking');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Remove cooking' }).waitFor();
    await screenshot(page, 'onboarding-goals');
    await page.getByRole('button', { name: 'Create profile' }).click();

    await page.getByRole('heading', { name: 'Pick a starter deck' }).waitFor();
    await page.getByRole('button', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { name: 'Hello, Ana!' }).waitFor();
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await screenshot(page, 'home');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Who is learning today?' }).waitFor();
    const card = page.getByRole('button', { name: /Ana/ });
    await expect.poll(() => card.textContent()).toContain('Password protected');
    await screenshot(page, 'picker');

    await signInWithPassword(page, 'Ana', 'not the password');
    await page.getByRole('alert').getByText('That password is not right. Check it and try again.').waitFor();
    await screenshot(page, 'wrong-password');

    // After five wrong passwords sign-in slows down: the screen counts down until the next try is allowed.
    const countdown = page
      .getByRole('alert')
      .getByText(/^Too many wrong passwords\. You can try again in \d+ seconds?\.$/);
    for (let attempt = 2; attempt <= 8 && !(await countdown.isVisible()); attempt += 1) {
      await page.getByLabel('Password', { exact: true }).fill(`wrong guess ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await countdown.waitFor();
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    await screenshot(page, 'rate-limited');
    await countdown.waitFor({ state: 'hidden', timeout: 60_000 });

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Ana!' }).waitFor();

    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => htmlAttribute(page, 'data-theme')).toBe('dark');
    await page.getByLabel('Interface language', { exact: true }).selectOption('es');
    await mainNav(page).getByRole('link', { name: 'Ajustes' }).waitFor();
    expect(await mainNav(page).getByRole('link', { name: 'Inicio' }).isVisible()).toBe(true);
    await page.getByRole('heading', { name: 'Ajustes', level: 1 }).waitFor();
    expect(await htmlAttribute(page, 'lang')).toBe('es');
    await page.getByRole('status').getByText('Guardado.').waitFor();
    await screenshot(page, 'settings-dark-spanish');
    expect(problems).toEqual([]);

    await firstRun.context.close();
    await shell.stop();

    shell = await openShell(data.dir);
    ({ page, problems } = await openPage());
    await page.goto(shell.tokenUrl);
    await page.getByRole('heading', { name: 'Who is learning today?' }).waitFor();
    await signInWithPassword(page, 'Ana', PASSWORD);
    await page.getByRole('heading', { name: '¡Hola, Ana!' }).waitFor();
    expect(await htmlAttribute(page, 'data-theme')).toBe('dark');
    await mainNav(page).getByRole('link', { name: 'Ajustes' }).click();
    await page.getByRole('heading', { name: 'Ajustes', level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: 'Oscuro' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Idioma de la interfaz', { exact: true }).inputValue()).toBe('es');
    await screenshot(page, 'after-restart');
    expect(problems).toEqual([]);
  });

  it('can be used with the keyboard alone: skip link, onboarding, picker and navigation', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const shell = await openShell(data.dir);
    const { page, problems } = await openPage();
    await page.goto(shell.tokenUrl);
    await page.getByRole('heading', { name: 'What should we call you?' }).waitFor();

    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toBe('link "Skip to main content"');
    await screenshot(page, 'keyboard-skip-link');
    await page.keyboard.press('Enter');
    expect(await focusedDescription(page)).toMatch(/^main\b/);

    await tabTo(page, /^textbox "Your name"/);
    await page.keyboard.type('Ben');
    await tabTo(page, /^button "Next"/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Which languages?' }).waitFor();
    await tabTo(page, /^button "Next"/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'How much Spanish do you know?' }).waitFor();
    await tabTo(page, /^radio /);
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: /A2 Elementary/ }).isChecked()).toBe(true);
    const radioOutline = await focusOutline(page);
    expect(radioOutline.style).not.toBe('none');
    await tabTo(page, /^button "Next"/);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'What brings you here?' }).waitFor();
    await tabTo(page, /^checkbox "Study"/);
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Study' }).isChecked()).toBe(true);
    await tabTo(page, /^button "Create profile"/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Pick a starter deck' }).waitFor();
    expect(await focusedDescription(page)).toMatch(/^heading "Pick a starter deck"/);
    await tabTo(page, /^button "Skip for now"/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hello, Ben!' }).waitFor();

    await tabTo(page, /^link "Skip to main content"/, { max: 3 });
    await page.keyboard.press('Enter');
    expect(await focusedDescription(page)).toMatch(/^main\b/);
    await tabTo(page, /^link "Settings"/, { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await focusedDescription(page)).toMatch(/^main\b/);

    await tabTo(page, /^button "Sign out"/, { backwards: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Who is learning today?' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toBe('link "Skip to main content"');
    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toMatch(/^button "Ben Learning Spanish · A2\b/);
    const cardOutline = await focusOutline(page);
    expect(cardOutline.style).not.toBe('none');
    expect(cardOutline.width).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'keyboard-picker-focus');
    await page.keyboard.press('Tab');
    expect(await focusedDescription(page)).toMatch(/^link "New profile/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hello, Ben!' }).waitFor();
    expect(problems).toEqual([]);
  });
});
