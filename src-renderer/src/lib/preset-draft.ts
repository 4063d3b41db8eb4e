import type { Input } from '../../../src-shared/contract';
import { step as stepSchema, type Preset } from '../../../src-shared/domain/vocabulary';

/** A deck options preset as its form holds it: numbers and steps as typed. */
export interface PresetDraft {
  name: string;
  desiredRetention: number;
  newPerDay: string;
  reviewsPerDay: string;
  learningSteps: string;
  relearningSteps: string;
  maximumInterval: string;
  fuzz: boolean;
  dayStartHour: number;
  leechThreshold: string;
  leechSuspend: boolean;
}

export type PresetField =
  'name' | 'newPerDay' | 'reviewsPerDay' | 'learningSteps' | 'relearningSteps' | 'maximumInterval' | 'leechThreshold';
/** Keys under `deckOptions.problems.` in the translation files. */
export type PresetProblem = 'nameRequired' | 'wholeNumber' | 'steps';

const ranges = {
  newPerDay: [0, 9999],
  reviewsPerDay: [0, 99999],
  maximumInterval: [1, 36500],
  leechThreshold: [1, 99],
} as const;
export type NumberField = keyof typeof ranges;
export const rangeOf = (field: NumberField) => ranges[field];
export const isNumberField = (field: PresetField): field is NumberField => field in ranges;

export function presetDraftOf(preset: Preset): PresetDraft {
  return {
    name: preset.name,
    desiredRetention: preset.desiredRetention,
    newPerDay: String(preset.newPerDay),
    reviewsPerDay: String(preset.reviewsPerDay),
    learningSteps: preset.learningSteps.join(' '),
    relearningSteps: preset.relearningSteps.join(' '),
    maximumInterval: String(preset.maximumInterval),
    fuzz: preset.fuzz,
    dayStartHour: preset.dayStartHour,
    leechThreshold: String(preset.leechThreshold),
    leechSuspend: preset.leechSuspend,
  };
}

const stepsOf = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);
const stepsValid = (text: string) => {
  const steps = stepsOf(text);
  return steps.length <= 10 && steps.every((step) => stepSchema.safeParse(step).success);
};
const numberOf = (text: string, field: NumberField): number | null => {
  const value = Number(text.trim());
  const [min, max] = ranges[field];
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
};

export function presetProblems(draft: PresetDraft): Partial<Record<PresetField, PresetProblem>> {
  const problems: Partial<Record<PresetField, PresetProblem>> = {};
  if (!draft.name.trim()) problems.name = 'nameRequired';
  for (const field of Object.keys(ranges) as NumberField[]) {
    if (numberOf(draft[field], field) === null) problems[field] = 'wholeNumber';
  }
  if (!stepsValid(draft.learningSteps)) problems.learningSteps = 'steps';
  if (!stepsValid(draft.relearningSteps)) problems.relearningSteps = 'steps';
  return problems;
}

/** The whole preset as a patch; call only when presetProblems found nothing. */
export function presetPatchOf(draft: PresetDraft): Input<'decks:updatePreset'>['patch'] {
  const number = (field: NumberField) => numberOf(draft[field], field) ?? rangeOf(field)[0];
  return {
    name: draft.name.trim(),
    desiredRetention: Math.round(draft.desiredRetention * 100) / 100,
    newPerDay: number('newPerDay'),
    reviewsPerDay: number('reviewsPerDay'),
    learningSteps: stepsOf(draft.learningSteps),
    relearningSteps: stepsOf(draft.relearningSteps),
    maximumInterval: number('maximumInterval'),
    fuzz: draft.fuzz,
    dayStartHour: draft.dayStartHour,
    leechThreshold: number('leechThreshold'),
    leechSuspend: draft.leechSuspend,
  };
}
