import { useTranslation } from 'react-i18next';
import type { OnboardingStep } from './steps';

interface Props {
  steps: readonly OnboardingStep[];
  current: number;
}

/** "Step 2 of 4" with a labelled bar for each step. */
export function StepProgress({ steps, current }: Props) {
  const { t } = useTranslation();
  return (
    <div className="step-progress">
      <p className="step-count">{t('onboarding.stepOf', { step: current + 1, total: steps.length })}</p>
      <ol className="step-bars">
        {steps.map((step, index) => (
          <li
            key={step}
            className={index < current ? 'step-bar done' : index === current ? 'step-bar current' : 'step-bar'}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="step-bar-label">{t(`onboarding.steps.${step}`)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
