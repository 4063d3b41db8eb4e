import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Profile } from '../../../../src-shared/contract/profiles';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { StarterDeckChoices } from '../../components/StarterDeckChoices';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { orderStarters } from '../../lib/starter-order';
import { starterStep } from '../../lib/starter-step';
import { StepProgress } from './StepProgress';
import { allOnboardingSteps } from './steps';

/** The last onboarding step, once the profile exists: a deck of the most frequent words to start with, or none. */
export function StarterStep({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const describe = useDescribeError();
  const heading = useRef<HTMLHeadingElement>(null);
  const starters = useContractQuery('decks:starters', {});
  const add = useContractMutation('decks:addStarter');
  const [picked, setPicked] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => heading.current?.focus(), []);

  const ordered = orderStarters(starters.data?.starters ?? [], profile);
  const choice = picked ?? ordered.find((starter) => !starter.installed)?.id ?? null;

  const finish = () => {
    starterStep.finish(profile.id);
    void navigate('/', { replace: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return finish();
    setFailure(null);
    add.mutate(
      { starterId: choice },
      {
        onSuccess: ({ deck }) => {
          toast.show(t('starters.added', { name: deck.name }));
          finish();
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <section className="panel onboarding" aria-labelledby="starter-title">
      <StepProgress steps={allOnboardingSteps} current={allOnboardingSteps.length - 1} />
      <form onSubmit={submit} noValidate className="stack">
        <div>
          <h1 id="starter-title" ref={heading} tabIndex={-1} className="page-title">
            {t('onboarding.titles.deck')}
          </h1>
          <p className="page-subtitle">{t('onboarding.deckIntro')}</p>
        </div>
        {starters.isPending ? (
          <LoadingScreen />
        ) : starters.isError ? (
          <FormError message={describe(starters.error)} />
        ) : (
          <StarterDeckChoices
            legend={t('onboarding.titles.deck')}
            starters={ordered}
            value={choice}
            onChange={setPicked}
          />
        )}
        <FormError message={failure} />
        <div className="actions actions-spread">
          <button type="button" className="button button-ghost" onClick={finish}>
            {t('onboarding.skipDeck')}
          </button>
          <button type="submit" className="button button-primary" disabled={add.isPending || !choice}>
            {add.isPending ? t('onboarding.addingDeck') : t('onboarding.addDeck')}
            {!add.isPending && <Icon name="arrowRight" />}
          </button>
        </div>
      </form>
    </section>
  );
}
