import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupProblem as Problem } from '../../../src-shared/contract/app';
import { Brand } from '../components/Brand';
import { FormError } from '../components/FormError';
import { Icon } from '../components/Icon';
import { useContractMutation } from '../hooks/useContractMutation';
import { useDescribeError } from '../hooks/useDescribeError';
import { useToast } from '../hooks/useToast';
import { formatBytes, formatDateTime } from '../lib/format';

/** Shown instead of everything else when the database is damaged, unreadable, or from a newer Parley. */
export function StartupProblem({ problem }: { problem: Problem }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const [failure, setFailure] = useState<string | null>(null);
  const restore = useContractMutation('app:restoreBackup', {
    onSuccess: ({ restored, setAside }) =>
      toast.show(
        setAside
          ? t('startup.restoredAside', { name: restored, aside: setAside })
          : t('startup.restored', { name: restored }),
      ),
  });
  const canRestore = problem.kind !== 'too_new';
  const backups = [...problem.backups].sort((a, b) => b.createdAt - a.createdAt);
  const latest = backups[0];

  return (
    <div className="welcome-layout">
      <header className="welcome-header">
        <Brand />
      </header>
      <main id="main" className="welcome-main">
        <section className="panel problem-panel" aria-labelledby="startup-title">
          <span className="problem-icon">
            <Icon name="alert" size={28} />
          </span>
          <h1 id="startup-title">{problem.kind === 'too_new' ? t('startup.tooNewTitle') : t('startup.title')}</h1>
          <p className="lead">{problem.kind === 'too_new' ? t('startup.tooNewHelp') : t('startup.damagedHelp')}</p>
          <div className="core-message">
            <h2 className="small-heading">{t('startup.reported')}</h2>
            <p>{problem.message}</p>
          </div>
          {canRestore && (
            <>
              <h2 className="section-heading">{t('startup.backupsTitle')}</h2>
              {latest ? (
                <>
                  <ul className="backup-list">
                    {backups.map((backup) => (
                      <li key={backup.name} className="backup-item">
                        <span className="backup-name">
                          {backup.name} {backup === latest && <span className="tag">{t('startup.latest')}</span>}
                        </span>
                        <span className="backup-meta">
                          {formatDateTime(backup.createdAt, i18n.language)} · {formatBytes(backup.bytes, i18n.language)}
                        </span>
                      </li>
                    ))}
                  </ul>
                  <p className="field-hint">{t('startup.keptAside')}</p>
                  <FormError message={failure} />
                  <div className="actions">
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={restore.isPending}
                      onClick={() => {
                        setFailure(null);
                        restore.mutate({ name: latest.name }, { onError: (error) => setFailure(describe(error)) });
                      }}
                    >
                      {restore.isPending ? t('startup.restoring') : t('startup.restoreLatest')}
                    </button>
                  </div>
                </>
              ) : (
                <p>{t('startup.noBackups')}</p>
              )}
            </>
          )}
        </section>
      </main>
    </div>
  );
}
