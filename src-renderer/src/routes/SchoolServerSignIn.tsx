import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../components/FormError';
import { Icon } from '../components/Icon';
import {
  credentialsComplete,
  MIN_PASSPHRASE_LENGTH,
  SyncCredentialsFields,
  type SyncCredentials,
} from '../components/SyncCredentialsFields';
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
  // On a shared lab computer the local copy goes at sign-out unless the learner says otherwise.
  const [fields, setFields] = useState({ username: '', password: '', passphrase: '', removeOnSignOut: true });
  const [failure, setFailure] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useJobProgress(jobId, () => undefined);
  if (!school.data) return null;
  const locked = school.data.locked && Boolean(school.data.serverUrl);
  const values: SyncCredentials = { ...fields, serverUrl: serverUrl ?? school.data.serverUrl ?? '' };

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
    if (values.passphrase.length < MIN_PASSPHRASE_LENGTH) return setFailure(t('sync.passphraseTooShort'));
    const id = `roam-${Date.now()}`;
    setJobId(id);
    roam.mutate(
      { ...values, serverUrl: values.serverUrl.trim(), username: values.username.trim(), jobId: id },
      { onError: (error) => setFailure(describe(error)) },
    );
  };

  return (
    <section className="panel" aria-labelledby="school-sign-in-title">
      <h2 id="school-sign-in-title">{t('sync.school.title')}</h2>
      <p className="field-hint">{t('sync.school.description')}</p>
      <p className="field-hint">{t('sync.school.localLock')}</p>
      <form onSubmit={submit} noValidate className="stack">
        <SyncCredentialsFields
          values={values}
          urlLocked={locked}
          onChange={({ serverUrl: typedUrl, ...rest }) => {
            if (typedUrl !== undefined) setServerUrl(typedUrl);
            setFields((current) => ({ ...current, ...rest }));
          }}
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
            disabled={roam.isPending || !credentialsComplete(values)}
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
