import { afterEach, describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import type { Core } from '../../src-main/core';
import type { EventPayload, Output } from '../../src-shared/contract';
import { learner, words } from '../decks/decks-support';
import { LEARNER_WEIGHTS, simulateLearner, writeReviewLog } from './simulated-learner';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const YEAR_AGO = Date.UTC(2025, 2, 10);

/** A learner with a deck of `cards` recognition cards studied for a year (with a memory unlike FSRS's defaults). */
async function studiedFor(cards: number) {
  const l = await learner();
  core = l.core;
  const { deck } = await l.c.call('decks:create', { name: 'Spanish' });
  l.services.notes.insertMany(l.profileId, deck.id, words('w', cards), 'manual');
  const ids = l.sqlite
    .prepare(`SELECT id FROM cards WHERE deck_id = ? AND kind = 'recognition' ORDER BY position`)
    .pluck()
    .all(deck.id) as string[];
  const answers = simulateLearner(ids, YEAR_AGO, 365);
  writeReviewLog(l.sqlite, l.profileId, answers);
  return { ...l, deck, answers };
}

async function finished(
  c: Awaited<ReturnType<typeof learner>>['c'],
  jobId: string,
): Promise<Output<'optimizer:result'>> {
  for (;;) {
    const result = await c.call('optimizer:result', { jobId });
    if (result.status !== 'running') return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the FSRS optimizer', () => {
  it("fits weights that predict the learner's own reviews better than the defaults, in a worker, and stores them on accept", async () => {
    const { c, core: started, deck, answers } = await studiedFor(300);
    expect(answers.length).toBeGreaterThan(3000);
    const progress: string[] = [];
    started.events.subscribe((event) => {
      if (
        event.name === 'jobs:progress' &&
        'sessionIds' in event.target &&
        event.target.sessionIds.includes(c.sessionId)
      )
        progress.push((event.payload as EventPayload<'jobs:progress'>).phase);
    });
    const { jobId } = await c.call('optimizer:run', { presetId: deck.presetId });
    const result = await finished(c, jobId);
    expect(result).toMatchObject({
      status: 'done',
      presetId: deck.presetId,
      reviews: answers.length,
      better: true,
      error: null,
    });
    expect(result.optimized!.logLoss).toBeLessThan(result.current!.logLoss);
    expect(result.optimized!.rmse).toBeLessThan(result.current!.rmse);
    expect(result.weights).toHaveLength(21);
    // The fit moves towards the learner's real memory: a first "again" is remembered for far less than the defaults say.
    expect(result.weights![0]!).toBeLessThan(default_w[0]!);
    expect(Math.abs(result.weights![0]! - LEARNER_WEIGHTS[0]!)).toBeLessThan(
      Math.abs(default_w[0]! - LEARNER_WEIGHTS[0]!),
    );
    expect(progress).toContain('fitting');
    expect(progress.at(-1)).toBe('done');

    expect(await c.call('optimizer:accept', { jobId })).toEqual({ presetId: deck.presetId, weights: result.weights });
    expect((await c.call('decks:getPreset', { deckId: deck.id })).preset.fsrsWeights).toEqual(result.weights);

    // The next run compares against the learner's own weights now.
    const again = await finished(c, (await c.call('optimizer:run', { presetId: deck.presetId })).jobId);
    expect(again.current!.logLoss).toBeCloseTo(result.optimized!.logLoss, 4);
    // A run made against weights that have since changed cannot overwrite them.
    await expect(c.call('optimizer:accept', { jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('says clearly when there are too few reviews, and accepts nothing', async () => {
    const { c, deck } = await studiedFor(5);
    const result = await finished(c, (await c.call('optimizer:run', { presetId: deck.presetId })).jobId);
    expect(result).toMatchObject({ status: 'failed', better: false, weights: null, current: null });
    expect(result.error).toMatch(/Not enough reviews yet.*at least 400/);
    await expect(c.call('optimizer:accept', { jobId: result.jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await c.call('decks:getPreset', { deckId: deck.id })).preset.fsrsWeights).toBeNull();
  }, 30_000);

  it('can be cancelled while it runs', async () => {
    const { c, deck } = await studiedFor(300);
    const { jobId } = await c.call('optimizer:run', { presetId: deck.presetId });
    expect(await c.call('optimizer:cancel', { jobId })).toEqual({ cancelled: true });
    const result = await finished(c, jobId);
    expect(result).toMatchObject({ status: 'cancelled', weights: null, error: null });
    await expect(c.call('optimizer:accept', { jobId })).rejects.toMatchObject({ code: 'CONFLICT' });
  }, 30_000);

  it("refuses another profile's preset and runs", async () => {
    const { c, deck } = await studiedFor(5);
    const { jobId } = await c.call('optimizer:run', { presetId: deck.presetId });
    const other = await learner();
    try {
      await expect(other.c.call('optimizer:run', { presetId: deck.presetId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(other.c.call('optimizer:result', { jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await other.core.close();
    }
    await finished(c, jobId);
  }, 30_000);
});
