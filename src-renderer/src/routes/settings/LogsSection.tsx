import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { SettingsSection } from '../../components/SettingsSection';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';

/** Opens the logs folder; where the shell cannot (a browser), shows where it is. */
export function LogsSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const open = useContractMutation('app:openLogsFolder', {
    onSuccess: ({ opened }) => {
      if (opened) toast.show(t('settings.logs.opened'));
    },
  });
  const path = open.data && !open.data.opened ? open.data.path : null;

  return (
    <SettingsSection icon="folder" title={t('settings.logs.title')} description={t('settings.logs.description')}>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={open.isPending}
          onClick={() => open.mutate({}, { onError: (error) => toast.show(describe(error), 'error') })}
        >
          <Icon name="folder" />
          {t('settings.logs.open')}
        </button>
      </div>
      {path && (
        <div className="path-box" role="status">
          <p>{t('settings.logs.pathIntro')}</p>
          <code className="path">{path}</code>
        </div>
      )}
    </SettingsSection>
  );
}
