import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { DeckParentSelect } from './DeckParentSelect';

/** Moving a deck (with its subdecks) under another deck or to the top level. */
export function MoveDeckDialog({ decks, deck, onClose }: { decks: readonly Deck[]; deck: Deck; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [parentId, setParentId] = useState<string | null>(deck.parentId);
  const [failure, setFailure] = useState<string | null>(null);
  const move = useContractMutation('decks:update');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    move.mutate(
      { deckId: deck.id, parentId },
      {
        onSuccess: ({ deck: moved }) => {
          toast.show(t('decks.moved', { name: moved.fullName }));
          onClose();
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <Dialog open onClose={onClose} title={t('decks.moveTitle', { name: deck.name })}>
      <form onSubmit={submit} noValidate className="stack">
        <DeckParentSelect
          label={t('decks.moveTo')}
          decks={decks}
          movingId={deck.id}
          value={parentId}
          onChange={setParentId}
        />
        <FormError message={failure} />
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={move.isPending || parentId === deck.parentId}
          >
            {t('decks.move')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
