import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { SettingsSection } from '../../components/SettingsSection';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { passwordProblem } from '../../lib/profile-draft';

type Action = 'set' | 'remove';

/** Set, change or remove the profile's password; changing or removing it asks for the current one. */
export function PasswordSection({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useContractMutation('profiles:setPassword');
  const check = passwordProblem(next, confirmation, true);

  const run = (action: Action) => {
    setFailure(null);
    if (action === 'set' && check) {
      setShowProblems(true);
      return;
    }
    const done =
      action === 'remove'
        ? t('settings.password.removed')
        : hasPassword
          ? t('settings.password.changed')
          : t('settings.password.setDone');
    mutation.mutate(
      { currentPassword: hasPassword ? current : undefined, newPassword: action === 'remove' ? null : next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirmation('');
          setShowProblems(false);
          toast.show(done);
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run('set');
  };

  return (
    <SettingsSection
      icon="lock"
      title={t('settings.password.title')}
      description={hasPassword ? t('settings.password.hasPassword') : t('settings.password.noPassword')}
    >
      <form onSubmit={submit} noValidate className="stack">
        {hasPassword && (
          <TextField
            label={t('settings.password.current')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        )}
        <NewPasswordFields
          labels={{ password: t('settings.password.new'), confirm: t('settings.password.confirm') }}
          password={next}
          confirmation={confirmation}
          onPassword={setNext}
          onConfirmation={setConfirmation}
          problem={check}
          showProblems={showProblems}
        />
        <FormError message={failure} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {hasPassword ? t('settings.password.change') : t('settings.password.set')}
          </button>
          {hasPassword && (
            <button
              type="button"
              className="button"
              disabled={mutation.isPending || !current}
              onClick={() => run('remove')}
            >
              {t('settings.password.remove')}
            </button>
          )}
        </div>
      </form>
    </SettingsSection>
  );
}
