import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSettings } from '../../../../src-shared/domain/settings';
import { CheckboxField } from '../../components/CheckboxField';
import { SettingsSection } from '../../components/SettingsSection';
import { TextField } from '../../components/TextField';
import { usePolicy } from '../../hooks/usePolicy';
import { useUpdateSettings } from '../../hooks/useUpdateSettings';

const MIN_MINUTES = 5;
const MAX_MINUTES = 240;

export function LearningSection({ settings }: { settings: ProfileSettings }) {
  const { t } = useTranslation();
  const { save, shown, isPending } = useUpdateSettings(settings);
  const policy = usePolicy();
  const lockedNote = (key: keyof ProfileSettings) => (policy.isLocked(key) ? t('settings.lockedBySchool') : null);
  const [minutes, setMinutes] = useState(String(settings.dailyGoalMinutes));
  const [showProblem, setShowProblem] = useState(false);
  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= MIN_MINUTES && value <= MAX_MINUTES;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblem(!valid);
    if (valid) save({ dailyGoalMinutes: value });
  };

  return (
    <SettingsSection icon="progress" title={t('settings.learning.title')}>
      <form onSubmit={submit} noValidate className="stack">
        <div className="inline-form">
          <TextField
            label={t('settings.learning.dailyGoal')}
            hint={t('settings.learning.dailyGoalHint', { min: MIN_MINUTES, max: MAX_MINUTES })}
            type="number"
            inputMode="numeric"
            min={MIN_MINUTES}
            max={MAX_MINUTES}
            step={5}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
            error={showProblem && !valid ? t('validation.minutesRange', { min: MIN_MINUTES, max: MAX_MINUTES }) : null}
          />
          <button type="submit" className="button" disabled={isPending}>
            {t('settings.learning.saveGoal')}
          </button>
        </div>
        <CheckboxField
          label={t('settings.learning.speakTerms')}
          hint={t('settings.learning.speakTermsHint')}
          checked={shown.speakTermsAloud}
          lockedNote={lockedNote('speakTermsAloud')}
          onChange={(event) => save({ speakTermsAloud: event.target.checked })}
        />
        <CheckboxField
          label={t('settings.learning.typeAnswers')}
          hint={t('settings.learning.typeAnswersHint')}
          checked={shown.typeAnswers}
          lockedNote={lockedNote('typeAnswers')}
          onChange={(event) => save({ typeAnswers: event.target.checked })}
        />
        <CheckboxField
          label={t('settings.learning.forgiveDiacritics')}
          hint={t('settings.learning.forgiveDiacriticsHint')}
          checked={shown.forgiveDiacritics}
          lockedNote={lockedNote('forgiveDiacritics')}
          onChange={(event) => save({ forgiveDiacritics: event.target.checked })}
        />
      </form>
    </SettingsSection>
  );
}
