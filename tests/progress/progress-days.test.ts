import { describe, expect, it } from 'vitest';
import { studyDayNumber, zoneOffsetMs } from '../../src-shared/domain/day';
import {
  dayCounter,
  dayFromKey,
  dayKey,
  foldIntoDays,
  REVIEW_BUCKET_MS,
  weekStartOf,
  zoneOffsets,
  ZERO_TOTALS,
} from '../../src-shared/domain/progress-days';
import { streakOf } from '../../src-shared/domain/progress-stats';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONES = [
  'Europe/Madrid',
  'America/New_York',
  'Pacific/Honolulu', // UTC−10, no daylight saving
  'Pacific/Auckland', // UTC+13 in the southern summer, +12 in winter
  'Pacific/Tongatapu', // UTC+13 all year
  'Australia/Lord_Howe', // a half-hour daylight-saving shift
  'Asia/Kathmandu', // +05:45
  'UTC',
];

/** A review-log row's bucket, as the trigger computes it. */
const bucketOf = (at: number) => at - (at % REVIEW_BUCKET_MS);

/** Study days (local dates) of reviews at these instants, folded through 15-minute buckets. */
function activeDays(times: number[], timeZone: string, dayStartHour: number) {
  const from = Math.min(...times) - 2 * DAY;
  const counter = dayCounter(zoneOffsets(timeZone, from, Math.max(...times) + 2 * DAY), dayStartHour);
  const buckets = times.map((at) => ({ ...ZERO_TOTALS, start: bucketOf(at), reviews: 1 }));
  return [...foldIntoDays(buckets, counter).keys()].sort((a, b) => a - b);
}

describe('zone offsets and study days', () => {
  it.each(ZONES)('agree with the review engine’s own day numbers through a year in %s', (zone) => {
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    const offsets = zoneOffsets(zone, from, to);
    for (const hour of [0, 4]) {
      const counter = dayCounter(offsets, hour);
      // Every 19 h 15 min: walks across every quarter hour of the day and both daylight-saving changes.
      for (let at = from; at < to; at += 19 * HOUR + REVIEW_BUCKET_MS) {
        expect(offsets(at)).toBe(zoneOffsetMs(zone, at));
        expect(counter.dayOf(at)).toBe(studyDayNumber(at, hour, zone));
      }
    }
  });

  it('finds a daylight-saving change to the quarter hour (Madrid, 29 March 2026 at 01:00 UTC)', () => {
    const offsets = zoneOffsets('Europe/Madrid', Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 30));
    const change = Date.UTC(2026, 2, 29, 1);
    expect(offsets(change - REVIEW_BUCKET_MS)).toBe(HOUR);
    expect(offsets(change)).toBe(2 * HOUR);
  });

  it('starts each study day at the day start hour, 23 and 25 hours long across the changes', () => {
    const counter = dayCounter(zoneOffsets('Europe/Madrid', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)), 4);
    const march28 = dayFromKey('2026-03-28');
    expect(counter.startOf(march28)).toBe(Date.UTC(2026, 2, 28, 3)); // 04:00 CET
    expect(counter.startOf(march28 + 1)).toBe(Date.UTC(2026, 2, 29, 2)); // 04:00 CEST
    // The clocks go back at 03:00 on 25 October: the study day of the 24th lasts until 04:00 CET on the 25th.
    const october24 = dayFromKey('2026-10-24');
    expect(counter.startOf(october24 + 1) - counter.startOf(october24)).toBe(25 * HOUR);
  });

  it('names days by their local date and weeks by their Monday', () => {
    expect(dayKey(dayFromKey('2026-03-29'))).toBe('2026-03-29');
    expect(dayKey(weekStartOf(dayFromKey('2026-03-29')))).toBe('2026-03-23'); // a Sunday → its Monday
    expect(dayKey(weekStartOf(dayFromKey('2026-03-23')))).toBe('2026-03-23');
  });
});

