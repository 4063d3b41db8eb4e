import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { ActionMenu } from '../../components/ActionMenu';
import { Icon } from '../../components/Icon';
import { deckDepths } from '../../lib/deck-tree';

export type DeckAction = 'addWord' | 'options' | 'rename' | 'move' | 'import' | 'export' | 'delete';

interface Props {
  decks: readonly Deck[];
  onAction: (action: DeckAction, deck: Deck) => void;
}

const MAX_INDENT = 6;

/** The deck tree with today's counts (new, learning, due), Study, and each deck's other actions in a menu. */
export function DeckTable({ decks, onAction }: Props) {
  const { t } = useTranslation();
  const depths = deckDepths(decks);
  return (
    <table className="data-table deck-table">
      <caption className="visually-hidden">{t('decks.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('decks.deck')}</th>
          <th scope="col" className="number-cell">
            {t('review.counts.new')}
          </th>
          <th scope="col" className="number-cell">
            {t('review.counts.learning')}
          </th>
          <th scope="col" className="number-cell">
            {t('review.counts.review')}
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('decks.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {decks.map((deck) => {
          const depth = Math.min(MAX_INDENT, depths.get(deck.id) ?? 0);
          const nothingToday = deck.counts.new + deck.counts.learning + deck.counts.review === 0;
          return (
            <tr key={deck.id}>
              <th scope="row" className={`deck-name-cell indent-${depth}`}>
                <span className="deck-name">{deck.name}</span>
                <span className="deck-meta">
                  {t('decks.cardCount', { count: deck.counts.total })}
                  {deck.counts.suspended > 0 && ` · ${t('decks.suspendedCount', { count: deck.counts.suspended })}`}
                </span>
              </th>
              <td className={`number-cell count-new${deck.counts.new ? '' : ' count-zero'}`}>{deck.counts.new}</td>
              <td className={`number-cell count-learning${deck.counts.learning ? '' : ' count-zero'}`}>
                {deck.counts.learning}
              </td>
              <td className={`number-cell count-review${deck.counts.review ? '' : ' count-zero'}`}>
                {deck.counts.review}
              </td>
              <td className="deck-actions">
                <Link
                  to={`/review/${deck.id}`}
                  className={nothingToday ? 'button button-small' : 'button button-small button-primary'}
                  aria-label={t('decks.studyNamed', { name: deck.fullName })}
                >
                  <Icon name="review" size={16} />
                  {t('decks.study')}
                </Link>
                <ActionMenu
                  label={t('decks.actionsFor', { name: deck.fullName })}
                  items={[
                    {
                      key: 'addWord',
                      label: t('decks.addWord'),
                      icon: 'plus',
                      onSelect: () => onAction('addWord', deck),
                    },
                    {
                      key: 'options',
                      label: t('decks.options'),
                      icon: 'sliders',
                      onSelect: () => onAction('options', deck),
                    },
                    { key: 'rename', label: t('decks.rename'), icon: 'edit', onSelect: () => onAction('rename', deck) },
                    { key: 'move', label: t('decks.move'), icon: 'move', onSelect: () => onAction('move', deck) },
                    {
                      key: 'import',
                      label: t('decks.importInto'),
                      icon: 'upload',
                      onSelect: () => onAction('import', deck),
                    },
                    {
                      key: 'export',
                      label: t('decks.export'),
                      icon: 'download',
                      onSelect: () => onAction('export', deck),
                    },
                    {
                      key: 'delete',
                      label: t('decks.delete'),
                      icon: 'trash',
                      tone: 'danger',
                      onSelect: () => onAction('delete', deck),
                    },
                  ]}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
