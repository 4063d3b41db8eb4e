import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { profiles } from './schema';

/*
 * Voice practice (issue 6). A voice turn belongs to a tutor conversation: its transcript is stored as an ordinary
 * learner message (tutor_messages); this table keeps what only speech has: the timeline and the fluency of the
 * turn. Synced (Progress on every device). The speech provider settings are local only, like llm_settings.
 */

/** One spoken learner turn. The id is the turn id the renderer made, so a resend never makes a second turn. Synced. */
export const voiceTurns = sqliteTable(
  'voice_turns',
  {
    id: text('id').primaryKey(),
    profileId: text('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    conversationId: text('conversation_id').notNull(),
    learnerMessageId: text('learner_message_id'),
    replyMessageId: text('reply_message_id'),
    transcript: text('transcript').notNull(),
    /** JSON FluencyMetrics (src-shared/domain/voice.ts), null when there was no audio (typed turn). */
    fluency: text('fluency', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** JSON TurnTimeline. */
    timeline: text('timeline', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Whether this device keeps the learner's audio of the turn (the learner's setting); the file stays local. */
    audioKept: integer('audio_kept', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    index('voice_turns_conversation_time').on(t.conversationId, t.createdAt),
    index('voice_turns_profile_time').on(t.profileId, t.createdAt),
  ],
);

/** A profile's speech servers and voice preferences on this machine (never the keys). Local only. */
export const voiceSettings = sqliteTable('voice_settings', {
  profileId: text('profile_id')
    .primaryKey()
    .references(() => profiles.id, { onDelete: 'cascade' }),
  /** JSON: { stt, tts, endOfTurnSilenceMs, pushToTalk, keepLearnerAudio, inputDeviceId, livekit }. */
  config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});
