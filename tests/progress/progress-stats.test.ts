import { describe, expect, it } from 'vitest';
import {
  dayStreakReached,
  forecastCounts,
  monthsEndingAt,
  retrievability,
  trueRetention,
} from '../../src-shared/domain/progress-stats';

describe('retention', () => {
  it('is the share of review-card answers that were not "again"', () => {
    expect(trueRetention(9, 1)).toBe(0.9);
    expect(trueRetention(0, 4)).toBe(0);
    expect(trueRetention(0, 0)).toBeNull();
  });

  it('lists the last twelve months across a new year', () => {
    const months = monthsEndingAt('2026-02-14', 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-03');
    expect(months.slice(-3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('follows the FSRS-6 forgetting curve: 90 % after one stability, 100 % at once, falling after', () => {
    expect(retrievability(0, 10)).toBe(1);
    expect(retrievability(10, 10)).toBeCloseTo(0.9, 10);
    expect(retrievability(100, 10)).toBeLessThan(0.7);
    expect(retrievability(5, 10)).toBeGreaterThan(retrievability(6, 10));
    // A personal decay keeps R(S, S) at 90 %.
    expect(retrievability(3, 3, 0.5)).toBeCloseTo(0.9, 10);
    expect(retrievability(5, 0)).toBe(0);
  });
});

describe('forecast', () => {
  it('puts overdue cards on today and drops what falls beyond the window', () => {
    const counts = forecastCounts(
      [
        { day: 95, count: 3 }, // overdue
        { day: 100, count: 2 },
        { day: 101, count: 1 },
        { day: 129, count: 4 },
        { day: 130, count: 7 }, // day 30: outside
      ],
      100,
      30,
    );
    expect(counts).toHaveLength(30);
    expect(counts[0]).toBe(5);
    expect(counts[1]).toBe(1);
    expect(counts[29]).toBe(4);
    expect(counts.reduce((a, b) => a + b)).toBe(10);
  });
});

describe('streak milestones', () => {
  it('dates a streak by the day it reached its length', () => {
    expect(dayStreakReached([1, 2, 3, 5, 6, 7, 8], 4)).toBe(8);
    expect(dayStreakReached([1, 2, 3], 3)).toBe(3);
    expect(dayStreakReached([1, 3, 5], 2)).toBeNull();
  });
});
