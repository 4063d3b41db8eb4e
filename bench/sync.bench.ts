/**
 * Sync figures against the real companion server (server/, SQLite backend) on loopback, in its own process as
 * `npm run server` starts it (a school's server is never inside the learner's app):
 * - `sync.first_100k_s`: "Sign in with the school server" on a new device for a profile of 100k notes (200k+ cards)
 *   with 1M review-log rows: login, key unwrap (scrypt N=2^17), pull, decrypt, apply, replay. Budget ≤ 60 s.
 * - `sync.incremental_100_ms`: 100 reviews on one device reach the other: its Sync now (push) plus the other's
 *   Sync now (pull, apply, replay). Budget ≤ 300 ms.
 * `PARLEY_BENCH_SYNC_SCALE=0.05` runs a smaller profile (5k notes, 50k review-log rows) for a quick check; the
 * reported figure is the full size (the figure carries its size).
 */
import path from 'node:path';
import { createCore } from '../src-main/core';
import { createMemoryKeyStore } from '../src-main/providers/keystore';
import { formatHlc } from '../src-shared/domain/hlc';
import { removeDir, tempDir } from '../tests/support/test-core';
import { startServerProcess } from '../tests/sync/support/server-process';
import { round, type Benchmark, type Figure } from './harness';
import { createBigProfile, type BigProfile } from './support/big-profile';

const MIGRATIONS = path.resolve(import.meta.dirname, '../db/migrations');
const RESOURCES = path.resolve(import.meta.dirname, '../resources');
const SCALE = Math.min(1, Math.max(0.001, Number(process.env.PARLEY_BENCH_SYNC_SCALE ?? 1) || 1));
const ACCOUNT = { username: 'bench', password: 'bench password 1', passphrase: 'bench sync passphrase' };

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
function unwrap<T>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/**
 * BENCHMARK FIXTURE: big-profile writes its history without the outbox; here the change rows the mutator would
 * have recorded are added (one insert per review-log row, one update per reviewed card with its final state).
 */
