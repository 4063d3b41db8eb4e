import { useTranslation } from 'react-i18next';
import type { QueueCounts } from '../../lib/study-scope';

interface Props {
  counts: QueueCounts;
  /** The count the card on show comes from, underlined as in Anki. */
  current: keyof QueueCounts | null;
}

const order = ['new', 'learning', 'review'] as const;

/** New, learning and due counts; screen readers hear them after every answer. */
export function ReviewCounts({ counts, current }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="review-counts" aria-hidden="true">
        {order.map((queue) => (
          <div key={queue} className={`review-count count-${queue}${current === queue ? ' count-current' : ''}`}>
            <dt>{t(`review.counts.${queue}`)}</dt>
            <dd>{counts[queue]}</dd>
          </div>
        ))}
      </dl>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {t('review.counts.spoken', { new: counts.new, learning: counts.learning, review: counts.review })}
      </p>
    </>
  );
}
