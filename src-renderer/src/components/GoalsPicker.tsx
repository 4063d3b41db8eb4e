import { useTranslation } from 'react-i18next';
import { learningGoals, type LearningGoal } from '../../../src-shared/domain/languages';

interface Props {
  legend: string;
  hint?: string;
  value: readonly LearningGoal[];
  onChange: (goals: LearningGoal[]) => void;
}

export function GoalsPicker({ legend, hint, value, onChange }: Props) {
  const { t } = useTranslation();
  const toggle = (goal: LearningGoal, on: boolean) =>
    onChange(on ? learningGoals.filter((g) => g === goal || value.includes(g)) : value.filter((g) => g !== goal));
  return (
    <fieldset className="choice-group">
      <legend className="field-label">{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="chip-group">
        {learningGoals.map((goal) => (
          <label key={goal} className="chip-toggle">
            <input
              type="checkbox"
              checked={value.includes(goal)}
              onChange={(event) => toggle(goal, event.target.checked)}
            />
            <span>{t(`goals.${goal}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
