import type Database from 'better-sqlite3';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { DEFAULT_PRESET } from '../../../src-shared/domain/vocabulary';
import type { SyncChange } from '../../../src-shared/sync/messages';
import { deferSearchIndex } from '../../../db/functions';
import { createCardsForNotes, lastNoteRowid } from '../notes/cards-for-notes';
import { replayCard } from '../review/replay';
import type { SchedulingOptions } from '../review/scheduler';
import { syncedTableInfo, toDriver, type SyncedTableInfo } from './tables';

export type ParkReason = 'unknown_table' | 'unknown_column' | 'missing_row' | 'conflict';

export interface ApplyResult {
  applied: number;
  parked: number;
  /** The highest HLC seen, for the local clock to receive. */
  maxHlc: string;
}

/** Columns sync manages itself rather than copying from a change. */
const MANAGED = new Set(['id', 'profile_id', 'updated_at']);

/**
 * Columns that mean something on one machine only and are never taken from another device: being this machine's
 * administrator is granted here, not by whatever a sync account's messages say (they are written by the learner).
 */
const LOCAL_ONLY: Record<string, ReadonlySet<string>> = { profiles: new Set(['is_admin']) };
const isLocalOnly = (table: string, column: string) => LOCAL_ONLY[table]?.has(column) ?? false;

/**
 * Applies remote changes of one profile inside the caller's transaction, without touching the outbox:
 * last-writer-wins per field by HLC for editable rows (per-field clocks: `sync_field_clocks` for remote writes,
 * the outbox for local ones), union for the append-only review log, tombstones as the `deleted_at` field. Changes
 * this version cannot apply are parked. Cards whose review log or row changed are replayed afterwards
 * (`replayTouched`), so their FSRS state is the replay of the union of every device's answers.
 */
