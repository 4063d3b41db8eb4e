import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../server/processes';
import { startWebShell } from '../support/web-shell';
import { e2eBrowser, tempDataDir, watchForProblems } from './browser';

const ADMIN_PASSWORD = 'admin-password-for-e2e';
const LEARNER = { username: 'sam', password: 'sam-server-password' };
const PASSPHRASE = 'correct horse battery staple';

const { cleanups, newContext } = e2eBrowser();

async function postJson(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The school's admin creates the learner's account, as docs/sync-server.md describes (over the admin API). */
async function createLearnerAccount(serverUrl: string): Promise<void> {
  const login = await postJson(`${serverUrl}/v1/auth/login`, {
    username: 'admin',
    password: ADMIN_PASSWORD,
    deviceName: 'e2e admin',
  });
  await postJson(
    `${serverUrl}/v1/admin/accounts`,
    { ...LEARNER, displayName: 'Sam', role: 'learner' },
    String(login.accessToken),
  );
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|Principal)$/ });
const tile = (page: Page, key: string) => page.locator(`.stat-tile[data-stat="${key}"] .stat-value`);

/** One web shell with its own data folder, in its own browser context. */
async function openDevice(): Promise<{ page: Page; problems: string[] }> {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const shell = await startWebShell({ dataDir: data.dir });
  cleanups.push(() => shell.stop());
  const context = await newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(shell.tokenUrl);
  return { page, problems };
}

async function createLearnerWithStarterDeck(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'What should we call you?' }).waitFor();
  await page.getByLabel('Your name').fill('Sam');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('I speak').selectOption('en');
  await page.getByLabel('I want to learn').selectOption('es');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('heading', { name: 'Pick a starter deck' }).waitFor();
  await page.getByRole('radio', { name: /^Spanish — / }).check();
  await page.getByRole('button', { name: 'Add this deck' }).click();
  await page.getByRole('heading', { name: 'Hello, Sam!' }).waitFor();
}

const syncRegion = (page: Page) => page.getByRole('region', { name: 'Sync' });

async function openSyncSettings(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  await syncRegion(page).waitFor();
}

/** Settings → Sync: sign in, wait until the first sync has sent everything. */
async function setUpSync(page: Page, serverUrl: string): Promise<void> {
  await openSyncSettings(page);
  const sync = syncRegion(page);
  await sync.getByLabel('Sync server address').fill(serverUrl);
  await sync.getByLabel('Username on the sync server').fill(LEARNER.username);
  await sync.getByLabel('Password on the sync server').fill(LEARNER.password);
  await sync.getByLabel('Sync passphrase').fill(PASSPHRASE);
  await sync.getByRole('button', { name: 'Sign in and sync' }).click();
  await sync.getByRole('button', { name: 'Sync now' }).waitFor({ timeout: 30_000 });
  await expect.poll(() => sync.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Up to date');
  expect(await sync.getByText('0 changes').count()).toBe(1);
}

/** Settings → Sync → Sync now, until it reports nothing waiting. */
async function syncNow(page: Page): Promise<void> {
  await openSyncSettings(page);
  const sync = syncRegion(page);
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await sync.getByRole('button', { name: 'Sync now' }).waitFor();
  await expect.poll(() => sync.getByRole('button', { name: 'Sync now' }).isEnabled(), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => sync.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Up to date');
  await expect.poll(() => sync.getByText('0 changes').count(), { timeout: 10_000 }).toBe(1);
}

/** Answers `ratings.length` cards through the review screen's buttons (1 Again … 4 Easy). */
async function review(page: Page, ratings: number[]): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Review' }).click();
  for (const rating of ratings) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    const buttons = page.getByRole('group', { name: 'How well did you remember?' });
    await buttons
      .getByRole('button')
      .nth(rating - 1)
      .click();
    await buttons.waitFor({ state: 'detached' });
  }
}

/** The progress page's numbers: reviews today and cards by state. */
async function progressOf(page: Page): Promise<{ done: string; learning: string; young: string }> {
  await mainNav(page).getByRole('link', { name: 'Progress' }).click();
  await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
  const cards = page.getByRole('region', { name: 'Cards by state' });
  await cards.getByRole('button', { name: 'Show as table' }).click();
  const cell = (state: RegExp) => cards.getByRole('row', { name: state }).getByRole('cell').textContent();
  const result = {
    done: (await tile(page, 'done').textContent()) ?? '',
    learning: (await cell(/^Learning/)) ?? '',
    young: (await cell(/^Young/)) ?? '',
  };
  return result;
}

describe('sync between two web shells through one sync server', () => {
  it('brings a profile to a second computer, and a review made on either shows on the other', async () => {
    const serverData = mkdtempSync(path.join(os.tmpdir(), 'parley-e2e-sync-server-'));
    cleanups.push(() => rmSync(serverData, { recursive: true, force: true }));
    const server = await startServerProcess({
      PARLEY_SERVER_DATA: serverData,
      PARLEY_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
    });
    cleanups.push(() => server.stop());
    await createLearnerAccount(server.url);

    // The laptop: a new learner, linked to the sync account from Settings.
    const laptop = await openDevice();
    await createLearnerWithStarterDeck(laptop.page);
    await setUpSync(laptop.page, server.url);

    // A lab computer with no profile: first-run → "Sign in with the school server" brings the profile down.
    const lab = await openDevice();
    await lab.page.getByRole('link', { name: /Sign in with the school server/ }).click();
    const school = lab.page.getByRole('region', { name: 'Sign in with the school server' });
    await school.getByLabel('Sync server address').fill(server.url);
    await school.getByLabel('Username on the sync server').fill(LEARNER.username);
    await school.getByLabel('Password on the sync server').fill(LEARNER.password);
    await school.getByLabel('Sync passphrase').fill(PASSPHRASE);
    await school.getByRole('button', { name: 'Sign in' }).click();
    await lab.page.getByRole('heading', { name: 'Hello, Sam!' }).waitFor({ timeout: 30_000 });
    expect(await progressOf(lab.page)).toEqual({ done: '0', learning: '0', young: '0' });

    // Three answers on the laptop ("Good" keeps a new card in learning), then Sync now on both.
    await review(laptop.page, [3, 3, 3]);
    expect(await progressOf(laptop.page)).toEqual({ done: '3', learning: '3', young: '0' });
    await syncNow(laptop.page);
    await syncNow(lab.page);
    expect(await progressOf(lab.page)).toEqual({ done: '3', learning: '3', young: '0' });

    // And back: "Easy" on the lab computer graduates a fourth card; the laptop sees it after its next sync.
    await review(lab.page, [4]);
    await syncNow(lab.page);
    await syncNow(laptop.page);
    expect(await progressOf(laptop.page)).toEqual({ done: '4', learning: '3', young: '1' });

    // Sam leaves the lab computer: the next student finds the profile locked with Sam's school password.
    await lab.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await lab.page.getByRole('button', { name: /Sam/ }).click();
    await lab.page.getByLabel('Password', { exact: true }).fill('not sams password');
    await lab.page.getByRole('button', { name: 'Sign in' }).click();
    await lab.page.getByRole('alert').getByText('That password is not right. Check it and try again.').waitFor();
    await lab.page.getByLabel('Password', { exact: true }).fill(LEARNER.password);
    await lab.page.getByRole('button', { name: 'Sign in' }).click();
    await lab.page.getByRole('heading', { name: 'Hello, Sam!' }).waitFor();

    expect({ laptop: laptop.problems, lab: lab.problems }).toEqual({ laptop: [], lab: [] });
  }, 90_000);
});
