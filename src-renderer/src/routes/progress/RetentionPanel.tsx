import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../src-shared/contract/progress';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { UPlotChart, type UPlotSeries } from '../../components/charts/UPlotChart';
import { formatCount, formatMonth, formatPercent } from './format';

const Y_RANGE: [number, number] = [0.5, 1];

/** True retention for each of the last twelve months against the desired retention. */
export function RetentionPanel({ retention }: { retention: Dashboard['retention'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { months, desired } = retention;
  const x = useMemo(() => months.map((_, i) => i), [months]);
  const series = useMemo<UPlotSeries[]>(
    () => [
      { label: t('stats.retention.actual'), color: '--success', kind: 'line', values: months.map((m) => m.retention) },
      { label: t('stats.retention.desired'), color: '--text-muted', kind: 'dashed', values: months.map(() => desired) },
    ],
    [months, desired, t],
  );
  const xLabel = useCallback((i: number) => (months[i] ? formatMonth(months[i].month, locale) : ''), [months, locale]);
  const yLabel = useCallback((v: number) => formatPercent(v, locale, 0), [locale]);
  const last = [...months].reverse().find((m) => m.retention !== null);
  const percent = (v: number | null) => (v === null ? t('stats.retention.none') : formatPercent(v, locale));
  return (
    <ChartFigure
      title={t('stats.retention.title')}
      note={t('stats.retention.explain')}
      summary={
        last
          ? t('stats.retention.summary', {
              desired: percent(desired),
              last: `${formatMonth(last.month, locale)} ${percent(last.retention)}`,
            })
          : t('stats.retention.summaryNone', { desired: percent(desired) })
      }
      table={{
        caption: t('stats.retention.caption'),
        columns: [
          t('stats.chart.month'),
          t('stats.retention.actual'),
          t('stats.retention.answers'),
          t('stats.retention.desired'),
        ],
        rows: months.map((m) => [
          formatMonth(m.month, locale),
          percent(m.retention),
          formatCount(m.passed + m.failed, locale),
          percent(desired),
        ]),
      }}
    >
      <UPlotChart x={x} xLabel={xLabel} series={series} yLabel={yLabel} yRange={Y_RANGE} />
    </ChartFigure>
  );
}
