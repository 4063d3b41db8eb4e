import type Database from 'better-sqlite3';
import type { CorrectionCategory } from '../../../src-shared/domain/corrections';
import type { SpeakingSums } from '../../../src-shared/domain/conversation-stats';

/*
 * Reads of the tutor's and voice practice's raw tables for the progress screens. Everything counts only rows of
 * conversations that are not deleted, and messages that are not tombstoned (a regenerated reply, an edited message).
 * 5,000 turns read in some tens of milliseconds, so the dashboard keeps its figures until `version` changes; daily
 * aggregates kept by triggers (as review_buckets are) would be the next step if histories grow much longer.
 */

const LIVE = 'JOIN tutor_conversations c ON c.id = m.conversation_id AND c.deleted_at IS NULL';

export interface MessageRow {
  conversationId: string;
  at: number;
  learner: 0 | 1;
  /** The learner's text; null for the tutor's replies (not needed). */
  text: string | null;
}

export interface CorrectionRow {
  category: CorrectionCategory;
  /** When the corrected message was written. */
  at: number;
}

export interface VoiceRow extends Omit<SpeakingSums, 'turns'> {
  at: number;
}

export interface RecurringRow {
  original: string;
  corrected: string;
  category: CorrectionCategory;
  count: number;
}

export interface Range {
  profileId: string;
  from: number;
  to: number;
}

const MESSAGES = `
  SELECT m.conversation_id AS conversationId, m.created_at AS at, m.role = 'learner' AS learner,
    CASE WHEN m.role = 'learner' THEN m.text END AS text
  FROM tutor_messages m ${LIVE}
  WHERE m.profile_id = @profileId AND m.deleted_at IS NULL AND m.status != 'error'
    AND m.created_at >= @from AND m.created_at < @to
  ORDER BY m.created_at`;

const CORRECTIONS = `
  SELECT k.category, m.created_at AS at
  FROM tutor_corrections k JOIN tutor_messages m ON m.id = k.message_id AND m.deleted_at IS NULL ${LIVE}
  WHERE k.profile_id = @profileId AND k.deleted_at IS NULL AND m.created_at >= @from AND m.created_at < @to`;

const SCENARIOS = `
  SELECT goal_reached_at FROM tutor_conversations
  WHERE profile_id = @profileId AND deleted_at IS NULL AND scenario_id IS NOT NULL
    AND goal_reached_at >= @from AND goal_reached_at < @to`;

/** The most frequent corrections, the same mistake counted once however it was capitalised or spaced. */
const RECURRING = `
  SELECT min(trim(k.original)) AS original, min(trim(k.corrected)) AS corrected, k.category, count(*) AS count
  FROM tutor_corrections k JOIN tutor_messages m ON m.id = k.message_id AND m.deleted_at IS NULL ${LIVE}
  WHERE k.profile_id = @profileId AND k.deleted_at IS NULL AND m.created_at >= @from AND m.created_at < @to
  GROUP BY lower(trim(k.original)), lower(trim(k.corrected)), k.category
  ORDER BY count DESC, min(m.created_at) LIMIT @limit`;

/** Spoken turns with audio: their metrics are JSON (FluencyMetrics), read in JS (quicker than a json_extract each). */
const VOICE = `
  SELECT v.created_at AS at, v.fluency
  FROM voice_turns v JOIN tutor_conversations c ON c.id = v.conversation_id AND c.deleted_at IS NULL
  WHERE v.profile_id = @profileId AND v.deleted_at IS NULL AND v.fluency IS NOT NULL
    AND v.created_at >= @from AND v.created_at < @to`;

/** The sync pull cursor: it moves whenever sync brings rows in or changes them, none of which passes the outbox. */
const CURSOR = `SELECT coalesce((SELECT cursor FROM sync_state WHERE profile_id = ?), '')`;

/** The last row of each table these figures read: rows written past the outbox (sync, fixtures) show here. */
const LAST_ROWS = `SELECT coalesce((SELECT max(rowid) FROM tutor_messages), 0) AS messages,
  coalesce((SELECT max(rowid) FROM tutor_corrections), 0) AS corrections, VOICE_LAST AS voice`;

/** Whether rows added after `last` (see LAST_ROWS) belong to a moment before `before`. */
const ADDED_BEFORE = `SELECT 1 WHERE
  EXISTS (SELECT 1 FROM tutor_messages WHERE rowid > @messages AND created_at < @before)
  OR EXISTS (SELECT 1 FROM tutor_corrections k JOIN tutor_messages m ON m.id = k.message_id
             WHERE k.rowid > @corrections AND m.created_at < @before)
  VOICE_ADDED`;

export interface LastRows {
  messages: number;
  corrections: number;
  voice: number;
}

/** The profile's last local write to any synced table (the outbox). */
const LAST_CHANGE = 'SELECT coalesce(max(seq), 0) FROM changes WHERE profile_id = ?';

/** Whether a local write between two outbox positions touched a table these figures read. */
const TOUCHED = `SELECT 1 FROM changes WHERE profile_id = @profileId AND seq > @after AND seq <= @upTo
  AND table_name IN ('tutor_conversations', 'tutor_messages', 'tutor_corrections', 'voice_turns') LIMIT 1`;

