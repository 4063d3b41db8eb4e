import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { AddNoteDialog } from '../../components/AddNoteDialog';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { downloadTextFile } from '../../lib/download';
import { DeckNameDialog } from './DeckNameDialog';
import { DeckTable, type DeckAction } from './DeckTable';
import { DeleteDeckDialog } from './DeleteDeckDialog';
import { ImportDialog } from './import/ImportDialog';
import { MoveDeckDialog } from './MoveDeckDialog';
import { DeckOptionsDialog } from './options/DeckOptionsDialog';
import { StarterDecksDialog } from './StarterDecksDialog';

type OpenDialog =
  | { kind: 'create' }
  | { kind: 'starters' }
  | { kind: 'import'; deck: Deck | null }
  | { kind: 'rename' | 'move' | 'delete' | 'options' | 'addWord'; deck: Deck };

/** The learner's decks: study, create, organise, import and export, and each deck's options. */
export function DecksPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const list = useContractQuery('decks:list', {});
  const exportCsv = useContractMutation('decks:exportCsv');
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const decks = list.data?.decks ?? [];
  const close = () => setDialog(null);

  const onAction = (action: DeckAction, deck: Deck) => {
    if (action !== 'export') return setDialog(action === 'import' ? { kind: 'import', deck } : { kind: action, deck });
    exportCsv.mutate(
      { deckId: deck.id },
      {
        onSuccess: ({ fileName, csv, rows }) => {
          downloadTextFile(fileName, csv);
          toast.show(t('decks.exported', { count: rows, name: fileName }));
        },
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );
  };

  return (
    <div className="page decks-page">
      <header className="page-header page-header-row">
        <div>
          <h1 className="page-title">{t('decks.title')}</h1>
          <p className="page-subtitle">{t('decks.subtitle')}</p>
        </div>
        <div className="actions">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'starters' })}>
            <Icon name="sparkle" size={18} />
            {t('decks.addStarter')}
          </button>
          <button type="button" className="button" onClick={() => setDialog({ kind: 'import', deck: null })}>
            <Icon name="upload" size={18} />
            {t('decks.import')}
          </button>
          <Link className="button" to="/decks/anki">
            <Icon name="decks" size={18} />
            {t('data.anki.openPage')}
          </Link>
          <button type="button" className="button button-primary" onClick={() => setDialog({ kind: 'create' })}>
            <Icon name="plus" size={18} />
            {t('decks.new')}
          </button>
        </div>
      </header>
      {list.isPending ? (
        <LoadingScreen />
      ) : list.isError ? (
        <FormError message={describe(list.error)} />
      ) : decks.length === 0 ? (
        <section className="panel empty-state">
          <Icon name="decks" size={32} />
          <h2>{t('decks.emptyTitle')}</h2>
          <p>{t('decks.emptyText')}</p>
        </section>
      ) : (
        <section className="panel panel-flush">
          <DeckTable decks={decks} onAction={onAction} />
        </section>
      )}
      {dialog?.kind === 'create' && <DeckNameDialog decks={decks} deck={null} onClose={close} />}
      {dialog?.kind === 'rename' && <DeckNameDialog decks={decks} deck={dialog.deck} onClose={close} />}
      {dialog?.kind === 'move' && <MoveDeckDialog decks={decks} deck={dialog.deck} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteDeckDialog decks={decks} deck={dialog.deck} onClose={close} />}
      {dialog?.kind === 'options' && <DeckOptionsDialog decks={decks} deck={dialog.deck} onClose={close} />}
      {dialog?.kind === 'starters' && <StarterDecksDialog onClose={close} />}
      {dialog?.kind === 'addWord' && <AddNoteDialog decks={decks} deckId={dialog.deck.id} onClose={close} />}
      {dialog?.kind === 'import' && <ImportDialog decks={decks} deckId={dialog.deck?.id ?? null} onClose={close} />}
    </div>
  );
}
