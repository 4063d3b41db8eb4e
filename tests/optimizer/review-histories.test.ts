import { describe, expect, it } from 'vitest';
import {
  cardHistory,
  historyItems,
  studyDayCounter,
  type LoggedAnswer,
} from '../../src-main/services/optimizer/review-histories';

const at = (iso: string) => Date.parse(iso);
const answer = (iso: string, rating: number, stateBefore: number): LoggedAnswer => ({
  cardId: 'c',
  reviewedAt: at(iso),
  rating,
  stateBefore,
});

describe('review histories for FSRS', () => {
  it('counts intervals in study days, which start at the preset hour in the learner’s zone', () => {
    const dayOf = studyDayCounter(4, 'Europe/Madrid');
    // 02:30 in Madrid (UTC+1 in winter) still belongs to the day before; 04:30 starts a new one.
    expect(dayOf(at('2026-01-11T01:30:00Z')) - dayOf(at('2026-01-10T12:00:00Z'))).toBe(0);
    expect(dayOf(at('2026-01-11T03:30:00Z')) - dayOf(at('2026-01-10T12:00:00Z'))).toBe(1);
    // Across the spring daylight-saving change, days still count one by one.
    expect(dayOf(at('2026-03-30T10:00:00Z')) - dayOf(at('2026-03-28T10:00:00Z'))).toBe(2);
  });

  it("starts a card's history at the last time it was new, and leaves out cards whose start is missing", () => {
    const dayOf = studyDayCounter(0, 'UTC');
    const history = cardHistory(
      [
        answer('2026-01-01T10:00:00Z', 3, 0),
        answer('2026-01-03T10:00:00Z', 1, 2),
        answer('2026-02-01T10:00:00Z', 3, 0), // reset to new: what came before no longer counts
        answer('2026-02-01T10:10:00Z', 3, 1),
        answer('2026-02-04T09:00:00Z', 4, 2),
      ],
      dayOf,
    );
    expect(history).toEqual([
      { rating: 3, deltaT: 0 },
      { rating: 3, deltaT: 0 },
      { rating: 4, deltaT: 3 },
    ]);
    expect(cardHistory([answer('2026-01-03T10:00:00Z', 3, 2), answer('2026-01-09T10:00:00Z', 3, 2)], dayOf)).toEqual(
      [],
    );
    expect(historyItems(history)).toEqual([history.slice(0, 2), history]);
  });
});
