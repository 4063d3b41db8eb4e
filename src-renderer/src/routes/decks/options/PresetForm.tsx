import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preset } from '../../../../../src-shared/domain/vocabulary';
import { CheckboxField } from '../../../components/CheckboxField';
import { FormError } from '../../../components/FormError';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { useContractMutation } from '../../../hooks/useContractMutation';
import { useDescribeError } from '../../../hooks/useDescribeError';
import { useToast } from '../../../hooks/useToast';
import {
  isNumberField,
  presetDraftOf,
  presetPatchOf,
  presetProblems,
  rangeOf,
  type NumberField,
  type PresetDraft,
  type PresetField,
} from '../../../lib/preset-draft';
import { RetentionField } from './RetentionField';

const hours = Array.from({ length: 24 }, (_, hour) => hour);

interface Props {
  preset: Preset;
  /** How many decks share this preset: changing it changes all of them. */
  sharedBy: number;
  onSaved: () => void;
  onCancel: () => void;
  /** Shown with the retention: the optimizer works on the same memory model. */
  optimizer: ReactNode;
}

/** Every option of a preset: limits, retention, steps and the rest, saved together. */
export function PresetForm({ preset, sharedBy, onSaved, onCancel, optimizer }: Props) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [draft, setDraft] = useState<PresetDraft>(() => presetDraftOf(preset));
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useContractMutation('decks:updatePreset');
  const problems = presetProblems(draft);
  const update = (patch: Partial<PresetDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const hourFormat = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' });

  const problemOf = (field: PresetField) => {
    const problem = showProblems ? problems[field] : undefined;
    if (!problem) return null;
    const [min, max] = isNumberField(field) ? rangeOf(field) : [0, 0];
    return t(`deckOptions.problems.${problem}`, { min, max });
  };

  const numberField = (field: NumberField, label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={rangeOf(field)[0]}
      max={rangeOf(field)[1]}
      value={draft[field]}
      onChange={(event) => update({ [field]: event.target.value })}
      error={problemOf(field)}
    />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(problems).length > 0) {
      setShowProblems(true);
      return;
    }
    setFailure(null);
    save.mutate(
      { presetId: preset.id, patch: presetPatchOf(draft) },
      {
        onSuccess: () => {
          toast.show(t('deckOptions.saved'));
          onSaved();
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="stack preset-form">
      <TextField
        label={t('deckOptions.presetName')}
        hint={t('deckOptions.sharedBy', { count: sharedBy })}
        value={draft.name}
        onChange={(event) => update({ name: event.target.value })}
        error={problemOf('name')}
      />
      <fieldset className="options-group">
        <legend className="subsection-title">{t('deckOptions.dailyLimits')}</legend>
        <div className="two-columns">
          {numberField('newPerDay', t('deckOptions.newPerDay'))}
          {numberField('reviewsPerDay', t('deckOptions.reviewsPerDay'))}
        </div>
      </fieldset>
      <fieldset className="options-group">
        <legend className="subsection-title">{t('deckOptions.memory')}</legend>
        <RetentionField value={draft.desiredRetention} onChange={(desiredRetention) => update({ desiredRetention })} />
        {optimizer}
      </fieldset>
      <fieldset className="options-group">
        <legend className="subsection-title">{t('deckOptions.steps')}</legend>
        <div className="two-columns">
          <TextField
            label={t('deckOptions.learningSteps')}
            hint={t('deckOptions.stepsHint')}
            spellCheck={false}
            value={draft.learningSteps}
            onChange={(event) => update({ learningSteps: event.target.value })}
            error={problemOf('learningSteps')}
          />
          <TextField
            label={t('deckOptions.relearningSteps')}
            hint={t('deckOptions.stepsHint')}
            spellCheck={false}
            value={draft.relearningSteps}
            onChange={(event) => update({ relearningSteps: event.target.value })}
            error={problemOf('relearningSteps')}
          />
        </div>
      </fieldset>
      <fieldset className="options-group">
        <legend className="subsection-title">{t('deckOptions.advanced')}</legend>
        <div className="two-columns">
          {numberField('maximumInterval', t('deckOptions.maximumInterval'), t('deckOptions.maximumIntervalHint'))}
          <SelectField
            label={t('deckOptions.dayStart')}
            hint={t('deckOptions.dayStartHint')}
            value={String(draft.dayStartHour)}
            onChange={(event) => update({ dayStartHour: Number(event.target.value) })}
            options={hours.map((hour) => ({
              value: String(hour),
              label: hourFormat.format(new Date(2000, 0, 1, hour)),
            }))}
          />
          {numberField('leechThreshold', t('deckOptions.leechThreshold'), t('deckOptions.leechThresholdHint'))}
        </div>
        <CheckboxField
          label={t('deckOptions.leechSuspend')}
          checked={draft.leechSuspend}
          onChange={(event) => update({ leechSuspend: event.target.checked })}
        />
        <CheckboxField
          label={t('deckOptions.fuzz')}
          hint={t('deckOptions.fuzzHint')}
          checked={draft.fuzz}
          onChange={(event) => update({ fuzz: event.target.checked })}
        />
      </fieldset>
      <FormError message={failure} />
      <div className="actions actions-end">
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('deckOptions.save')}
        </button>
      </div>
    </form>
  );
}
