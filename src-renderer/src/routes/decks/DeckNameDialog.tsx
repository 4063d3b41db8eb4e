import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { DeckParentSelect } from './DeckParentSelect';

interface Props {
  decks: readonly Deck[];
  /** The deck to rename, or null to create one. */
  deck: Deck | null;
  onClose: () => void;
}

const MAX_NAME = 120;

/** Creating a deck (name and where it goes) or renaming one. Mounted only while open. */
export function DeckNameDialog({ decks, deck, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [name, setName] = useState(deck?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(null);
  const [showProblem, setShowProblem] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useContractMutation('decks:create');
  const rename = useContractMutation('decks:update');
  const pending = create.isPending || rename.isPending;
  const trimmed = name.trim();
  const problem = !trimmed
    ? t('decks.problems.nameRequired')
    : trimmed.includes('::')
      ? t('decks.problems.separator')
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblem(true);
    if (problem) return;
    setFailure(null);
    const onError = (error: unknown) => setFailure(describe(error));
    const done = (message: string) => {
      toast.show(message);
      onClose();
    };
    if (deck) {
      rename.mutate(
        { deckId: deck.id, name: trimmed },
        { onSuccess: () => done(t('decks.renamed', { name: trimmed })), onError },
      );
    } else {
      create.mutate(
        { name: trimmed, parentId },
        { onSuccess: () => done(t('decks.created', { name: trimmed })), onError },
      );
    }
  };

  return (
    <Dialog open onClose={onClose} title={deck ? t('decks.renameTitle', { name: deck.name }) : t('decks.createTitle')}>
      <form onSubmit={submit} noValidate className="stack">
        <TextField
          label={t('decks.name')}
          value={name}
          autoFocus
          maxLength={MAX_NAME}
          onChange={(event) => setName(event.target.value)}
          error={showProblem ? problem : null}
        />
        {!deck && (
          <DeckParentSelect
            label={t('decks.parent')}
            decks={decks}
            movingId={null}
            value={parentId}
            onChange={setParentId}
          />
        )}
        <FormError message={failure} />
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pending}>
            {deck ? t('decks.rename') : t('decks.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
