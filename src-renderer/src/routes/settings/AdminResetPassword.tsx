import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/CheckboxField';
import { FormError } from '../../components/FormError';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { SelectField } from '../../components/SelectField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { passwordProblem } from '../../lib/profile-draft';

/** For a learner who forgot their password: a new one (or none). Their stored keys go, as they were sealed by the old one. */
export function AdminResetPassword({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const list = useContractQuery('profiles:list', {});
  const reset = useContractMutation('profiles:adminResetPassword');
  const [chosen, setChosen] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const others = (list.data?.profiles ?? []).filter((p) => p.id !== selfId && !p.isAdmin);
  const target = others.find((p) => p.id === chosen) ?? others[0];
  const check = removePassword ? null : passwordProblem(password, confirmation, true);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    if (check) {
      setShowProblems(true);
      return;
    }
    setFailure(null);
    reset.mutate(
      { profileId: target.id, newPassword: removePassword ? null : password },
      {
        onSuccess: ({ profile }) => {
          toast.show(t('settings.admin.resetDone', { name: profile.displayName }));
          setPassword('');
          setConfirmation('');
          setShowProblems(false);
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="subsection stack">
      <h3 className="subsection-title">{t('settings.admin.resetTitle')}</h3>
      {others.length === 0 ? (
        <p className="field-hint">{t('settings.admin.noOthers')}</p>
      ) : (
        <>
          <SelectField
            label={t('settings.admin.resetProfile')}
            options={others.map((p) => ({ value: p.id, label: p.displayName }))}
            value={target?.id ?? ''}
            onChange={(event) => setChosen(event.target.value)}
          />
          <CheckboxField
            label={t('settings.admin.resetRemove')}
            checked={removePassword}
            onChange={(event) => setRemovePassword(event.target.checked)}
          />
          {!removePassword && (
            <NewPasswordFields
              labels={{ password: t('settings.admin.resetNew'), confirm: t('settings.admin.resetConfirm') }}
              password={password}
              confirmation={confirmation}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              problem={check}
              showProblems={showProblems}
            />
          )}
          <p className="field-hint">{t('settings.admin.resetWarning')}</p>
          <FormError message={failure} />
          <div className="actions">
            <button type="submit" className="button" disabled={reset.isPending}>
              {t('settings.admin.reset')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
