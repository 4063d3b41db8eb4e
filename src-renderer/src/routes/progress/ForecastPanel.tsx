import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../src-shared/contract/progress';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { UPlotChart, type UPlotSeries } from '../../components/charts/UPlotChart';
import { formatCount, formatDay } from './format';

/** Cards due on each of the next 30 study days. */
export function ForecastPanel({ forecast }: { forecast: Dashboard['forecast'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const x = useMemo(() => forecast.map((_, i) => i), [forecast]);
  const series = useMemo<UPlotSeries[]>(
    () => [{ label: t('stats.forecast.due'), color: '--primary', kind: 'bars', values: forecast.map((f) => f.due) }],
    [forecast, t],
  );
  const xLabel = useCallback(
    (i: number) => (forecast[i] ? formatDay(forecast[i].date, locale, 'short') : ''),
    [forecast, locale],
  );
  const total = forecast.reduce((n, f) => n + f.due, 0);
  return (
    <ChartFigure
      title={t('stats.forecast.title')}
      summary={t('stats.forecast.summary', {
        total: formatCount(total, locale),
        today: formatCount(forecast[0]?.due ?? 0, locale),
      })}
      table={{
        caption: t('stats.forecast.caption'),
        columns: [t('stats.chart.date'), t('stats.forecast.due')],
        rows: forecast.map((f) => [formatDay(f.date, locale), formatCount(f.due, locale)]),
      }}
    >
      <UPlotChart x={x} xLabel={xLabel} series={series} />
    </ChartFigure>
  );
}
