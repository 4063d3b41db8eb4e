import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../src-shared/contract';
import { FocusHeading } from '../../components/FocusHeading';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { useContractJob } from '../../hooks/useContractJob';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useFileUpload } from '../../hooks/useFileUpload';
import { formatBytes } from '../../lib/format';
import type { UploadedFile } from '../../lib/upload';
import { AnkiExportPanel } from './anki/AnkiExportPanel';
import { AnkiImportResult } from './anki/AnkiImportResult';
import { NoteTypeMapping, type FieldMapping } from './anki/NoteTypeMapping';
import { JobProgress } from './import/JobProgress';

type Choices = Record<string, { mapping: FieldMapping; skip: boolean }>;

/** Anki decks in and out: pick a package, check the preview and the mapping, import with progress; export. */
export function AnkiImportPage() {
  const { t } = useTranslation();
  const decks = useContractQuery('decks:list', {});
  const [file, setFile] = useState<UploadedFile | null>(null);
  return (
    <div className="page anki-page">
      <header className="page-header">
        <h1 className="page-title">{t('data.anki.title')}</h1>
        <p className="page-subtitle">{t('data.anki.subtitle')}</p>
      </header>
      <section className="panel stack" aria-labelledby="anki-import-title">
        <h2 id="anki-import-title" className="subsection-title">
          {t('data.anki.importTitle')}
        </h2>
        {file ? <AnkiImport key={file.fileId} file={file} onReset={() => setFile(null)} /> : <PackagePicker onUploaded={setFile} />}
      </section>
      <AnkiExportPanel decks={decks.data?.decks ?? []} />
    </div>
  );
}

function PackagePicker({ onUploaded }: { onUploaded: (file: UploadedFile) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const id = useId();
  const { upload, progress, error } = useFileUpload();
  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    const uploaded = await upload(picked);
    if (uploaded) onUploaded(uploaded);
  };
  return (
    <div className="stack">
      <p>{t('data.anki.intro')}</p>
      <div className="file-pick">
        <Icon name="upload" size={28} />
        <label htmlFor={id} className="field-label">
          {t('data.anki.chooseFile')}
        </label>
        <input
          id={id}
          type="file"
          className="file-input"
          accept=".apkg,.colpkg,application/zip"
          disabled={progress !== null}
          onChange={(event) => void pick(event.target.files?.[0])}
        />
      </div>
      {progress && <ProgressBar label={t('import.uploading', { name: progress.name })} done={progress.sent} total={progress.total} />}
      <FormError message={error ? describe(error) : null} />
    </div>
  );
}

function AnkiImport({ file, onReset }: { file: UploadedFile; onReset: () => void }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const inspection = useContractQuery('anki:inspect', { fileId: file.fileId }, { staleTime: Infinity });
  const [choices, setChoices] = useState<Choices>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const start = useContractMutation('anki:importStart');
  const cancel = useContractMutation('anki:cancel');
  const job = useContractJob('anki:importResult', jobId);
  const data = inspection.data;

  /** The learner's changes over the suggestion; a note type without fields is left out. */
  const choiceOf = (nt: NonNullable<typeof data>['noteTypes'][number]) => choices[nt.id] ?? { mapping: nt.suggestedMapping, skip: nt.fields.length === 0 };

  if (job.result && job.result.status !== 'running') return <AnkiImportResult result={job.result} onAgain={onReset} />;
  if (jobId || start.isPending) {
    return (
      <div className="stack">
        <FocusHeading>{t('data.anki.importingTitle')}</FocusHeading>
        <JobProgress
          label={t('data.anki.importing', { name: file.fileName })}
          done={job.done}
          total={job.total}
          cancelling={cancel.isPending || cancel.isSuccess}
          onCancel={() => jobId && cancel.mutate({ jobId }, { onError: (error) => setFailure(describe(error)) })}
        />
        <FormError message={failure} />
      </div>
    );
  }

  const begin = () => {
    if (!data) return;
    const mappings: Input<'anki:importStart'>['mappings'] = data.noteTypes.map((nt) => ({
      noteTypeId: nt.id,
      mapping: choiceOf(nt).mapping,
      skip: choiceOf(nt).skip,
    }));
    setFailure(null);
    start.mutate({ fileId: file.fileId, mappings }, { onSuccess: ({ jobId: id }) => setJobId(id), onError: (error) => setFailure(describe(error)) });
  };
  const missingTerm = data?.noteTypes.some((nt) => !choiceOf(nt).skip && choiceOf(nt).mapping.term === null && choiceOf(nt).mapping.translation === null);

  return (
    <div className="stack">
      <p className="file-summary">
        <Icon name="folder" size={18} />
        <span className="file-name">{file.fileName}</span>
        <span className="field-hint">{formatBytes(file.bytes, i18n.language)}</span>
        <button type="button" className="button button-small button-ghost" onClick={onReset}>
          {t('import.chooseAnother')}
        </button>
      </p>
      {inspection.isPending && <p role="status">{t('app.loading')}</p>}
      {inspection.isError && <FormError message={describe(inspection.error)} />}
      {data && (
        <>
          <p role="status">{t('data.anki.summary', { notes: data.notes, cards: data.cards, reviews: data.reviews, media: data.media })}</p>
          {data.noteTypes.map((nt) => {
            const choice = choiceOf(nt);
            const update = (patch: Partial<Choices[string]>) => setChoices((was) => ({ ...was, [nt.id]: { ...choice, ...patch } }));
            return (
              <NoteTypeMapping
                key={nt.id}
                noteType={nt}
                mapping={choice.mapping}
                skip={choice.skip}
                onSkip={(skip) => update({ skip })}
                onMapping={(field, index) => update({ mapping: { ...choice.mapping, [field]: index } })}
              />
            );
          })}
          {missingTerm && <p className="notice notice-warning">{t('data.anki.needsTerm')}</p>}
        </>
      )}
      <FormError message={failure} />
      <div className="actions actions-end">
        <button type="button" className="button button-primary" disabled={!data || missingTerm} onClick={begin}>
          <Icon name="download" size={18} />
          {t('data.anki.import')}
        </button>
      </div>
    </div>
  );
}
