import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../components/Icon';
import { useContractQuery } from '../hooks/useContractQuery';

/** Today's reviews across every deck, and the way into them. */
export function TodayPanel() {
  const { t } = useTranslation();
  const list = useContractQuery('decks:list', {});
  const roots = (list.data?.decks ?? []).filter((deck) => deck.parentId === null);
  const today = roots.reduce(
    (sum, deck) => ({
      new: sum.new + deck.counts.new,
      learning: sum.learning + deck.counts.learning,
      review: sum.review + deck.counts.review,
    }),
    { new: 0, learning: 0, review: 0 },
  );
  const waiting = today.new + today.learning + today.review;

  return (
    <section className="panel today-panel" aria-labelledby="today-title">
      <div className="today-text">
        <h2 id="today-title">{t('home.todayTitle')}</h2>
        {list.isSuccess && roots.length === 0 ? (
          <p>{t('home.noDecks')}</p>
        ) : (
          <dl className="review-counts">
            {(['new', 'learning', 'review'] as const).map((queue) => (
              <div key={queue} className={`review-count count-${queue}`}>
                <dt>{t(`review.counts.${queue}`)}</dt>
                <dd>{list.isSuccess ? today[queue] : '…'}</dd>
              </div>
            ))}
          </dl>
        )}
        {list.isSuccess && roots.length > 0 && waiting === 0 && <p className="field-hint">{t('home.allDone')}</p>}
      </div>
      <div className="actions">
        {roots.length > 0 && (
          <Link to="/review" className={waiting > 0 ? 'button button-primary' : 'button'}>
            <Icon name="review" size={18} />
            {t('home.startReview')}
          </Link>
        )}
        <Link to="/decks" className="button">
          <Icon name="decks" size={18} />
          {t('home.openDecks')}
        </Link>
        <Link to="/browse" className="button button-ghost">
          <Icon name="search" size={18} />
          {t('home.browse')}
        </Link>
      </div>
    </section>
  );
}
