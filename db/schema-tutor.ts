import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { profiles } from './schema';

/*
 * The tutor's tables (issue 5). Conversations, messages, corrections and drill results are synced (HLC
 * `updated_at`, `deleted_at` tombstones, written through db/mutate.ts). The provider settings are local only:
 * a base URL like http://localhost:11434 means something on this machine alone. API keys live in the key store.
 */

/** A conversation with the tutor: free talk or a scenario. Synced. */
export const tutorConversations = sqliteTable(
  'tutor_conversations',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    scenarioId: text('scenario_id'),
    goalReachedAt: integer('goal_reached_at'),
    /** The rolling summary of the turns that fell out of the prompt window. */
    summary: text('summary').notNull().default(''),
    /** created_at of the last message the summary covers (0: none). */
    summaryThrough: integer('summary_through').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    lastMessageAt: integer('last_message_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('tutor_conversations_profile_last').on(t.profileId, t.lastMessageAt)],
);

/**
 * A message. Rows are appended; a reply's text is written when its stream ends (and checkpointed while it runs).
 * Regenerate and edit-and-resend tombstone the replaced rows rather than rewrite them. Synced.
 */
export const tutorMessages = sqliteTable(
  'tutor_messages',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id').notNull(),
    role: text('role', { enum: ['learner', 'tutor'] }).notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['streaming', 'complete', 'incomplete', 'error'] }).notNull(),
    error: text('error'),
    /** Learner messages: the id the UI made, so a resend never stores a second copy. */
    clientMessageId: text('client_message_id'),
    analysis: text('analysis', { enum: ['none', 'pending', 'done', 'failed'] }).notNull().default('none'),
    translation: text('translation'),
    createdAt: integer('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('tutor_messages_conversation_time').on(t.conversationId, t.createdAt, t.id),
    uniqueIndex('tutor_messages_profile_client').on(t.profileId, t.clientMessageId),
  ],
);

/** One correction of a learner message. Synced. */
export const tutorCorrections = sqliteTable(
  'tutor_corrections',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    position: integer('position').notNull(),
    original: text('original').notNull(),
    corrected: text('corrected').notNull(),
    explanation: text('explanation').notNull(),
    category: text('category', { enum: ['grammar', 'vocabulary', 'spelling', 'word_order', 'register'] }).notNull(),
    severity: text('severity', { enum: ['minor', 'moderate', 'major'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('tutor_corrections_message').on(t.messageId),
    index('tutor_corrections_profile_time').on(t.profileId, t.createdAt),
  ],
);

/** The result of one offline drill. Append-only. Synced. */
export const tutorDrillResults = sqliteTable(
  'tutor_drill_results',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    noteId: text('note_id').notNull(),
    kind: text('kind', { enum: ['cloze', 'translate', 'choice', 'order'] }).notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('tutor_drill_results_profile_time').on(t.profileId, t.createdAt)],
);

/** A profile's model servers on this machine (never the keys). Local only. */
export const llmSettings = sqliteTable('llm_settings', {
  profileId: text('profile_id')
    .primaryKey()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  /** JSON: { primary, fallback }, each { kind, baseUrl, conversationModel, analysisModel } or null. */
  config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});
