import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../../src-shared/domain/vocabulary';
import { Dialog } from '../../../components/Dialog';
import { useContractMutation } from '../../../hooks/useContractMutation';
import type { UploadedFile } from '../../../lib/upload';
import { FileStep } from './FileStep';
import { ImportSetup } from './ImportSetup';

interface Props {
  decks: readonly Deck[];
  /** The deck the words go to by default; null offers a new deck named after the file. */
  deckId: string | null;
  onClose: () => void;
}

/** Importing a CSV or TSV word list. Closing it while a check or import runs cancels that run. */
export function ImportDialog({ decks, deckId, onClose }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const runningJob = useRef<string | null>(null);
  const cancel = useContractMutation('import:cancel');
  const onRunningJob = useCallback((jobId: string | null) => {
    runningJob.current = jobId;
  }, []);

  const close = () => {
    if (runningJob.current) cancel.mutate({ jobId: runningJob.current });
    onClose();
  };

  return (
    <Dialog open onClose={close} title={t('import.title')} size="wide">
      {file ? (
        <ImportSetup
          file={file}
          decks={decks}
          initialDeckId={deckId}
          onRunningJob={onRunningJob}
          onChooseAnother={() => setFile(null)}
          onClose={close}
        />
      ) : (
        <FileStep onUploaded={setFile} />
      )}
    </Dialog>
  );
}
