import type { Input } from '../../../src-shared/contract';

type SearchInput = Input<'browse:search'>;
export type SortKey = NonNullable<SearchInput['sort']>;
export type StateFilter = NonNullable<SearchInput['state']>;
export type DueFilter = NonNullable<SearchInput['due']>;

export interface BrowseFilters {
  deckId: string | null;
  state: StateFilter | null;
  tag: string;
  due: DueFilter | null;
  minLapses: string;
}

export interface BrowseSort {
  key: SortKey;
  descending: boolean;
}

export const PAGE_SIZE = 50;
export const noFilters: BrowseFilters = { deckId: null, state: null, tag: '', due: null, minLapses: '' };
export const stateFilters: readonly StateFilter[] = ['new', 'learning', 'review', 'suspended'];
export const dueFilters: readonly DueFilter[] = ['today', 'overdue'];

/** The search call for what the browser shows: tags as stored, an invalid lapse count left out. */
export function searchInput(query: string, filters: BrowseFilters, sort: BrowseSort, page: number): SearchInput {
  const lapses = Number(filters.minLapses);
  const tag = filters.tag.trim().toLowerCase().replace(/\s+/g, '_');
  return {
    query: query.trim(),
    deckId: filters.deckId,
    state: filters.state,
    tag: tag || null,
    due: filters.due,
    minLapses:
      filters.minLapses.trim() !== '' && Number.isInteger(lapses) && lapses >= 0 && lapses <= 999 ? lapses : null,
    sort: sort.key,
    descending: sort.descending,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  };
}
