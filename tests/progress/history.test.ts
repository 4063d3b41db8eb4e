import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { dayCounter, dayKey, foldIntoDays, zoneOffsets, REVIEW_BUCKET_MS } from '../../src-shared/domain/progress-days';
import { createDayTotals } from '../../src-main/services/progress/day-totals';
import { caller, sampleProfile } from '../support/test-core';
import { DAY, HOUR, learnerWithDeck, word, type Learner } from '../review/review-fixture';

let learner: Learner | undefined;
afterEach(async () => {
  await learner?.core.close();
  learner = undefined;
});

/** Test set-up only, as an import or a sync would: review-log rows written straight to the table. */
function insertLogs(l: Learner, cardId: string, times: number[], rating = 3, profileId = l.profileId) {
  const insert = l.sqlite.prepare(
    `INSERT INTO review_logs (id, profile_id, card_id, reviewed_at, rating, state_before, state_after, due_after,
       stability_after, difficulty_after, elapsed_days, scheduled_days, duration_ms, device_id, updated_at)
     VALUES (?, ?, ?, ?, ?, 2, 2, ?, 10, 5, 3, 10, 4000, 'test', '0')`,
  );
  l.sqlite.transaction(() => {
    for (const at of times) insert.run(uuidv7(), profileId, cardId, at, rating, at + 10 * DAY);
  })();
}

describe('study days summed in SQL', () => {
  it.each(['Europe/Madrid', 'Pacific/Honolulu', 'Pacific/Auckland', 'Asia/Kathmandu'])(
    'match the JavaScript fold of the same buckets in %s, across daylight saving',
    async (zone) => {
      learner = await learnerWithDeck({ start: Date.UTC(2026, 11, 1) });
      const l = learner;
      const card = l.cardOf(l.addWords([word(1)])[0]!);
      // Every 5 h 45 min through the year: every quarter hour of the day, both clock changes.
      const times = Array.from({ length: 1500 }, (_, i) => Date.UTC(2026, 0, 1) + i * (5 * HOUR + 45 * 60_000));
      insertLogs(l, card, times);
      const from = Date.UTC(2025, 11, 30);
      const to = Date.UTC(2027, 0, 2);
      const counter = dayCounter(zoneOffsets(zone, from, to), 4);
      const sql = createDayTotals(l.sqlite).full(l.profileId, counter, from, to);
      const buckets = times.map((at) => ({
        start: at - (at % REVIEW_BUCKET_MS),
        reviews: 1,
        again: 0,
        hard: 0,
        good: 1,
        easy: 0,
        introduced: 0,
        reviewPassed: 1,
        reviewFailed: 0,
        durationMs: 4000,
      }));
      const js = foldIntoDays(buckets, counter);
      expect(sql.map((d) => [dayKey(d.day), d.reviews, d.durationMs])).toEqual(
        [...js].sort(([a], [b]) => a - b).map(([d, t]) => [dayKey(d), t.reviews, t.durationMs]),
      );
    },
  );
});

describe('the dashboard’s copy of older days', () => {
  it('notices a history imported after it was built, and a tombstoned review', async () => {
    learner = await learnerWithDeck({ start: Date.UTC(2026, 5, 20, 12) });
    const l = learner;
    const card = l.cardOf(l.addWords([word(1)])[0]!);
    insertLogs(l, card, [Date.UTC(2026, 5, 1, 12), Date.UTC(2026, 5, 2, 12)]);
    expect((await l.c.call('progress:dashboard', {})).totalReviews).toBe(2);
    // An import of older reviews, written behind the service's back.
    insertLogs(l, card, [Date.UTC(2026, 4, 1, 12), Date.UTC(2026, 4, 2, 12), Date.UTC(2026, 4, 3, 12)], 1);
    const after = await l.c.call('progress:dashboard', {});
    expect(after.totalReviews).toBe(5);
    expect(after.streak.longest).toBe(3);
    expect(after.retention.months.find((m) => m.month === '2026-05')).toMatchObject({ passed: 0, failed: 3 });
    // A sync tombstoning an old review.
    l.sqlite.prepare('UPDATE review_logs SET deleted_at = 1 WHERE reviewed_at = ?').run(Date.UTC(2026, 4, 2, 12));
    const tombstoned = await l.c.call('progress:dashboard', {});
    expect(tombstoned.totalReviews).toBe(4);
    expect(tombstoned.streak.longest).toBe(2);
  });

  it('moves the whole history to the new days when the learner changes time zone', async () => {
    learner = await learnerWithDeck({ start: Date.UTC(2026, 5, 20, 12) });
    const l = learner;
    const card = l.cardOf(l.addWords([word(1)])[0]!);
    // 23:30 and 00:30 UTC on consecutive nights: one study day in New York (evening), two in UTC.
    insertLogs(l, card, [Date.UTC(2026, 5, 1, 23, 30), Date.UTC(2026, 5, 2, 0, 30)]);
    const utc = await l.c.call('progress:heatmap', {});
    expect(utc.days.map((d) => d.date)).toEqual(['2026-06-01']);
    await l.c.call('settings:update', { patch: { timeZone: 'Asia/Tokyo' } });
    // 08:30 and 09:30 in Tokyo on 2 June, the second after 4 am too: one day.
    expect((await l.c.call('progress:heatmap', {})).days.map((d) => d.date)).toEqual(['2026-06-02']);
    expect((await l.c.call('progress:dashboard', {})).streak.longest).toBe(1);
  });
});

