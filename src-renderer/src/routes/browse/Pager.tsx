import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { PAGE_SIZE } from '../../lib/browse-filters';

interface Props {
  page: number;
  total: number;
  onPage: (page: number) => void;
}

/** "51–100 of 320" with the previous and next pages. */
export function Pager({ page, total, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const first = total === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);
  return (
    <nav className="pager" aria-label={t('browse.pages')}>
      <p className="pager-range" aria-live="polite">
        {t('browse.range', {
          first: number.format(first),
          last: number.format(last),
          total: number.format(total),
          count: total,
        })}
      </p>
      <div className="actions">
        <button type="button" className="button button-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
          <Icon name="arrowLeft" size={16} />
          {t('browse.previous')}
        </button>
        <button type="button" className="button button-small" disabled={last >= total} onClick={() => onPage(page + 1)}>
          {t('browse.next')}
          <Icon name="arrowRight" size={16} />
        </button>
      </div>
    </nav>
  );
}
