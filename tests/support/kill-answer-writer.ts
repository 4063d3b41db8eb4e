/**
 * Child process for the review kill test: signs in to (or creates) a learner with a deck of words and answers cards
 * as fast as it can, printing `answered <cardId> <n>` after each answer returns. The parent kills it with SIGKILL at
 * a random moment. Answer n happens at BASE + n × 20 minutes on the core's clock, so the parent can find its log
 * row, time moves on from round to round, and cards keep coming due.
 * It loads, then waits for `go <firstNumber>` on stdin before touching the database: the parent starts the next
 * round's process while the current one runs.
 * Usage: kill-answer-writer <dataDir> <migrationsDir> <resourcesDir>
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createCore } from '../../src-main/core';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';
import { KILL_CLOCK_BASE, KILL_CLOCK_STEP } from './kill-answer-writer-clock';

const [dataDir, migrationsDir, resourcesDir] = process.argv.slice(2);
if (!dataDir || !migrationsDir || !resourcesDir)
  throw new Error('usage: kill-answer-writer <dataDir> <migrationsDir> <resourcesDir>');

const go = await new Promise<string>((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
let n = Number(/^go (\d+)$/.exec(go)?.[1] ?? NaN);
if (!Number.isInteger(n)) throw new Error(`expected "go <firstNumber>", got ${go}`);
const clock = { now: () => KILL_CLOCK_BASE + n * KILL_CLOCK_STEP };
const core = await createCore({
  dataDir,
  keystore: createMemoryKeyStore(),
  migrationsDir,
  resourcesDir,
  shell: 'test',
  clock,
  validateOutput: false,
  logLevel: 'warn',
});
const session = core.openSession();
const call = async (channel: string, input: unknown) => {
  const envelope = await core.dispatch(channel, input, session);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as Record<string, unknown>;
};

/** The learner and their deck, made on the first run and found again on every later one. */
async function signInToDeck(): Promise<string> {
  const { services, sqlite } = core.internals();
  const profiles = (await call('profiles:list', {})).profiles as { id: string }[];
  if (profiles[0]) {
    await call('profiles:signIn', { profileId: profiles[0].id });
    return sqlite.prepare('SELECT id FROM decks WHERE profile_id = ?').pluck().get(profiles[0].id) as string;
  }
  const { profile } = (await call('profiles:create', {
    displayName: 'Killed',
    nativeLanguage: 'en',
    targetLanguage: 'es',
    level: 'A2',
  })) as { profile: { id: string } };
  const deck = services.deckRows.create(profile.id, {
    name: 'Kill',
    parentId: null,
    nativeLanguage: 'en',
    targetLanguage: 'es',
  });
  services.presets.update(profile.id, deck.presetId, { newPerDay: 9999, reviewsPerDay: 9999 });
  const words = Array.from({ length: 150 }, (_, i) => ({
    term: `palabra${i}`,
    translation: `word${i}`,
    examples: i % 3 === 0 ? [{ text: `Una palabra${i} aquí.`, translation: '' }] : [],
    partOfSpeech: null,
    gender: null,
    ipa: null,
    tags: [],
  }));
  services.notes.insertMany(profile.id, deck.id, words, 'import');
  return deck.id;
}

const RATINGS = [3, 3, 1, 3, 4, 2, 3];
const scope = { deckId: await signInToDeck() };
writeSync(1, 'ready\n');
for (;;) {
  const next = (await call('review:next', scope)) as { card: { cardId: string } | null };
  if (next.card) {
    await call('review:answer', {
      scope,
      cardId: next.card.cardId,
      rating: RATINGS[n % RATINGS.length],
      durationMs: 1500,
    });
    writeSync(1, `answered ${next.card.cardId} ${n}\n`);
  }
  n += 1;
}
