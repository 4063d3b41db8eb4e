import { studyDayStart } from '../../../src-shared/domain/day';

const HOUR = 3_600_000;

/** A study day: from the preset's start hour in the learner's time zone to the next one (23–25 h across DST). */
export interface StudyDay {
  start: number;
  end: number;
}

/** The learner's time zone: 'auto' (or a zone this runtime does not know) follows the computer's. */
export function resolveTimeZone(setting: string): string {
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (setting === 'auto') return system;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: setting });
    return setting;
  } catch {
    return system;
  }
}

export function studyDayAt(now: number, dayStartHour: number, timeZone: string): StudyDay {
  const start = studyDayStart(now, dayStartHour, timeZone);
  // 26 h later is always inside the next study day, whatever daylight saving did to this one.
  return { start, end: studyDayStart(start + 26 * HOUR, dayStartHour, timeZone) };
}
