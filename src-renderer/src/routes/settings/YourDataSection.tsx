import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../src-shared/contract/profiles';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { ProgressBar } from '../../components/ProgressBar';
import { SettingsSection } from '../../components/SettingsSection';
import { useContractJob } from '../../hooks/useContractJob';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { formatBytes, formatDateTime } from '../../lib/format';
import { saveExport } from '../../lib/save-export';
import { DeleteProfileSection } from './DeleteProfileSection';

/** "Your data": backups (list, back up now, restore), the whole profile as one archive, and deleting the profile. */
export function YourDataSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  return (
    <>
      <SettingsSection icon="shield" title={t('data.title')} description={t('data.description')}>
        <BackupsPanel />
        <ProfileExport />
        <p className="field-hint">{t('data.deleteHint')}</p>
      </SettingsSection>
      <DeleteProfileSection profile={profile} />
    </>
  );
}

function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const list = useContractQuery('backups:list', {});
  const create = useContractMutation('backups:create', { onSuccess: () => toast.show(t('data.backups.made')) });
  const restore = useContractMutation('backups:restore', { onSuccess: () => window.location.reload() });
  const [confirming, setConfirming] = useState<string | null>(null);
  const backups = list.data?.backups ?? [];

  return (
    <div className="stack">
      <h3 className="subsection-title">{t('data.backups.title')}</h3>
      <p className="field-hint">{t('data.backups.hint')}</p>
      {list.isError && <FormError message={describe(list.error)} />}
      {backups.length === 0 ? (
        <p>{t('data.backups.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('data.backups.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.backups.when')}</th>
                <th scope="col">{t('data.backups.kind')}</th>
                <th scope="col">{t('data.backups.size')}</th>
                {list.data?.canRestore && <th scope="col"><span className="visually-hidden">{t('data.backups.restore')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.name}>
                  <td>{formatDateTime(b.createdAt, i18n.language)}</td>
                  <td>{t(`data.backups.kinds.${kindKey(b.kind)}`)}</td>
                  <td>{formatBytes(b.bytes, i18n.language)}</td>
                  {list.data?.canRestore && (
                    <td>
                      <button type="button" className="button button-small" onClick={() => setConfirming(b.name)}>
                        {t('data.backups.restore')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError message={create.error ? describe(create.error) : null} />
      <div className="actions">
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate({})}>
          <Icon name="download" size={18} />
          {create.isPending ? t('data.backups.making') : t('data.backups.now')}
        </button>
      </div>
      <Dialog open={confirming !== null} title={t('data.backups.confirmTitle')} onClose={() => setConfirming(null)}>
        <div className="stack">
          <p>{t('data.backups.confirmText', { when: confirming ? formatDateTime(backups.find((b) => b.name === confirming)?.createdAt ?? 0, i18n.language) : '' })}</p>
          <FormError message={restore.error ? describe(restore.error) : null} />
          <div className="actions actions-end">
            <button type="button" className="button button-ghost" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={restore.isPending}
              onClick={() => confirming && restore.mutate({ name: confirming, confirm: true })}
            >
              {restore.isPending ? t('data.backups.restoring') : t('data.backups.restoreConfirm')}
            </button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}

const KINDS = new Set(['daily', 'manual', 'replaced', 'damaged']);
type KindKey = 'daily' | 'manual' | 'replaced' | 'damaged' | 'upgrade' | 'other';
const kindKey = (kind: string): KindKey => (KINDS.has(kind) ? (kind as KindKey) : kind.startsWith('pre-migration') ? 'upgrade' : 'other');

function ProfileExport() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const [jobId, setJobId] = useState<string | null>(null);
  const saved = useRef(new Set<string>());
  const [failure, setFailure] = useState<string | null>(null);
  const start = useContractMutation('data:exportStart');
  const job = useContractJob('data:exportResult', jobId);
  const result = job.result;
  const file = result?.status === 'done' ? result.file : null;
  useEffect(() => {
    if (!file || saved.current.has(file.fileId)) return;
    saved.current.add(file.fileId);
    saveExport(file).then(
      () => toast.show(t('data.export.saved', { name: file.fileName })),
      (error: unknown) => setFailure(describe(error)),
    );
  }, [file, toast, t, describe]);
  const running = start.isPending || (jobId !== null && (!result || result.status === 'running'));
  return (
    <div className="stack">
      <h3 className="subsection-title">{t('data.export.title')}</h3>
      <p className="field-hint">{t('data.export.hint')}</p>
      {running && <ProgressBar label={t('data.export.running')} done={job.done} total={job.total} />}
      <FormError message={failure ?? (result?.status === 'failed' ? result.error : null)} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={running}
          onClick={() => start.mutate({}, { onSuccess: ({ jobId: id }) => setJobId(id), onError: (error) => setFailure(describe(error)) })}
        >
          <Icon name="download" size={18} />
          {t('data.export.start')}
        </button>
      </div>
    </div>
  );
}