/**
 * Whether a local write between two outbox positions reached rows from before `before`: a message, correction or
 * spoken turn of an earlier moment, or a conversation deleted or restored (its tombstone changed).
 */
const TOUCHED_BEFORE = `SELECT 1 FROM changes ch WHERE ch.profile_id = @profileId AND ch.seq > @after AND ch.seq <= @upTo AND (
    (ch.table_name = 'tutor_messages' AND EXISTS (SELECT 1 FROM tutor_messages m WHERE m.id = ch.row_id AND m.created_at < @before))
    OR (ch.table_name = 'tutor_corrections' AND EXISTS (SELECT 1 FROM tutor_corrections k JOIN tutor_messages m ON m.id = k.message_id
        WHERE k.id = ch.row_id AND m.created_at < @before))
    OR (ch.table_name = 'voice_turns' AND EXISTS (SELECT 1 FROM voice_turns v WHERE v.id = ch.row_id AND v.created_at < @before))
    OR (ch.table_name = 'tutor_conversations' AND json_type(ch.data, '$.deleted_at') IS NOT NULL))
  LIMIT 1`;

const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A turn's metrics as sums; a turn whose metrics are not valid JSON counts as nothing rather than failing. */
function voiceRow(row: { at: number; fluency: string }): VoiceRow | null {
  let f: Record<string, unknown>;
  try {
    f = JSON.parse(row.fluency) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof f !== 'object' || f === null) return null;
  return {
    at: row.at,
    durationMs: number(f.durationMs),
    phonationMs: number(f.phonationMs),
    words: number(f.words),
    syllables: number(f.syllables),
    pauses: number(f.pauseCount),
    pauseMs: number(f.pauseCount) * number(f.meanPauseMs),
    fillers: number(f.fillers),
  };
}

/** Whether this database has voice practice's table (issue 6); without it the speaking figures are unavailable. */
export function hasVoiceTurns(sqlite: Database.Database): boolean {
  return (
    sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'voice_turns'`).get() !== undefined
  );
}

export function createConversationRows(sqlite: Database.Database) {
  const messages = sqlite.prepare(MESSAGES);
  const corrections = sqlite.prepare(CORRECTIONS);
  const scenarios = sqlite.prepare(SCENARIOS).pluck();
  const recurring = sqlite.prepare(RECURRING);
  const voice = hasVoiceTurns(sqlite) ? sqlite.prepare(VOICE) : null;
  const cursor = sqlite.prepare(CURSOR).pluck();
  const lastRows = sqlite.prepare(LAST_ROWS.replace('VOICE_LAST', voice ? 'coalesce((SELECT max(rowid) FROM voice_turns), 0)' : '0'));
  const addedBefore = sqlite.prepare(
    ADDED_BEFORE.replace('VOICE_ADDED', voice ? 'OR EXISTS (SELECT 1 FROM voice_turns WHERE rowid > @voice AND created_at < @before)' : ''),
  );
  const lastChange = sqlite.prepare(LAST_CHANGE).pluck();
  const touched = sqlite.prepare(TOUCHED).pluck();
  const touchedBefore = voice ? sqlite.prepare(TOUCHED_BEFORE).pluck() : sqlite.prepare(TOUCHED_BEFORE.replace(/OR \(ch.table_name = 'voice_turns'.*\n/, '')).pluck();
  return {
    /** Changes when sync brings or changes rows (see CURSOR). */
    syncCursor: (profileId: string) => cursor.get(profileId) as string,
    lastRows: () => lastRows.get() as LastRows,
    /** Whether rows added after `last` belong to a moment before `before` (see ADDED_BEFORE). */
    addedBefore: (last: LastRows, before: number) => addedBefore.get({ ...last, before }) !== undefined,
    lastChange: (profileId: string) => lastChange.get(profileId) as number,
    /** Whether local writes after outbox position `after` (up to `upTo`) touched the tutor's or voice tables. */
    touched: (profileId: string, after: number, upTo: number) => touched.get({ profileId, after, upTo }) !== undefined,
    /** Whether those writes reached rows from before `before` (see TOUCHED_BEFORE). */
    touchedBefore: (profileId: string, after: number, upTo: number, before: number) =>
      touchedBefore.get({ profileId, after, upTo, before }) !== undefined,
    voiceAvailable: voice !== null,
    messages: (range: Range) => messages.all(range) as MessageRow[],
    corrections: (range: Range) => corrections.all(range) as CorrectionRow[],
    scenariosCompleted: (range: Range) => scenarios.all(range) as number[],
    recurring: (range: Range, limit: number) => recurring.all({ ...range, limit }) as RecurringRow[],
    voiceTurns: (range: Range): VoiceRow[] =>
      voice ? (voice.all(range) as { at: number; fluency: string }[]).map(voiceRow).filter((v) => v !== null) : [],
  };
}
export type ConversationRows = ReturnType<typeof createConversationRows>;
