import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../../src-shared/domain/vocabulary';
import { FocusHeading } from '../../../components/FocusHeading';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { useContractMutation } from '../../../hooks/useContractMutation';
import { useContractQuery } from '../../../hooks/useContractQuery';
import { useDescribeError } from '../../../hooks/useDescribeError';
import { useImportJob } from '../../../hooks/useImportJob';
import { formatBytes } from '../../../lib/format';
import {
  completeMapping,
  deckNameFromFile,
  effectiveMapping,
  type MappingOverrides,
} from '../../../lib/import-mapping';
import type { UploadedFile } from '../../../lib/upload';
import { CheckReport, ImportDone, ImportStopped } from './ImportOutcome';
import { JobProgress } from './JobProgress';
import { MappingFields } from './MappingFields';
import { PreviewTable } from './PreviewTable';
import { ReadOptionsFields, type ReadOverrides } from './ReadOptionsFields';
import { TargetFields, type Duplicates, type ImportTarget } from './TargetFields';

interface Props {
  file: UploadedFile;
  decks: readonly Deck[];
  initialDeckId: string | null;
  /** The job running now, so closing the dialog can cancel it. */
  onRunningJob: (jobId: string | null) => void;
  onChooseAnother: () => void;
  onClose: () => void;
}

/**
 * From an uploaded file to imported words: how to read it and which column is what, then a check (nothing is
 * written) with its report, then the import itself. Both runs show their progress and can be cancelled.
 */
export function ImportSetup({ file, decks, initialDeckId, onRunningJob, onChooseAnother, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const [read, setRead] = useState<ReadOverrides>({ encoding: null, delimiter: null, hasHeader: null });
  const preview = useContractQuery(
    'import:csvPreview',
    { fileId: file.fileId, ...read },
    { placeholderData: keepPreviousData, staleTime: Infinity },
  );
  const [overrides, setOverrides] = useState<MappingOverrides>({});
  const [target, setTarget] = useState<ImportTarget>(() =>
    initialDeckId
      ? { kind: 'deck', deckId: initialDeckId }
      : { kind: 'newDeck', name: deckNameFromFile(file.fileName) },
  );
  const [duplicates, setDuplicates] = useState<Duplicates>('skip');
  const [showProblems, setShowProblems] = useState(false);
  const [checkJob, setCheckJob] = useState<string | null>(null);
  const [importJob, setImportJob] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const start = useContractMutation('import:csvStart');
  const cancel = useContractMutation('import:cancel');
  const check = useImportJob(checkJob);
  const run = useImportJob(importJob);

  const current = importJob ? run : checkJob ? check : null;
  const status = current?.result?.status ?? (current ? 'running' : null);
  const starting = start.isPending ? start.variables.commit : null;
  const runningJob = status === 'running' ? (importJob ?? checkJob) : null;
  useEffect(() => onRunningJob(runningJob), [runningJob, onRunningJob]);

  const data = preview.data;
  const mapping = data ? effectiveMapping(data.suggestedMapping, overrides, data.columns.length) : {};
  const complete = completeMapping(mapping);
  const targetReady = target.kind === 'deck' || target.name.trim() !== '';

  const begin = (commit: boolean) => {
    setShowProblems(true);
    if (!data || !complete || !targetReady) return;
    setFailure(null);
    const chosen: ImportTarget = target.kind === 'deck' ? target : { kind: 'newDeck', name: target.name.trim() };
    start.mutate(
      {
        fileId: file.fileId,
        encoding: data.encoding,
        delimiter: data.delimiter,
        hasHeader: data.hasHeader,
        target: chosen,
        mapping: complete,
        duplicates,
        commit,
      },
      {
        onSuccess: ({ jobId }) => (commit ? setImportJob(jobId) : setCheckJob(jobId)),
        onError: (error) => setFailure(describe(error)),
      },
    );
  };
  const backToSetup = () => {
    setCheckJob(null);
    setImportJob(null);
    cancel.reset();
  };
  const cancelRun = () =>
    runningJob && cancel.mutate({ jobId: runningJob }, { onError: (error) => setFailure(describe(error)) });

  if (starting !== null || status === 'running') {
    const committing = starting ?? importJob !== null;
    return (
      <div className="stack">
        <FocusHeading>{committing ? t('import.importingTitle') : t('import.checkingTitle')}</FocusHeading>
        <JobProgress
          label={
            committing ? t('import.importing', { name: file.fileName }) : t('import.checking', { name: file.fileName })
          }
          done={current?.done ?? 0}
          total={current?.total ?? 0}
          cancelling={cancel.isPending || cancel.isSuccess}
          onCancel={cancelRun}
        />
        <FormError message={failure} />
      </div>
    );
  }

  if (current?.result && status !== 'done') {
    return <ImportStopped result={current.result} onBack={backToSetup} onClose={onClose} />;
  }
  if (importJob && run.result) return <ImportDone result={run.result} onClose={onClose} />;
  if (checkJob && check.result) {
    return <CheckReport result={check.result} failure={failure} onBack={backToSetup} onImport={() => begin(true)} />;
  }

  return (
    <div className="stack">
      <p className="file-summary">
        <Icon name="folder" size={18} />
        <span className="file-name">{file.fileName}</span>
        <span className="field-hint">{formatBytes(file.bytes, i18n.language)}</span>
        <button type="button" className="button button-small button-ghost" onClick={onChooseAnother}>
          {t('import.chooseAnother')}
        </button>
      </p>
      {preview.isError && <FormError message={describe(preview.error)} />}
      {!data && preview.isPending && <p role="status">{t('app.loading')}</p>}
      {data && (
        <>
          <ReadOptionsFields
            preview={data}
            overrides={read}
            onChange={(patch) => setRead((was) => ({ ...was, ...patch }))}
          />
          {data.rows.length === 0 ? (
            <p className="notice notice-warning">{t('import.noRows')}</p>
          ) : (
            <PreviewTable columns={data.columns} rows={data.rows} />
          )}
          <MappingFields
            columns={data.columns}
            mapping={mapping}
            showProblems={showProblems}
            onChange={(field, column) => setOverrides((was) => ({ ...was, [field]: column }))}
          />
          <TargetFields
            decks={decks}
            target={target}
            duplicates={duplicates}
            showProblems={showProblems}
            onTarget={setTarget}
            onDuplicates={setDuplicates}
          />
        </>
      )}
      <FormError message={failure} />
      <div className="actions actions-end">
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={!data} onClick={() => begin(false)}>
          <Icon name="check" size={18} />
          {t('import.checkFile')}
        </button>
      </div>
    </div>
  );
}
