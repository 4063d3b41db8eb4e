import { afterEach, describe, expect, it } from 'vitest';
import { isLeech } from '../../src-main/services/review/answer-writer';
import { DAY, HOUR, MINUTE, learnerWithDeck, word, type Learner } from './review-fixture';

let learner: Learner | undefined;
afterEach(async () => {
  await learner?.core.close();
  learner = undefined;
});

/** A card row as the learner's data holds it, without the sync timestamp every write renews. */
function rowWithoutStamp(l: Learner, cardId: string) {
  const { updated_at: _stamp, ...rest } = l.cardRow(cardId);
  return rest;
}

const count = (l: Learner, sql: string, ...params: unknown[]) =>
  l.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;

describe('answering', () => {
  it('writes the log row and the card’s new state together, from this device', async () => {
    const l = (learner = await learnerWithDeck({ timeZone: 'UTC' }));
    const [noteId] = l.addWords([word(1)]);
    const cardId = l.cardOf(noteId!);
    const scope = { deckId: l.deck.id };
    await l.c.call('review:next', scope);
    await l.c.call('review:answer', { scope, cardId, rating: 3, durationMs: 4321 });
    const log = l.sqlite.prepare('SELECT * FROM review_logs WHERE card_id = ?').get(cardId) as Record<string, unknown>;
    const card = l.cardRow(cardId);
    expect(log).toMatchObject({
      rating: 3,
      state_before: 0,
      state_after: card.state,
      due_after: card.due,
      duration_ms: 4321,
      reviewed_at: l.clock.now(),
    });
    expect(log.device_id).toBe(l.sqlite.prepare(`SELECT value FROM meta WHERE key = 'device_id'`).pluck().get());
    expect(card).toMatchObject({ state: 1, reps: 1, due: l.clock.now() + 10 * MINUTE, last_review: l.clock.now() });
    // Both rows are in the outbox, so the answer can sync.
    expect(count(l, `SELECT count(*) FROM changes WHERE table_name = 'review_logs' AND row_id = ?`, log.id)).toBe(1);
    expect(count(l, `SELECT count(*) FROM changes WHERE table_name = 'cards' AND row_id = ?`, cardId)).toBe(1);
  });
});

