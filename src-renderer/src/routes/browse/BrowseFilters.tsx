import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import {
  dueFilters,
  stateFilters,
  type BrowseFilters as Filters,
  type DueFilter,
  type StateFilter,
} from '../../lib/browse-filters';

interface Props {
  decks: readonly Deck[];
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}

const ANY = '';

/** Narrowing the search: deck, state, tag, due and lapses. */
export function BrowseFilters({ decks, filters, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filter-row">
      <SelectField
        label={t('browse.filters.deck')}
        value={filters.deckId ?? ANY}
        onChange={(event) => onChange({ deckId: event.target.value || null })}
        options={[
          { value: ANY, label: t('browse.filters.allDecks') },
          ...decks.map((deck) => ({ value: deck.id, label: deck.fullName })),
        ]}
      />
      <SelectField
        label={t('browse.filters.state')}
        value={filters.state ?? ANY}
        onChange={(event) => onChange({ state: (event.target.value || null) as StateFilter | null })}
        options={[
          { value: ANY, label: t('browse.filters.any') },
          ...stateFilters.map((state) => ({ value: state, label: t(`browse.states.${state}`) })),
        ]}
      />
      <SelectField
        label={t('browse.filters.due')}
        value={filters.due ?? ANY}
        onChange={(event) => onChange({ due: (event.target.value || null) as DueFilter | null })}
        options={[
          { value: ANY, label: t('browse.filters.any') },
          ...dueFilters.map((due) => ({ value: due, label: t(`browse.filters.dues.${due}`) })),
        ]}
      />
      <TextField
        label={t('browse.filters.tag')}
        value={filters.tag}
        spellCheck={false}
        maxLength={60}
        onChange={(event) => onChange({ tag: event.target.value })}
      />
      <TextField
        label={t('browse.filters.minLapses')}
        type="number"
        inputMode="numeric"
        min={0}
        max={999}
        value={filters.minLapses}
        onChange={(event) => onChange({ minLapses: event.target.value })}
      />
    </div>
  );
}
