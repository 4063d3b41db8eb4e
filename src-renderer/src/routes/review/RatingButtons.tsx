import { useTranslation } from 'react-i18next';
import type { Rating } from '../../../../src-shared/domain/vocabulary';
import { Kbd } from '../../components/Kbd';
import { useIntervalText } from '../../hooks/useIntervalText';
import type { ReviewCard } from '../../lib/study-scope';

const ratings = [
  { rating: 1, key: 'again' },
  { rating: 2, key: 'hard' },
  { rating: 3, key: 'good' },
  { rating: 4, key: 'easy' },
] as const satisfies readonly { rating: Rating; key: keyof ReviewCard['intervals'] }[];

interface Props {
  intervals: ReviewCard['intervals'];
  /** After a typed answer: Again when it was wrong, Good when right. */
  suggested: Rating | null;
  disabled: boolean;
  onRate: (rating: Rating) => void;
}

/** Again, Hard, Good, Easy, each with when the card comes back and its key. */
export function RatingButtons({ intervals, suggested, disabled, onRate }: Props) {
  const { t } = useTranslation();
  const intervalText = useIntervalText();
  return (
    <div role="group" aria-label={t('review.rateLabel')} className="rating-buttons">
      {ratings.map(({ rating, key }) => {
        const interval = intervalText(intervals[key]);
        return (
          <button
            key={key}
            type="button"
            className={`rating-button rating-${key}${suggested === rating ? ' rating-suggested' : ''}`}
            aria-keyshortcuts={String(rating)}
            aria-label={t('review.rateButton', { rating: t(`review.ratings.${key}`), interval })}
            disabled={disabled}
            onClick={() => onRate(rating)}
          >
            <span className="rating-interval">{interval}</span>
            <span className="rating-name">{t(`review.ratings.${key}`)}</span>
            <Kbd>{String(rating)}</Kbd>
          </button>
        );
      })}
    </div>
  );
}