describe('undo', () => {
  it('puts the card, its buried siblings and the log back exactly as they were, and shows the card again', async () => {
    const l = (learner = await learnerWithDeck({ timeZone: 'UTC' }));
    const [noteId, other] = l.addWords([word(1, { example: 'Una palabra1 aquí.' }), word(2)]);
    const ids = (['recognition', 'production', 'cloze'] as const).map((kind) => l.cardOf(noteId!, kind));
    const before = ids.map((id) => rowWithoutStamp(l, id));
    const outboxBefore = count(l, 'SELECT count(*) FROM changes');
    const scope = { deckId: l.deck.id };

    const first = await l.c.call('review:next', scope);
    expect(first.card?.cardId).toBe(ids[0]);
    const answered = await l.c.call('review:answer', { scope, cardId: ids[0]!, rating: 1, durationMs: 1000 });
    expect(answered.canUndo).toBe(true);
    expect(answered.card?.cardId).toBe(l.cardOf(other!));
    expect(l.cardRow(ids[1]!).buried_until).not.toBeNull();

    const undone = await l.c.call('review:undo', { scope });
    expect(undone.card?.cardId).toBe(ids[0]);
    expect(undone.card?.state).toBe(0);
    expect(undone.canUndo).toBe(false);
    expect(undone.counts).toEqual(first.counts);
    expect(ids.map((id) => rowWithoutStamp(l, id))).toEqual(before);
    expect(count(l, 'SELECT count(*) FROM review_logs')).toBe(0);
    expect(count(l, `SELECT count(*) FROM changes WHERE table_name = 'review_logs'`)).toBe(0);
    // Card rows are changed twice (sync must learn they are back): by the answer (the card and its two buried
    // siblings) and by the undo (the same three put back). The log row's insert left with it.
    expect(count(l, 'SELECT count(*) FROM changes')).toBe(outboxBefore + 3 + 3);

    const nothing = await l.c.raw('review:undo', { scope });
    expect(nothing).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('takes back several answers in turn, newest first', async () => {
    const l = (learner = await learnerWithDeck({ timeZone: 'UTC' }));
    l.addWords([word(1), word(2), word(3)]);
    const scope = { deckId: l.deck.id };
    const seen: string[] = [];
    let next = await l.c.call('review:next', scope);
    for (let i = 0; i < 3; i += 1) {
      seen.push(next.card!.cardId);
      next = await l.c.call('review:answer', { scope, cardId: next.card!.cardId, rating: 4, durationMs: 1000 });
    }
    expect((await l.c.call('review:undo', { scope })).card?.cardId).toBe(seen[2]);
    expect((await l.c.call('review:undo', { scope })).card?.cardId).toBe(seen[1]);
    const afterTwo = await l.c.call('review:next', scope);
    expect(afterTwo.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(count(l, 'SELECT count(*) FROM review_logs')).toBe(1);
  });
});

describe('leeches', () => {
  it('are flagged at the threshold and again every half threshold after it, as Anki does', () => {
    const flaggedAt = Array.from({ length: 20 }, (_, i) => i + 1).filter((lapses) => isLeech(lapses - 1, lapses, 8));
    expect(flaggedAt).toEqual([8, 12, 16, 20]);
    expect(isLeech(8, 8, 8)).toBe(false); // no new lapse, no new flag
  });

  it('tags the word when a card’s lapses reach the threshold, suspends it if the options say so, and undo takes both back', async () => {
    const l = (learner = await learnerWithDeck({ timeZone: 'UTC', preset: { leechThreshold: 2, leechSuspend: true } }));
    const [noteId] = l.addWords([word(1, { tags: ['food'] })]);
    const cardId = l.cardOf(noteId!);
    l.makeReview(cardId, l.clock.now() - HOUR);
    const scope = { deckId: l.deck.id };

    /** Forgets the card (a lapse), then relearns it, then waits until it is due again. */
    const lapse = async () => {
      await l.c.call('review:next', scope);
      const result = await l.c.call('review:answer', { scope, cardId, rating: 1, durationMs: 1000 });
      return result;
    };
    const first = await lapse();
    expect(first.leech).toBe(false);
    l.clock.advance(10 * MINUTE);
    expect((await l.c.call('review:next', scope)).card?.cardId).toBe(cardId);
    await l.c.call('review:answer', { scope, cardId, rating: 3, durationMs: 1000 });
    l.clock.t = (l.cardRow(cardId).due as number) + MINUTE;

    const second = await lapse();
    expect(second.leech).toBe(true);
    expect(l.services.notes.get(l.profileId, noteId!).note.tags).toEqual(['food', 'leech']);
    expect(l.cardRow(cardId)).toMatchObject({ lapses: 2, suspended: 1 });
    expect(second.card).toBeNull();

    await l.c.call('review:undo', { scope });
    expect(l.services.notes.get(l.profileId, noteId!).note.tags).toEqual(['food']);
    expect(l.cardRow(cardId)).toMatchObject({ lapses: 1, suspended: 0 });
  });

  it('only tags when the options do not ask to suspend', async () => {
    const l = (learner = await learnerWithDeck({
      timeZone: 'UTC',
      preset: { leechThreshold: 1, leechSuspend: false },
    }));
    const [noteId] = l.addWords([word(1)]);
    const cardId = l.cardOf(noteId!);
    l.makeReview(cardId, l.clock.now() - DAY);
    const scope = { deckId: l.deck.id };
    await l.c.call('review:next', scope);
    const result = await l.c.call('review:answer', { scope, cardId, rating: 1, durationMs: 1000 });
    expect(result.leech).toBe(true);
    expect(l.services.notes.get(l.profileId, noteId!).note.tags).toEqual(['leech']);
    expect(l.cardRow(cardId).suspended).toBe(0);
    expect(result.counts.learning).toBe(1);
  });
});
