import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { profiles } from './schema';

/*
 * Sync bookkeeping (issue 8). Local only: none of these tables sync. Tokens and the data key live in the key store,
 * never here.
 */

/**
 * One row per profile linked to a sync account. No foreign key to profiles: "Sign in with the school server"
 * creates this row before the pull brings the profile row itself.
 */
export const syncState = sqliteTable('sync_state', {
  profileId: text('profile_id').primaryKey(),
  serverUrl: text('server_url').notNull(),
  username: text('username').notNull(),
  /** The server's account id, part of every message's additional authenticated data. */
  accountId: text('account_id').notNull(),
  /** The pull cursor: the server sequence number of the last message applied (opaque text). */
  cursor: text('cursor').notNull().default(''),
  lastSyncedAt: integer('last_synced_at'),
  /** A plain-words message of the last failure, cleared by the next success. */
  lastError: text('last_error'),
  /** Remove this profile's local copy when its learner signs out of sync (shared lab machines). */
  removeOnSignOut: integer('remove_on_sign_out', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

/**
 * Changes that could not be applied yet: a table or column this version does not know, or an update whose row has
 * not arrived. Tried again after every pull and at start (after an upgrade).
 */
export const syncParked = sqliteTable(
  'sync_parked',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    profileId: text('profile_id').notNull(),
    messageId: text('message_id').notNull(),
    /** The change as it came (table, row, op, hlc, data). */
    change: text('change', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    reason: text('reason', { enum: ['unknown_table', 'unknown_column', 'missing_row', 'conflict'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sync_parked_profile').on(t.profileId, t.seq)],
);

/**
 * Per-field HLCs of rows written by remote changes, so concurrent edits of different fields on two devices both
 * survive. `clocks` maps a column name to its HLC; "*" is the HLC of the remote insert for columns not listed.
 * Local writes need no entry: their clocks are read from the outbox (`changes`).
 */
export const syncFieldClocks = sqliteTable(
  'sync_field_clocks',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    clocks: text('clocks').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('sync_field_clocks_profile').on(t.profileId)],
);

/**
 * Messages built from the outbox but not yet acknowledged by the server: a retry after a cut connection sends the
 * same message id with the same changes (seq range), so the server stores it once.
 */
export const syncOutgoing = sqliteTable(
  'sync_outgoing',
  {
    messageId: text('message_id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    /** The message holds the profile's changes with fromSeq < seq <= toSeq. */
    fromSeq: integer('from_seq').notNull(),
    toSeq: integer('to_seq').notNull(),
  },
  (t) => [index('sync_outgoing_profile').on(t.profileId, t.toSeq)],
);

/**
 * Cards whose FSRS state must be rebuilt from their review log once the pull in progress ends (a first sync
 * touches a card on many pages; replaying once at the end is enough). Kept in the database so a pull cut between
 * pages still replays them at the next one.
 */
export const syncReplay = sqliteTable('sync_replay', {
  cardId: text('card_id').primaryKey(),
  profileId: text('profile_id')
    .notNull()
    .references(() => profiles.id, { onDelete: 'cascade' }),
});

/**
 * Messages this database pushed and the server acknowledged, until the pull passes them: their changes are
 * already here, so the pull skips them instead of applying a device's own writes again. A database restored from
 * an older backup lacks the rows and applies them, as it must.
 */
export const syncSent = sqliteTable('sync_sent', {
  messageId: text('message_id').primaryKey(),
  profileId: text('profile_id')
    .notNull()
    .references(() => profiles.id, { onDelete: 'cascade' }),
});
