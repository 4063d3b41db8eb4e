import type { Db } from '../../../db/open';
import { correctionCategories, type CorrectionCounts } from '../../../src-shared/domain/corrections';

/**
 * Corrections per category for the Progress screen, optionally since a time, counting only messages still in a
 * live conversation (a deleted conversation's mistakes leave the counts with it).
 */
export function countCorrections(db: Db, profileId: string, since: number | null) {
  const rows = db.$client
    .prepare(
      `SELECT k.category, count(*) AS n FROM tutor_corrections k
         JOIN tutor_conversations c ON c.id = k.conversation_id AND c.deleted_at IS NULL
         JOIN tutor_messages m ON m.id = k.message_id AND m.deleted_at IS NULL
       WHERE k.profile_id = ? AND k.deleted_at IS NULL AND k.created_at >= ? GROUP BY k.category`,
    )
    .all(profileId, since ?? 0) as { category: string; n: number }[];
  const counts = Object.fromEntries(correctionCategories.map((c) => [c, 0])) as CorrectionCounts;
  for (const row of rows) if (row.category in counts) counts[row.category as keyof CorrectionCounts] = row.n;
  const messagesAnalysed = db.$client
    .prepare(
      `SELECT count(*) FROM tutor_messages m JOIN tutor_conversations c ON c.id = m.conversation_id AND c.deleted_at IS NULL
       WHERE m.profile_id = ? AND m.role = 'learner' AND m.analysis = 'done' AND m.deleted_at IS NULL AND m.created_at >= ?`,
    )
    .pluck()
    .get(profileId, since ?? 0) as number;
  return { counts, total: rows.reduce((sum, r) => sum + r.n, 0), messagesAnalysed };
}