function recordHistoryInOutbox(big: BigProfile): number {
  const { sqlite } = big.core.internals();
  const deviceId = sqlite.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).pluck().get() as string;
  const insert = sqlite.prepare(
    'INSERT INTO changes (id, hlc, profile_id, table_name, row_id, op, data) VALUES (parley_new_id(), ?, ?, ?, ?, ?, ?)',
  );
  let count = 0;
  sqlite.pragma('synchronous = OFF');
  sqlite.transaction(() => {
    // Read in slices, then write: better-sqlite3 refuses writes while a statement is being iterated.
    const logs = sqlite.prepare(
      'SELECT rowid AS _rowid, * FROM review_logs WHERE profile_id = ? AND rowid > ? ORDER BY rowid LIMIT 50000',
    );
    for (let after = 0; ;) {
      const rows = logs.all(big.profileId, after) as Record<string, unknown>[];
      if (rows.length === 0) break;
      for (const { _rowid, ...row } of rows) {
        insert.run(row.updated_at, big.profileId, 'review_logs', row.id, 'insert', JSON.stringify(row));
        after = _rowid as number;
        count += 1;
      }
    }
    const at = Date.now();
    const update = sqlite.prepare('UPDATE cards SET updated_at = ? WHERE id = ?');
    const cards = sqlite
      .prepare(
        `SELECT id, state, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, last_review FROM cards
         WHERE profile_id = ? AND reps > 0 ORDER BY rowid`,
      )
      .all(big.profileId) as Record<string, unknown>[];
    cards.forEach((card, i) => {
      const hlc = formatHlc({ ms: at + Math.floor(i / 100_000), counter: i % 100_000, node: deviceId });
      const { id, ...fields } = card;
      update.run(hlc, id);
      insert.run(hlc, big.profileId, 'cards', id, 'update', JSON.stringify({ ...fields, updated_at: hlc }));
      count += 1;
    });
    sqlite
      .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('hlc', ?)`)
      .run(formatHlc({ ms: at + 10, counter: 0, node: deviceId }));
  })();
  sqlite.pragma('synchronous = FULL');
  return count;
}

async function measure(): Promise<Figure[]> {
  const dirA = tempDir('parley-bench-sync-a-');
  const dirB = tempDir('parley-bench-sync-b-');
  const server = await startServerProcess();
  const big = await createBigProfile({
    dataDir: dirA,
    notes: Math.round(100_000 * SCALE),
    reviewLogs: Math.round(1_000_000 * SCALE),
  });
  const lab = await createCore({
    dataDir: dirB,
    keystore: createMemoryKeyStore(),
    migrationsDir: MIGRATIONS,
    resourcesDir: RESOURCES,
    shell: 'test',
    validateOutput: false,
    logLevel: 'warn',
  });
  try {
    const phase = (what: string) =>
      process.stderr.write(`sync bench: ${what} at ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    const t0 = performance.now();
    const fixtureChanges = recordHistoryInOutbox(big);
    phase('outbox fixture written');
    await server.addUser(ACCOUNT.username, ACCOUNT.password);
    const account = { serverUrl: server.url, ...ACCOUNT };

    const pushStarted = performance.now();
    unwrap(await big.core.dispatch('sync:configure', account, big.sessionId));
    const pushSeconds = (performance.now() - pushStarted) / 1000;
    phase('pushed');
    const totalChanges = big.core
      .internals()
      .sqlite.prepare('SELECT count(*) FROM changes WHERE profile_id = ?')
      .pluck()
      .get(big.profileId) as number;
    const stored = server.stats();

    const labSession = lab.openSession();
    const firstStarted = performance.now();
    const firstCpu = process.cpuUsage();
    unwrap(await lab.dispatch('sync:roam', account, labSession));
    const firstSeconds = (performance.now() - firstStarted) / 1000;
    // CPU time of the app's process (the client; the server runs in its own) during the first sync: comparable when
    // the machine is shared and wall time is not.
    const { user, system } = process.cpuUsage(firstCpu);
    const firstCpuSeconds = (user + system) / 1e6;
    phase('first sync done');
    const { sqlite: labDb } = lab.internals();
    const labCards = labDb.prepare('SELECT count(*) FROM cards').pluck().get() as number;
    const labLogs = labDb.prepare('SELECT count(*) FROM review_logs').pluck().get() as number;
    if (labLogs !== big.size.reviewLogs || labCards !== big.size.cards)
      throw new Error(`first sync incomplete: ${labCards} cards, ${labLogs} logs`);

    // 100 reviews on the big profile's device, then both Sync now.
    const scope = { deckId: null };
    type Next = { card: { cardId: string } | null };
    let next = unwrap<Next>(await big.core.dispatch('review:next', scope, big.sessionId));
    let answered = 0;
    for (let i = 0; i < 100 && next.card; i += 1) {
      next = unwrap<Next>(
        await big.core.dispatch(
          'review:answer',
          { scope, cardId: next.card.cardId, rating: i % 7 === 0 ? 1 : 3, durationMs: 3000 },
          big.sessionId,
        ),
      );
      answered += 1;
    }
    // A small profile (PARLEY_BENCH_SYNC_SCALE) may have fewer cards due.
    if (answered !== 100 && SCALE === 1) throw new Error(`only ${answered} cards were due for the incremental sync`);
    const samples: number[] = [];
    const incrementalStarted = performance.now();
    unwrap(await big.core.dispatch('sync:now', {}, big.sessionId));
    unwrap(await lab.dispatch('sync:now', {}, labSession));
    samples.push(performance.now() - incrementalStarted);
    const afterLogs = labDb.prepare('SELECT count(*) FROM review_logs').pluck().get() as number;
    if (afterLogs !== labLogs + answered)
      throw new Error(`incremental sync brought ${afterLogs - labLogs} reviews, not ${answered}`);

    const size = {
      notes: big.size.notes,
      cards: big.size.cards,
      reviewLogs: big.size.reviewLogs,
      changes: totalChanges,
      fixtureChanges,
      ...stored,
    };
    return [
      {
        name: 'sync.first_100k_s',
        value: round(firstSeconds, 2),
        unit: 's',
        n: 1,
        budget: 60,
        pushSeconds: round(pushSeconds, 2),
        cpuSeconds: round(firstCpuSeconds, 2),
        scale: SCALE,
        ...size,
      },
      {
        name: 'sync.incremental_100_ms',
        value: round(samples[0]!, 1),
        unit: 'ms',
        n: answered,
        budget: 300,
        scale: SCALE,
      },
    ];
  } finally {
    await lab.close();
    await big.core.close();
    await server.close();
    removeDir(dirA);
    removeDir(dirB);
  }
}

export const benchmarks: Benchmark[] = [{ figures: ['sync.first_100k_s', 'sync.incremental_100_ms'], run: measure }];
