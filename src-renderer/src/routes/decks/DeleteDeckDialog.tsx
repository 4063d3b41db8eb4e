import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { subtreeOf } from '../../lib/deck-tree';

/** Deleting a deck with its subdecks; when it holds words, confirmed by typing its name. */
export function DeleteDeckDialog({
  decks,
  deck,
  onClose,
}: {
  decks: readonly Deck[];
  deck: Deck;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useContractMutation('decks:delete');
  const subtree = subtreeOf(decks, deck.id);
  const subdecks = subtree.size - 1;
  const cards = deck.counts.total;
  const needsTyping = decks.some((candidate) => subtree.has(candidate.id) && candidate.counts.total > 0);
  const confirmed = !needsTyping || typed.trim() === deck.name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirmed) return;
    setFailure(null);
    remove.mutate(
      { deckId: deck.id, confirmation: typed.trim() },
      {
        onSuccess: ({ deletedNotes }) => {
          toast.show(t('decks.deleted', { name: deck.name, count: deletedNotes }));
          onClose();
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <Dialog open onClose={onClose} title={t('decks.deleteTitle', { name: deck.name })}>
      <form onSubmit={submit} noValidate className="stack">
        <p>{needsTyping ? t('decks.deleteWithCards', { count: cards }) : t('decks.deleteEmpty')}</p>
        {subdecks > 0 && <p className="notice notice-warning">{t('decks.deleteSubdecks', { count: subdecks })}</p>}
        {needsTyping && (
          <TextField
            label={t('decks.deleteConfirm', { name: deck.name })}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
        <FormError message={failure} />
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose} autoFocus={!needsTyping}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={!confirmed || remove.isPending}>
            {t('decks.delete')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
