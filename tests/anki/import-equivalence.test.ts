import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { ankiLearner } from '../support/anki-learner';
import { samplePackage, writeAnkiPackage, type GenCard, type GenNote, type GenPackage } from '../support/anki-package';
import { tempDir } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const DAY = 86_400_000;

/** Varied histories from a fixed seed: every rating, gaps from seconds to months, suspended and buried cards. */
function variedPackage(withLaterAnswers: boolean): GenPackage {
  let seed = 20_241_129;
  const rand = (n: number) => {
    seed = (seed * 48_271) % 2_147_483_647;
    return seed % n;
  };
  const notes: GenNote[] = samplePackage('anki21').notes.filter((n) => n.type !== 'vocab');
  for (let i = 0; i < 60; i += 1) {
    const cards: GenCard[] = [0, 1].map((ord) => {
      let at = Date.UTC(2023, 0, 1) + i * 1_000 + ord * 7;
      const length = rand(4) === 0 ? 0 : 1 + rand(14);
      const reviews = Array.from({ length }, () => {
        at += [1_000, 600_000, 3_600_000, DAY, 3 * DAY, 17 * DAY, 60 * DAY][rand(7)]! + rand(50_000);
        return { at, ease: rand(9) === 0 ? 0 : 1 + rand(4), time: rand(90_000) };
      });
      // A re-import may bring answers given since the first: some cards gain a few.
      if (!withLaterAnswers) reviews.splice(Math.max(0, reviews.length - (i % 3)));
      const queue = [0, 2, 2, 2, -1, -2, -3][rand(7)]!;
      return { ord, queue, reviews, ...(rand(10) === 0 ? { data: `{"s":${1 + rand(40)}.5,"d":${1 + rand(9)}.25}` } : {}) };
    });
    notes.push({ guid: `varied-${i}`, type: 'reversed', deck: `Varied::Part ${i % 3}`, fields: [`palabra ${i}`, `word ${i}`], cards });
  }
  return { format: 'anki21', notes };
}

const digest = (rows: unknown[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

/**
 * What an import leaves behind, without what differs from run to run (generated ids, HLCs, the import's clock):
 * each card's state and flags, its log, the outbox and the progress totals. Cards are named by note guid and kind.
 */
function fingerprint(l: Awaited<ReturnType<typeof ankiLearner>>) {
  const all = (sql: string) => l.sqlite.prepare(sql).raw().all(l.profileId) as unknown[][];
  const key = `n.guid || '/' || c.kind`;
  const cards = all(
    `SELECT ${key}, c.state, CASE WHEN c.reps = 0 THEN NULL ELSE c.due END, c.stability, c.difficulty, c.scheduled_days, c.learning_steps,
       c.reps, c.lapses, c.last_review, c.suspended, c.buried_until IS NOT NULL
     FROM cards c JOIN notes n ON n.id = c.note_id WHERE c.profile_id = ? ORDER BY 1`,
  );
  const logs = all(
    `SELECT ${key}, l.reviewed_at, l.rating, l.state_before, l.state_after, l.due_after, l.stability_after, l.difficulty_after,
       l.elapsed_days, l.scheduled_days, l.duration_ms, l.deleted_at IS NULL
     FROM review_logs l JOIN cards c ON c.id = l.card_id JOIN notes n ON n.id = c.note_id WHERE l.profile_id = ? ORDER BY 1, 2`,
  );
  const outbox = all(
    `SELECT ch.table_name, ch.op, coalesce(${key}, ch.table_name), ch.data, ch.row_id = l.id AND ch.hlc = l.updated_at
     FROM changes ch LEFT JOIN review_logs l ON ch.table_name = 'review_logs' AND l.id = ch.row_id
       LEFT JOIN cards c ON c.id = coalesce(l.card_id, CASE WHEN ch.table_name = 'cards' THEN ch.row_id END) LEFT JOIN notes n ON n.id = c.note_id
     WHERE ch.profile_id = ? AND ch.table_name IN ('cards', 'review_logs') ORDER BY ch.seq`,
  ).map(([table, op, owner, data, sameRow]) => {
    const fields = JSON.parse(String(data)) as Record<string, unknown>;
    for (const generated of ['id', 'updated_at', 'profile_id', 'card_id', 'device_id']) delete fields[generated];
    if ('buried_until' in fields) fields.buried_until = fields.buried_until !== null;
    return [table, op, owner, fields, sameRow];
  });
  const changeCounts = all(`SELECT table_name, op, count(*) FROM changes WHERE profile_id = ? GROUP BY 1, 2 ORDER BY 1, 2`);
  const buckets = all(
    `SELECT bucket_start, reviews, again, hard, good, easy, introduced, review_passed, review_failed, duration_ms
     FROM review_buckets WHERE profile_id = ? ORDER BY bucket_start`,
  );
  return {
    cards: digest(cards),
    answered: cards.filter((c) => Number(c[7]) > 0).length,
    logs: digest(logs),
    reviews: logs.length,
    outbox: digest(outbox.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))),
    changeCounts,
    buckets: digest(buckets),
    reviewsInBuckets: buckets.reduce((sum, b) => sum + Number(b[1]), 0),
  };
}

describe('an Anki import’s result', () => {
  // The snapshot was recorded with the import as it was before its speed-ups (batched inserts and replays,
  // deferred totals, one seed hash per answer): those must leave every state, log, change and total as it was.
  it('is the same card states, review log, outbox and totals as recorded, after an import and a re-import', async () => {
    const l = await ankiLearner();
    core = l.core;
    const dir = tempDir();
    const first = await l.importPackage(await writeAnkiPackage(path.join(dir, 'first.apkg'), variedPackage(false)));
    expect(first.result).toMatchObject({ status: 'done', committed: true });
    const afterFirst = fingerprint(l);
    const second = await l.importPackage(await writeAnkiPackage(path.join(dir, 'second.apkg'), variedPackage(true)));
    expect(second.result).toMatchObject({ status: 'done', committed: true, imported: 0 });
    const afterSecond = fingerprint(l);
    expect(afterSecond.reviews).toBeGreaterThan(afterFirst.reviews);
    expect({ afterFirst, afterSecond, reviews: [first.result.reviews, second.result.reviews] }).toMatchSnapshot();
  });
});
