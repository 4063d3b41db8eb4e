import { useTranslation } from 'react-i18next';
import type { passwordProblem } from '../lib/profile-draft';
import { TextField } from './TextField';

interface NewPasswordFieldsProps {
  labels: { password: string; confirm: string };
  password: string;
  confirmation: string;
  onPassword(value: string): void;
  onConfirmation(value: string): void;
  /** The result of `passwordProblem`, shown once the learner has tried to submit. */
  problem: ReturnType<typeof passwordProblem>;
  showProblems: boolean;
  /** The password itself may be left empty (no password). */
  optional?: boolean;
}

/** A new password and its confirmation, side by side, with the problem shown under the field it concerns. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const errorFor = (field: 'password' | 'confirm') =>
    props.showProblems && props.problem?.field === field ? t(`validation.${props.problem.problem}`) : null;
  return (
    <div className="two-columns">
      <TextField
        label={props.labels.password}
        optional={props.optional}
        type="password"
        autoComplete="new-password"
        value={props.password}
        onChange={(event) => props.onPassword(event.target.value)}
        error={errorFor('password')}
      />
      <TextField
        label={props.labels.confirm}
        type="password"
        autoComplete="new-password"
        value={props.confirmation}
        disabled={props.optional ? !props.password : undefined}
        onChange={(event) => props.onConfirmation(event.target.value)}
        error={errorFor('confirm')}
      />
    </div>
  );
}
