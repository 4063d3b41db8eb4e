import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../src-shared/contract/progress';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { formatCount } from './format';

const STATES = ['new', 'learning', 'young', 'mature', 'suspended'] as const;

/** Cards by state as one stacked bar, with a legend that also gives the counts. */
export function CardStatesPanel({ cards }: { cards: Dashboard['cards'] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  const total = STATES.reduce((sum, s) => sum + cards[s], 0);
  return (
    <ChartFigure
      title={t('stats.cards.title')}
      summary={t('stats.cards.summary', {
        new: n(cards.new),
        learning: n(cards.learning),
        young: n(cards.young),
        mature: n(cards.mature),
        suspended: n(cards.suspended),
      })}
      table={{
        caption: t('stats.cards.caption'),
        columns: [t('stats.cards.state'), t('stats.cards.count')],
        rows: STATES.map((s) => [t(`stats.cards.${s}`), n(cards[s])]),
      }}
    >
      <div className="state-bar" aria-hidden="true">
        {STATES.filter((s) => cards[s] > 0).map((s) => (
          <span key={s} className={`state-segment state-${s}`} style={{ flexGrow: cards[s] / Math.max(1, total) }} />
        ))}
      </div>
      <ul className="state-legend" aria-hidden="true">
        {STATES.map((s) => (
          <li key={s}>
            <span className={`state-swatch state-${s}`} />
            {t(`stats.cards.${s}`)} <strong>{n(cards[s])}</strong>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
