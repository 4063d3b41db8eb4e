import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { speechWav, wavSeconds } from '../support/fake-microphone';
import { startMockOpenAI, type MockOpenAI } from '../support/mock-openai/server';
import { startWebShell } from '../support/web-shell';
import { screenshot, tempDataDir, watchForProblems } from './browser';
import { createSpanishLearner, mainNav, setUpTutorModel } from './learner-steps';

/**
 * Voice practice in a real Chromium whose microphone plays an espeak-ng WAV (looped by Chromium): the Silero VAD
 * finds the utterance, the mock transcribes it, the reply streams and its speech plays; speech during the reply
 * barges in.
 */
const SAID = 'Hola, me llamo Ana y quiero un café con leche.';
const REPLY = 'Muy bien, Ana. Un café con leche para ti.';
const LONG_REPLY =
  'Claro que sí. Te cuento una historia larga sobre mi ciudad, que tiene muchas calles antiguas. ' +
  'En verano hace mucho calor y la gente sale por la noche. Hay mercados, plazas y cafés por todas partes. ' +
  'Los domingos mucha gente pasea por el parque grande del centro.';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const voiceState = (page: Page) => page.getByRole('status', { name: 'Voice status' });

async function launchWithMicrophone(wav: string, { allow = true } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      // Without the fake UI the permission prompt goes unanswered: headless Chromium denies it.
      ...(allow ? ['--use-fake-ui-for-media-stream'] : []),
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Every state the voice screen shows, in order, and every time playback was stopped (barge-in). */
async function recordVoice(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    window.parleyStates = [];
    window.parleyStateTimes = [];
    window.parleyStops = [];
    const stop = AudioBufferSourceNode.prototype.stop;
    AudioBufferSourceNode.prototype.stop = function (...args) {
      window.parleyStops.push(Date.now());
      return stop.apply(this, args);
    };
    new MutationObserver(() => {
      const state = document.querySelector('[data-state]')?.getAttribute('data-state');
      if (state && window.parleyStates.at(-1) !== state) {
        window.parleyStates.push(state);
        window.parleyStateTimes.push(Date.now());
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
  })()`);
}
const states = (page: Page): Promise<string[]> => page.evaluate('window.parleyStates');
const stops = (page: Page): Promise<number[]> => page.evaluate('window.parleyStops');
const stateTimes = (page: Page): Promise<number[]> => page.evaluate('window.parleyStateTimes');

interface SpeechSetup {
  stt?: boolean;
  tts?: boolean;
  /** Text-to-speech: a voice of its own for these languages (language code, voice), next to the default one. */
  languageVoices?: [string, string][];
}

/** Speech recognition and speech on the mock, through the Voice section of Settings as a learner would. */
async function configureSpeech(
  page: Page,
  mock: MockOpenAI,
  { stt = true, tts = true, languageVoices = [] }: SpeechSetup = {},
): Promise<void> {
  const section = page.getByRole('region', { name: 'Voice', exact: true });
  const slots = [
    ['Speech recognition', 'mock-whisper'],
    ['Speech', 'mock-tts'],
  ] as const;
  for (const [slot, model] of slots.filter(([name]) => (name === 'Speech' ? tts : stt))) {
    const group = section.getByRole('group', { name: slot, exact: true });
    await group.getByRole('button', { name: 'Set up' }).click();
    await group.getByLabel('Service').selectOption('speaches');
    await group.getByLabel('Server address').fill(mock.baseUrl);
    await group.getByLabel('Model').fill(model);
    if (slot === 'Speech') {
      await group.getByLabel('Voice', { exact: true }).fill('alloy');
      for (const [language, voice] of languageVoices) {
        await group.getByRole('button', { name: 'Add a voice for a language' }).click();
        await group.getByLabel('Language', { exact: true }).last().selectOption(language);
        await group
          .getByLabel(/^Voice for /)
          .last()
          .fill(voice);
      }
    }
    await group.getByRole('button', { name: 'Test connection' }).click();
    await group.getByText(/^Connected in \d+ ms\.$/).waitFor();
  }
  await section.getByLabel('Silence that ends a turn (ms)').fill('1500');
  await screenshot(page, languageVoices.length > 0 ? 'voice-settings-languages' : 'voice-settings');
  await section.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').getByText('Voice settings saved.').waitFor();
}

async function openVoiceScreen(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Tutor' }).click();
  await page.getByRole('button', { name: 'Start free talk' }).click();
  await page.getByRole('link', { name: 'Voice practice' }).click();
  await page.getByRole('heading', { name: 'Voice practice', level: 1 }).waitFor();
}

/**
 * Clicks Start and waits for the VAD to listen. Loading it (onnxruntime's 11 MB wasm, the model) can take long
 * on a loaded machine; a problem shown meanwhile fails at once with its text.
 */
async function startListening(page: Page, problems: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Start talking' }).click();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if ((await voiceState(page).textContent()) !== 'Not listening') return;
    const alert = page.getByRole('alert');
    if ((await alert.count()) > 0)
      throw new Error(`voice did not start: ${await alert.textContent()} ${problems.join('\n')}`);
    await page.waitForTimeout(200);
  }
  throw new Error(`voice did not start within 90 s\n${problems.join('\n')}`);
}

/** The last turn's timeline as numbers (ms after the end of speech). */
async function timeline(page: Page): Promise<Record<string, number | null>> {
  const marks = await page
    .locator('.voice-timeline > div')
    .evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-mark'), row.querySelector('dd')?.textContent ?? '']),
    );
  return Object.fromEntries(
    marks.map(([mark, text]) => [mark, /^(\d+) ms$/.test(text!) ? Number(text!.slice(0, -3)) : null]),
  );
}

/** Waits until the last turn's reply was heard: its first audio played. */
async function replyAudioPlayed(page: Page, timeout: number): Promise<void> {
  await expect.poll(async () => (await timeline(page)).firstAudioPlayedAt ?? null, { timeout }).not.toBeNull();
}

/** Types a turn in the voice screen's box, sends it, and waits for it in the chat and for the tutor's reply. */
async function typeTurn(page: Page, text: string): Promise<void> {
  await page.getByLabel('What you would say').fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('.chat-learner').filter({ hasText: text }).waitFor();
  await page.locator('.chat-tutor').filter({ hasText: REPLY }).waitFor();
}

async function setUp(
  wavName: string,
  text: string,
  after: number,
  { allow = true, ...speech }: SpeechSetup & { allow?: boolean } = {},
) {
  const data = tempDataDir();
  cleanups.push(data.remove);
  const wav = speechWav(data.dir, wavName, text, { after });
  const mock = await startMockOpenAI({ knobs: { models: ['mock-chat', 'mock-analysis'], transcript: SAID } });
  cleanups.push(() => mock.close());
  const shell = await startWebShell({ dataDir: data.dir });
  cleanups.push(() => shell.stop());
  const browser = await launchWithMicrophone(wav, { allow });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  if (allow) await context.grantPermissions(['microphone'], { origin: shell.url });
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await recordVoice(page);
  await page.goto(shell.tokenUrl);
  await createSpanishLearner(page);
  await setUpTutorModel(page, mock);
  await configureSpeech(page, mock, speech);
  return { page, mock, wav, problems };
}

describe('voice practice in a real browser with a fake microphone', () => {
  it('hears an utterance, shows the transcript, streams the reply and plays it, with the turn timeline', async () => {
    const { page, mock, wav, problems } = await setUp('hola', SAID, 14);
    mock.script({ kind: 'chat', match: SAID, text: REPLY, chunkDelayMs: 20 });
    await openVoiceScreen(page);
    // Settings' connection test sent its own short transcription: only what follows counts.
    const since = Date.now();
    await startListening(page, problems);

    // The VAD found the utterance: one transcription request carrying about the spoken part, not the silence.
    await page.locator('.chat-learner').filter({ hasText: SAID }).waitFor({ timeout: 30_000 });
    const transcriptions = mock.requests.filter((r) => r.path === '/v1/audio/transcriptions' && r.at >= since);
    expect(transcriptions.length).toBeGreaterThanOrEqual(1);
    const spokenSeconds = wavSeconds(wav) - 14.5;
    const sentBytes = Number(transcriptions[0]!.form?.['file.bytes']);
    const sentSeconds = (sentBytes - 44) / (16_000 * 2); // a 16 kHz PCM16 WAV with its 44-byte header
    expect(sentSeconds).toBeGreaterThan(spokenSeconds * 0.6);
    expect(sentSeconds).toBeLessThan(spokenSeconds + 2.5);

    // The reply streams into the chat and is spoken: the state passes through "speaking", then listens again.
    await page.locator('.chat-tutor').filter({ hasText: REPLY }).waitFor();
    await expect.poll(() => states(page), { timeout: 20_000 }).toContain('speaking');
    await expect.poll(async () => (await states(page)).at(-1), { timeout: 20_000 }).toBe('listening');
    const seen = await states(page);
    expect(seen.indexOf('hearing')).toBeLessThan(seen.indexOf('thinking'));
    expect(seen.indexOf('thinking')).toBeLessThan(seen.indexOf('speaking'));

    // The timeline of the turn, each mark after the one before.
    await replyAudioPlayed(page, 10_000);
    const marks = await timeline(page);
    expect(marks.transcriptAt).not.toBeNull();
    expect(marks.firstTokenAt).not.toBeNull();
    expect(marks.transcriptAt!).toBeLessThanOrEqual(marks.firstTokenAt!);
    expect(marks.firstTokenAt!).toBeLessThanOrEqual(marks.firstAudioPlayedAt!);
    console.log(`voice e2e timeline (ms after end of speech): ${JSON.stringify(marks)}`);
    await screenshot(page, 'voice-turn');

    // Shadowing: the next time the microphone speaks, it is matched word by word against the sentence.
    const drill = page.getByRole('region', { name: 'Shadowing' });
    await drill.getByLabel('Sentence to read').fill('Hola, me llamo Ana y quiero un café.');
    await drill.getByRole('button', { name: 'Read it aloud' }).click();
    await drill.getByText('Listening — read the sentence now.').waitFor();
    await drill.getByText(/^\d+% matched$/).waitFor({ timeout: 30_000 });
    expect(await drill.locator('.shadow-exact').count()).toBe(8);
    expect(await drill.locator('.shadow-missed').count()).toBe(0);
    expect((await drill.locator('.shadow-extra').allTextContents()).join(' ')).toMatch(
      /^con \(extra\) leche \(extra\)$/,
    );
    await screenshot(page, 'voice-shadowing');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => voiceState(page).textContent()).toBe('Not listening');
    expect(problems).toEqual([]);
  });

  it('stops the reply when the learner talks over it (barge-in), and listens again', async () => {
    // Short silence after the speech: the loop speaks again while the long reply is still playing.
    const { page, mock, problems } = await setUp('perdona', 'Perdona, una pregunta.', 4);
    mock.knobs({ ttsMsPerChar: 70 });
    mock.script({ kind: 'chat', match: SAID, text: LONG_REPLY, chunkDelayMs: 5 });
    await openVoiceScreen(page);
    await startListening(page, problems);
    await expect.poll(() => states(page), { timeout: 30_000 }).toContain('speaking');
    const cancels = page.waitForRequest((request) => request.url().endsWith('/api/voice:cancel'), { timeout: 20_000 });
    // The next loop of the microphone's speech interrupts: playback stops, the turn is cancelled in the core.
    await expect
      .poll(
        async () => {
          const seen = await states(page);
          const spoke = seen.indexOf('speaking');
          return spoke !== -1 && seen.slice(spoke + 1).includes('hearing');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await cancels;
    expect((await stops(page)).length).toBeGreaterThan(0);
    const seen = await states(page);
    const spoke = seen.indexOf('speaking');
    // Straight from speaking to hearing the learner: the reply did not play to its end first.
    expect(seen[spoke + 1]).toBe('hearing');
    // The sources stopped in the same task that showed "hearing" (the VAD's speech start).
    const heardAt = (await stateTimes(page))[spoke + 1]!;
    const stoppedAt = (await stops(page)).find((at) => at >= heardAt - 50)!;
    expect(Math.abs(stoppedAt - heardAt)).toBeLessThan(200);
    console.log(`voice e2e barge-in: speech start shown → playback stopped ${stoppedAt - heardAt} ms`);
    // The interruption is the learner's next turn: it goes to the tutor in its turn.
    await expect
      .poll(async () => (await states(page)).slice(spoke + 1).includes('thinking'), { timeout: 20_000 })
      .toBe(true);
    await screenshot(page, 'voice-barge-in');
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(problems).toEqual([]);
  });

  it('speaks the reply with the bundled espeak-ng when no speech service is set up', async () => {
    const { page, mock, problems } = await setUp('sin-tts', SAID, 14, { tts: false });
    mock.script({ kind: 'chat', match: SAID, text: REPLY, chunkDelayMs: 5 });
    await openVoiceScreen(page);
    await page.getByText("No speech service is set up: the tutor speaks with your computer's own voice.").waitFor();
    const since = Date.now();
    await startListening(page, problems);
    await page.locator('.chat-tutor').filter({ hasText: REPLY }).waitFor({ timeout: 30_000 });
    await expect.poll(() => states(page), { timeout: 30_000 }).toContain('speaking');
    await replyAudioPlayed(page, 10_000);
    // Nothing asked a speech server: the voice came from the app itself (headless Chromium has no system voices).
    expect(mock.requests.filter((r) => r.path === '/v1/audio/speech' && r.at >= since)).toEqual([]);
    const loaded: boolean = await page.evaluate(
      `performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/espeak/espeak-ng.data'))`,
    );
    expect(loaded).toBe(true);
    await expect.poll(async () => (await states(page)).at(-1), { timeout: 30_000 }).toBe('listening');
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(problems).toEqual([]);
  });

  it('says plainly when the microphone is denied, and offers typing instead', async () => {
    const { page, mock } = await setUp('denied', SAID, 2, { allow: false });
    mock.script({ kind: 'chat', match: 'Quiero un té', text: REPLY });
    await openVoiceScreen(page);
    await page.getByRole('button', { name: 'Start talking' }).click();
    await page
      .getByRole('alert')
      .getByText('Parley may not use the microphone. Allow it in your system or browser settings, then try again.')
      .waitFor();
    expect(await voiceState(page).textContent()).toBe('Not listening');
    await screenshot(page, 'voice-denied');
    // A typed turn still goes to the tutor, who answers aloud.
    await typeTurn(page, 'Quiero un té.');
    await replyAudioPlayed(page, 15_000);
  });

  it('answers a turn typed before Start aloud, with the voice set for the conversation’s language', async () => {
    // No speech recognition: the screen offers typing before any microphone is opened.
    const { page, mock, problems } = await setUp('typed', SAID, 14, {
      stt: false,
      languageVoices: [
        ['fr', 'voix-fr'],
        ['es', 'voz-es'],
      ],
    });
    mock.script({ kind: 'chat', match: 'Quiero un té', text: REPLY, chunkDelayMs: 5 });
    await openVoiceScreen(page);
    const since = Date.now();
    expect(await voiceState(page).textContent()).toBe('Not listening');
    await typeTurn(page, 'Quiero un té.');
    // The reply was spoken (before, nothing was there to play it until Start: the timeline never got its audio).
    await replyAudioPlayed(page, 15_000);
    // In Spanish, the learner's target language: with the voice set for Spanish, not the default or French one.
    const voices = mock.requests
      .filter((r) => r.path === '/v1/audio/speech' && r.at >= since)
      .map((r) => (r.body as unknown as { voice: string }).voice);
    expect(voices.length).toBeGreaterThan(0);
    expect([...new Set(voices)]).toEqual(['voz-es']);
    // Reading a message aloud again asks the speech service in the same language, so with the same voice.
    const before = mock.requests.length;
    await page.locator('.chat-tutor').filter({ hasText: REPLY }).getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(() => mock.requests.slice(before).filter((r) => r.path === '/v1/audio/speech').length).toBe(1);
    const again = mock.requests.slice(before).find((r) => r.path === '/v1/audio/speech')!;
    expect(again.body).toMatchObject({ input: REPLY, voice: 'voz-es' });
    expect(problems).toEqual([]);
  });

  it('push-to-talk: holding Space records the turn, releasing it sends the turn at once, and the reply plays', async () => {
    // The speech comes again every few seconds (about 3 s of it, then 1.5 s of silence — the end-of-turn silence).
    const { page, mock, wav, problems } = await setUp('ptt', SAID, 1.5);
    mock.script({ kind: 'chat', match: SAID, text: REPLY, chunkDelayMs: 5 });
    await openVoiceScreen(page);
    await startListening(page, problems);
    await page.getByLabel('Push-to-talk (hold Space)').check();
    await page.getByRole('button', { name: 'Hold to talk' }).waitFor();
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    const transcriptions = () => mock.requests.filter((r) => r.path === '/v1/audio/transcriptions' && r.at >= since);
    const since = Date.now();

    // Without Space, speech followed by silence is no turn.
    await page.waitForTimeout(Math.ceil(wavSeconds(wav) * 1000) + 500);
    expect(transcriptions()).toEqual([]);
    expect((await states(page)).at(-1)).toBe('listening');

    // Held over a whole loop of the microphone, pauses and all: the turn goes on until Space is released.
    const pressedFrom = (await states(page)).length;
    await page.keyboard.down('Space');
    await page.getByRole('button', { name: 'Talking… release to send' }).waitFor();
    const held = Math.ceil(wavSeconds(wav) * 1000) + 500;
    await page.waitForTimeout(held);
    expect(transcriptions()).toEqual([]);
    expect((await states(page)).slice(pressedFrom)).toEqual(['hearing']);
    const turnSent = page.waitForRequest((request) => request.url().endsWith('/api/voice:turn'), { timeout: 5_000 });
    const releasedAt = Date.now();
    await page.keyboard.up('Space');
    await turnSent;
    const sentAfter = Date.now() - releasedAt;
    // Sent on release, not after the end-of-turn silence (1.5 s), with the audio of the whole hold.
    expect(sentAfter).toBeLessThan(1000);
    console.log(`voice e2e push-to-talk: Space released → turn sent ${sentAfter} ms`);
    await expect.poll(() => transcriptions().length, { timeout: 10_000 }).toBe(1);
    const sentSeconds = (Number(transcriptions()[0]!.form?.['file.bytes']) - 44) / (16_000 * 2);
    expect(sentSeconds).toBeGreaterThan(held / 1000 - 1);
    expect(sentSeconds).toBeLessThan(held / 1000 + 1);

    // The transcript shows, the reply streams and plays, then it listens again.
    await page.locator('.chat-learner').filter({ hasText: SAID }).waitFor({ timeout: 30_000 });
    await page.locator('.chat-tutor').filter({ hasText: REPLY }).waitFor();
    const after = (await states(page)).slice(pressedFrom);
    expect(after.slice(0, 2)).toEqual(['hearing', 'thinking']);
    await expect.poll(async () => (await states(page)).slice(pressedFrom), { timeout: 20_000 }).toContain('speaking');
    await replyAudioPlayed(page, 10_000);
    await expect.poll(async () => (await states(page)).at(-1), { timeout: 30_000 }).toBe('listening');
    await screenshot(page, 'voice-push-to-talk');
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(problems).toEqual([]);
  });
});
