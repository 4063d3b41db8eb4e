/** What the optimizer worker is asked to do, and what it answers. Plain data: it crosses a thread boundary. */
export interface OptimizeRequest {
  /** The database file: the worker reads the review log through its own read-only connection. */
  databaseFile: string;
  profileId: string;
  /** The decks that use the preset: their cards' histories are the training data. */
  deckIds: string[];
  dayStartHour: number;
  timeZone: string;
  /** The weights the schedule uses now (the preset's, or FSRS-6 defaults). */
  currentWeights: number[];
  relearningSteps: number;
}

export interface Fit {
  logLoss: number;
  rmse: number;
}

export interface OptimizeOutcome {
  /** Answers in the histories the weights were fitted on. */
  reviews: number;
  current: Fit;
  optimized: Fit;
  weights: number[];
}

export type OptimizeMessage =
  | { type: 'progress'; done: number; total: number; phase: string }
  | { type: 'done'; outcome: OptimizeOutcome }
  | { type: 'failed'; message: string };
