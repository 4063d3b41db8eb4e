import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  done: number;
  total: number;
}

/** A labelled progress bar with its percentage announced politely as it changes. */
export function ProgressBar({ label, done, total }: Props) {
  const { t } = useTranslation();
  const known = total > 0;
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : null;
  return (
    <div className="progress">
      <div className="progress-head">
        <span className="progress-label">{label}</span>
        <span className="progress-value" aria-live="polite">
          {percent === null ? t('progress.starting') : t('progress.percent', { percent })}
        </span>
      </div>
      <progress
        className="progress-bar"
        aria-label={label}
        max={known ? total : undefined}
        value={known ? done : undefined}
      />
    </div>
  );
}
