import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../src-shared/domain/vocabulary';
import { useContractMutation } from '../hooks/useContractMutation';
import { useContractQuery } from '../hooks/useContractQuery';
import { useDescribeError } from '../hooks/useDescribeError';
import { useToast } from '../hooks/useToast';
import { draftOf, noteFieldsOf, noteProblems, type NoteDraft } from '../lib/note-draft';
import { Dialog } from './Dialog';
import { FormError } from './FormError';
import { NoteForm } from './NoteForm';

interface Props {
  /** The note to edit; null keeps the dialog closed. */
  noteId: string | null;
  onClose: () => void;
}

/** Edits one vocabulary note, from the review screen (E) or the browser (Enter or double-click). */
export function NoteEditorDialog({ noteId, onClose }: Props) {
  const { t } = useTranslation();
  const loaded = useContractQuery('notes:get', { noteId: noteId ?? '' }, { enabled: noteId !== null, staleTime: 0 });
  const note = noteId !== null && loaded.data?.note.id === noteId ? loaded.data.note : null;
  return (
    <Dialog open={noteId !== null} onClose={onClose} title={t('note.editTitle')} size="wide">
      {loaded.isError ? (
        <FormError message={t('note.loadFailed')} />
      ) : note ? (
        <NoteEditor key={note.id} note={note} onDone={onClose} />
      ) : (
        <p className="field-hint" role="status">
          {t('app.loading')}
        </p>
      )}
    </Dialog>
  );
}

function NoteEditor({ note, onDone }: { note: Note; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [draft, setDraft] = useState<NoteDraft>(() => draftOf(note));
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const update = useContractMutation('notes:update');
  const problems = noteProblems(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.term || problems.translation) {
      setShowProblems(true);
      return;
    }
    setFailure(null);
    update.mutate(
      { noteId: note.id, patch: noteFieldsOf(draft) },
      {
        onSuccess: () => {
          toast.show(t('note.saved'));
          onDone();
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <NoteForm
        draft={draft}
        onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
        problems={showProblems ? problems : { term: null, translation: null }}
      />
      <FormError message={failure} />
      <div className="actions actions-end">
        <button type="button" className="button button-ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('note.save')}
        </button>
      </div>
    </form>
  );
}
