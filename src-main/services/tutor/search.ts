import type { Db } from '../../../db/open';
import type { TutorSearchHit } from '../../../src-shared/domain/tutor';
import { ftsMatch, ftsWords } from '../browse/fts-query';

const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * Full-text search over the profile's conversations: every word a prefix, accents and case ignored (the index
 * uses `remove_diacritics 2`), newest first, messages of deleted conversations left out. Snippets come back as
 * plain text with highlight offsets, never markup.
 */
export function createTutorSearch(db: Db) {
  const from = `FROM tutor_messages_fts f
      JOIN tutor_messages m ON m.id = f.message_id AND m.profile_id = ? AND m.deleted_at IS NULL
      JOIN tutor_conversations c ON c.id = m.conversation_id AND c.profile_id = ? AND c.deleted_at IS NULL
    WHERE tutor_messages_fts MATCH ? AND f.profile_id = ?`;
  const countStmt = db.$client.prepare(`SELECT count(*) ${from}`).pluck();
  const hitsStmt = db.$client.prepare(
    `SELECT m.id, m.conversation_id, m.role, m.created_at, c.title,
            snippet(tutor_messages_fts, 2, '${OPEN}', '${CLOSE}', '…', 16) AS snippet
     ${from} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`,
  );

  return {
    search(profileId: string, query: string, limit: number, offset: number): { total: number; hits: TutorSearchHit[] } {
      const match = ftsMatch(ftsWords(query.split(OPEN).join(' ').split(CLOSE).join(' ')));
      if (!match) return { total: 0, hits: [] };
      const args = [profileId, profileId, match, profileId];
      const total = countStmt.get(...args) as number;
      const rows = hitsStmt.all(...args, limit, offset) as { id: string; conversation_id: string; role: 'learner' | 'tutor'; created_at: number; title: string; snippet: string }[];
      return {
        total,
        hits: rows.map((r) => ({ conversationId: r.conversation_id, conversationTitle: r.title, messageId: r.id, role: r.role, createdAt: r.created_at, ...highlighted(r.snippet) })),
      };
    },
  };
}

/** Turns FTS5's marked snippet into plain text and the offsets of its marked stretches. */
export function highlighted(marked: string): { snippet: string; highlights: { start: number; end: number }[] } {
  let snippet = '';
  const highlights: { start: number; end: number }[] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = snippet.length;
    else if (ch === CLOSE) {
      if (start >= 0 && snippet.length > start) highlights.push({ start, end: snippet.length });
      start = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}
