import { useTranslation } from 'react-i18next';
import type { ReportConversations as Conversations } from '../../../../src-shared/contract/progress-conversation';
import { per100Words, rankCategories } from '../../../../src-shared/domain/conversation-stats';
import { formatCount, formatDuration, formatRate } from './format';

/** The weekly report's conversations: what was said, the corrections by category, the most frequent ones. */
export function ReportConversations({ conversations: c }: { conversations: Conversations }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const n = (v: number) => formatCount(v, locale);
  const rate = (v: number | null) => (v === null ? t('stats.retention.none') : formatRate(v, locale));
  const { totals, speaking } = c;
  const categories = rankCategories(totals.corrections);
  return (
    <>
      <section aria-labelledby="report-conversations">
        <h2 id="report-conversations">{t('stats.report.conversations')}</h2>
        {totals.turns === 0 ? (
          <p>{t('stats.report.conversationsNone')}</p>
        ) : (
          <>
            <p data-report="conversations">
              {t('stats.report.conversationsLine', {
                turns: n(totals.turns),
                conversations: n(totals.conversations),
                words: n(totals.words),
                time: formatDuration(totals.conversationMs, t),
                spoken: formatDuration(totals.spokenMs, t),
              })}
            </p>
            {totals.scenariosCompleted > 0 && (
              <p>{t('stats.report.scenariosLine', { count: totals.scenariosCompleted })}</p>
            )}
            {speaking.turns > 0 && (
              <p>
                {t('stats.report.speakingLine', {
                  wpm: rate(speaking.wordsPerMinute),
                  pauses: rate(speaking.pausesPerMinute),
                  turns: n(speaking.turns),
                })}
              </p>
            )}
            {categories.length > 0 && (
              <table className="report-table" aria-label={t('stats.report.byCategory')}>
                <thead>
                  <tr>
                    <th scope="col">{t('stats.report.category')}</th>
                    <th scope="col">{t('stats.report.corrections')}</th>
                    <th scope="col">{t('stats.report.per100')}</th>
                  </tr>
                </thead>
                <tbody>
                  {categories.map(({ category, count }) => (
                    <tr key={category}>
                      <th scope="row">{t(`tutor.corrections.categories.${category}`)}</th>
                      <td>{n(count)}</td>
                      <td>{rate(per100Words(count, totals.words))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="report-recurring">
        <h2 id="report-recurring">{t('stats.report.recurring')}</h2>
        {c.recurring.length === 0 ? (
          <p>{t('stats.report.recurringNone')}</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col" className="cell-text">
                  {t('stats.report.wrote')}
                </th>
                <th scope="col" className="cell-text">
                  {t('stats.report.better')}
                </th>
                <th scope="col">{t('stats.report.category')}</th>
                <th scope="col">{t('stats.report.times')}</th>
              </tr>
            </thead>
            <tbody>
              {c.recurring.map((r) => (
                <tr key={`${r.category}|${r.original}|${r.corrected}`}>
                  <th scope="row" className="cell-text">
                    <del>{r.original}</del>
                  </th>
                  <td className="cell-text">
                    <ins>{r.corrected}</ins>
                  </td>
                  <td>{t(`tutor.corrections.categories.${r.category}`)}</td>
                  <td>{n(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
