import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../src-shared/domain/vocabulary';
import { useContractMutation } from '../hooks/useContractMutation';
import { useDescribeError } from '../hooks/useDescribeError';
import { useToast } from '../hooks/useToast';
import { emptyNoteDraft, noteFieldsOf, noteProblems, type NoteDraft } from '../lib/note-draft';
import { Dialog } from './Dialog';
import { FormError } from './FormError';
import { NoteForm } from './NoteForm';
import { SelectField } from './SelectField';

interface Props {
  decks: readonly Deck[];
  /** The deck preselected; the first deck when null. */
  deckId: string | null;
  onClose: () => void;
}

/** Adding words one after another, as Anki's Add window does: the form clears and stays open after each. */
export function AddNoteDialog({ decks, deckId, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [target, setTarget] = useState(deckId ?? decks[0]?.id ?? '');
  const [draft, setDraft] = useState<NoteDraft>(emptyNoteDraft);
  const [added, setAdded] = useState(0);
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useContractMutation('notes:create');
  const problems = noteProblems(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.term || problems.translation || !target) {
      setShowProblems(true);
      return;
    }
    setFailure(null);
    create.mutate(
      { deckId: target, ...noteFieldsOf(draft) },
      {
        onSuccess: ({ note }) => {
          toast.show(t('note.added', { term: note.term }));
          setDraft(emptyNoteDraft);
          setShowProblems(false);
          setAdded((count) => count + 1);
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <Dialog open onClose={onClose} title={t('note.addTitle')} size="wide">
      <form onSubmit={submit} noValidate className="stack">
        <SelectField
          label={t('note.deck')}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          options={decks.map((deck) => ({ value: deck.id, label: deck.fullName }))}
        />
        <NoteForm
          key={added}
          draft={draft}
          onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
          problems={showProblems ? problems : { term: null, translation: null }}
        />
        <FormError message={failure} />
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending || !target}>
            {t('note.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
