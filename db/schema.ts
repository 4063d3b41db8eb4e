import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
  },
  (t) => [index('changes_profile_seq').on(t.profileId, t.seq)],
);
