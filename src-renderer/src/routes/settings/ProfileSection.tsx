import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../src-shared/contract/profiles';
import { FormError } from '../../components/FormError';
import { GoalsPicker } from '../../components/GoalsPicker';
import { InterestsInput } from '../../components/InterestsInput';
import { LanguageSelect } from '../../components/LanguageSelect';
import { LevelPicker } from '../../components/LevelPicker';
import { SettingsSection } from '../../components/SettingsSection';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { languagesProblem, MAX_NAME_LENGTH, nameProblem, type ProfileDraft } from '../../lib/profile-draft';

const draftOf = (profile: Profile): ProfileDraft => ({
  displayName: profile.displayName,
  nativeLanguage: profile.nativeLanguage,
  targetLanguage: profile.targetLanguage,
  level: profile.level,
  goals: [...profile.goals],
  interests: [...profile.interests],
});

export function ProfileSection({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [draft, setDraft] = useState(() => draftOf(profile));
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const update = useContractMutation('profiles:update');
  const problems = { name: nameProblem(draft.displayName), languages: languagesProblem(draft) };
  const change = (patch: Partial<ProfileDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.name || problems.languages) {
      setShowProblems(true);
      return;
    }
    setFailure(null);
    update.mutate(draft, {
      onSuccess: ({ profile: saved }) => {
        setDraft(draftOf(saved));
        toast.show(t('settings.profile.saved'));
      },
      onError: (error) => setFailure(describe(error)),
    });
  };

  return (
    <SettingsSection icon="user" title={t('settings.profile.title')} description={t('settings.profile.description')}>
      <form onSubmit={submit} noValidate className="stack">
        <TextField
          label={t('profileForm.name')}
          autoComplete="nickname"
          value={draft.displayName}
          onChange={(event) => change({ displayName: event.target.value })}
          error={showProblems && problems.name ? t(`validation.${problems.name}`, { max: MAX_NAME_LENGTH }) : null}
        />
        <div className="two-columns">
          <LanguageSelect
            label={t('profileForm.nativeLanguage')}
            value={draft.nativeLanguage}
            onChange={(nativeLanguage) => change({ nativeLanguage })}
          />
          <LanguageSelect
            label={t('profileForm.targetLanguage')}
            value={draft.targetLanguage}
            onChange={(targetLanguage) => change({ targetLanguage })}
            error={showProblems && problems.languages ? t(`validation.${problems.languages}`) : null}
          />
        </div>
        <LevelPicker legend={t('profileForm.level')} value={draft.level} onChange={(level) => change({ level })} />
        <GoalsPicker legend={t('profileForm.goals')} value={draft.goals} onChange={(goals) => change({ goals })} />
        <InterestsInput value={draft.interests} onChange={(interests) => change({ interests })} />
        <FormError message={failure} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('settings.profile.save')}
          </button>
        </div>
      </form>
    </SettingsSection>
  );
}
