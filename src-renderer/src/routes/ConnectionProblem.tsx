import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand';
import { Icon } from '../components/Icon';
import { useDescribeError } from '../hooks/useDescribeError';
import type { ApiError } from '../lib/api-error';

/** When the core cannot be reached at all, or this tab's address has no valid token. */
export function ConnectionProblem({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const needsAddress = error.transportProblem === 'token';
  return (
    <div className="welcome-layout">
      <header className="welcome-header">
        <Brand />
      </header>
      <main id="main" className="welcome-main">
        <section className="panel narrow-panel problem-panel" aria-labelledby="connection-title">
          <span className="problem-icon">
            <Icon name="alert" size={28} />
          </span>
          <h1 id="connection-title">{needsAddress ? t('connection.tokenTitle') : t('connection.title')}</h1>
          <p>{describe(error)}</p>
          {!needsAddress && (
            <div className="actions">
              <button type="button" className="button button-primary" onClick={onRetry}>
                {t('common.retry')}
              </button>
            </div>
          )}
        </section>
      </main>
    </div>
  );
}
