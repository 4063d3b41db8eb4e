import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newId } from '../db/ids';
import type { Envelope } from '../src-shared/contract';
import type { Dashboard } from '../src-shared/contract/progress';
import { median, round, type Benchmark } from './harness';
import { createBigProfile, type BigProfile } from './support/big-profile';
import { seedBigConversations } from './support/big-profile-conversations';
import { seededRandom } from './support/big-profile-words';

const unwrap = <T>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
};

/** Median time of a contract call through in-process dispatch, after a few warm-up calls. */
async function measureCall(big: BigProfile, channel: string, input: unknown, runs: number) {
  const samples: number[] = [];
  let value: unknown;
  for (let i = 0; i < runs + 3; i += 1) {
    const started = performance.now();
    value = unwrap(await big.core.dispatch(channel, input, big.sessionId));
    if (i >= 3) samples.push(performance.now() - started);
  }
  return { ms: median(samples), n: samples.length, value };
}

async function timeOnce(big: BigProfile, channel: string) {
  const started = performance.now();
  unwrap(await big.core.dispatch(channel, {}, big.sessionId));
  return performance.now() - started;
}

/** Median dashboard call right after a message is added (a raw row: the figures are read again, the estimate kept). */
async function measureAfterMessage(big: BigProfile, runs: number) {
  const { sqlite } = big.core.internals();
  const conversationId = sqlite
    .prepare('SELECT id FROM tutor_conversations WHERE profile_id = ? LIMIT 1')
    .pluck()
    .get(big.profileId) as string;
  const insert = sqlite.prepare(
    `INSERT INTO tutor_messages (id, profile_id, conversation_id, role, text, status, created_at, updated_at)
     VALUES (?, ?, ?, 'learner', 'Una frase más', 'complete', ?, '0000000000000-0000-bench')`,
  );
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    insert.run(newId(), big.profileId, conversationId, Date.now());
    samples.push(await timeOnce(big, 'progress:dashboard'));
  }
  return median(samples);
}

const progressFigures: Benchmark = {
  figures: ['progress.dashboard_ms', 'progress.heatmap_ms'],
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-progress-'));
    const big = await createBigProfile({ dataDir });
    try {
      const { sqlite } = big.core.internals();
      const conversations = seedBigConversations(sqlite, big.profileId, Date.now(), seededRandom(7));
      const buckets = sqlite
        .prepare('SELECT count(*) FROM review_buckets WHERE profile_id = ?')
        .pluck()
        .get(big.profileId);
      const data = { ...big.size, reviewBuckets: buckets, conversations, fixtureSeconds: round(big.seconds.total, 1) };
      // This machine is shared: the load when measuring says how far to trust the figure.
      const load = () => round(os.loadavg()[0]!, 2);
      // The first call of a study day also sums the older days into memory (see services/progress/history.ts) and
      // starts the words-known estimate in the background: printed as firstCallMs. The figure is the call once that
      // is done, as the learner opening the dashboard again (or the heatmap) meets it.
      const heatmapFirstCallMs = await timeOnce(big, 'progress:heatmap');
      // As if an older review had changed (an import): the dashboard's first call builds the copy again.
      sqlite.prepare('UPDATE progress_marks SET old_edits = old_edits + 1 WHERE profile_id = ?').run(big.profileId);
      const firstCallMs = await timeOnce(big, 'progress:dashboard');
      const wordsStarted = performance.now();
      await big.core.internals().services.progress.wordsSettled(big.profileId);
      const wordsEstimateMs = performance.now() - wordsStarted;
      const dashboard = await measureCall(big, 'progress:dashboard', {}, 20);
      const heatmap = await measureCall(big, 'progress:heatmap', {}, 50);
      // The conversation figures are kept until a tutor table changes: the call after a new message reads them again.
      const afterMessage = await measureAfterMessage(big, 7);
      const d = dashboard.value as Dashboard;
      const h = heatmap.value as { days: unknown[] };
      return [
        {
          name: 'progress.dashboard_ms',
          value: round(dashboard.ms, 3),
          unit: 'ms',
          n: dashboard.n,
          ...data,
          path: 'dispatch in-process',
          totalReviews: d.totalReviews,
          streak: d.streak,
          words: d.words,
          cardStates: d.cards,
          conversationTotals: d.conversation.totals,
          firstCallMs: round(firstCallMs, 1),
          afterNewMessageMs: round(afterMessage, 1),
          wordsEstimateMs: round(wordsEstimateMs, 1),
          loadAverage: load(),
          stat: 'median',
        },
        {
          name: 'progress.heatmap_ms',
          value: round(heatmap.ms, 3),
          unit: 'ms',
          n: heatmap.n,
          ...data,
          path: 'dispatch in-process, the 365 days ending today (older days from the copy the dashboard built)',
          activeDays: h.days.length,
          firstCallMs: round(heatmapFirstCallMs, 1),
          loadAverage: load(),
          stat: 'median',
        },
      ];
    } finally {
      await big.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export const benchmarks = [progressFigures];
