import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Profile } from '../../../../src-shared/contract/profiles';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { SettingsSection } from '../../components/SettingsSection';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { forgetSignedInData } from '../../lib/query-client';

/** Deleting one's own profile, confirmed by typing its name. */
export function DeleteProfileSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const remove = useContractMutation('profiles:delete', {
    onSuccess: () => {
      void navigate('/', { replace: true, state: { notice: 'deleted' } });
      forgetSignedInData(queryClient);
    },
  });
  const matches = typed.trim() === profile.displayName;

  const close = () => {
    setOpen(false);
    setTyped('');
    setFailure(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return;
    setFailure(null);
    remove.mutate(
      { profileId: profile.id, confirmation: typed.trim() },
      { onError: (error) => setFailure(describe(error)) },
    );
  };

  return (
    <SettingsSection
      icon="trash"
      tone="danger"
      title={t('settings.danger.title')}
      description={t('settings.danger.description', { name: profile.displayName })}
    >
      <div className="actions">
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          <Icon name="trash" />
          {t('settings.danger.open')}
        </button>
      </div>
      <Dialog open={open} onClose={close} title={t('settings.danger.dialogTitle', { name: profile.displayName })}>
        <form onSubmit={submit} noValidate className="stack">
          <p>{t('settings.danger.dialogBody')}</p>
          <TextField
            label={t('settings.danger.confirmLabel', { name: profile.displayName })}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <FormError message={failure} />
          <div className="actions actions-end">
            <button type="button" className="button button-ghost" onClick={close}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-danger" disabled={!matches || remove.isPending}>
              {remove.isPending ? t('settings.danger.deleting') : t('settings.danger.confirm')}
            </button>
          </div>
        </form>
      </Dialog>
    </SettingsSection>
  );
}