describe('streaks by the learner’s day boundary', () => {
  it('counts a late-night and an after-midnight session as one day when the day starts at 4', () => {
    // Honolulu (UTC−10): 23:30 on the 10th and 00:30 on the 11th, local. In UTC they fall on two dates.
    const times = [Date.UTC(2026, 5, 11, 9, 30), Date.UTC(2026, 5, 11, 10, 30)];
    expect(activeDays(times, 'Pacific/Honolulu', 4).map(dayKey)).toEqual(['2026-06-10']);
    expect(activeDays(times, 'Pacific/Honolulu', 0).map(dayKey)).toEqual(['2026-06-10', '2026-06-11']);
  });

  it('keeps a UTC−10 learner’s evening streak although every review falls on the next UTC date', () => {
    // 21:00 local each evening = 07:00 UTC the next morning.
    const times = [10, 11, 12, 13].map((d) => Date.UTC(2026, 5, d + 1, 7));
    const days = activeDays(times, 'Pacific/Honolulu', 4);
    expect(days.map(dayKey)).toEqual(['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13']);
    expect(streakOf(days, dayFromKey('2026-06-13'))).toEqual({ current: 4, longest: 4, activeToday: true });
  });

  it('puts a UTC+13 learner’s morning reviews on their own date, the day before in UTC', () => {
    // Auckland in January is UTC+13: 09:00 local on the 15th is 20:00 UTC on the 14th.
    const times = [15, 16, 17].map((d) => Date.UTC(2026, 0, d - 1, 20));
    const days = activeDays(times, 'Pacific/Auckland', 4);
    expect(days.map(dayKey)).toEqual(['2026-01-15', '2026-01-16', '2026-01-17']);
    // 02:00 local on the 18th (13:00 UTC on the 17th) is before the 04:00 day start: still the 17th.
    expect(activeDays([...times, Date.UTC(2026, 0, 17, 13)], 'Pacific/Auckland', 4).map(dayKey)).toEqual([
      '2026-01-15',
      '2026-01-16',
      '2026-01-17',
    ]);
    expect(activeDays(times, 'Pacific/Tongatapu', 4).map(dayKey)).toEqual(['2026-01-15', '2026-01-16', '2026-01-17']);
  });

  it('runs unbroken across the spring and autumn daylight-saving changes', () => {
    // 22:30 local in Madrid every evening from 26 March to 1 April, and from 23 to 27 October.
    const spring = [26, 27, 28, 29, 30, 31].map((d) => Date.UTC(2026, 2, d, d >= 29 ? 20 : 21, 30));
    const autumn = [23, 24, 25, 26, 27].map((d) => Date.UTC(2026, 9, d, d >= 25 ? 21 : 20, 30));
    const springDays = activeDays(spring, 'Europe/Madrid', 4);
    expect(springDays.map(dayKey)).toEqual([
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
    expect(streakOf(springDays, dayFromKey('2026-03-31')).current).toBe(6);
    expect(streakOf(activeDays(autumn, 'Europe/Madrid', 4), dayFromKey('2026-10-27')).current).toBe(5);
  });

  it('counts 03:30 on the night the clocks go forward for the day before (day start 4)', () => {
    // 29 March 2026, Madrid: 03:30 CEST = 01:30 UTC, before the 04:00 start of the 29th.
    expect(activeDays([Date.UTC(2026, 2, 29, 1, 30)], 'Europe/Madrid', 4).map(dayKey)).toEqual(['2026-03-28']);
    // 04:15 CEST = 02:15 UTC is the 29th.
    expect(activeDays([Date.UTC(2026, 2, 29, 2, 15)], 'Europe/Madrid', 4).map(dayKey)).toEqual(['2026-03-29']);
  });

  it('keeps a streak alive until today ends, and breaks it after a missed day', () => {
    const days = [10, 11, 12, 20, 21, 22, 23];
    expect(streakOf(days, 23)).toEqual({ current: 4, longest: 4, activeToday: true });
    expect(streakOf(days, 24)).toEqual({ current: 4, longest: 4, activeToday: false });
    expect(streakOf(days, 25)).toEqual({ current: 0, longest: 4, activeToday: false });
    expect(streakOf([], 5)).toEqual({ current: 0, longest: 0, activeToday: false });
    expect(streakOf([1, 2, 3, 4, 5, 9], 9)).toEqual({ current: 1, longest: 5, activeToday: true });
  });
});
