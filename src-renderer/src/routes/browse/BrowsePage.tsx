import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddNoteDialog } from '../../components/AddNoteDialog';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { NoteEditorDialog } from '../../components/NoteEditorDialog';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useRowSelection } from '../../hooks/useRowSelection';
import { useToast } from '../../hooks/useToast';
import { noFilters, searchInput, type BrowseFilters as Filters, type BrowseSort } from '../../lib/browse-filters';
import { BrowseFilters } from './BrowseFilters';
import { BrowseTable } from './BrowseTable';
import { BulkActions, type BulkAction } from './BulkActions';
import { Pager } from './Pager';

const SEARCH_DELAY_MS = 200;

/** Every card, searchable as you type (accents optional), filtered, sorted, edited and changed in bulk. */
export function BrowsePage() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<BrowseSort>({ key: 'created', descending: true });
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const selection = useRowSelection();
  const decks = useContractQuery('decks:list', {});
  const settledQuery = useDebouncedValue(query, SEARCH_DELAY_MS);
  const settledTag = useDebouncedValue(filters.tag, SEARCH_DELAY_MS);
  const input = searchInput(settledQuery, { ...filters, tag: settledTag }, sort, page);
  const results = useContractQuery('browse:search', input, { placeholderData: keepPreviousData });
  const bulk = useContractMutation('browse:bulk');
  const undo = useContractMutation('browse:undo');
  const rows = results.data?.rows ?? [];
  const pageIds = rows.map((row) => row.cardId);

  const refine = (change: () => void) => {
    change();
    setPage(0);
  };

  const act = (action: BulkAction) =>
    bulk.mutate(
      { cardIds: [...selection.selected], action },
      {
        onSuccess: ({ affected, undoId }) => {
          selection.clear();
          toast.show(t(`browse.bulk.done.${action.kind}`, { count: affected }), 'success', {
            label: t('browse.bulk.undo'),
            onAction: () =>
              undo.mutate(
                { undoId },
                {
                  onSuccess: ({ restored }) => toast.show(t('browse.bulk.undone', { count: restored }), 'info'),
                  onError: (error) => toast.show(describe(error), 'error'),
                },
              ),
          });
        },
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );

  return (
    <div className="page page-wide browse-page">
      <header className="page-header page-header-row">
        <div>
          <h1 className="page-title">{t('browse.title')}</h1>
          <p className="page-subtitle">{t('browse.subtitle')}</p>
        </div>
        <button
          type="button"
          className="button button-primary"
          disabled={!decks.data?.decks.length}
          onClick={() => setAdding(true)}
        >
          <Icon name="plus" size={18} />
          {t('browse.addWord')}
        </button>
      </header>
      <div role="search" className="browse-search">
        <label htmlFor="browse-query" className="visually-hidden">
          {t('browse.search')}
        </label>
        <span className="search-box">
          <Icon name="search" size={18} />
          <input
            id="browse-query"
            type="search"
            className="input search-input"
            placeholder={t('browse.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => refine(() => setQuery(event.target.value))}
          />
        </span>
        <BrowseFilters
          decks={decks.data?.decks ?? []}
          filters={filters}
          onChange={(patch) => refine(() => setFilters((current) => ({ ...current, ...patch })))}
        />
      </div>
      {selection.selected.size > 0 && (
        <BulkActions
          count={selection.selected.size}
          decks={decks.data?.decks ?? []}
          busy={bulk.isPending}
          onAction={act}
          onClear={selection.clear}
        />
      )}
      {results.isError && <FormError message={describe(results.error)} />}
      <section className="panel panel-flush browse-results" aria-busy={results.isFetching}>
        {results.data && rows.length === 0 ? (
          <p className="empty-row">{t('browse.noResults')}</p>
        ) : (
          <div className="table-scroll">
            <BrowseTable
              rows={rows}
              selected={selection.selected}
              sort={sort}
              onSort={(next) => refine(() => setSort(next))}
              onToggle={(cardId, extend) => selection.toggle(pageIds, cardId, extend)}
              onTogglePage={(on) => selection.setPage(pageIds, on)}
              onEdit={(row) => setEditing(row.noteId)}
            />
          </div>
        )}
      </section>
      {results.data && <Pager page={page} total={results.data.total} onPage={setPage} />}
      <NoteEditorDialog noteId={editing} onClose={() => setEditing(null)} />
      {adding && decks.data && (
        <AddNoteDialog decks={decks.data.decks} deckId={filters.deckId} onClose={() => setAdding(false)} />
      )}
    </div>
  );
}
