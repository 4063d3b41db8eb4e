import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { profiles } from './schema';

/**
 * Review-log totals per profile and 15-minute UTC bucket: what the progress screens read instead of the raw log.
 * A cache of `review_logs`, kept by triggers on that table (migration `progress_buckets`): every writer (answers,
 * undo, imports, sync) keeps it current without knowing it exists. Local only: each device derives its own.
 * Counts are of live log rows (no tombstone).
 */
export const reviewBuckets = sqliteTable(
  'review_buckets',
  {
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    /** Start of the bucket, ms UTC, a multiple of 15 minutes (REVIEW_BUCKET_MS in src-shared/domain/progress-days.ts). */
    bucketStart: integer('bucket_start').notNull(),
    reviews: integer('reviews').notNull().default(0),
    again: integer('again').notNull().default(0),
    hard: integer('hard').notNull().default(0),
    good: integer('good').notNull().default(0),
    easy: integer('easy').notNull().default(0),
    /** First answers of new cards (state before = new). */
    introduced: integer('introduced').notNull().default(0),
    /** Answers of cards in review state: passed (hard, good, easy) or failed (again). True retention. */
    reviewPassed: integer('review_passed').notNull().default(0),
    reviewFailed: integer('review_failed').notNull().default(0),
    /** Time spent answering. */
    durationMs: integer('duration_ms').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.bucketStart] })],
);

/**
 * Achievements a profile has unlocked, each once, with when it was earned and when the learner was first told.
 * Local only: they are derived from synced data, so every device can work them out; the announcement is per device.
 */
export const achievements = sqliteTable(
  'achievements',
  {
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    unlockedAt: integer('unlocked_at').notNull(),
    /** When a toast told the learner; null until then. */
    announcedAt: integer('announced_at'),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.key] })],
);

/**
 * What the progress service needs to trust its in-memory copy of a profile's older study days: the service sets
 * `old_before` (an instant) when it builds the copy, and triggers on review_logs count in `old_edits` every change to a
 * review older than that (an imported history, a sync). Local only.
 */
export const progressMarks = sqliteTable('progress_marks', {
  profileId: text('profile_id')
    .primaryKey()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  oldBefore: integer('old_before').notNull(),
  oldEdits: integer('old_edits').notNull().default(0),
});
