import type Database from 'better-sqlite3';
import { ACHIEVEMENTS, type AchievementKey, type AchievementSource } from '../../../src-shared/domain/achievements';
import type { Achievement } from '../../../src-shared/contract/progress';

/**
 * The achievements table: an unlock is inserted once and never changes (undoing the 1,000th review does not take
 * the badge back); an achievement whose source this installation lacks (`sources`) is listed as unavailable; an
 * announcement is claimed by one atomic UPDATE … RETURNING, so each is handed out once even
 * when two windows ask at the same moment.
 */
export function createAchievementStore(sqlite: Database.Database, sources: ReadonlySet<AchievementSource>) {
  const insert = sqlite.prepare(
    'INSERT INTO achievements (profile_id, key, unlocked_at) VALUES (?, ?, ?) ON CONFLICT (profile_id, key) DO NOTHING',
  );
  const list = sqlite.prepare('SELECT key, unlocked_at AS unlockedAt FROM achievements WHERE profile_id = ?');
  const stored = sqlite.prepare('SELECT key FROM achievements WHERE profile_id = ?').pluck();
  const claim = sqlite.prepare(
    `UPDATE achievements SET announced_at = @now WHERE profile_id = @profileId AND announced_at IS NULL
     RETURNING key, unlocked_at AS unlockedAt`,
  );
  const toList = (rows: { key: string; unlockedAt: number }[], all: boolean): Achievement[] => {
    const unlocked = new Map(rows.map((r) => [r.key, r.unlockedAt]));
    return ACHIEVEMENTS.filter((a) => all || unlocked.has(a.key)).map((a) => ({
      key: a.key,
      goal: a.goal,
      available: sources.has(a.source),
      unlockedAt: unlocked.get(a.key) ?? null,
    }));
  };
  return {
    /** The keys already unlocked. */
    known: (profileId: string) => new Set(stored.all(profileId) as string[]),
    /** Records unlocks; those already stored keep their first date (and cost no write). */
    record(profileId: string, unlocked: Map<AchievementKey, number>) {
      const known = new Set(stored.all(profileId) as string[]);
      const fresh = [...unlocked].filter(([key]) => !known.has(key));
      if (!fresh.length) return;
      sqlite.transaction(() => {
        for (const [key, at] of fresh) insert.run(profileId, key, at);
      })();
    },
    /** Every achievement, unlocked or not, in the order they are defined. */
    list: (profileId: string) => toList(list.all(profileId) as { key: string; unlockedAt: number }[], true),
    /** The unlocked achievements nobody has been told about yet, marked as told. */
    claim: (profileId: string, now: number) =>
      toList(claim.all({ profileId, now }) as { key: string; unlockedAt: number }[], false),
  };
}
