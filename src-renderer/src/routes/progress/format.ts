import type { TFunction } from 'i18next';

/** "1 h 20 min", "12 min" or, under a minute, "40 s". */
export function formatDuration(ms: number, t: TFunction): string {
  if (ms > 0 && ms < 59_500) return t('stats.duration.seconds', { s: Math.round(ms / 1000) });
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return t('stats.duration.minutes', { m: minutes });
  return t('stats.duration.hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

export function formatPercent(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A study day's date ("2026-03-29") in words, read as a calendar date wherever the learner is. */
export function formatDay(key: string, locale: string, style: 'medium' | 'short' = 'medium'): string {
  const date = new Date(`${key}T12:00:00Z`);
  if (style === 'short')
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** "Mar 2026" for "2026-03". */
export function formatMonth(key: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${key}-15T12:00:00Z`),
  );
}

/** A rate with one decimal at most: "2.5" corrections per 100 words, "118" words a minute. */
export function formatRate(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}
