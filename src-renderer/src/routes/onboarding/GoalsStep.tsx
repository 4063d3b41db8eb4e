import { useTranslation } from 'react-i18next';
import type { LearningGoal } from '../../../../src-shared/domain/languages';
import { GoalsPicker } from '../../components/GoalsPicker';
import { InterestsInput } from '../../components/InterestsInput';

interface Props {
  goals: LearningGoal[];
  interests: string[];
  onChange: (patch: { goals?: LearningGoal[]; interests?: string[] }) => void;
}

export function GoalsStep({ goals, interests, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <GoalsPicker
        legend={t('profileForm.goals')}
        hint={t('profileForm.goalsHint')}
        value={goals}
        onChange={(next) => onChange({ goals: next })}
      />
      <InterestsInput value={interests} onChange={(next) => onChange({ interests: next })} />
    </div>
  );
}