export function createApplier(
  sqlite: Database.Database,
  tables: ReadonlyMap<string, SyncedTableInfo> = syncedTableInfo(),
) {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
    return statement;
  };
  const storedClocks = sqlite
    .prepare('SELECT clocks FROM sync_field_clocks WHERE table_name = ? AND row_id = ?')
    .pluck();
  const saveClocks = sqlite.prepare(
    `INSERT INTO sync_field_clocks (table_name, row_id, profile_id, clocks) VALUES (?, ?, ?, ?)
     ON CONFLICT (table_name, row_id) DO UPDATE SET clocks = excluded.clocks`,
  );
  const localChanges = sqlite.prepare('SELECT hlc, data FROM changes WHERE table_name = ? AND row_id = ?');
  const park = sqlite.prepare(
    'INSERT INTO sync_parked (profile_id, message_id, change, reason, created_at) VALUES (?, ?, ?, ?, ?)',
  );

  /** The HLC each column was last written at on this device (remote or local); '' when never. */
  const clocksOf = (table: string, rowId: string): ((column: string) => string) => {
    const text = storedClocks.get(table, rowId) as string | undefined;
    const stored = text ? (JSON.parse(text) as Record<string, string>) : {};
    const local: Record<string, string> = {};
    for (const row of localChanges.all(table, rowId) as { hlc: string; data: string }[]) {
      for (const column of Object.keys(JSON.parse(row.data) as object))
        if (!local[column] || row.hlc > local[column]) local[column] = row.hlc;
    }
    return (column) => {
      const remote = stored[column] ?? stored['*'] ?? '';
      const mine = local[column] ?? '';
      return remote > mine ? remote : mine;
    };
  };

  /** Insert statements by table and the columns a change carries (a first sync inserts a million rows). */
  const insertPlans = new Map<string, { statement: Database.Statement; columns: [string, SQLiteColumn][] }>();
  const insertPlan = (info: SyncedTableInfo, change: SyncChange) => {
    const key = `${info.name}\u0000${Object.keys(change.d).join('\u0000')}`;
    let plan = insertPlans.get(key);
    if (plan) return plan;
    const columns = [...info.columns].filter(
      ([name]) => name in change.d && !MANAGED.has(name) && !isLocalOnly(info.name, name),
    );
    const names = ['id', 'updated_at', ...(info.owned ? ['profile_id'] : []), ...columns.map(([name]) => name)];
    const verb = info.appendOnly ? 'INSERT OR IGNORE' : 'INSERT';
    const sql = `${verb} INTO "${info.name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    plan = { statement: sqlite.prepare(sql), columns };
    insertPlans.set(key, plan);
    return plan;
  };

  const insertRow = (info: SyncedTableInfo, profileId: string, change: SyncChange) => {
    const plan = insertPlan(info, change);
    // A run of new notes: indexed for search in one statement when it ends (flushCards), as an import does.
    if (info.name === 'notes' && !newNotes)
      newNotes = { profileId, rowid: lastNoteRowid(sqlite), indexed: deferSearchIndex(sqlite) };
    const values: unknown[] = info.owned ? [change.r, change.h, profileId] : [change.r, change.h];
    for (const [name, column] of plan.columns) values.push(toDriver(column, change.d[name]));
    plan.statement.run(values);
    if (!info.appendOnly) saveClocks.run(info.name, change.r, profileId, JSON.stringify({ '*': change.h }));
  };

  /**
   * A run of notes inserted without their cards and search entries yet: the rowid before it, and the end of its
   * deferred search index. Any change other than a note insert or an answer ends the run first (flushCards).
   */
  let newNotes: { profileId: string; rowid: number; indexed: (sinceRowid: number | null) => void } | null = null;
  const flushCards = () => {
    if (!newNotes) return;
    const run = newNotes;
    newNotes = null;
    run.indexed(run.rowid);
    createCardsForNotes(sqlite, run.profileId, { sinceRowid: run.rowid });
  };
  /** After a failure (the caller's transaction rolls back): the search trigger works again, nothing is indexed. */
  const abandon = () => {
    newNotes?.indexed(null);
    newNotes = null;
  };

  const updateRow = (
    info: SyncedTableInfo,
    profileId: string,
    change: SyncChange,
    existing: Record<string, unknown>,
  ) => {
    if (info.appendOnly && change.o === 'insert') return;
    const clockOf = clocksOf(info.name, change.r);
    const won = Object.keys(change.d).filter(
      (name) =>
        info.columns.has(name) && !MANAGED.has(name) && !isLocalOnly(info.name, name) && change.h > clockOf(name),
    );
    const updatedAt = String(existing.updated_at) > change.h ? String(existing.updated_at) : change.h;
    if (won.length === 0 && updatedAt === existing.updated_at) return;
    const set = [...won.map((n) => `"${n}" = ?`), 'updated_at = ?'].join(', ');
    prepare(`UPDATE "${info.name}" SET ${set} WHERE id = ?`).run(
      ...won.map((n) => toDriver(info.columns.get(n)!, change.d[n])),
      updatedAt,
      change.r,
    );
    if (won.length) {
      const text = storedClocks.get(info.name, change.r) as string | undefined;
      const stored = text ? (JSON.parse(text) as Record<string, string>) : {};
      for (const name of won) stored[name] = change.h;
      saveClocks.run(info.name, change.r, profileId, JSON.stringify(stored));
      if (info.name === 'notes') createCardsForNotes(sqlite, profileId, { noteId: change.r });
    }
  };

  /** Card ids whose FSRS state must be replayed when the pull ends (kept in `sync_replay`). */
  const touched = new Set<string>();
  const remember = sqlite.prepare('INSERT OR IGNORE INTO sync_replay (card_id, profile_id) VALUES (?, ?)');
  // Answers from one device only: the card's state already is that device's own replay of them (its cache, which
  // came with its last answer). Only cards answered on several devices are replayed (the union of their answers).
  const remembered = sqlite
    .prepare(
      `SELECT r.card_id FROM sync_replay r WHERE r.profile_id = ? AND EXISTS (
         SELECT 1 FROM review_logs l WHERE l.card_id = r.card_id AND l.deleted_at IS NULL
           AND l.device_id <> (SELECT f.device_id FROM review_logs f WHERE f.card_id = r.card_id AND f.deleted_at IS NULL LIMIT 1))`,
    )
    .pluck();
  const forget = sqlite.prepare('DELETE FROM sync_replay WHERE profile_id = ?');

  const applyOne = (profileId: string, messageId: string, change: SyncChange, now: number): 'applied' | ParkReason => {
    const info = tables.get(change.t);
    if (!info) return 'unknown_table';
    if (info.name !== 'review_logs' && !(info.name === 'notes' && change.o === 'insert')) flushCards();
    if (info.appendOnly && change.o === 'insert' && !Object.keys(change.d).some((name) => !info.columns.has(name))) {
      // The review log: union. An id already here is the same answer (rows are never changed); a row of another
      // profile with that id is left alone (INSERT OR IGNORE), as the ownership check below would.
      insertRow(info, profileId, change);
      touched.add(String(change.d.card_id));
      return 'applied';
    }
    const existing = prepare(`SELECT * FROM "${info.name}" WHERE id = ?`).get(change.r) as
      Record<string, unknown> | undefined;
    if (existing && (info.owned ? existing.profile_id : existing.id) !== profileId) return 'conflict';
    if (!existing) {
      if (change.o !== 'insert') return 'missing_row';
      try {
        insertRow(info, profileId, change);
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return 'conflict';
        throw error;
      }
    } else {
      updateRow(info, profileId, change, existing);
    }
    if (info.name === 'cards') touched.add(change.r);
    if (info.name === 'review_logs') touched.add(String(change.d.card_id ?? existing?.card_id));
    const unknown = Object.keys(change.d).some((name) => !info.columns.has(name));
    if (unknown) park.run(profileId, messageId, JSON.stringify(change), 'unknown_column', now);
    return 'applied';
  };

  const readCard = sqlite.prepare('SELECT deck_id AS deckId, due, state FROM cards WHERE id = ? AND profile_id = ?');
  const readLogs = sqlite.prepare(
    'SELECT id, reviewed_at AS reviewedAt, rating, device_id AS deviceId FROM review_logs WHERE card_id = ? AND +profile_id = ? AND deleted_at IS NULL',
  );
  const readPreset = sqlite.prepare(
    `SELECT p.desired_retention AS desiredRetention, p.learning_steps AS learningSteps, p.relearning_steps AS relearningSteps,
            p.maximum_interval AS maximumInterval, p.fuzz, p.fsrs_weights AS fsrsWeights
     FROM decks d JOIN deck_presets p ON p.id = d.preset_id WHERE d.id = ? AND d.profile_id = ?`,
  );
  const writeCard = sqlite.prepare(
    `UPDATE cards SET state = @state, due = @due, stability = @stability, difficulty = @difficulty, scheduled_days = @scheduledDays,
            learning_steps = @learningSteps, reps = @reps, lapses = @lapses, last_review = @lastReview WHERE id = @id`,
  );

  const presetOf = (deckId: string, profileId: string): SchedulingOptions => {
    const row = readPreset.get(deckId, profileId) as Record<string, unknown> | undefined;
    if (!row) return { ...DEFAULT_PRESET, fsrsWeights: null };
    return {
      desiredRetention: row.desiredRetention as number,
      learningSteps: JSON.parse(String(row.learningSteps)) as string[],
      relearningSteps: JSON.parse(String(row.relearningSteps)) as string[],
      maximumInterval: row.maximumInterval as number,
      fuzz: row.fuzz === 1,
      fsrsWeights: row.fsrsWeights ? (JSON.parse(String(row.fsrsWeights)) as number[] | null) : null,
    };
  };

  return {
    /** Applies one change; parks it (and says why) when it cannot be applied now. */
    apply(profileId: string, messageId: string, change: SyncChange, now: number): 'applied' | ParkReason {
      const outcome = applyOne(profileId, messageId, change, now);
      if (outcome !== 'applied') park.run(profileId, messageId, JSON.stringify(change), outcome, now);
      return outcome;
    },
    /** Tries parked changes again (after a pull or an upgrade); returns how many were applied. */
    retryParked(profileId: string, now: number): number {
      const rows = sqlite
        .prepare('SELECT seq, message_id AS messageId, change FROM sync_parked WHERE profile_id = ? ORDER BY seq')
        .all(profileId) as {
        seq: number;
        messageId: string;
        change: string;
      }[];
      const remove = sqlite.prepare('DELETE FROM sync_parked WHERE seq = ?');
      let applied = 0;
      try {
        for (const row of rows) {
          const change = JSON.parse(row.change) as SyncChange;
          const info = tables.get(change.t);
          // Still unknown to this version: leave it as it is.
          if (!info || Object.keys(change.d).some((name) => !info.columns.has(name))) continue;
          if (applyOne(profileId, row.messageId, change, now) === 'applied') {
            remove.run(row.seq);
            applied += 1;
          }
        }
      } catch (error) {
        abandon();
        throw error;
      }
      flushCards();
      return applied;
    },
    /** Ends a batch: derives the cards of the notes it inserted and indexes them for search. */
    flush: flushCards,
    /** Call when a batch failed and its transaction rolls back. */
    abandon,
    /** Records the cards touched by this batch for the replay at the end of the pull (call inside the batch's transaction). */
    rememberTouched(profileId: string): void {
      for (const cardId of touched) remember.run(cardId, profileId);
      touched.clear();
    },
    /** Rebuilds the FSRS state of every remembered card from its review log. */
    replayTouched(profileId: string): number {
      let count = 0;
      for (const cardId of touched) remember.run(cardId, profileId);
      touched.clear();
      for (const cardId of remembered.all(profileId) as string[]) {
        const card = readCard.get(cardId, profileId) as { deckId: string; due: number; state: number } | undefined;
        if (!card) continue;
        const logs = readLogs.all(cardId, profileId) as {
          id: string;
          reviewedAt: number;
          rating: number;
          deviceId: string;
        }[];
        if (logs.length === 0 || logs.every((log) => log.deviceId === logs[0]!.deviceId)) continue;
        writeCard.run({ id: cardId, ...replayCard(logs, presetOf(card.deckId, profileId)) });
        count += 1;
      }
      forget.run(profileId);
      return count;
    },
  };
}
export type Applier = ReturnType<typeof createApplier>;
