import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Icon } from '../../components/Icon';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useFrame } from '../../lib/frame-context';
import { ReviewSession } from './ReviewSession';

/** /review studies every deck; /review/:deckId one deck with its subdecks. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { deckId = null } = useParams();
  const { profile, settings } = useFrame();
  const decks = useContractQuery('decks:list', {});
  const deck = deckId ? decks.data?.decks.find((candidate) => candidate.id === deckId) : null;
  const noDecks = decks.data?.decks.length === 0;
  const missing = deckId !== null && decks.isSuccess && !deck;

  return (
    <div className="page review-page">
      <header className="page-header">
        <h1 className="page-title">{t('review.title')}</h1>
        <p className="page-subtitle">{deck ? deck.fullName : t('review.allDecks')}</p>
      </header>
      {noDecks || missing ? (
        <section className="panel empty-state">
          <Icon name="decks" size={32} />
          <h2>{missing ? t('review.missingDeck') : t('review.noDecks')}</h2>
          <p>{t('review.noDecksHint')}</p>
          <Link to="/decks" className="button button-primary">
            {t('review.openDecks')}
          </Link>
        </section>
      ) : (
        <ReviewSession key={deckId ?? 'all'} deckId={deckId} profile={profile} settings={settings} />
      )}
    </div>
  );
}
