import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../src-shared/contract/sync';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { SettingsSection } from '../../components/SettingsSection';
import {
  credentialsComplete,
  MIN_PASSPHRASE_LENGTH,
  SyncCredentialsFields,
  type SyncCredentials,
} from '../../components/SyncCredentialsFields';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { formatDateTime } from '../../lib/format';

/** Sync with the companion server: sign in, passphrase, state, Sync now, change passphrase, sign out. */
export function SyncSection() {
  const { t } = useTranslation();
  // While a sync runs in the background the state changes without a call from this window: poll gently.
  const query = useContractQuery('sync:status', {}, { refetchInterval: 15_000 });
  if (!query.data) return null;
  const { status, policyServerUrl, serverUrlLocked } = query.data;
  return (
    <SettingsSection icon="sparkle" title={t('sync.title')} description={t('sync.description')}>
      {status.configured ? (
        <SyncLinked status={status} />
      ) : (
        <SyncSignIn defaultUrl={policyServerUrl ?? ''} urlLocked={serverUrlLocked && Boolean(policyServerUrl)} />
      )}
    </SettingsSection>
  );
}

function SyncSignIn({ defaultUrl, urlLocked }: { defaultUrl: string; urlLocked: boolean }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const [values, setValues] = useState<SyncCredentials>({
    serverUrl: defaultUrl,
    username: '',
    password: '',
    passphrase: '',
    removeOnSignOut: false,
  });
  const [failure, setFailure] = useState<string | null>(null);
  const configure = useContractMutation('sync:configure');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (values.passphrase.length < MIN_PASSPHRASE_LENGTH) return setFailure(t('sync.passphraseTooShort'));
    configure.mutate(
      { ...values, serverUrl: values.serverUrl.trim(), username: values.username.trim() },
      {
        onSuccess: () => {
          setValues((current) => ({ ...current, password: '', passphrase: '' }));
          toast.show(t('sync.linked'));
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <SyncCredentialsFields
        values={values}
        urlLocked={urlLocked}
        onChange={(patch) => setValues((current) => ({ ...current, ...patch }))}
      />
      <FormError message={failure} />
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={configure.isPending || !credentialsComplete(values)}
        >
          {configure.isPending ? t('sync.signingIn') : t('sync.signIn')}
        </button>
      </div>
    </form>
  );
}

function SyncLinked({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const now = useContractMutation('sync:now');
  const signOut = useContractMutation('sync:signOut');
  const [changing, setChanging] = useState(false);
  const syncing = status.state === 'syncing' || now.isPending;

  return (
    <div className="stack">
      <dl className="facts">
        <dt>{t('sync.server')}</dt>
        <dd>
          <code>{status.serverUrl}</code> · {status.username}
        </dd>
        <dt>{t('sync.stateLabel')}</dt>
        <dd role="status">{syncing ? t('sync.state.syncing') : t(`sync.state.${status.state}`)}</dd>
        <dt>{t('sync.lastSynced')}</dt>
        <dd>{status.lastSyncedAt ? formatDateTime(status.lastSyncedAt, i18n.language) : t('sync.never')}</dd>
        <dt>{t('sync.pending')}</dt>
        <dd>{t('sync.pendingCount', { count: status.pendingChanges })}</dd>
        {status.parkedChanges > 0 && (
          <>
            <dt>{t('sync.parked')}</dt>
            <dd>{t('sync.parkedCount', { count: status.parkedChanges })}</dd>
          </>
        )}
      </dl>
      {status.message && status.state !== 'syncing' && <FormError message={status.message} />}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={syncing}
          onClick={() => now.mutate({}, { onError: (error) => toast.show(describe(error), 'error') })}
        >
          <Icon name="undo" />
          {syncing ? t('sync.state.syncing') : t('sync.syncNow')}
        </button>
        <button type="button" className="button" aria-expanded={changing} onClick={() => setChanging((open) => !open)}>
          <Icon name="key" />
          {t('sync.changePassphrase')}
        </button>
        <button
          type="button"
          className="button"
          disabled={signOut.isPending}
          onClick={() =>
            signOut.mutate(
              { removeLocalCopy: status.removeOnSignOut },
              {
                onSuccess: () => toast.show(t('sync.signedOut')),
                onError: (error) => toast.show(describe(error), 'error'),
              },
            )
          }
        >
          <Icon name="signOut" />
          {status.removeOnSignOut ? t('sync.signOutAndRemove') : t('sync.signOut')}
        </button>
      </div>
      {changing && <ChangePassphrase onDone={() => setChanging(false)} />}
    </div>
  );
}

function ChangePassphrase({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const change = useContractMutation('sync:changePassphrase');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (next.length < 8) return setFailure(t('sync.passphraseTooShort'));
    if (next !== confirmation) return setFailure(t('sync.passphraseMismatch'));
    change.mutate(
      { current, next },
      {
        onSuccess: () => {
          toast.show(t('sync.passphraseChanged'));
          onDone();
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      <TextField
        label={t('sync.currentPassphrase')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <TextField
        label={t('sync.newPassphrase')}
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
      />
      <TextField
        label={t('sync.confirmPassphrase')}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={(e) => setConfirmation(e.target.value)}
      />
      <FormError message={failure} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={change.isPending || !current}>
          {t('sync.savePassphrase')}
        </button>
      </div>
    </form>
  );
}
