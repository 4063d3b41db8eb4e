import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Envelope } from '../src-shared/contract';
import { bundleNodeScript, MIGRATIONS, RESOURCES } from '../tests/support/bundle-node-script';
import { median, percentile, round, type Benchmark } from './harness';
import { createBigProfile, type BigProfile } from './support/big-profile';

const run = promisify(execFile);
type Counts = { new: number; learning: number; review: number };
type Next = { card: { cardId: string; state: number } | null; counts: Counts };

const unwrap = <T>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
};

/** The day's queue for the whole collection, rebuilt from scratch for a fresh session each time. */
function measureQueueBuild(big: BigProfile, label: string) {
  const { services } = big.core.internals();
  const samples: number[] = [];
  let counts: Counts = { new: 0, learning: 0, review: 0 };
  for (let i = 0; i < 40; i += 1) {
    const started = performance.now();
    counts = services.review.next(big.profileId, `bench-queue-${label}-${i}`, { deckId: null, custom: null }).counts;
    if (i >= 5) samples.push(performance.now() - started);
  }
  return { ms: median(samples), n: samples.length, counts };
}

/** Limits high enough that the queue holds every card due today: the learner's whole backlog. */
function raiseLimits(big: BigProfile) {
  const { services } = big.core.internals();
  const deck = services.deckRows.get(big.profileId, big.deckId);
  services.presets.update(big.profileId, deck.presetId, { reviewsPerDay: 9999, newPerDay: 500 });
}

/**
 * What one commit costs on this disk with the app's settings (WAL, synchronous=FULL): the floor under every
 * answer, printed beside the answer figures because it swings with the machine's load.
 */
function measureCommitFloor(dir: string) {
  const db = new Database(path.join(dir, 'commit-floor.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const samples: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const started = performance.now();
      insert.run(i);
      samples.push(performance.now() - started);
    }
    return round(median(samples), 3);
  } finally {
    db.close();
  }
}

/**
 * Answers 2,000 cards through dispatch, each call returning the next card (after 200 to warm up), with the
 * limits raised so the queue does not run dry.
 */
async function measureAnswers(big: BigProfile) {
  const scope = { deckId: null };
  let next = unwrap<Next>(await big.core.dispatch('review:next', scope, big.sessionId));
  const samples: number[] = [];
  for (let i = 0; i < 2_200 && next.card; i += 1) {
    const rating = i % 10 === 0 ? 1 : i % 17 === 0 ? 2 : i % 23 === 0 ? 4 : 3;
    const started = performance.now();
    next = unwrap<Next>(
      await big.core.dispatch(
        'review:answer',
        { scope, cardId: next.card.cardId, rating, durationMs: 4000 },
        big.sessionId,
      ),
    );
    if (i >= 200) samples.push(performance.now() - started);
  }
  return { p50: median(samples), p99: percentile(samples, 99), n: samples.length, queue: next.counts };
}

/** Resident memory of a fresh process that opens the core on the profile and builds the day's queue. */
async function measureRss(big: BigProfile) {
  const probe = await bundleNodeScript(path.join(import.meta.dirname, 'support', 'review-rss-probe.ts'));
  try {
    const { stdout } = await run(process.execPath, [
      probe.file,
      big.core.dataDir,
      big.profileId,
      MIGRATIONS,
      RESOURCES,
    ]);
    return JSON.parse(stdout) as { rssMb: number; counts: Counts };
  } finally {
    probe.remove();
  }
}

const reviewFigures: Benchmark = {
  figures: ['review.queue_build_ms', 'review.answer_p50_ms', 'review.answer_p99_ms', 'review.rss_mb'],
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-review-'));
    const big = await createBigProfile({ dataDir });
    try {
      const data = { ...big.size, fixtureSeconds: round(big.seconds.total, 1) };
      const queue = measureQueueBuild(big, 'default');
      raiseLimits(big);
      const backlog = measureQueueBuild(big, 'backlog');
      const commitFloorMs = measureCommitFloor(dataDir);
      const answers = await measureAnswers(big);
      // Last: the probe's core takes its daily backup of the whole file, and that much writing slows every commit.
      const rss = await measureRss(big);
      return [
        {
          name: 'review.queue_build_ms',
          value: round(queue.ms, 3),
          unit: 'ms',
          n: queue.n,
          ...data,
          queue: queue.counts,
          limits: 'preset defaults (200 reviews, 20 new a day)',
          backlogMs: round(backlog.ms, 3),
          backlogQueue: backlog.counts,
          stat: 'median',
        },
        {
          name: 'review.answer_p50_ms',
          value: round(answers.p50, 3),
          unit: 'ms',
          n: answers.n,
          ...data,
          path: 'dispatch in-process, answer + next card',
          commitFloorMs,
          stat: 'p50',
        },
        {
          name: 'review.answer_p99_ms',
          value: round(answers.p99, 3),
          unit: 'ms',
          n: answers.n,
          ...data,
          path: 'dispatch in-process, answer + next card',
          commitFloorMs,
          stat: 'p99',
        },
        {
          name: 'review.rss_mb',
          value: round(rss.rssMb, 1),
          unit: 'MB',
          n: 1,
          ...data,
          process: 'fresh node process, core open, queue built (limits raised: the whole backlog)',
          queue: rss.counts,
        },
      ];
    } finally {
      await big.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export const benchmarks = [reviewFigures];
