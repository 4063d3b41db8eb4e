import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationStats } from '../../../../src-shared/contract/progress-conversation';
import { per100Words, rankCategories, totalCorrections } from '../../../../src-shared/domain/conversation-stats';
import { correctionCategories, type CorrectionCategory } from '../../../../src-shared/domain/corrections';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { UPlotChart, type UPlotSeries } from '../../components/charts/UPlotChart';
import { formatCount, formatDay, formatRate } from './format';

const COLORS: Record<CorrectionCategory, { color: string; kind: UPlotSeries['kind'] }> = {
  grammar: { color: '--primary', kind: 'line' },
  vocabulary: { color: '--success', kind: 'line' },
  spelling: { color: '--warning', kind: 'line' },
  word_order: { color: '--danger', kind: 'dashed' },
  register: { color: '--text-muted', kind: 'dashed' },
};

/** Corrections per 100 words the learner wrote or said, by category, per study week. */
export function CorrectionsPanel({ conversation }: { conversation: ConversationStats }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { totals, weeks } = conversation;
  const category = useCallback((c: CorrectionCategory) => t(`tutor.corrections.categories.${c}`), [t]);
  const rate = (count: number, words: number) => {
    const value = per100Words(count, words);
    return value === null ? t('stats.retention.none') : formatRate(value, locale);
  };
  const x = useMemo(() => weeks.map((_, i) => i), [weeks]);
  const series = useMemo<UPlotSeries[]>(
    () =>
      correctionCategories.map((c) => ({
        label: category(c),
        ...COLORS[c],
        values: weeks.map((w) => per100Words(w.corrections[c], w.words)),
      })),
    [weeks, category],
  );
  const xLabel = useCallback(
    (i: number) => (weeks[i] ? formatDay(weeks[i].week, locale, 'short') : ''),
    [weeks, locale],
  );
  const top = rankCategories(totals.corrections)[0];
  return (
    <ChartFigure
      title={t('stats.corrections.title')}
      note={t('stats.corrections.explain')}
      summary={
        top
          ? t('stats.corrections.summary', {
              rate: rate(totalCorrections(totals.corrections), totals.words),
              top: category(top.category),
            })
          : t('stats.corrections.summaryNone')
      }
      table={{
        caption: t('stats.corrections.caption'),
        columns: [
          t('stats.conversation.week'),
          t('stats.conversation.words'),
          ...correctionCategories.map(category),
          t('stats.corrections.all'),
        ],
        rows: [
          ...weeks.map((w) => [
            formatDay(w.week, locale, 'short'),
            formatCount(w.words, locale),
            ...correctionCategories.map((c) => rate(w.corrections[c], w.words)),
            rate(totalCorrections(w.corrections), w.words),
          ]),
          [
            t('stats.corrections.allTime'),
            formatCount(totals.words, locale),
            ...correctionCategories.map((c) => rate(totals.corrections[c], totals.words)),
            rate(totalCorrections(totals.corrections), totals.words),
          ],
        ],
      }}
    >
      <UPlotChart x={x} xLabel={xLabel} series={series} />
    </ChartFigure>
  );
}
