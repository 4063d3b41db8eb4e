import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import type { BrowseSort, SortKey } from '../../lib/browse-filters';

interface Props {
  label: string;
  sortKey: SortKey;
  sort: BrowseSort;
  onSort: (sort: BrowseSort) => void;
  className?: string;
}

/** A column header that sorts by its column; pressing it again reverses the order. */
export function SortHeader({ label, sortKey, sort, onSort, className }: Props) {
  const { t } = useTranslation();
  const active = sort.key === sortKey;
  const direction = active ? (sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <th scope="col" aria-sort={direction} className={className}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort({ key: sortKey, descending: active ? !sort.descending : false })}
      >
        {label}
        {active && <Icon name={sort.descending ? 'chevronDown' : 'chevronUp'} size={16} />}
        <span className="visually-hidden">{active ? t(`browse.sortedBy.${direction}`) : t('browse.sortBy')}</span>
      </button>
    </th>
  );
}
