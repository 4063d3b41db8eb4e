import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakingStats } from '../../../../src-shared/contract/progress-conversation';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { UPlotChart, type UPlotSeries } from '../../components/charts/UPlotChart';
import { formatCount, formatDay, formatDuration, formatRate } from './format';

/**
 * Speaking rate and pauses of the learner's spoken turns per study week (voice practice). Where this installation
 * has no voice practice, the panel says so instead of drawing zeros.
 */
export function SpeakingPanel({ speaking }: { speaking: SpeakingStats }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { totals, weeks } = speaking;
  const value = (v: number | null) => (v === null ? t('stats.retention.none') : formatRate(v, locale));
  const x = useMemo(() => weeks.map((_, i) => i), [weeks]);
  const series = useMemo<UPlotSeries[]>(
    () => [
      { label: t('stats.speaking.wpm'), color: '--primary', kind: 'line', values: weeks.map((w) => w.wordsPerMinute) },
    ],
    [weeks, t],
  );
  const xLabel = useCallback(
    (i: number) => (weeks[i] ? formatDay(weeks[i].week, locale, 'short') : ''),
    [weeks, locale],
  );
  if (!speaking.available)
    return (
      <section className="panel chart-panel" aria-label={t('stats.speaking.title')}>
        <h2>{t('stats.speaking.title')}</h2>
        <p className="field-hint">{t('stats.speaking.unavailable')}</p>
      </section>
    );
  return (
    <ChartFigure
      title={t('stats.speaking.title')}
      note={t('stats.speaking.explain')}
      summary={
        totals.turns > 0
          ? t('stats.speaking.summary', {
              turns: formatCount(totals.turns, locale),
              time: formatDuration(totals.spokenMs, t),
              wpm: value(totals.wordsPerMinute),
              pauses: value(totals.pausesPerMinute),
            })
          : t('stats.speaking.summaryNone')
      }
      table={{
        caption: t('stats.speaking.caption'),
        columns: [
          t('stats.conversation.week'),
          t('stats.speaking.turns'),
          t('stats.conversation.spoken'),
          t('stats.speaking.wpm'),
          t('stats.speaking.articulation'),
          t('stats.speaking.pausesPerMinute'),
          t('stats.speaking.meanPause'),
          t('stats.speaking.fillers'),
        ],
        rows: weeks.map((w) => [
          formatDay(w.week, locale, 'short'),
          formatCount(w.turns, locale),
          formatDuration(w.spokenMs, t),
          value(w.wordsPerMinute),
          value(w.articulationRate),
          value(w.pausesPerMinute),
          w.meanPauseMs === null
            ? t('stats.retention.none')
            : t('stats.speaking.ms', { ms: Math.round(w.meanPauseMs) }),
          value(w.fillersPer100Words),
        ]),
      }}
    >
      <UPlotChart x={x} xLabel={xLabel} series={series} />
    </ChartFigure>
  );
}
