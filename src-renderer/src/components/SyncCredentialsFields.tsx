import { useTranslation } from 'react-i18next';
import { CheckboxField } from './CheckboxField';
import { TextField } from './TextField';

/** What signing in to a sync server asks for: the same on the profile picker (roaming) and in Settings. */
export interface SyncCredentials {
  serverUrl: string;
  username: string;
  password: string;
  passphrase: string;
  removeOnSignOut: boolean;
}

export const MIN_PASSPHRASE_LENGTH = 8;

/** Whether the form can be sent: the passphrase's length is checked on submit, with a message. */
export const credentialsComplete = (values: SyncCredentials) =>
  Boolean(values.serverUrl.trim() && values.username.trim() && values.password);

/** The sign-in fields, controlled: the form around them owns the values, the submit and its errors. */
export function SyncCredentialsFields({
  values,
  onChange,
  urlLocked,
}: {
  values: SyncCredentials;
  onChange: (patch: Partial<SyncCredentials>) => void;
  urlLocked: boolean;
}) {
  const { t } = useTranslation();
  const short = values.passphrase.length > 0 && values.passphrase.length < MIN_PASSPHRASE_LENGTH;
  return (
    <>
      <TextField
        label={t('sync.serverUrl')}
        hint={urlLocked ? t('sync.serverUrlLocked') : t('sync.serverUrlHint')}
        type="url"
        inputMode="url"
        placeholder="https://sync.example.org"
        value={values.serverUrl}
        readOnly={urlLocked}
        required
        onChange={(event) => onChange({ serverUrl: event.target.value })}
      />
      <TextField
        label={t('sync.username')}
        autoComplete="username"
        value={values.username}
        required
        onChange={(event) => onChange({ username: event.target.value })}
      />
      <TextField
        label={t('sync.password')}
        type="password"
        autoComplete="current-password"
        value={values.password}
        required
        onChange={(event) => onChange({ password: event.target.value })}
      />
      <TextField
        label={t('sync.passphrase')}
        hint={t('sync.passphraseHint')}
        error={short ? t('sync.passphraseTooShort') : null}
        type="password"
        autoComplete="off"
        value={values.passphrase}
        required
        onChange={(event) => onChange({ passphrase: event.target.value })}
      />
      <CheckboxField
        label={t('sync.removeOnSignOut')}
        hint={t('sync.removeOnSignOutHint')}
        checked={values.removeOnSignOut}
        onChange={(event) => onChange({ removeOnSignOut: event.target.checked })}
      />
    </>
  );
}
