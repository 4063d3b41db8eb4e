import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../src-shared/contract/profiles';
import type { UiLanguage } from '../../../../src-shared/domain/languages';
import type { ProfileSettings } from '../../../../src-shared/domain/settings';
import { CheckboxField } from '../../components/CheckboxField';
import { Icon, type IconName } from '../../components/Icon';
import { SelectField } from '../../components/SelectField';
import { SettingsSection } from '../../components/SettingsSection';
import { LockedNote } from '../../components/LockedNote';
import { useContractQuery } from '../../hooks/useContractQuery';
import { usePolicy } from '../../hooks/usePolicy';
import { useUpdateSettings } from '../../hooks/useUpdateSettings';
import {
  allowedUiLanguageOptions,
  allowsAutoUiLanguage,
  resolveUiLanguage,
  uiLanguageNames,
} from '../../lib/ui-language';

const themes = [
  { value: 'system', icon: 'monitor' },
  { value: 'light', icon: 'sun' },
  { value: 'dark', icon: 'moon' },
] as const satisfies readonly { value: ProfileSettings['theme']; icon: IconName }[];

/** Theme, interface language and motion: each change is saved at once. */
export function AppearanceSection({ profile, settings }: { profile: Profile; settings: ProfileSettings }) {
  const { t } = useTranslation();
  const name = useId();
  const themeLockedId = useId();
  const { save, shown } = useUpdateSettings(settings);
  const policy = usePolicy();
  const lockedNote = (key: keyof ProfileSettings) => (policy.isLocked(key) ? t('settings.lockedBySchool') : null);
  const themeLocked = policy.isLocked('theme');
  const appSettings = useContractQuery('settings:getApp', {});
  const automatic = resolveUiLanguage(
    'auto',
    profile.nativeLanguage,
    appSettings.data?.settings.defaultUiLanguage ?? 'en',
  );
  const languageOptions = [
    ...(allowsAutoUiLanguage(policy.allowedUiLanguages)
      ? [{ value: 'auto', label: t('settings.appearance.uiLanguageAuto', { language: uiLanguageNames[automatic] }) }]
      : []),
    ...allowedUiLanguageOptions(policy.allowedUiLanguages),
  ];

  return (
    <SettingsSection icon="sun" title={t('settings.appearance.title')}>
      <div className="stack">
        <fieldset className="choice-group" disabled={themeLocked}>
          <legend className="field-label">{t('settings.appearance.theme')}</legend>
          <div className="segmented">
            {themes.map((theme) => (
              <label key={theme.value} className="segment">
                <input
                  type="radio"
                  name={name}
                  value={theme.value}
                  checked={shown.theme === theme.value}
                  aria-describedby={themeLocked ? themeLockedId : undefined}
                  onChange={() => save({ theme: theme.value })}
                />
                <span className="segment-body">
                  <Icon name={theme.icon} />
                  {t(`settings.appearance.themes.${theme.value}`)}
                </span>
              </label>
            ))}
          </div>
          {themeLocked && <LockedNote id={themeLockedId} text={t('settings.lockedBySchool')} />}
        </fieldset>
        <SelectField
          label={t('settings.appearance.uiLanguage')}
          hint={t('settings.appearance.uiLanguageHint')}
          options={languageOptions}
          value={shown.uiLanguage}
          lockedNote={lockedNote('uiLanguage')}
          onChange={(event) => save({ uiLanguage: event.target.value as UiLanguage | 'auto' })}
        />
        <CheckboxField
          label={t('settings.appearance.reduceMotion')}
          hint={t('settings.appearance.reduceMotionHint')}
          checked={shown.reduceMotion}
          lockedNote={lockedNote('reduceMotion')}
          onChange={(event) => save({ reduceMotion: event.target.checked })}
        />
      </div>
    </SettingsSection>
  );
}
