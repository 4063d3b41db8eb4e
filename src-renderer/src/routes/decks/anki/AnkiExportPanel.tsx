import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../../src-shared/domain/vocabulary';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { SelectField } from '../../../components/SelectField';
import { useContractJob } from '../../../hooks/useContractJob';
import { useContractMutation } from '../../../hooks/useContractMutation';
import { useDescribeError } from '../../../hooks/useDescribeError';
import { useToast } from '../../../hooks/useToast';
import { saveExport } from '../../../lib/save-export';
import { JobProgress } from '../import/JobProgress';

const ALL = '';

/** A deck (with the decks inside it) or everything, as an .apkg Anki opens. */
export function AnkiExportPanel({ decks }: { decks: readonly Deck[] }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const [deckId, setDeckId] = useState(ALL);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const start = useContractMutation('anki:exportStart');
  const cancel = useContractMutation('anki:cancel');
  const job = useContractJob('anki:exportResult', jobId);
  const saved = useRef(new Set<string>());
  const result = job.result;
  const file = result?.status === 'done' ? result.file : null;
  const notes = result?.notes ?? 0;
  useEffect(() => {
    if (!file || saved.current.has(file.fileId)) return;
    saved.current.add(file.fileId);
    saveExport(file, 'application/octet-stream').then(
      () => toast.show(t('data.anki.exported', { name: file.fileName, count: notes })),
      (error: unknown) => setFailure(describe(error)),
    );
  }, [file, notes, toast, t, describe]);
  const running = start.isPending || (jobId !== null && (!result || result.status === 'running'));

  const begin = () => {
    setFailure(null);
    start.mutate(
      { scope: deckId === ALL ? { kind: 'all' } : { kind: 'deck', deckId } },
      { onSuccess: ({ jobId: id }) => setJobId(id), onError: (error) => setFailure(describe(error)) },
    );
  };

  return (
    <section className="panel stack" aria-labelledby="anki-export-title">
      <h2 id="anki-export-title" className="subsection-title">
        {t('data.anki.exportTitle')}
      </h2>
      <p className="field-hint">{t('data.anki.exportHint')}</p>
      <SelectField
        label={t('data.anki.exportWhat')}
        value={deckId}
        disabled={running}
        onChange={(event) => setDeckId(event.target.value)}
        options={[{ value: ALL, label: t('data.anki.allDecks') }, ...decks.map((d) => ({ value: d.id, label: d.fullName }))]}
      />
      {running ? (
        <JobProgress
          label={t('data.anki.exporting')}
          done={job.done}
          total={job.total}
          cancelling={cancel.isPending}
          onCancel={() => jobId && cancel.mutate({ jobId })}
        />
      ) : (
        <div className="actions actions-end">
          <button type="button" className="button button-primary" onClick={begin}>
            <Icon name="download" size={18} />
            {t('data.anki.export')}
          </button>
        </div>
      )}
      {result && result.status === 'failed' && <FormError message={result.error} />}
      <FormError message={failure} />
    </section>
  );
}
