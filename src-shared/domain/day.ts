const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The UTC offset of a time zone at an instant, in ms (east positive). */
export function zoneOffsetMs(timeZone: string, at: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * When the learner's current study day began: the last time the clock showed `dayStartHour` o'clock in their
 * time zone (Anki's "next day starts at"). Reviews after midnight but before that hour count for the day before.
 */
export function studyDayStart(now: number, dayStartHour: number, timeZone: string): number {
  const offset = zoneOffsetMs(timeZone, now);
  const local = now + offset;
  const localStart = Math.floor((local - dayStartHour * HOUR) / DAY) * DAY + dayStartHour * HOUR;
  // The offset at the start may differ from now's across a daylight-saving change.
  return localStart - zoneOffsetMs(timeZone, localStart - offset);
}

/** A study-day number for streaks and "introduced today" counts. */
export function studyDayNumber(at: number, dayStartHour: number, timeZone: string): number {
  return Math.floor((at + zoneOffsetMs(timeZone, at) - dayStartHour * HOUR) / DAY);
}
