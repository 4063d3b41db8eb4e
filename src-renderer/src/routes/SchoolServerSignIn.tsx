import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CheckboxField } from '../components/CheckboxField';
import { FormError } from '../components/FormError';
import { Icon } from '../components/Icon';
import { TextField } from '../components/TextField';
import { useContractMutation } from '../hooks/useContractMutation';
import { useContractQuery } from '../hooks/useContractQuery';
import { useDescribeError } from '../hooks/useDescribeError';
import { useJobProgress } from '../hooks/useJobProgress';

/**
 * "Sign in with the school server" on the profile picker: the learner's profile comes down from the sync server
 * and this window signs in to it. Offered when the machine policy names a school server, or on request; on a
 * computer without profiles, the first-run onboarding links here (`/school-sign-in`).
 */
export function SchoolServerSignIn({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const school = useContractQuery('sync:schoolServer', {});
  const roam = useContractMutation('sync:roam');
  const navigate = useNavigate();
  const [open, setOpen] = useState(initiallyOpen);
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [shared, setShared] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useJobProgress(jobId, () => undefined);
  if (!school.data) return null;
  const locked = school.data.locked && Boolean(school.data.serverUrl);
  const url = serverUrl ?? school.data.serverUrl ?? '';

  if (!open) {
    return (
      <div className="actions centered">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          <Icon name="user" />
          {t('sync.school.open')}
        </button>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (passphrase.length < 8) return setFailure(t('sync.passphraseTooShort'));
    const id = `roam-${Date.now()}`;
    setJobId(id);
    roam.mutate(
      { serverUrl: url.trim(), username: username.trim(), password, passphrase, removeOnSignOut: shared, jobId: id },
      { onError: (error) => setFailure(describe(error)) },
    );
  };

  return (
    <section className="panel" aria-labelledby="school-sign-in-title">
      <h2 id="school-sign-in-title">{t('sync.school.title')}</h2>
      <p className="field-hint">{t('sync.school.description')}</p>
      <form onSubmit={submit} noValidate className="stack">
        <TextField
          label={t('sync.serverUrl')}
          hint={locked ? t('sync.serverUrlLocked') : undefined}
          type="url"
          value={url}
          readOnly={locked}
          required
          onChange={(event) => setServerUrl(event.target.value)}
        />
        <TextField
          label={t('sync.username')}
          autoComplete="username"
          value={username}
          required
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          label={t('sync.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          required
          onChange={(event) => setPassword(event.target.value)}
        />
        <TextField
          label={t('sync.passphrase')}
          type="password"
          autoComplete="off"
          value={passphrase}
          required
          onChange={(event) => setPassphrase(event.target.value)}
        />
        <CheckboxField
          label={t('sync.removeOnSignOut')}
          hint={t('sync.removeOnSignOutHint')}
          checked={shared}
          onChange={(event) => setShared(event.target.checked)}
        />
        <FormError message={failure} />
        {roam.isPending && (
          <p role="status">
            {progress && progress.total > 0
              ? t('sync.school.progress', { done: progress.done, total: progress.total })
              : t('sync.school.working')}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={roam.isPending || !url || !username || !password}
          >
            {t('sync.school.submit')}
          </button>
          <button
            type="button"
            className="button"
            disabled={roam.isPending}
            onClick={() => (initiallyOpen ? void navigate('/') : setOpen(false))}
          >
            {t('sync.school.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
