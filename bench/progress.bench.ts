import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../src-shared/contract';
import { median, round, type Benchmark } from './harness';
import { createBigProfile, type BigProfile } from './support/big-profile';

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

const progressFigures: Benchmark = {
  figures: ['progress.dashboard_ms', 'progress.heatmap_ms'],
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-progress-'));
    const big = await createBigProfile({ dataDir });
    try {
      const { sqlite } = big.core.internals();
      const buckets = sqlite
        .prepare('SELECT count(*) FROM review_buckets WHERE profile_id = ?')
        .pluck()
        .get(big.profileId);
      const data = { ...big.size, reviewBuckets: buckets, fixtureSeconds: round(big.seconds.total, 1) };
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
      const d = dashboard.value as { totalReviews: number; streak: unknown; words: unknown; cards: unknown };
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
          firstCallMs: round(firstCallMs, 1),
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
