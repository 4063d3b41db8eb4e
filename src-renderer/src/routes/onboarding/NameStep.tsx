import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import { MAX_NAME_LENGTH, type Problem } from '../../lib/profile-draft';

interface Props {
  name: string;
  onName: (name: string) => void;
  password: string;
  onPassword: (password: string) => void;
  confirmation: string;
  onConfirmation: (confirmation: string) => void;
  /** Only the very first profile on a computer can become its administrator. */
  offerAdmin: boolean;
  makeAdmin: boolean;
  onMakeAdmin: (makeAdmin: boolean) => void;
  problems: { name: Problem | null; password: Problem | null; confirm: Problem | null };
}

export function NameStep(props: Props) {
  const { t } = useTranslation();
  const { problems } = props;
  return (
    <div className="stack">
      <TextField
        label={t('profileForm.name')}
        hint={t('onboarding.nameHint')}
        autoComplete="nickname"
        maxLength={MAX_NAME_LENGTH * 2}
        value={props.name}
        onChange={(event) => props.onName(event.target.value)}
        error={problems.name && t(`validation.${problems.name}`, { max: MAX_NAME_LENGTH })}
      />
      <TextField
        label={t('onboarding.password')}
        optional
        hint={t('onboarding.passwordHint')}
        type="password"
        autoComplete="new-password"
        value={props.password}
        onChange={(event) => props.onPassword(event.target.value)}
        error={problems.password && t(`validation.${problems.password}`)}
      />
      {props.password && (
        <TextField
          label={t('onboarding.confirmPassword')}
          type="password"
          autoComplete="new-password"
          value={props.confirmation}
          onChange={(event) => props.onConfirmation(event.target.value)}
          error={problems.confirm && t(`validation.${problems.confirm}`)}
        />
      )}
      {props.offerAdmin && (
        <CheckboxField
          label={t('onboarding.makeAdmin')}
          hint={t('onboarding.makeAdminHint')}
          checked={props.makeAdmin}
          onChange={(event) => props.onMakeAdmin(event.target.checked)}
        />
      )}
    </div>
  );
}
