/**
 * A big learner profile for benchmarks: one profile, one deck, 100k notes (200k+ cards) added through the real
 * notes service, then ~2M review-log rows over the past two years with the matching card states.
 *
 * BENCHMARK FIXTURE ONLY: the review history is written with raw prepared statements in big transactions, with
 * `synchronous=OFF` and the review-log indexes rebuilt afterwards. It BYPASSES THE MUTATOR AND THE OUTBOX (no
 * change rows for those logs and card updates), which the app itself must never do. Nothing is cached between
 * runs: every call builds the profile from scratch in `dataDir`.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createCore, type Core } from '../../src-main/core';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';
import { formatHlc } from '../../src-shared/domain/hlc';
import { simulateHistory, timeOrder, type History, type SimulatedCard } from './big-profile-history';
import { generateNotes, seededRandom } from './big-profile-words';

export interface BigProfileOptions {
  dataDir: string;
  notes?: number;
  reviewLogs?: number;
  /** The PRNG seed: the same seed gives the same words and history. */
  seed?: number;
}

export interface BigProfile {
  /** A core on `dataDir`, built as production builds it (no output checking). Close it when done. */
  core: Core;
  /** A session signed in to the profile. */
  sessionId: string;
  profileId: string;
  deckId: string;
  size: { notes: number; cards: number; reviewLogs: number };
  /** Seconds spent in each phase of the build, and in all. */
  seconds: { notes: number; simulate: number; logs: number; cards: number; total: number };
}

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');
const RESOURCES_DIR = path.resolve(import.meta.dirname, '../../resources');
const NOTES_PER_BATCH = 20_000;

export async function createBigProfile({
  dataDir,
  notes = 100_000,
  reviewLogs = 2_000_000,
  seed = 42,
}: BigProfileOptions): Promise<BigProfile> {
  const started = performance.now();
  const core = await createCore({
    dataDir,
    keystore: createMemoryKeyStore(),
    migrationsDir: MIGRATIONS_DIR,
    resourcesDir: RESOURCES_DIR,
    shell: 'test',
    validateOutput: false,
    logLevel: 'warn',
  });
  const sessionId = core.openSession();
  const created = await core.dispatch(
    'profiles:create',
    { displayName: 'Bench learner', nativeLanguage: 'en', targetLanguage: 'es', level: 'B1' },
    sessionId,
  );
  if (!created.ok) throw new Error(created.error.message);
  const profileId = (created.value as { profile: { id: string } }).profile.id;
  const { services, sqlite } = core.internals();
  const deckId = services.deckRows.create(profileId, {
    name: 'Spanish 100k',
    parentId: null,
    nativeLanguage: 'en',
    targetLanguage: 'es',
  }).id;

  const lap = stopwatch(started);
  const random = seededRandom(seed);
  const words = generateNotes(notes, random);
  for (let i = 0; i < words.length; i += NOTES_PER_BATCH)
    services.notes.insertMany(profileId, deckId, words.slice(i, i + NOTES_PER_BATCH), 'import');
  const notesSeconds = lap();

  const cardIds = sqlite
    .prepare('SELECT id FROM cards WHERE profile_id = ? ORDER BY position')
    .pluck()
    .all(profileId) as string[];
  const now = Date.now();
  const { history, cards } = simulateHistory(cardIds.length, reviewLogs, now, random);
  const simulateSeconds = lap();
  const written = withBulkSettings(sqlite, () => {
    writeLogs(sqlite, profileId, cardIds, history, now);
    const logsSeconds = lap();
    writeCardStates(sqlite, cardIds, cards);
    return { logs: logsSeconds, cards: lap() };
  });
  return {
    core,
    sessionId,
    profileId,
    deckId,
    size: { notes, cards: cardIds.length, reviewLogs: history.count },
    seconds: {
      notes: notesSeconds,
      simulate: simulateSeconds,
      ...written,
      total: (performance.now() - started) / 1000,
    },
  };
}

/** Seconds since the previous lap (or `from`). */
function stopwatch(from: number): () => number {
  let last = from;
  return () => {
    const now = performance.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}

/** Fast bulk settings for the load only, put back to the app's own afterwards. */
function withBulkSettings<R>(sqlite: Database.Database, load: () => R): R {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  try {
    return load();
  } finally {
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
}

/** Inserts the logs in time order with the secondary indexes dropped, then rebuilds them exactly as they were. */
function writeLogs(sqlite: Database.Database, profileId: string, cardIds: string[], h: History, now: number): void {
  const deviceId = sqlite.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).pluck().get() as string;
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review_logs' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`);
  const insert = sqlite.prepare(
    `INSERT INTO review_logs (id, profile_id, card_id, reviewed_at, rating, state_before, state_after, due_after, stability_after,
       difficulty_after, elapsed_days, scheduled_days, duration_ms, device_id, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const order = timeOrder(h, now);
  const chunk = 250_000;
  for (let from = 0; from < order.length; from += chunk) {
    sqlite.transaction(() => {
      for (let k = from; k < Math.min(order.length, from + chunk); k += 1) {
        const i = order[k]!;
        const at = h.at[i]!;
        insert.run(
          pastUuidV7(at, k),
          profileId,
          cardIds[h.card[i]!],
          at,
          h.rating[i],
          h.stateBefore[i],
          h.stateAfter[i],
          h.dueAfter[i],
          h.stability[i],
          h.difficulty[i],
          h.elapsedDays[i],
          h.scheduledDays[i],
          h.durationMs[i],
          deviceId,
          formatHlc({ ms: at, counter: 0, node: deviceId }),
        );
      }
    })();
  }
  for (const index of indexes) sqlite.exec(index.sql);
}

function writeCardStates(sqlite: Database.Database, cardIds: string[], cards: SimulatedCard[]): void {
  const update = sqlite.prepare(
    `UPDATE cards SET state = ?, due = ?, stability = ?, difficulty = ?, scheduled_days = ?, learning_steps = ?, reps = ?, lapses = ?, last_review = ?
     WHERE id = ?`,
  );
  sqlite.transaction(() => {
    for (const c of cards)
      update.run(
        c.state,
        c.due,
        c.stability,
        c.difficulty,
        c.scheduledDays,
        c.learningSteps,
        c.reps,
        c.lapses,
        c.lastReview,
        cardIds[c.index],
      );
  })();
}

/** A UUIDv7 for a past moment, unique within the load by its sequence number (uuid's own v7 costs 4 µs a call). */
function pastUuidV7(ms: number, seq: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const random = Math.floor(Math.random() * 0x1000000)
    .toString(16)
    .padStart(6, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-a${random.slice(3)}-${seq.toString(16).padStart(12, '0')}`;
}
