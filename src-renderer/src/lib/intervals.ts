export type IntervalUnit = 'second' | 'minute' | 'hour' | 'day' | 'month' | 'year';

export interface IntervalParts {
  unit: IntervalUnit;
  /** Rounded as shown: whole seconds, minutes and days; hours, months and years to one decimal. */
  count: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** A scheduling interval in the largest unit that keeps it short, as Anki shows it above its buttons. */
export function intervalParts(ms: number): IntervalParts {
  const span = Math.max(0, ms);
  if (span < MINUTE) return { unit: 'second', count: Math.max(1, Math.round(span / SECOND)) };
  if (span < HOUR - MINUTE / 2) return { unit: 'minute', count: Math.round(span / MINUTE) };
  if (span < DAY - HOUR / 2) return { unit: 'hour', count: oneDecimal(span / HOUR) };
  const days = span / DAY;
  if (days < 29.5) return { unit: 'day', count: Math.round(days) };
  if (days < 365) return { unit: 'month', count: oneDecimal(days / 30) };
  return { unit: 'year', count: oneDecimal(days / 365) };
}
