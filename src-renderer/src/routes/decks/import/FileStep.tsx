import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { useDescribeError } from '../../../hooks/useDescribeError';
import { useFileUpload } from '../../../hooks/useFileUpload';
import type { UploadedFile } from '../../../lib/upload';

/** Picking the word list and handing it to Parley, with the upload's progress for a large file. */
export function FileStep({ onUploaded }: { onUploaded: (file: UploadedFile) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const id = useId();
  const { upload, progress, error } = useFileUpload();

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const uploaded = await upload(file);
    if (uploaded) onUploaded(uploaded);
  };

  return (
    <div className="stack">
      <p>{t('import.intro')}</p>
      <div className="file-pick">
        <Icon name="upload" size={28} />
        <label htmlFor={id} className="field-label">
          {t('import.chooseFile')}
        </label>
        <input
          id={id}
          type="file"
          className="file-input"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          disabled={progress !== null}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('import.fileHint')}
        </p>
      </div>
      {progress && (
        <ProgressBar
          label={t('import.uploading', { name: progress.name })}
          done={progress.sent}
          total={progress.total}
        />
      )}
      <FormError message={error ? describe(error) : null} />
    </div>
  );
}
