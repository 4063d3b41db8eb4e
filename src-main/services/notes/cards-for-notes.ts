import type Database from 'better-sqlite3';

/**
 * Creates the cards of notes that have none yet: recognition and production always, cloze when an example
 * sentence contains the term. Set-based, so importing 100k notes stays fast. New cards are introduced in the
 * order their notes were added (rowid). No change records: a card is born from its note's insert (see
 * db/functions.ts), and every device derives the same card. New notes are found by rowid range (`+profile_id`
 * keeps SQLite from walking the profile's whole index for every batch of an import).
 */
export function createCardsForNotes(sqlite: Database.Database, profileId: string, which: { sinceRowid: number } | { noteId: string }): number {
  const result = sqlite
    .prepare(
      `INSERT INTO cards (id, profile_id, note_id, deck_id, kind, state, due, stability, difficulty, scheduled_days,
                          learning_steps, reps, lapses, last_review, suspended, buried_until, position, created_at,
                          updated_at, deleted_at)
       SELECT parley_card_id(n.id, k.kind), n.profile_id, n.id, n.deck_id, k.kind, 0, n.created_at, 0, 0, 0,
              0, 0, 0, NULL, 0, NULL, n.rowid * 4 + k.ord, n.created_at, n.updated_at, NULL
       FROM notes n
       CROSS JOIN (SELECT 'recognition' AS kind, 0 AS ord UNION ALL SELECT 'production', 1 UNION ALL SELECT 'cloze', 2) k
       WHERE ${'noteId' in which ? 'n.profile_id = ? AND n.id = ?' : '+n.profile_id = ? AND n.rowid > ?'} AND n.deleted_at IS NULL
         AND (k.kind <> 'cloze' OR parley_has_cloze(n.term, n.examples))
       ON CONFLICT DO NOTHING`,
    )
    .run(profileId, 'noteId' in which ? which.noteId : which.sinceRowid);
  return result.changes;
}

/** The highest note rowid now: pass it to createCardsForNotes after inserting notes to touch only the new ones. */
export function lastNoteRowid(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT coalesce(max(rowid), 0) FROM notes').pluck().get() as number) ?? 0;
}
