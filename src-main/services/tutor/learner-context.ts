import type { Db } from '../../../db/open';
import { uiLanguageFor, type CefrLevel, type UiLanguage } from '../../../src-shared/domain/languages';
import type { Scenario } from '../../../src-shared/domain/scenario';
import type { LearnerContext } from './prompts/learner';

const STUDY_WORDS = 5;
/** Due words change slowly; a reply does not need them fresher than this. */
const STUDY_WORDS_TTL_MS = 60_000;

interface Deps {
  db: Db;
  now: () => number;
  profiles: { get(profileId: string): { nativeLanguage: string; targetLanguage: string; level: string; goals: string[]; interests: string[] } };
  settings: { get(profileId: string): { uiLanguage: UiLanguage | 'auto' } };
}

/**
 * What the prompts need to know about a learner: languages, level, goals, interests, and up to five words to
 * weave in — cards due now first (soonest first), then new cards in deck order, from decks in the language being
 * learned. Two indexed queries on `cards_queue`; no review session is touched.
 */
export function createLearnerContexts({ db, now, profiles, settings }: Deps) {
  const wordsStmt = db.$client.prepare(
    `SELECT n.term, n.translation FROM cards c
       JOIN notes n ON n.id = c.note_id AND n.deleted_at IS NULL
       JOIN decks d ON d.id = c.deck_id AND d.deleted_at IS NULL AND d.target_language = ?
     WHERE c.profile_id = ? AND c.state = ? AND c.due <= ? AND c.deleted_at IS NULL AND c.suspended = 0
     ORDER BY c.due LIMIT ?`,
  );
  const newStmt = db.$client.prepare(
    `SELECT n.term, n.translation FROM cards c
       JOIN notes n ON n.id = c.note_id AND n.deleted_at IS NULL
       JOIN decks d ON d.id = c.deck_id AND d.deleted_at IS NULL AND d.target_language = ?
     WHERE c.profile_id = ? AND c.state = 0 AND c.deleted_at IS NULL AND c.suspended = 0
     ORDER BY c.due, c.position LIMIT ?`,
  );

  // The reply path reads the profile on every message: one prepared statement, not the profiles service's query.
  const profileStmt = db.$client.prepare('SELECT native_language, target_language, level, goals, interests FROM profiles WHERE id = ? AND deleted_at IS NULL');
  const profileOf = (profileId: string) => {
    const row = profileStmt.get(profileId) as { native_language: string; target_language: string; level: string; goals: string; interests: string } | undefined;
    if (!row) return profiles.get(profileId);
    return { nativeLanguage: row.native_language, targetLanguage: row.target_language, level: row.level, goals: parseList(row.goals), interests: parseList(row.interests) };
  };

  const cached = new Map<string, { at: number; target: string; words: { term: string; translation: string }[] }>();
  const studyWords = (profileId: string, target: string) => {
    const hit = cached.get(profileId);
    if (hit && hit.target === target && now() - hit.at < STUDY_WORDS_TTL_MS) return hit.words;
    const words = freshStudyWords(profileId, target);
    if (cached.size > 64) cached.clear();
    cached.set(profileId, { at: now(), target, words });
    return words;
  };

  const freshStudyWords = (profileId: string, target: string) => {
    const seen = new Set<string>();
    const words: { term: string; translation: string }[] = [];
    const take = (rows: unknown[]) => {
      for (const row of rows as { term: string; translation: string }[]) {
        if (words.length >= STUDY_WORDS || seen.has(row.term)) continue;
        seen.add(row.term);
        words.push(row);
      }
    };
    for (const state of [2, 1, 3]) if (words.length < STUDY_WORDS) take(wordsStmt.all(target, profileId, state, now(), STUDY_WORDS * 2));
    if (words.length < STUDY_WORDS) take(newStmt.all(target, profileId, STUDY_WORDS * 2));
    return words;
  };

  return {
    build(profileId: string, scenario: Scenario | null): LearnerContext {
      const p = profileOf(profileId);
      return {
        nativeLanguage: p.nativeLanguage,
        targetLanguage: p.targetLanguage,
        level: p.level as CefrLevel,
        goals: p.goals,
        interests: p.interests,
        studyWords: studyWords(profileId, p.targetLanguage),
        scenario,
      };
    },

    uiLanguage(profileId: string): UiLanguage {
      return uiLanguageFor(profiles.get(profileId).nativeLanguage, settings.get(profileId).uiLanguage);
    },

    languages(profileId: string) {
      const p = profileOf(profileId);
      return { nativeLanguage: p.nativeLanguage, targetLanguage: p.targetLanguage, level: p.level as CefrLevel };
    },
  };
}

function parseList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
