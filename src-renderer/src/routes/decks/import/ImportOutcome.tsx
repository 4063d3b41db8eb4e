import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Output } from '../../../../../src-shared/contract';
import { FocusHeading } from '../../../components/FocusHeading';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { ImportReport } from './ImportReport';

type JobResult = Output<'import:result'>;

/** A check or import that was cancelled or failed: nothing was written. */
export function ImportStopped({
  result,
  onBack,
  onClose,
}: {
  result: JobResult;
  onBack: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cancelled = result.status === 'cancelled';
  return (
    <div className="stack">
      <FocusHeading>{cancelled ? t('import.cancelledTitle') : t('import.failedTitle')}</FocusHeading>
      <p>{cancelled ? t('import.cancelled') : (result.error ?? t('import.failed'))}</p>
      <div className="actions actions-end">
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button button-primary" onClick={onBack}>
          {t('import.backToSetup')}
        </button>
      </div>
    </div>
  );
}

interface CheckProps {
  result: JobResult;
  failure: string | null;
  onBack: () => void;
  onImport: () => void;
}

/** What the check found, and the way to import the valid rows. */
export function CheckReport({ result, failure, onBack, onImport }: CheckProps) {
  const { t } = useTranslation();
  const words = result.imported + result.updated;
  return (
    <div className="stack">
      <FocusHeading>{t('import.reportTitle')}</FocusHeading>
      <ImportReport result={result} />
      <FormError message={failure} />
      <div className="actions actions-spread">
        <button type="button" className="button button-ghost" onClick={onBack}>
          <Icon name="arrowLeft" size={18} />
          {t('import.backToSetup')}
        </button>
        <button type="button" className="button button-primary" disabled={words === 0} onClick={onImport}>
          <Icon name="download" size={18} />
          {t('import.importWords', { count: words })}
        </button>
      </div>
    </div>
  );
}

/** The import's summary, with the ways on: browse the words, study the deck, or close. */
export function ImportDone({ result, onClose }: { result: JobResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <FocusHeading>{t('import.doneTitle')}</FocusHeading>
      <ImportReport result={result} />
      <div className="actions actions-end">
        <Link to="/browse" className="button button-ghost" onClick={onClose}>
          {t('import.openBrowse')}
        </Link>
        {result.deckId && (
          <Link to={`/review/${result.deckId}`} className="button" onClick={onClose}>
            {t('import.study')}
          </Link>
        )}
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
