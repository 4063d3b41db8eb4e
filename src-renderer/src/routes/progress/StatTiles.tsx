import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../src-shared/contract/progress';
import { formatCount, formatDuration } from './format';

/** The headline numbers: what is due, the streak, time, words known, today's reviews. */
export function StatTiles({ dashboard: d }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatCount(value, i18n.language);
  const due = d.due.new + d.due.learning + d.due.review;
  const tiles = [
    {
      key: 'due',
      value: n(due),
      detail: t('stats.tiles.dueDetail', { review: n(d.due.review), learning: n(d.due.learning), new: n(d.due.new) }),
    },
    {
      key: 'streak',
      value: t('stats.tiles.streakDays', { count: d.streak.current }),
      detail: t(d.streak.activeToday ? 'stats.tiles.streakDetail' : 'stats.tiles.streakDetailPending', {
        longest: t('stats.tiles.streakDays', { count: d.streak.longest }),
      }),
    },
    {
      key: 'done',
      value: n(d.done.reviews),
      detail: t('stats.tiles.doneDetail', { introduced: n(d.done.introduced), total: n(d.totalReviews) }),
    },
    {
      key: 'time',
      value: formatDuration(d.time.todayMs, t),
      detail: t('stats.tiles.timeDetail', {
        week: formatDuration(d.time.last7Ms, t),
        total: formatDuration(d.time.totalMs, t),
      }),
    },
    {
      key: 'words',
      value: d.words.asOf === null ? '…' : n(d.words.known),
      detail:
        d.words.asOf === null
          ? t('stats.tiles.wordsPending')
          : t('stats.tiles.wordsDetail', { studied: n(d.words.studied), total: n(d.words.total) }),
    },
  ] as const;
  return (
    <dl className="stat-tiles">
      {tiles.map((tile) => (
        <div key={tile.key} className="panel stat-tile" data-stat={tile.key}>
          <dt>{t(`stats.tiles.${tile.key}`)}</dt>
          <dd className="stat-value">{tile.value}</dd>
          <dd className="stat-detail">{tile.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
