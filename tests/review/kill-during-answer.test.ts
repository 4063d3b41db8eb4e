import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/core';
import { bundleNodeScript, MIGRATIONS, RESOURCES } from '../support/bundle-node-script';
import { KILL_CLOCK_BASE, KILL_CLOCK_STEP } from '../support/kill-answer-writer-clock';
import { removeDir, tempDir } from '../support/test-core';

const ROUNDS = 200;
let writer: Awaited<ReturnType<typeof bundleNodeScript>>;
let dataDir: string;
let upcoming: ReturnType<typeof startWriter> | undefined;

beforeAll(async () => {
  // Bundled once, so each of the 200 rounds starts a plain `node` in ~0.2 s instead of compiling through tsx.
  writer = await bundleNodeScript(path.resolve(import.meta.dirname, '../support/kill-answer-writer.ts'));
  dataDir = tempDir('parley-kill-review-');
});
afterAll(() => {
  upcoming?.stop();
  writer?.remove();
  if (dataDir) removeDir(dataDir);
});

interface Answered {
  cardId: string;
  n: number;
}

/**
 * A writer process, started ahead of its round: it loads while the previous round runs and waits for `go`. Its
 * round kills it `afterMs` after it is ready and returns the answers it reported as done.
 */
function startWriter() {
  const child = spawn(process.execPath, [writer.file, dataDir, MIGRATIONS, RESOURCES], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let killAfter = Infinity;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n') && !child.killed && killAfter < Infinity)
      setTimeout(() => child.kill('SIGKILL'), killAfter).unref();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return {
    async round(first: number, afterMs: number): Promise<Answered[]> {
      killAfter = afterMs;
      child.stdin.write(`go ${first}\n`);
      if ((await exited) !== 'SIGKILL') throw new Error(`writer ended without being killed: ${err}`);
      return [...out.matchAll(/^answered (\S+) (\d+)$/gm)].map((m) => ({ cardId: m[1]!, n: Number(m[2]) }));
    },
    stop: () => child.kill('SIGKILL'),
  };
}

/** Cards whose row disagrees with their log: a state without its log row, a log row without its state. */
const MISMATCHED_CARDS = `
  SELECT c.id, c.state, c.due, c.reps, l.logs, l.last_state, l.last_due FROM cards c
  LEFT JOIN (
    SELECT card_id, count(*) AS logs,
           (SELECT state_after FROM review_logs x WHERE x.card_id = r.card_id ORDER BY reviewed_at DESC, rowid DESC LIMIT 1) AS last_state,
           (SELECT due_after FROM review_logs x WHERE x.card_id = r.card_id ORDER BY reviewed_at DESC, rowid DESC LIMIT 1) AS last_due
    FROM review_logs r GROUP BY card_id
  ) l ON l.card_id = c.id
  WHERE coalesce(l.logs, 0) <> c.reps
     OR (l.logs IS NULL AND c.state <> 0)
     OR (l.logs IS NOT NULL AND (l.last_state <> c.state OR l.last_due <> c.due))`;

function checkDatabase(answered: Answered[]) {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const logAt = db.prepare('SELECT count(*) FROM review_logs WHERE card_id = ? AND reviewed_at = ?').pluck();
    for (const { cardId, n } of answered) expect(logAt.get(cardId, KILL_CLOCK_BASE + n * KILL_CLOCK_STEP)).toBe(1);
    expect(db.prepare(MISMATCHED_CARDS).all()).toEqual([]);
    // Every log row that exists is also in the outbox, so none can be left unsynced.
    const logs = db.prepare('SELECT count(*) FROM review_logs').pluck().get();
    expect(
      db.prepare(`SELECT count(*) FROM changes WHERE table_name = 'review_logs' AND op = 'insert'`).pluck().get(),
    ).toBe(logs);
    return logs as number;
  } finally {
    db.close();
  }
}

describe('an answer killed mid-way', () => {
  it(`is either fully there (log row and card state) or fully absent (${ROUNDS} rounds of SIGKILL)`, async () => {
    let next = 0;
    let reported = 0;
    let logs = 0;
    upcoming = startWriter();
    for (let round = 0; round < ROUNDS; round += 1) {
      const running = upcoming.round(next, 20 + Math.floor(Math.random() * 130));
      upcoming = startWriter();
      const answered = await running;
      logs = checkDatabase(answered);
      reported += answered.length;
      // Past any answer that committed but was killed before it could say so.
      next = Math.max(next, ...answered.map((a) => a.n)) + 10;
    }
    expect(reported).toBeGreaterThan(ROUNDS);
    expect(logs).toBeGreaterThanOrEqual(reported);
  }, 240_000);
});
