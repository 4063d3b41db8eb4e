import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Avatar } from '../components/Avatar';
import { FormError } from '../components/FormError';
import { Icon } from '../components/Icon';
import { LoadingScreen } from '../components/LoadingScreen';
import { TextField } from '../components/TextField';
import { useContractMutation } from '../hooks/useContractMutation';
import { useContractQuery } from '../hooks/useContractQuery';
import { useCountdown } from '../hooks/useCountdown';
import { useDescribeError } from '../hooks/useDescribeError';

/** Password sign-in for one profile, with a countdown when too many wrong passwords slowed it down. */
export function SignIn() {
  const { t } = useTranslation();
  const { profileId = '' } = useParams();
  const describe = useDescribeError();
  const list = useContractQuery('profiles:list', {});
  const signIn = useContractMutation('profiles:signIn');
  const countdown = useCountdown();
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const field = useRef<HTMLDivElement>(null);

  if (list.isPending) return <LoadingScreen />;
  const profile = list.data?.profiles.find((p) => p.id === profileId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (countdown.seconds > 0 || !password) return;
    setFailure(null);
    signIn.mutate(
      { profileId, password },
      {
        onError: (error) => {
          if (error.code === 'RATE_LIMITED' && error.retryAfterMs !== null) countdown.start(error.retryAfterMs);
          else setFailure(describe(error));
          field.current?.querySelector('input')?.select();
        },
      },
    );
  };

  if (!profile) {
    return (
      <section className="panel narrow-panel" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.notFoundTitle')}</h1>
        <p>{list.isError ? describe(list.error) : t('signIn.notFound')}</p>
        <Link to="/" className="button">
          {t('signIn.back')}
        </Link>
      </section>
    );
  }

  const waiting = countdown.seconds > 0;
  return (
    <section className="panel narrow-panel sign-in" aria-labelledby="sign-in-title">
      <div className="sign-in-head">
        <Avatar name={profile.displayName} size="large" />
        <h1 id="sign-in-title">{t('signIn.title', { name: profile.displayName })}</h1>
        <p className="page-subtitle">{t('signIn.subtitle')}</p>
      </div>
      <form onSubmit={submit} noValidate>
        <input type="text" name="username" autoComplete="username" value={profile.displayName} readOnly hidden />
        <div ref={field}>
          <TextField
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <FormError message={waiting ? t('signIn.wait', { count: countdown.seconds }) : failure} />
        <div className="actions actions-spread">
          <Link to="/" className="button button-ghost">
            <Icon name="arrowLeft" />
            {t('signIn.back')}
          </Link>
          <button type="submit" className="button button-primary" disabled={signIn.isPending || waiting || !password}>
            {signIn.isPending ? t('signIn.checking') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
