import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export function ErrorFallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const { reset } = useQueryErrorResetBoundary();
  return (
    <div className="panel error-fallback" role="alert">
      <span className="error-fallback-icon">
        <Icon name="alert" size={28} />
      </span>
      <h2>{t('boundary.title')}</h2>
      <p>{t('boundary.body')}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            reset();
            onRetry();
          }}
        >
          {t('boundary.retry')}
        </button>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('boundary.reload')}
        </button>
      </div>
    </div>
  );
}
