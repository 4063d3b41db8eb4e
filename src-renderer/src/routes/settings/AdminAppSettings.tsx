import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../src-shared/domain/languages';
import type { AppSettings } from '../../../../src-shared/domain/settings';
import { CheckboxField } from '../../components/CheckboxField';
import { FormError } from '../../components/FormError';
import { SelectField } from '../../components/SelectField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { usePolicy } from '../../hooks/usePolicy';
import { useToast } from '../../hooks/useToast';
import { allowedUiLanguageOptions } from '../../lib/ui-language';

export function AdminAppSettings() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const app = useContractQuery('settings:getApp', {});
  const update = useContractMutation('settings:updateApp');
  const policy = usePolicy();
  const lockedNote = (key: keyof AppSettings) => (policy.isLocked(key) ? t('settings.lockedBySchool') : null);
  if (app.isPending) return <p className="field-hint">{t('app.loading')}</p>;
  if (app.isError) return <FormError message={describe(app.error)} />;
  const saved = app.data.settings;
  const shown = { ...saved, ...(update.isPending ? update.variables?.patch : {}) };
  const save = (patch: Partial<typeof saved>) =>
    update.mutate(
      { patch },
      { onSuccess: () => toast.show(t('settings.saved')), onError: (error) => toast.show(describe(error), 'error') },
    );

  return (
    <div className="subsection">
      <h3 className="subsection-title">{t('settings.admin.computerTitle')}</h3>
      <CheckboxField
        label={t('settings.admin.allowSelfService')}
        hint={t('settings.admin.allowSelfServiceHint')}
        checked={shown.allowSelfServiceProfiles}
        lockedNote={lockedNote('allowSelfServiceProfiles')}
        onChange={(event) => save({ allowSelfServiceProfiles: event.target.checked })}
      />
      <SelectField
        label={t('settings.admin.defaultUiLanguage')}
        hint={t('settings.admin.defaultUiLanguageHint')}
        options={allowedUiLanguageOptions(policy.allowedUiLanguages)}
        value={shown.defaultUiLanguage}
        lockedNote={lockedNote('defaultUiLanguage')}
        onChange={(event) => save({ defaultUiLanguage: event.target.value as UiLanguage })}
      />
    </div>
  );
}
