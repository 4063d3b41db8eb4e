import type { Page } from 'playwright-core';
import type { MockOpenAI } from '../support/mock-openai/server';

/** The app's main navigation, in English or Spanish. */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|Principal)$/ });

/**
 * First run, as a learner does it: name, English → Spanish, the default level, the Spanish starter deck
 * (`atStarterStep` runs when that step shows, for a test that checks it).
 */
export async function createSpanishLearner(page: Page, name = 'Ana', atStarterStep = async () => {}): Promise<void> {
  await page.getByRole('heading', { name: 'What should we call you?' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('I speak').selectOption('en');
  await page.getByLabel('I want to learn').selectOption('es');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name: 'How much Spanish do you know?' }).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.getByRole('heading', { name: 'Pick a starter deck' }).waitFor();
  await atStarterStep();
  await page.getByRole('radio', { name: /^Spanish — 300\+ most frequent words/ }).check();
  await page.getByRole('button', { name: 'Add this deck' }).click();
  await page.getByRole('heading', { name: `Hello, ${name}!` }).waitFor();
}

/**
 * Points the tutor at the mock server through Settings, as a learner would; `testConnection` also presses "Test
 * connection" and waits for its verdict (`afterTest` runs then, before the save: a screenshot, say).
 */
export async function setUpTutorModel(
  page: Page,
  mock: MockOpenAI,
  { testConnection = false, afterTest = async () => {} } = {},
): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Tutor model' });
  await section.getByRole('button', { name: 'Set up a model' }).click();
  await section.getByLabel('Service').selectOption('openai-compatible');
  await section.getByLabel('Server address').fill(mock.baseUrl);
  await section.getByRole('button', { name: "Load the server's models" }).click();
  await section.getByText('2 models on the server').waitFor();
  await section.getByLabel('Conversation model').selectOption('mock-chat');
  await section.getByLabel('Analysis model').selectOption('mock-analysis');
  if (testConnection) {
    await section.getByRole('button', { name: 'Test connection' }).click();
    await section.getByText(/^Connected in \d+ ms\. The server offers 2 models\.$/).waitFor();
    await afterTest();
  }
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').getByText('Tutor model saved.').waitFor();
}
