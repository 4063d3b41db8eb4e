import { fsrs, generatorParameters, State, type Card, type FSRS, type StepUnit } from 'ts-fsrs';
import type { Preset } from '../../../src-shared/domain/vocabulary';

/** The FSRS fields of a card row: what an answer changes and what replaying the log reproduces. */
export interface FsrsFields {
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: number | null;
}

/** The preset options that change how a card is scheduled. */
export type SchedulingOptions = Pick<
  Preset,
  'desiredRetention' | 'learningSteps' | 'relearningSteps' | 'maximumInterval' | 'fuzz' | 'fsrsWeights'
>;

const schedulers = new Map<string, FSRS>();

/**
 * The ts-fsrs instance for a preset: FSRS-6 default weights unless the optimizer fitted personal ones. Instances
 * are shared by every preset with the same options (they hold no per-card state).
 */
export function schedulerFor(preset: SchedulingOptions): FSRS {
  const key = JSON.stringify([
    preset.desiredRetention,
    preset.learningSteps,
    preset.relearningSteps,
    preset.maximumInterval,
    preset.fuzz,
    preset.fsrsWeights,
  ]);
  let scheduler = schedulers.get(key);
  if (!scheduler) {
    const params = generatorParameters({
      request_retention: preset.desiredRetention,
      maximum_interval: preset.maximumInterval,
      enable_fuzz: preset.fuzz,
      enable_short_term: true,
      learning_steps: preset.learningSteps as StepUnit[],
      relearning_steps: preset.relearningSteps as StepUnit[],
      ...(preset.fsrsWeights ? { w: preset.fsrsWeights } : {}),
    });
    scheduler = fsrs(params);
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/** A card row's FSRS fields as a ts-fsrs Card. `elapsed_days` is recomputed by ts-fsrs from `last_review`. */
export function toFsrsCard(row: FsrsFields): Card {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: 0,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as State,
    last_review: row.lastReview === null ? undefined : new Date(row.lastReview),
  };
}

export function fromFsrsCard(card: Card): FsrsFields {
  return {
    state: card.state,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** A card never answered: what every card starts as, and where a replay begins. */
export const NEW_CARD_FIELDS: Omit<FsrsFields, 'due'> = {
  state: State.New,
  stability: 0,
  difficulty: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
};
