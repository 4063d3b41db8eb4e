import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { LanguageSelect } from '../../components/LanguageSelect';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { cefrLevels, type CefrLevel } from '../../../../src-shared/domain/languages';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import {
  languagesProblem,
  MAX_NAME_LENGTH,
  nameProblem,
  newProfileDraft,
  passwordProblem,
} from '../../lib/profile-draft';

/** A profile for a learner, made by the administrator (who may give it a first password). */
export function AdminCreateProfile() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [draft, setDraft] = useState(newProfileDraft);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const create = useContractMutation('profiles:adminCreate');
  const passwordCheck = passwordProblem(password, confirmation);
  const problems = { name: nameProblem(draft.displayName), languages: languagesProblem(draft) };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.name || problems.languages || passwordCheck) {
      setShowProblems(true);
      return;
    }
    setFailure(null);
    create.mutate(
      { ...draft, password: password || undefined },
      {
        onSuccess: ({ profile }) => {
          toast.show(t('settings.admin.created', { name: profile.displayName }));
          setDraft(newProfileDraft());
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
      <h3 className="subsection-title">{t('settings.admin.createTitle')}</h3>
      <TextField
        label={t('settings.admin.learnerName')}
        value={draft.displayName}
        onChange={(event) => setDraft({ ...draft, displayName: event.target.value })}
        error={showProblems && problems.name ? t(`validation.${problems.name}`, { max: MAX_NAME_LENGTH }) : null}
      />
      <div className="two-columns">
        <LanguageSelect
          label={t('settings.admin.learnerNative')}
          value={draft.nativeLanguage}
          onChange={(nativeLanguage) => setDraft({ ...draft, nativeLanguage })}
        />
        <LanguageSelect
          label={t('settings.admin.learnerTarget')}
          value={draft.targetLanguage}
          onChange={(targetLanguage) => setDraft({ ...draft, targetLanguage })}
          error={showProblems && problems.languages ? t(`validation.${problems.languages}`) : null}
        />
      </div>
      <SelectField
        label={t('settings.admin.learnerLevel')}
        options={cefrLevels.map((level) => ({ value: level, label: `${level} · ${t(`levels.${level}.name`)}` }))}
        value={draft.level}
        onChange={(event) => setDraft({ ...draft, level: event.target.value as CefrLevel })}
      />
      <NewPasswordFields
        labels={{ password: t('settings.admin.learnerPassword'), confirm: t('settings.admin.learnerPasswordConfirm') }}
        password={password}
        confirmation={confirmation}
        onPassword={setPassword}
        onConfirmation={setConfirmation}
        problem={passwordCheck}
        showProblems={showProblems}
        optional
      />
      <FormError message={failure} />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('settings.admin.create')}
        </button>
      </div>
    </form>
  );
}
