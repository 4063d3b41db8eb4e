import { useTranslation } from 'react-i18next';
import type { SecretName } from '../../../../src-shared/contract/secrets';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { SettingsSection } from '../../components/SettingsSection';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { SecretRow } from './SecretRow';

/** Which keys are stored, never their values; a value can be replaced or cleared. */
export function SecretsSection() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const status = useContractQuery('secrets:status', {});
  const warning = status.data?.warning;
  const backend = status.data?.backend;

  return (
    <SettingsSection icon="key" title={t('settings.secrets.title')} description={t('settings.secrets.description')}>
      {status.isPending && <p className="field-hint">{t('app.loading')}</p>}
      {status.isError && <FormError message={describe(status.error)} />}
      {warning && (
        <p className="notice notice-warning">
          <Icon name="alert" />
          <span>
            {backend === 'basic_text' || backend === 'file' ? t(`settings.secrets.warnings.${backend}`) : warning}
          </span>
        </p>
      )}
      {status.data && (
        <ul className="secret-list">
          {status.data.secrets.map((secret) => (
            <SecretRow key={secret.name} name={secret.name as SecretName} isSet={secret.isSet} />
          ))}
        </ul>
      )}
    </SettingsSection>
  );
}
