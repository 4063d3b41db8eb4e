import type Database from 'better-sqlite3';
import { newId } from '../../db/ids';
import type { CorrectionCategory } from '../../src-shared/domain/corrections';

/*
 * Test fixture: tutor conversations, messages, corrections and voice turns written straight into the tutor's and
 * voice practice's tables (the shapes their migrations define), so the progress figures can be checked against
 * exact times without a model. It bypasses the mutator and the outbox, which the app itself never does.
 */

const HLC = '0000000000000-0000-fixture';

export interface SeedTurn {
  at: number;
  text: string;
  /** The tutor's reply, this many ms after the learner's message (none when absent). */
  replyAfterMs?: number;
  corrections?: { category: CorrectionCategory; original: string; corrected: string }[];
  /** A spoken turn: its fluency metrics (src-shared/domain/voice.ts). */
  voice?: {
    durationMs: number;
    phonationMs: number;
    words: number;
    syllables: number;
    pauseCount: number;
    meanPauseMs: number;
    fillers: number;
  };
}

export function seedConversation(
  sqlite: Database.Database,
  profileId: string,
  turns: SeedTurn[],
  options: { scenarioId?: string; goalReachedAt?: number; deleted?: boolean } = {},
): string {
  const conversationId = newId();
  const start = turns[0]?.at ?? 0;
  sqlite
    .prepare(
      `INSERT INTO tutor_conversations (id, profile_id, title, scenario_id, goal_reached_at, created_at, last_message_at, updated_at, deleted_at)
       VALUES (?, ?, 'Seeded', ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      conversationId,
      profileId,
      options.scenarioId ?? null,
      options.goalReachedAt ?? null,
      start,
      start,
      HLC,
      options.deleted ? start : null,
    );
  const message = sqlite.prepare(
    `INSERT INTO tutor_messages (id, profile_id, conversation_id, role, text, status, analysis, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?)`,
  );
  const correction = sqlite.prepare(
    `INSERT INTO tutor_corrections (id, profile_id, message_id, conversation_id, position, original, corrected, explanation, category, severity, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, 'minor', ?, ?)`,
  );
  const voice = sqlite.prepare(
    `INSERT INTO voice_turns (id, profile_id, conversation_id, learner_message_id, transcript, fluency, timeline, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
  );
  for (const turn of turns) {
    const messageId = newId();
    message.run(messageId, profileId, conversationId, 'learner', turn.text, 'done', turn.at, HLC);
    turn.corrections?.forEach((c, position) =>
      correction.run(
        newId(),
        profileId,
        messageId,
        conversationId,
        position,
        c.original,
        c.corrected,
        c.category,
        turn.at + 1000,
        HLC,
      ),
    );
    if (turn.voice)
      voice.run(newId(), profileId, conversationId, messageId, turn.text, JSON.stringify(turn.voice), turn.at, HLC);
    if (turn.replyAfterMs !== undefined)
      message.run(newId(), profileId, conversationId, 'tutor', 'Muy bien.', 'none', turn.at + turn.replyAfterMs, HLC);
  }
  return conversationId;
}
