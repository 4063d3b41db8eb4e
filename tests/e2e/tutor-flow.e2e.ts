import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startMockOpenAI } from '../support/mock-openai/server';
import { startWebShell } from '../support/web-shell';
import { e2eBrowser, screenshot, tempDataDir, watchForProblems } from './browser';
import { createSpanishLearner, mainNav, setUpTutorModel } from './learner-steps';

const VIEWPORT = { width: 1280, height: 900 };
const OPENING = '¡Hola! Bienvenido al Café Central. ¿Qué le pongo hoy? Tenemos un cortado muy bueno.';
const REPLY = 'Muy bien, un café con leche. ¡Aquí tiene!';
const GOAL_MARKER = '[GOAL REACHED]';
const LONG_REPLY = Array.from({ length: 60 }, (_, i) => `palabra${i}`).join(' ');

const { cleanups, newContext } = e2eBrowser();

const composer = (page: Page) => page.getByRole('textbox', { name: 'Your message' });
const tutorMessages = (page: Page) => page.locator('.chat-tutor');
const focusedId = (page: Page): Promise<string> => page.evaluate(`document.activeElement?.id ?? ''`);
/** LM Studio's port, where Parley looks for a model on this computer. */
const LM_STUDIO_PORT = 1234;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Records every text the last tutor bubble shows while it streams, to prove the reply arrives piece by piece. */
function watchStreaming(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    window.parleyStreamed = [];
    new MutationObserver(() => {
      const bubble = document.querySelector('.chat-tutor[data-status="streaming"] .markdown');
      const text = bubble?.textContent ?? '';
      if (text && window.parleyStreamed.at(-1) !== text) window.parleyStreamed.push(text);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`);
}
const streamedTexts = (page: Page): Promise<string[]> => page.evaluate(`window.parleyStreamed`);

describe('the tutor in a real browser through the web shell', () => {
  it('plays a scenario with a streamed reply, a correction, a saved word and a stopped reply, then practises offline', async () => {
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
    await setUpTutorModel(page, mock, { testConnection: true, afterTest: () => screenshot(page, 'tutor-settings') });

    // The scenario library, filtered to the learner's level; the tutor opens the scene, streamed word by word.
    await mainNav(page).getByRole('link', { name: 'Tutor' }).click();
    await page.getByRole('heading', { name: 'Tutor', level: 1 }).waitFor();
    expect(await page.getByLabel('Level').inputValue()).toBe('A1');
    await page.getByRole('searchbox', { name: 'Filter scenarios' }).fill('café');
    await screenshot(page, 'tutor-library');
    mock.script({ kind: 'chat', text: OPENING, chunkDelayMs: 40 });
    await watchStreaming(page);
    await page.getByRole('button', { name: 'Start the scenario “Ordering at a café”' }).click();
    await page.getByRole('heading', { name: 'Ordering at a café', level: 2 }).waitFor();
    await tutorMessages(page).filter({ hasText: OPENING }).waitFor();
    await expect.poll(() => page.locator('.chat-tutor[data-status="complete"]').count()).toBe(1);
    const streamed = await streamedTexts(page);
    expect(streamed.length).toBeGreaterThan(3);
    for (const text of streamed.slice(0, -1)) expect(OPENING.startsWith(text), JSON.stringify(streamed)).toBe(true);
    await expect
      .poll(() => page.locator('[aria-live="polite"]').getByText(`The tutor replied: ${OPENING}`).count())
      .toBe(1);

    // Keyboard only: the box has focus, Shift+Enter breaks the line, Enter sends.
    expect(await focusedId(page)).toMatch(/^composer-/);
    mock.script(
      {
        kind: 'structured',
        match: 'Find the real mistakes',
        json: {
          corrections: [
            {
              original: 'un cafe con leche',
              corrected: 'un café con leche',
              explanation: '“Café” takes an accent on the e.',
              category: 'spelling',
              severity: 'minor',
            },
          ],
        },
      },
      { kind: 'chat', text: `${REPLY}\n${GOAL_MARKER}`, chunkDelayMs: 10 },
    );
    await page.keyboard.type('Hola.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Quiero un cafe con leche');
    expect(await composer(page).inputValue()).toBe('Hola.\nQuiero un cafe con leche');
    await page.keyboard.press('Enter');
    await tutorMessages(page).filter({ hasText: REPLY }).waitFor();
    expect(await composer(page).inputValue()).toBe('');
    // The tutor judged the scenario's goal reached: a banner says so, and the marker never shows.
    await page.getByRole('status').getByText('Goal reached! You completed “Ordering at a café”.').waitFor();
    expect(await page.locator('.chat-log').textContent()).not.toContain(GOAL_MARKER);

    // The correction under the learner's message, old → new with the changed word highlighted.
    const learner = page.locator('.chat-learner').filter({ hasText: 'Quiero un cafe con leche' });
    const correction = learner.locator('.correction');
    await correction.waitFor();
    expect(await correction.locator('del.diff-extra').allTextContents()).toEqual(['cafe']);
    expect(await correction.locator('ins.diff-missing').allTextContents()).toEqual(['café']);
    expect(await correction.textContent()).toContain('“Café” takes an accent on the e.');
    expect(await correction.getByText('Spelling').count()).toBe(1);
    await screenshot(page, 'tutor-correction');

    // A word the tutor introduced, offered as a card and added to the deck in one click.
    mock.script({
      kind: 'structured',
      match: 'pick at most 5 words',
      json: { words: [{ term: 'cortado', translation: 'espresso with a dash of milk' }] },
    });
    const opening = tutorMessages(page).filter({ hasText: OPENING });
    await opening.getByRole('button', { name: 'Words to keep' }).click();
    const cards = opening.getByRole('region', { name: 'Words to keep' });
    await cards.getByText('espresso with a dash of milk').waitFor();
    expect(await cards.getByLabel('Add to deck').locator('option:checked').textContent()).toMatch(/^Spanish/);
    await screenshot(page, 'tutor-words');
    await cards.getByRole('button', { name: 'Add “cortado” to the deck' }).click();
    await page
      .getByRole('status')
      .getByText(/^“cortado” was added to Spanish/)
      .waitFor();
    expect(await cards.getByRole('button', { name: 'Add “cortado” to the deck' }).isDisabled()).toBe(true);

    // A word from a correction comes without a translation: the learner types one before adding it.
    await learner.getByRole('button', { name: 'Words to keep' }).click();
    const fromCorrection = learner.getByRole('region', { name: 'Words to keep' });
    const translationBox = fromCorrection.getByRole('textbox', { name: /^Translation of “/ }).first();
    await translationBox.waitFor();
    const addCorrected = fromCorrection.getByRole('button', { name: /^Add “.+” to the deck$/ }).first();
    expect(await addCorrected.isDisabled()).toBe(true);
    await translationBox.fill('white coffee');
    await addCorrected.click();
    await expect.poll(() => addCorrected.textContent()).toBe('Added');

    // Translate and explain on demand; the explanation's markdown is rendered, raw HTML in it is not.
    mock.script(
      { kind: 'chat', match: 'Translate the', text: 'Hello! Welcome to Café Central. What can I get you today?' },
      {
        kind: 'chat',
        match: 'asks what a message',
        text: '- **le pongo**: what can I get you\n\n<img src="x" alt="raw html"><b>raw</b>',
      },
    );
    await opening.getByRole('button', { name: 'Translate' }).click();
    await opening.getByText('Hello! Welcome to Café Central. What can I get you today?').waitFor();
    await opening.getByRole('button', { name: 'Explain this' }).click();
    await opening.locator('.chat-aside strong').getByText('le pongo').waitFor();
    expect(await page.locator('.chat-log img').count()).toBe(0);
    expect(await page.locator('.chat-log b').count()).toBe(0);
    await opening.getByRole('button', { name: 'Hide translation' }).click();
    await screenshot(page, 'tutor-explain');

    // Stop a slow reply mid-stream with Esc: the partial text stays, marked incomplete, with Continue offered.
    mock.script({ kind: 'chat', text: LONG_REPLY, chunkDelayMs: 150 });
    await composer(page).fill('¿Puede hablar más despacio?');
    await page.keyboard.press('Enter');
    const slow = tutorMessages(page).filter({ hasText: 'palabra3 ' });
    await slow.waitFor();
    await page.getByRole('button', { name: /^Stop/ }).waitFor();
    await page.keyboard.press('Escape');
    await slow.getByText('This reply stopped before the end.').waitFor();
    await slow.getByRole('button', { name: 'Continue' }).waitFor();
    const kept = (await slow.locator('.markdown').textContent()) ?? '';
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).not.toContain('palabra59');
    await expect.poll(() => page.locator('[aria-live="polite"]').getByText('Reply stopped.').count()).toBe(1);
    await screenshot(page, 'tutor-stopped');

    // Continue the cut-off reply: the rest is appended to the same message.
    mock.script({ kind: 'chat', text: ' y fin.' });
    await slow.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => slow.getAttribute('data-status')).toBe('complete');
    const continued = (await slow.locator('.markdown').textContent()) ?? '';
    expect(continued.startsWith(kept.trimEnd())).toBe(true);
    expect(continued.endsWith('y fin.')).toBe(true);

    // Arrow Up in the empty box edits the last message; sending it again replaces it and the reply after it.
    await composer(page).focus();
    await page.keyboard.press('ArrowUp');
    const edit = page.getByRole('textbox', { name: 'Edit your last message' });
    await edit.waitFor();
    expect(await edit.inputValue()).toBe('¿Puede hablar más despacio?');
    await edit.fill('Más despacio, por favor.');
    await page.keyboard.press('Enter');
    await page.locator('.chat-learner').filter({ hasText: 'Más despacio, por favor.' }).waitFor();
    await expect.poll(() => page.locator('.chat-learner').filter({ hasText: '¿Puede hablar' }).count()).toBe(0);
    await expect.poll(() => tutorMessages(page).filter({ hasText: 'palabra3 ' }).count()).toBe(0);
    await tutorMessages(page).last().filter({ hasText: '¡Hola! ¿Qué tal tu día?' }).waitFor();

    // An unsent draft survives leaving the screen.
    await composer(page).fill('Un borrador sin enviar');
    await mainNav(page).getByRole('link', { name: 'Browse' }).click();
    await mainNav(page).getByRole('link', { name: 'Tutor' }).click();
    await page.getByRole('link', { name: /Ordering at a café/ }).click();
    await expect.poll(() => composer(page).inputValue()).toBe('Un borrador sin enviar');

    // Full-text search over the history finds the tutor's words, accents optional; the conversation is renamed.
    await page.getByRole('searchbox', { name: 'Search your conversations' }).fill('pongo');
    await page.getByRole('status').getByText('1 message found').waitFor();
    expect(await page.locator('.search-snippet mark').first().textContent()).toBe('pongo');
    await page.getByRole('searchbox', { name: 'Search your conversations' }).fill('');
    await page.getByRole('button', { name: 'Actions for Ordering at a café' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename the conversation' });
    await rename.getByLabel('Name').fill('Café with Ana');
    await rename.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Café with Ana', level: 2 }).waitFor();
    await page.getByRole('link', { name: /Café with Ana/ }).waitFor();

    // The word is in the deck.
    await mainNav(page).getByRole('link', { name: 'Browse' }).click();
    await page.getByRole('searchbox', { name: 'Search words' }).fill('cortado');
    await page.getByRole('row', { name: 'cortado: espresso with a dash of milk' }).first().waitFor();

    // The server goes away: the reply fails, the screen says so and offers offline practice.
    await mock.close();
    await mainNav(page).getByRole('link', { name: 'Tutor' }).click();
    await page.getByRole('link', { name: /Café with Ana/ }).click();
    await composer(page).fill('¿Hola?');
    await page.keyboard.press('Enter');
    const failed = page.locator('.chat-tutor').getByRole('alert');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toBe(
      'The tutor could not reply. The server does not answer. Check that it is running and the address is right.',
    );
    await page.locator('.chat-tutor').last().getByRole('button', { name: 'Regenerate' }).waitFor();
    const banner = page.locator('.provider-banner');
    await banner.getByText(/^The tutor cannot talk right now\. The server does not answer\./).waitFor();
    await screenshot(page, 'tutor-offline');
    await banner.getByRole('link', { name: 'Practise offline' }).click();

    await page.getByRole('heading', { name: 'Offline practice', level: 2 }).waitFor();
    expect(await page.locator('.offline-badge').textContent()).toContain('Offline practice');
    await answerOneDrill(page);
    await page.locator('.drill-verdict').waitFor();
    await page.getByText(/^All offline practice: [01] of 1 right$/).waitFor();
    await screenshot(page, 'tutor-drill');

    // The server is back: the failed reply is regenerated in place, and the offline notice goes away.
    const back = await startMockOpenAI({ port: mock.port, knobs: { models: ['mock-chat', 'mock-analysis'] } });
    cleanups.push(() => back.close());
    back.script({ kind: 'chat', text: 'Sí, aquí estoy.' });
    await page.getByRole('link', { name: /Café with Ana/ }).click();
    await page.locator('.chat-tutor').last().getByRole('button', { name: 'Regenerate' }).click();
    await tutorMessages(page).last().filter({ hasText: 'Sí, aquí estoy.' }).waitFor();
    await expect.poll(() => page.locator('.chat-tutor').getByRole('alert').count()).toBe(0);
    await banner.waitFor({ state: 'detached' });

    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});

describe('the tutor on first run, in Spanish, by keyboard', () => {
  it('says no model is set up, practises offline, then takes the model found on this computer', async (ctx) => {
    if (!(await portIsFree(LM_STUDIO_PORT)))
      ctx.skip(`port ${LM_STUDIO_PORT} is taken, so no local server can be faked`);
    const data = tempDataDir();
    cleanups.push(data.remove);
    const shell = await startWebShell({ dataDir: data.dir });
    cleanups.push(() => shell.stop());
    const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'dark' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(shell.tokenUrl);

    await page.getByRole('heading', { name: 'What should we call you?' }).waitFor();
    await page.getByLabel('Your name').fill('Lucía');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('I speak').selectOption('es');
    await page.getByLabel('I want to learn').selectOption('en');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /How much English do you know\?|¿Cuánto inglés sabes\?/ }).waitFor();
    await page.getByRole('button', { name: /^(Next|Siguiente)$/ }).click();
    await page.getByRole('button', { name: /^(Create profile|Crear perfil)$/ }).click();
    await page.getByRole('radio', { name: /^Inglés — / }).check();
    await page.getByRole('button', { name: 'Añadir este mazo' }).click();
    await page.getByRole('heading', { name: '¡Hola, Lucía!' }).waitFor();

    await mainNav(page).getByRole('link', { name: 'Tutor' }).click();
    const banner = page.locator('.provider-banner');
    await banner
      .getByText('Todavía no hay ningún modelo configurado para el tutor, así que no puede hablar.')
      .waitFor();
    await screenshot(page, 'tutor-first-run');

    // Offline practice, answered with the keyboard alone.
    await banner.getByRole('link', { name: 'Practicar sin conexión' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Práctica sin conexión', level: 2 }).waitFor();
    const card = page.locator('.drill-card');
    await card.waitFor();
    if ((await card.getByRole('radio').count()) > 0) {
      await card.getByRole('radio').first().focus();
      await page.keyboard.press('Space');
    } else if ((await card.locator('.order-pool button').count()) > 0) {
      while ((await card.locator('.order-pool button').count()) > 0) {
        await card.locator('.order-pool button').first().focus();
        await page.keyboard.press('Enter');
      }
    } else {
      await card.getByLabel('Tu respuesta').focus();
      await page.keyboard.type('hello');
    }
    await card.getByRole('button', { name: 'Comprobar' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Toda la práctica sin conexión: [01] de 1 bien$/).waitFor();
    await page.getByRole('button', { name: /^(Siguiente|Ver el resultado)/ }).waitFor();
    expect(await page.evaluate(`document.activeElement?.textContent ?? ''`)).toMatch(/^(Siguiente|Ver el resultado)/);
    await screenshot(page, 'tutor-drill-es');

    // A model server appears on this computer: the tutor offers it, and the first message goes through it.
    const local = await startMockOpenAI({ port: LM_STUDIO_PORT, knobs: { models: ['local-model'] } });
    cleanups.push(() => local.close());
    await page.reload();
    await banner.getByText('Parley ha encontrado LM Studio en este ordenador (1 modelo).').waitFor();
    await banner.getByRole('button', { name: 'Usar LM Studio' }).click();
    await page.getByRole('status').getByText('El tutor ya usa LM Studio en este ordenador.').waitFor();
    await banner.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Volver al tutor' }).click();
    await page.getByText(/^\d+ situaciones$/).waitFor();
    expect(await page.locator('.scenario-card').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('.scenario-card .tag').allTextContents()).toEqual(expect.arrayContaining(['A1']));
    await page.getByRole('button', { name: 'Empezar a hablar' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Conversación libre', level: 2 }).waitFor();
    await expect.poll(() => focusedId(page)).toMatch(/^composer-/);
    await page.keyboard.type('Hello! I am fine, thanks.');
    await page.keyboard.press('Enter');
    await tutorMessages(page).filter({ hasText: '¡Hola! ¿Qué tal tu día?' }).waitFor();
    await page.getByText('Sin correcciones. ¡Muy bien escrito!').waitFor();
    expect(local.chatRequests().some((r) => r.model === 'local-model')).toBe(true);
    await screenshot(page, 'tutor-local-es');

    // Deleting a conversation can be undone from the notice.
    await page.getByRole('button', { name: 'Acciones de Conversación libre' }).click();
    await page.getByRole('menuitem', { name: 'Eliminar' }).click();
    await page.getByText('Aún no hay conversaciones. Empieza una y saluda.').waitFor();
    await page.getByRole('status').getByRole('button', { name: 'Deshacer' }).click();
    await page.getByRole('status').getByText('«Conversación libre» ha vuelto.').waitFor();
    await page.getByRole('link', { name: /Conversación libre/ }).waitFor();

    expect(problems).toEqual([]);
  });
});

describe('the tutor model fixed by a school', () => {
  it('shows the locked server and model as set by the school, and still takes a key', async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const mock = await startMockOpenAI({ knobs: { models: ['school-model'], apiKey: 'sk-school-123' } });
    cleanups.push(() => mock.close());
    const policyFile = path.join(data.dir, 'policy.json');
    writeFileSync(
      policyFile,
      JSON.stringify({ llm: { provider: 'openai-compatible', baseUrl: mock.baseUrl, model: 'school-model' } }),
    );
    const shell = await startWebShell({
      dataDir: path.join(data.dir, 'data'),
      env: { PARLEY_POLICY_FILE: policyFile },
    });
    cleanups.push(() => shell.stop());
    const context = await newContext({ viewport: VIEWPORT, locale: 'en-US', colorScheme: 'light' });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(shell.tokenUrl);
    await createSpanishLearner(page);

    await mainNav(page).getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Tutor model' });
    await section
      .getByText('Your school chose this server and model. You can still enter the API key.')
      .first()
      .waitFor();
    expect(await section.getByLabel('Service').isDisabled()).toBe(true);
    expect(await section.getByLabel('Server address').isDisabled()).toBe(true);
    expect(await section.getByLabel('Server address').inputValue()).toBe(mock.baseUrl);
    expect(await section.getByLabel('Conversation model').inputValue()).toBe('school-model');
    expect(await section.getByLabel('Conversation model').isDisabled()).toBe(true);
    expect(await section.getByRole('button', { name: 'Turn off the tutor model' }).count()).toBe(0);

    // The key is write-only: typed once, saved, then only "Saved" shows, and the server accepts it.
    const key = section.getByLabel('API key');
    expect(await key.isDisabled()).toBe(false);
    await key.fill('sk-school-123');
    await section.getByRole('button', { name: 'Test connection' }).click();
    await section.getByText(/^Connected in \d+ ms\. The server offers 1 model\.$/).waitFor();
    await section.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Tutor model saved.').waitFor();
    await section.getByText('Saved', { exact: true }).waitFor();
    expect(await key.inputValue()).toBe('');
    expect(await page.content()).not.toContain('sk-school-123');
    await screenshot(page, 'tutor-settings-locked');

    expect(problems).toEqual([]);
  });
});

/** Answers whichever kind of exercise comes first, without knowing the answer: the core judges it. */
async function answerOneDrill(page: Page): Promise<void> {
  const card = page.locator('.drill-card');
  await card.waitFor();
  const radios = card.getByRole('radio');
  const tokens = card.locator('.order-pool button');
  if ((await radios.count()) > 0) {
    await radios.first().check();
  } else if ((await tokens.count()) > 0) {
    while ((await tokens.count()) > 0) await tokens.first().click();
  } else {
    await card.getByLabel('Your answer').fill('hola');
  }
  await card.getByRole('button', { name: 'Check' }).click();
}
