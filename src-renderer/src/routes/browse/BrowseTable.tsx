import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../src-shared/contract';
import { formatDate } from '../../lib/format';
import type { BrowseSort } from '../../lib/browse-filters';
import { SortHeader } from './SortHeader';

export type BrowseRow = Output<'browse:search'>['rows'][number];

interface Props {
  rows: readonly BrowseRow[];
  selected: ReadonlySet<string>;
  sort: BrowseSort;
  onSort: (sort: BrowseSort) => void;
  onToggle: (cardId: string, extend: boolean) => void;
  onTogglePage: (on: boolean) => void;
  onEdit: (row: BrowseRow) => void;
}

const stateKey = (row: BrowseRow) =>
  row.suspended ? 'suspended' : (['new', 'learning', 'review', 'relearning'] as const)[row.state];

/** One page of cards: select with the checkboxes (shift for a range), Enter or double-click to edit a note. */
export function BrowseTable({ rows, selected, sort, onSort, onToggle, onTogglePage, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const selectAll = useRef<HTMLInputElement>(null);
  const onPage = rows.filter((row) => selected.has(row.cardId)).length;
  const allOnPage = rows.length > 0 && onPage === rows.length;

  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = onPage > 0 && !allOnPage;
  }, [onPage, allOnPage]);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, row: BrowseRow) => {
    if (event.target !== event.currentTarget) return;
    const sibling =
      event.key === 'ArrowDown'
        ? event.currentTarget.nextElementSibling
        : event.key === 'ArrowUp'
          ? event.currentTarget.previousElementSibling
          : null;
    if (event.key === 'Enter') onEdit(row);
    else if (event.key === ' ') onToggle(row.cardId, event.shiftKey);
    else if (sibling instanceof HTMLElement) sibling.focus();
    else return;
    event.preventDefault();
  };

  const onRowDoubleClick = (event: MouseEvent, row: BrowseRow) => {
    if (!(event.target as Element).closest('input, button')) onEdit(row);
  };

  return (
    <table className="data-table browse-table">
      <caption className="visually-hidden">{t('browse.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="select-cell">
            <input
              ref={selectAll}
              type="checkbox"
              className="checkbox"
              aria-label={t('browse.selectPage')}
              checked={allOnPage}
              disabled={rows.length === 0}
              onChange={(event) => onTogglePage(event.target.checked)}
            />
          </th>
          <SortHeader label={t('browse.columns.term')} sortKey="term" sort={sort} onSort={onSort} />
          <th scope="col">{t('browse.columns.translation')}</th>
          <th scope="col">{t('browse.columns.card')}</th>
          <th scope="col">{t('browse.columns.deck')}</th>
          <th scope="col">{t('browse.columns.state')}</th>
          <SortHeader label={t('browse.columns.due')} sortKey="due" sort={sort} onSort={onSort} />
          <SortHeader
            label={t('browse.columns.lapses')}
            sortKey="lapses"
            sort={sort}
            onSort={onSort}
            className="number-cell"
          />
          <SortHeader label={t('browse.columns.added')} sortKey="created" sort={sort} onSort={onSort} />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const isSelected = selected.has(row.cardId);
          const state = stateKey(row);
          return (
            <tr
              key={row.cardId}
              tabIndex={0}
              className={isSelected ? 'browse-row selected' : 'browse-row'}
              aria-label={t('browse.rowLabel', { term: row.term, translation: row.translation })}
              onKeyDown={(event) => onRowKey(event, row)}
              onDoubleClick={(event) => onRowDoubleClick(event, row)}
            >
              <td className="select-cell">
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label={t('browse.selectRow', { term: row.term, kind: t(`browse.kinds.${row.kind}`) })}
                  checked={isSelected}
                  onChange={(event) => onToggle(row.cardId, (event.nativeEvent as PointerEvent).shiftKey)}
                />
              </td>
              <td className="term-cell">{row.term}</td>
              <td>{row.translation}</td>
              <td className="muted-cell">{t(`browse.kinds.${row.kind}`)}</td>
              <td className="muted-cell deck-cell" title={row.deckName}>
                {row.deckName}
              </td>
              <td>
                <span className={`state-pill state-${state}`}>{t(`browse.states.${state}`)}</span>
              </td>
              <td className="muted-cell">{row.state === 0 ? '—' : formatDate(row.due, i18n.language)}</td>
              <td className="number-cell">{row.lapses}</td>
              <td className="muted-cell">{formatDate(row.createdAt, i18n.language)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
