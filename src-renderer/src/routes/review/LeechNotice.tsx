import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';

/** Shown after a card lapsed once too often: it has been tagged as a leech (and maybe suspended). */
export function LeechNotice({ term, onDismiss }: { term: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning leech-notice" role="status">
      <Icon name="flag" />
      <p>{t('review.leech', { term })}</p>
      <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
