import { fsrs, generatorParameters, get_fuzz_range, State, type Card, type FSRS, type StepUnit } from 'ts-fsrs';
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
    if (scheduler.parameters.enable_fuzz) withSeedReuse(scheduler, scheduler.parameters.maximum_interval);
    schedulers.set(key, scheduler);
  }
  return scheduler;
}

/**
 * ts-fsrs fuzzes an interval with the first number of an Alea generator seeded from the answer (its time, the
 * card's reps and memory state), and builds that generator afresh for each of the three intervals an answer to a
 * review card computes (hard, good, easy), all from the same seed, hashing the seed three times for each: nine
 * hashes an answer, a third of a replay's time. The first number needs only the first hash, and the three intervals
 * share it, so this `apply_fuzz` hashes once per answer and gives ts-fsrs's result. The factor is Alea's own arithmetic (the generator is not exported); tests/review/fuzz.test.ts holds it to ts-fsrs's
 * `apply_fuzz` for many seeds and intervals.
 */
function withSeedReuse(scheduler: FSRS, maximumInterval: number): void {
  const seeded = scheduler as unknown as { _seed?: string };
  let lastSeed: string | undefined;
  let lastFactor = 0;
  scheduler.apply_fuzz = ((ivl: number, elapsedDays: number): number => {
    if (ivl < 2.5) return Math.round(ivl);
    const seed = seeded._seed;
    if (seed !== lastSeed || seed === undefined) {
      lastFactor = aleaFirst(seed);
      lastSeed = seed;
    }
    const { min_ivl, max_ivl } = get_fuzz_range(ivl, elapsedDays, maximumInterval);
    return Math.floor(lastFactor * (max_ivl - min_ivl + 1) + min_ivl);
  }) as FSRS['apply_fuzz'];
}

/** Alea's state after hashing its three blank seeds (`Mash` from its fixed start, `mash(" ")` three times). */
const ALEA_START = (() => {
  let n = 4022871197;
  const blanks: number[] = [];
  for (let k = 0; k < 3; k += 1) {
    n = mashStep(n, 32);
    blanks.push((n >>> 0) * 2.3283064365386963e-10);
  }
  return { n, blanks };
})();

function mashStep(n: number, code: number): number {
  n += code;
  let h = 0.02519603282416938 * n;
  n = h >>> 0;
  h -= n;
  h *= n;
  n = h >>> 0;
  h -= n;
  return n + h * 4294967296;
}

/** The first number of `alea(seed)` as ts-fsrs computes it (its Alea and Mash, ts-fsrs 5.x). */
function aleaFirst(seed: string | undefined): number {
  const data = String(seed ?? Date.now());
  let n = ALEA_START.n;
  for (let i = 0; i < data.length; i += 1) n = mashStep(n, data.charCodeAt(i));
  // Alea hashes the seed twice more for s1 and s2, but its first number depends on s0 (and c = 1) only.
  let s0 = ALEA_START.blanks[0]! - (n >>> 0) * 2.3283064365386963e-10;
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + 2.3283064365386963e-10;
  return t - (t | 0);
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
