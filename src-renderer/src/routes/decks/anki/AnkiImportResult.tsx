import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Output } from '../../../../../src-shared/contract';
import { FocusHeading } from '../../../components/FocusHeading';

type Result = Output<'anki:importResult'>;

/** How an import ended: what came in, what was left out and why. */
export function AnkiImportResult({ result, onAgain }: { result: Result; onAgain: () => void }) {
  const { t } = useTranslation();
  const done = result.status === 'done';
  return (
    <div className="stack" role="status">
      <FocusHeading>{done ? t('data.anki.doneTitle') : result.status === 'cancelled' ? t('data.anki.cancelledTitle') : t('data.anki.failedTitle')}</FocusHeading>
      {done ? (
        <p>{t('data.anki.doneSummary', { imported: result.imported, updated: result.updated, reviews: result.reviews, media: result.media })}</p>
      ) : (
        <p>{result.error ?? t('data.anki.nothingSaved')}</p>
      )}
      {done && result.skipped > 0 && <p>{t('data.anki.skipped', { count: result.skipped })}</p>}
      {result.missingMedia.length > 0 && (
        <div>
          <h3 className="subsection-title">{t('data.anki.missingMedia', { count: result.missingMedia.length })}</h3>
          <ul className="plain-list">
            {result.missingMedia.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      )}
      {result.problems.length > 0 && (
        <div>
          <h3 className="subsection-title">{t('data.anki.problems')}</h3>
          <ul className="plain-list">
            {result.problems.map((problem, index) => (
              <li key={index}>
                <strong>{problem.what}</strong>: {problem.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions actions-end">
        <button type="button" className="button" onClick={onAgain}>
          {t('data.anki.importAnother')}
        </button>
        <Link className="button button-primary" to="/decks">
          {t('data.anki.toDecks')}
        </Link>
      </div>
    </div>
  );
}
