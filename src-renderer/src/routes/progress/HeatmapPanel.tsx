import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { YearHeatmap } from '../../components/charts/YearHeatmap';
import { useContractQuery } from '../../hooks/useContractQuery';
import { formatCount, formatDay } from './format';

/** Reviews per study day over the last 365 days, or over a calendar year the learner picks. */
export function HeatmapPanel() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [year, setYear] = useState<number | null>(null);
  const periodId = useId();
  const heatmap = useContractQuery('progress:heatmap', year === null ? {} : { year }, {
    placeholderData: (previous) => previous,
  });
  const describe = useCallback(
    (date: string, reviews: number) => t('stats.heatmap.cell', { count: reviews, date: formatDay(date, locale) }),
    [t, locale],
  );
  const monthLabel = useCallback(
    (date: string) =>
      new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)),
    [locale],
  );
  if (!heatmap.data) return null;
  const { from, to, days, years } = heatmap.data;
  const period = years.length > 0 && (
    <label className="heat-period" htmlFor={periodId}>
      <span className="visually-hidden">{t('stats.heatmap.period')}</span>
      <select
        id={periodId}
        value={year ?? ''}
        onChange={(e) => setYear(e.target.value ? Number(e.target.value) : null)}
      >
        <option value="">{t('stats.heatmap.lastYear')}</option>
        {[...years].reverse().map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <ChartFigure
      title={year === null ? t('stats.heatmap.title') : t('stats.heatmap.titleYear', { year })}
      summary={t('stats.heatmap.summary', {
        count: days.length,
        from: formatDay(from, locale),
        to: formatDay(to, locale),
      })}
      actions={period}
      table={{
        caption: t('stats.heatmap.caption'),
        columns: [t('stats.chart.date'), t('stats.heatmap.reviews'), t('stats.heatmap.minutes')],
        rows: days.map((d) => [
          formatDay(d.date, locale),
          formatCount(d.reviews, locale),
          Math.round(d.durationMs / 60_000),
        ]),
      }}
    >
      <YearHeatmap from={from} to={to} days={days} describe={describe} monthLabel={monthLabel} />
      <p className="heat-legend" aria-hidden="true">
        {t('stats.heatmap.less')}
        {[0, 1, 2, 3, 4].map((level) => (
          <span key={level} className={`heat-swatch heat-${level}`} />
        ))}
        {t('stats.heatmap.more')}
      </p>
    </ChartFigure>
  );
}
