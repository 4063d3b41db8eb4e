import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { LevelPicker } from '../../components/LevelPicker';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { starterStep } from '../../lib/starter-step';
import {
  languagesProblem,
  nameProblem,
  newProfileDraft,
  passwordProblem,
  type ProfileDraft,
} from '../../lib/profile-draft';
import { GoalsStep } from './GoalsStep';
import { LanguagesStep } from './LanguagesStep';
import { NameStep } from './NameStep';
import { StepProgress } from './StepProgress';
import { allOnboardingSteps, onboardingSteps } from './steps';

/**
 * Creating a profile in four short steps (name and password, languages, level, goals and interests), then, signed
 * in, picking a starter deck (StarterStep).
 */
export function Onboarding() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const describe = useDescribeError();
  const list = useContractQuery('profiles:list', {});
  const create = useContractMutation('profiles:create', {
    onSuccess: ({ profile, signedIn }) => {
      toast.show(t('onboarding.welcome', { name: profile.displayName }));
      if (signedIn) starterStep.markDue(profile.id);
      void navigate('/', { replace: true });
    },
  });
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<ProfileDraft>(newProfileDraft);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [makeAdmin, setMakeAdmin] = useState(true);
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const shownStep = useRef(step);

  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    heading.current?.focus();
  }, [step]);

  const isFirst = list.data?.profiles.length === 0;
  const update = (patch: Partial<ProfileDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const passwordCheck = passwordProblem(password, confirmation);
  const problems = {
    name: nameProblem(draft.displayName),
    password: passwordCheck?.field === 'password' ? passwordCheck.problem : null,
    confirm: passwordCheck?.field === 'confirm' ? passwordCheck.problem : null,
    languages: languagesProblem(draft),
  };
  const stepIsValid = [!problems.name && !passwordCheck, !problems.languages, true, true][step];
  const current = onboardingSteps[step] ?? 'name';
  const last = step === onboardingSteps.length - 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!stepIsValid) {
      setShowProblems(true);
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setShowProblems(false);
    if (!last) {
      setStep(step + 1);
      return;
    }
    setFailure(null);
    create.mutate(
      { ...draft, password: password || undefined, makeAdmin: isFirst && makeAdmin },
      { onError: (error) => setFailure(describe(error)) },
    );
  };

  const shown = (problem: (typeof problems)[keyof typeof problems]) => (showProblems ? problem : null);
  return (
    <section className="panel onboarding" aria-labelledby="onboarding-title">
      {isFirst && step === 0 && (
        <p className="welcome-intro">
          <Icon name="sparkle" />
          {t('onboarding.firstRun')}
        </p>
      )}
      {isFirst && step === 0 && (
        <p className="field-hint">
          <Link to="/school-sign-in">{t('sync.school.haveAccount')}</Link>
        </p>
      )}
      <StepProgress steps={allOnboardingSteps} current={step} />
      <form ref={form} onSubmit={submit} noValidate className="stack">
        <h1 id="onboarding-title" ref={heading} tabIndex={-1} className="page-title">
          {current === 'level'
            ? t('onboarding.titles.level', { language: t(`languages.${draft.targetLanguage}`) })
            : t(`onboarding.titles.${current}`)}
        </h1>
        {current === 'name' && (
          <NameStep
            name={draft.displayName}
            onName={(displayName) => update({ displayName })}
            password={password}
            onPassword={setPassword}
            confirmation={confirmation}
            onConfirmation={setConfirmation}
            offerAdmin={isFirst}
            makeAdmin={makeAdmin}
            onMakeAdmin={setMakeAdmin}
            problems={{
              name: shown(problems.name),
              password: shown(problems.password),
              confirm: shown(problems.confirm),
            }}
          />
        )}
        {current === 'languages' && (
          <LanguagesStep
            nativeLanguage={draft.nativeLanguage}
            targetLanguage={draft.targetLanguage}
            onChange={update}
            problem={shown(problems.languages)}
          />
        )}
        {current === 'level' && (
          <LevelPicker
            legend={t('profileForm.level')}
            hideLegend
            value={draft.level}
            onChange={(level) => update({ level })}
          />
        )}
        {current === 'goals' && <GoalsStep goals={draft.goals} interests={draft.interests} onChange={update} />}
        <FormError message={failure} />
        <div className="actions actions-spread">
          {step > 0 ? (
            <button type="button" className="button button-ghost" onClick={() => setStep(step - 1)}>
              <Icon name="arrowLeft" />
              {t('common.back')}
            </button>
          ) : isFirst ? (
            <span />
          ) : (
            <Link to="/" className="button button-ghost">
              <Icon name="arrowLeft" />
              {t('onboarding.backToProfiles')}
            </Link>
          )}
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {last ? (create.isPending ? t('onboarding.creating') : t('onboarding.create')) : t('common.next')}
            {!last && <Icon name="arrowRight" />}
          </button>
        </div>
      </form>
    </section>
  );
}
