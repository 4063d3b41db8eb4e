import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * Conventions (see docs/adding-a-table.md): ids are UUIDv7 text, times are integer ms UTC. A synced table has
 * `profile_id` (cascading from profiles), `updated_at` (HLC text) and a `deleted_at` tombstone, and is written only
 * through db/mutate.ts so that every change lands in the `changes` outbox in the same transaction.
 */

/** Facts about this installation: device id, last HLC issued. Local only. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Machine-wide settings (JSON values), shared by every profile. Local only. */
export const appSettings = sqliteTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** A learner. Synced. */
export const profiles = sqliteTable('profiles', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  nativeLanguage: text('native_language').notNull(),
  targetLanguage: text('target_language').notNull(),
  level: text('level').notNull(),
  goals: text('goals', { mode: 'json' }).$type<string[]>().notNull(),
  interests: text('interests', { mode: 'json' }).$type<string[]>().notNull(),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: integer('deleted_at'),
});

/** How a profile signs in on this machine. Local only: passwords never sync. */
export const profileCredentials = sqliteTable('profile_credentials', {
  profileId: text('profile_id')
    .primaryKey()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lastFailureAt: integer('last_failure_at'),
});

/** One row per profile and setting key, so two devices changing different settings both win. Synced. */
export const profileSettings = sqliteTable(
  'profile_settings',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value', { mode: 'json' }).notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [uniqueIndex('profile_settings_profile_key').on(t.profileId, t.key)],
);

/** The outbox: one row per write to a synced table, recorded in the same transaction. Sync reads it. */
export const changes = sqliteTable(
  'changes',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    hlc: text('hlc').notNull(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
    /** When sync pushed it; null while it is only on this device. */
    sentAt: integer('sent_at'),
  },
  (t) => [
    index('changes_profile_seq').on(t.profileId, t.seq),
    index('changes_row').on(t.tableName, t.rowId),
    // What sync has not sent yet: a short tail of a long outbox, found without scanning the sent part.
    index('changes_unsent')
      .on(t.profileId, t.seq)
      .where(sql`sent_at IS NULL`),
  ],
);

/** Scheduling options shared by decks (Anki's "presets"). Synced. */
export const deckPresets = sqliteTable('deck_presets', {
  id: text('id').primaryKey(),
  profileId: text('profile_id')
    .notNull()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  desiredRetention: real('desired_retention').notNull(),
  newPerDay: integer('new_per_day').notNull(),
  reviewsPerDay: integer('reviews_per_day').notNull(),
  /** Steps like "1m", "10m", "1d". */
  learningSteps: text('learning_steps', { mode: 'json' }).$type<string[]>().notNull(),
  relearningSteps: text('relearning_steps', { mode: 'json' }).$type<string[]>().notNull(),
  maximumInterval: integer('maximum_interval').notNull(),
  fuzz: integer('fuzz', { mode: 'boolean' }).notNull(),
  dayStartHour: integer('day_start_hour').notNull(),
  leechThreshold: integer('leech_threshold').notNull(),
  leechSuspend: integer('leech_suspend', { mode: 'boolean' }).notNull(),
  /** Personal FSRS weights from the optimizer; null uses FSRS-6 defaults. */
  fsrsWeights: text('fsrs_weights', { mode: 'json' }).$type<number[] | null>(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: integer('deleted_at'),
});

/** A deck, possibly inside another. Synced. */
export const decks = sqliteTable(
  'decks',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    nativeLanguage: text('native_language').notNull(),
    targetLanguage: text('target_language').notNull(),
    presetId: text('preset_id').notNull(),
    /** The starter deck it came from, if any. */
    origin: text('origin'),
    createdAt: integer('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('decks_profile').on(t.profileId, t.parentId)],
);

export interface ExampleSentence {
  text: string;
  translation: string;
}

/** A vocabulary note: the word and what Parley knows about it. Cards are generated from it. Synced. */
export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    deckId: text('deck_id').notNull(),
    term: text('term').notNull(),
    translation: text('translation').notNull(),
    examples: text('examples', { mode: 'json' }).$type<ExampleSentence[]>().notNull(),
    partOfSpeech: text('part_of_speech'),
    gender: text('gender'),
    ipa: text('ipa'),
    /** Space-separated, lower case, each tag once. */
    tags: text('tags').notNull().default(''),
    audio: text('audio', { mode: 'json' }).$type<string[]>().notNull(),
    images: text('images', { mode: 'json' }).$type<string[]>().notNull(),
    source: text('source', { enum: ['manual', 'import', 'tutor', 'starter', 'anki'] }).notNull(),
    /** Stable identity for re-imports (Anki guid, starter deck rank). */
    guid: text('guid'),
    createdAt: integer('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('notes_profile_deck').on(t.profileId, t.deckId),
    index('notes_profile_term').on(t.profileId, t.term),
    index('notes_profile_guid').on(t.profileId, t.guid),
  ],
);

/**
 * A card: one direction of a note. Its FSRS fields are a cache of its review log (replaying the log gives them).
 * Synced.
 */
export const cards = sqliteTable(
  'cards',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    noteId: text('note_id').notNull(),
    deckId: text('deck_id').notNull(),
    kind: text('kind', { enum: ['recognition', 'production', 'cloze'] }).notNull(),
    /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State). */
    state: integer('state').notNull(),
    due: integer('due').notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    lastReview: integer('last_review'),
    suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
    buriedUntil: integer('buried_until'),
    /** Order new cards are introduced in (deck position). */
    position: integer('position').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('cards_queue').on(t.profileId, t.state, t.due),
    uniqueIndex('cards_note').on(t.noteId, t.kind),
    index('cards_deck').on(t.profileId, t.deckId),
  ],
);

/** Every answer ever given. Append-only: never updated, removed only by undo of the answer just given. Synced. */
export const reviewLogs = sqliteTable(
  'review_logs',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    cardId: text('card_id').notNull(),
    reviewedAt: integer('reviewed_at').notNull(),
    /** 1 again, 2 hard, 3 good, 4 easy. */
    rating: integer('rating').notNull(),
    stateBefore: integer('state_before').notNull(),
    stateAfter: integer('state_after').notNull(),
    dueAfter: integer('due_after').notNull(),
    stabilityAfter: real('stability_after').notNull(),
    difficultyAfter: real('difficulty_after').notNull(),
    elapsedDays: real('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    durationMs: integer('duration_ms').notNull(),
    deviceId: text('device_id').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('review_logs_card').on(t.cardId, t.reviewedAt), index('review_logs_profile_time').on(t.profileId, t.reviewedAt)],
);

export * from './schema-progress';
export * from './schema-tutor';
export * from './schema-sync';
export * from './schema-voice';
