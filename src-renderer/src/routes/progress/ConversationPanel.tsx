import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationStats } from '../../../../src-shared/contract/progress-conversation';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { UPlotChart, type UPlotSeries } from '../../components/charts/UPlotChart';
import { formatCount, formatDay, formatDuration } from './format';

/** Turns with the tutor per study week, with the time in conversation and spoken in the table. */
export function ConversationPanel({ conversation }: { conversation: ConversationStats }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { totals, weeks } = conversation;
  const n = (v: number) => formatCount(v, locale);
  const x = useMemo(() => weeks.map((_, i) => i), [weeks]);
  const series = useMemo<UPlotSeries[]>(
    () => [
      { label: t('stats.conversation.turns'), color: '--primary', kind: 'bars', values: weeks.map((w) => w.turns) },
    ],
    [weeks, t],
  );
  const xLabel = useCallback(
    (i: number) => (weeks[i] ? formatDay(weeks[i].week, locale, 'short') : ''),
    [weeks, locale],
  );
  return (
    <ChartFigure
      title={t('stats.conversation.title')}
      summary={t('stats.conversation.summary', {
        turns: n(totals.turns),
        conversations: n(totals.conversations),
        time: formatDuration(totals.conversationMs, t),
        spoken: formatDuration(totals.spokenMs, t),
      })}
      note={
        <span data-conversation-totals="">
          {t('stats.conversation.totals', {
            turns: n(totals.turns),
            conversations: n(totals.conversations),
            time: formatDuration(totals.conversationMs, t),
            spoken: formatDuration(totals.spokenMs, t),
            scenarios: n(totals.scenariosCompleted),
          })}
        </span>
      }
      table={{
        caption: t('stats.conversation.caption'),
        columns: [
          t('stats.conversation.week'),
          t('stats.conversation.turns'),
          t('stats.conversation.conversations'),
          t('stats.conversation.words'),
          t('stats.conversation.time'),
          t('stats.conversation.spoken'),
        ],
        rows: weeks.map((w) => [
          formatDay(w.week, locale, 'short'),
          n(w.turns),
          n(w.conversations),
          n(w.words),
          formatDuration(w.conversationMs, t),
          formatDuration(w.spokenMs, t),
        ]),
      }}
    >
      <UPlotChart x={x} xLabel={xLabel} series={series} />
    </ChartFigure>
  );
}
