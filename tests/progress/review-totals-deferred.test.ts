import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { withReviewTotalsBulk, withReviewTotalsDeferred } from '../../db/functions';
import { derivedData, derivedFromScratch } from '../sync/support/devices';
import { DAY, learnerWithDeck, word, type Learner } from '../review/review-fixture';

let learner: Learner | undefined;
afterEach(async () => {
  await learner?.core.close();
  learner = undefined;
});

/** Test set-up only, as an import or a sync writes them: review-log rows straight into the table. */
function insertLog(l: Learner, cardId: string, at: number, rating: number, stateBefore = 2): string {
  const id = uuidv7();
  l.sqlite
    .prepare(
      `INSERT INTO review_logs (id, profile_id, card_id, reviewed_at, rating, state_before, state_after, due_after,
         stability_after, difficulty_after, elapsed_days, scheduled_days, duration_ms, device_id, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 2, ?, 10, 5, 3, 10, 4000, 'test', '0')`,
    )
    .run(id, l.profileId, cardId, at, rating, stateBefore, at + 10 * DAY);
  return id;
}
const tombstone = (l: Learner, id: string) =>
  l.sqlite.prepare('UPDATE review_logs SET deleted_at = 1 WHERE id = ?').run(id);
const oldEdits = (l: Learner) =>
  l.sqlite.prepare('SELECT old_edits FROM progress_marks WHERE profile_id = ?').pluck().get(l.profileId) as number;

describe('progress totals of a bulk write of answers, added once at its end', () => {
  it('match the totals the triggers keep, tombstones inside and outside the write included', async () => {
    const now = Date.UTC(2026, 5, 10, 12);
    learner = await learnerWithDeck({ start: now });
    const l = learner;
    const card = l.cardOf(l.addWords([word(1)])[0]!);
    const before = insertLog(l, card, now - 40 * DAY, 3);
    insertLog(l, card, now - 2 * DAY, 1);
    // The dashboard keeps older days and marks where they end: changes to them count in progress_marks.
    await l.c.call('progress:dashboard', {});
    const edits = oldEdits(l);

    const quietWhileWriting = l.sqlite.transaction(() =>
      withReviewTotalsDeferred(l.sqlite, () => {
        const bucketsBefore = derivedData(l.sqlite).buckets;
        insertLog(l, card, now - 60 * DAY, 4, 0);
        insertLog(l, card, now - 60 * DAY + 60_000, 3);
        const undone = insertLog(l, card, now - 30 * DAY, 2);
        insertLog(l, card, now - 1000, 1);
        tombstone(l, undone); // written and taken back inside the write: never counted
        tombstone(l, before); // an older answer's tombstone: its trigger still runs
        return derivedData(l.sqlite).buckets.length === bucketsBefore.length - 1;
      }),
    );
    // Nothing was added row by row (the tombstoned old bucket went), then the totals came in one go.
    expect(quietWhileWriting()).toBe(true);
    expect(derivedData(l.sqlite)).toEqual(derivedFromScratch(l.sqlite));
    // Three older answers were written and one tombstoned: four changes to the days the dashboard keeps.
    expect(oldEdits(l)).toBe(edits + 4);
    // And the triggers are back for the next single answer.
    insertLog(l, card, now, 3);
    expect(derivedData(l.sqlite)).toEqual(derivedFromScratch(l.sqlite));
  });

  it('match them too with the insert triggers dropped for the write (an import), which come back exactly as they were', async () => {
    const now = Date.UTC(2026, 5, 10, 12);
    learner = await learnerWithDeck({ start: now });
    const l = learner;
    const card = l.cardOf(l.addWords([word(1)])[0]!);
    const before = insertLog(l, card, now - 40 * DAY, 3);
    await l.c.call('progress:dashboard', {});
    const edits = oldEdits(l);
    const triggers = () => l.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const schema = triggers();
    expect(() => withReviewTotalsBulk(l.sqlite, () => 0)).toThrow(/inside a transaction/);

    l.sqlite.transaction(() =>
      withReviewTotalsBulk(l.sqlite, () => {
        expect(triggers().length).toBe(schema.length - 2);
        insertLog(l, card, now - 60 * DAY, 4, 0);
        insertLog(l, card, now - 1000, 1);
        tombstone(l, before);
      }),
    )();
    expect(triggers()).toEqual(schema);
    expect(derivedData(l.sqlite)).toEqual(derivedFromScratch(l.sqlite));
    expect(oldEdits(l)).toBe(edits + 2);

    // A write that fails rolls back with its transaction: the triggers were never gone for anyone else.
    expect(() =>
      l.sqlite.transaction(() =>
        withReviewTotalsBulk(l.sqlite, () => {
          insertLog(l, card, now - 500, 3);
          throw new Error('cancelled');
        }),
      )(),
    ).toThrow('cancelled');
    expect(triggers()).toEqual(schema);
    insertLog(l, card, now, 3);
    expect(derivedData(l.sqlite)).toEqual(derivedFromScratch(l.sqlite));
  });
});
