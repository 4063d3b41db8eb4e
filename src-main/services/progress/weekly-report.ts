import type Database from 'better-sqlite3';
import type { WeeklyReport } from '../../../src-shared/contract/progress';
import { addTotals, dayKey, ZERO_TOTALS } from '../../../src-shared/domain/progress-days';
import { trueRetention } from '../../../src-shared/domain/progress-stats';
import type { DayTotalsReader } from './day-totals';
import type { LearnerDay } from './learner-day';

const MISTAKES = 10;

/** The cards answered "again" most often in a time range: the learner's recurring vocabulary mistakes. */
const MISTAKES_SQL = `
  SELECT l.card_id AS cardId, count(*) AS againThisWeek, c.lapses, n.term, n.translation,
    instr(' ' || n.tags || ' ', ' leech ') > 0 AS leech
  FROM review_logs l
    JOIN cards c ON c.id = l.card_id AND c.profile_id = l.profile_id
    JOIN notes n ON n.id = c.note_id AND n.profile_id = l.profile_id
  WHERE l.profile_id = @profileId AND l.reviewed_at >= @from AND l.reviewed_at < @to AND l.deleted_at IS NULL
    AND l.rating = 1 AND c.deleted_at IS NULL AND n.deleted_at IS NULL
  GROUP BY l.card_id ORDER BY againThisWeek DESC, c.lapses DESC, n.term LIMIT ${MISTAKES}`;

const WORDS_ADDED = `SELECT count(*) FROM notes
  WHERE profile_id = @profileId AND deleted_at IS NULL AND created_at >= @from AND created_at < @to`;

const LEARNER = 'SELECT display_name FROM profiles WHERE id = ?';

export function createWeeklyReports(sqlite: Database.Database, dayTotals: DayTotalsReader) {
  const mistakes = sqlite.prepare(MISTAKES_SQL);
  const wordsAdded = sqlite.prepare(WORDS_ADDED).pluck();
  const learner = sqlite.prepare(LEARNER).pluck();

  /**
   * The week of study days starting at `monday`, for a learner whose days `day` counts, without its conversations
   * (see conversation-stats.ts); `range` is the week's instants.
   */
  return (
    profileId: string,
    monday: number,
    day: LearnerDay,
  ): Omit<WeeklyReport, 'conversations'> & { range: { from: number; to: number } } => {
    const from = day.counter.startOf(monday);
    const to = day.counter.startOf(monday + 7);
    const days = new Map(dayTotals.full(profileId, day.counter, from, to).map((d) => [d.day, d]));
    const week = Array.from({ length: 7 }, (_, i) => {
      const totals = days.get(monday + i) ?? ZERO_TOTALS;
      return {
        date: dayKey(monday + i),
        reviews: totals.reviews,
        introduced: totals.introduced,
        again: totals.again,
        durationMs: totals.durationMs,
      };
    });
    const sum = [...days.values()].reduce((all, t) => addTotals(all, t), { ...ZERO_TOTALS });
    const range = { profileId, from, to };
    return {
      range: { from, to },
      learnerName: (learner.get(profileId) as string | undefined) ?? '',
      from: dayKey(monday),
      to: dayKey(monday + 6),
      today: dayKey(day.today),
      days: week,
      totals: {
        reviews: sum.reviews,
        introduced: sum.introduced,
        durationMs: sum.durationMs,
        activeDays: week.filter((d) => d.reviews > 0).length,
      },
      retention: {
        passed: sum.reviewPassed,
        failed: sum.reviewFailed,
        retention: trueRetention(sum.reviewPassed, sum.reviewFailed),
        desired: day.desiredRetention,
      },
      wordsAdded: wordsAdded.get(range) as number,
      mistakes: (mistakes.all(range) as (Omit<WeeklyReport['mistakes'][number], 'leech'> & { leech: number })[]).map(
        (m) => ({ ...m, leech: m.leech === 1 }),
      ),
    };
  };
}
