import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../../components/ProgressBar';

interface Props {
  label: string;
  done: number;
  total: number;
  cancelling: boolean;
  onCancel: () => void;
}

/** A running check or import: how far through the file it is, and Cancel. */
export function JobProgress({ label, done, total, cancelling, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stack job-progress">
      <ProgressBar label={label} done={done} total={total} />
      <div className="actions actions-end">
        <button type="button" className="button" disabled={cancelling} onClick={onCancel}>
          {cancelling ? t('import.cancelling') : t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