describe('heatmap and weekly report', () => {
  it('gives a year of days and a week with its mistakes, only from the learner’s own data', async () => {
    learner = await learnerWithDeck({ start: Date.UTC(2026, 2, 27, 10) }); // Friday 27 March 2026
    const l = learner;
    const notes = l.addWords([word(1), word(2), word(3)]);
    const [c1, c2, c3] = notes.map((n) => l.cardOf(n));
    insertLogs(l, c1!, [Date.UTC(2026, 2, 23, 10), Date.UTC(2026, 2, 24, 10), Date.UTC(2026, 2, 25, 10)], 1);
    insertLogs(l, c2!, [Date.UTC(2026, 2, 24, 11)], 1);
    insertLogs(l, c3!, [Date.UTC(2026, 2, 24, 12), Date.UTC(2026, 2, 26, 12)], 3);
    insertLogs(l, c3!, [Date.UTC(2026, 2, 16, 12)], 1); // the week before
    l.sqlite.prepare("UPDATE notes SET tags = 'leech' WHERE id = ?").run(notes[0]);

    // Another learner's mistakes must not show up.
    const other = caller(l.core);
    const { profile: bea } = await other.call('profiles:create', { ...sampleProfile, displayName: 'Bea' });
    const beaDeck = l.services.deckRows.create(bea.id, {
      name: 'B',
      parentId: null,
      nativeLanguage: 'en',
      targetLanguage: 'es',
    });
    const beaNote = l.services.notes.create(bea.id, beaDeck.id, { ...word(9), term: 'secretword' }, 'manual');
    insertLogs(l, l.services.notes.get(bea.id, beaNote.id).cards[0]!.id, [Date.UTC(2026, 2, 24, 9)], 1, bea.id);

    const report = await l.c.call('progress:weeklyReport', {});
    expect(report.from).toBe('2026-03-23');
    expect(report.to).toBe('2026-03-29');
    expect(report.today).toBe('2026-03-27');
    expect(report.days.map((d) => d.reviews)).toEqual([1, 3, 1, 1, 0, 0, 0]);
    expect(report.totals).toEqual({ reviews: 6, introduced: 0, durationMs: 24_000, activeDays: 4 });
    expect(report.retention).toEqual({ passed: 2, failed: 4, retention: 2 / 6, desired: 0.9 });
    expect(report.wordsAdded).toBe(3);
    expect(report.mistakes.map((m) => [m.term, m.againThisWeek, m.leech])).toEqual([
      ['palabra1', 3, true],
      ['palabra2', 1, false],
    ]);
    expect(JSON.stringify(report)).not.toContain('secretword');

    const lastWeek = await l.c.call('progress:weeklyReport', { week: '2026-03-18' });
    expect(lastWeek.from).toBe('2026-03-16');
    expect(lastWeek.mistakes.map((m) => m.term)).toEqual(['palabra3']);
    const future = await l.c.raw('progress:weeklyReport', { week: '2026-04-06' });
    expect(future).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const heatmap = await l.c.call('progress:heatmap', {});
    expect(heatmap.to).toBe('2026-03-27');
    expect(heatmap.from).toBe('2025-03-28');
    expect(heatmap.days.map((d) => [d.date, d.reviews])).toEqual([
      ['2026-03-16', 1],
      ['2026-03-23', 1],
      ['2026-03-24', 3],
      ['2026-03-25', 1],
      ['2026-03-26', 1],
    ]);
    const year2025 = await l.c.call('progress:heatmap', { year: 2025 });
    expect(year2025).toMatchObject({ from: '2025-01-01', to: '2025-12-31', days: [] });
    expect((await other.call('progress:heatmap', {})).days).toEqual([
      expect.objectContaining({ date: '2026-03-24', reviews: 1 }),
    ]);
  });
});
