import type Database from 'better-sqlite3';
import type { AchievementFacts } from '../../../src-shared/domain/achievements';
import { hasVoiceTurns } from './conversation-rows';

type ConversationFacts = Pick<
  AchievementFacts,
  'firstConversationAt' | 'scenariosCompletedAt' | 'correctionsReachedAt' | 'firstVoiceAt' | 'spokenReachedAt'
>;

const LIVE = 'JOIN tutor_conversations c ON c.id = m.conversation_id AND c.deleted_at IS NULL';

const FIRST_TURN = `SELECT min(m.created_at) FROM tutor_messages m ${LIVE}
  WHERE m.profile_id = ? AND m.role = 'learner' AND m.deleted_at IS NULL`;

/** When the goal of the n-th different scenario was first reached. */
const NTH_SCENARIO = `SELECT min(goal_reached_at) AS at FROM tutor_conversations
  WHERE profile_id = ? AND deleted_at IS NULL AND scenario_id IS NOT NULL AND goal_reached_at IS NOT NULL
  GROUP BY scenario_id ORDER BY at LIMIT 1 OFFSET ?`;

const NTH_CORRECTION = `SELECT k.created_at FROM tutor_corrections k
  JOIN tutor_messages m ON m.id = k.message_id AND m.deleted_at IS NULL ${LIVE}
  WHERE k.profile_id = ? AND k.deleted_at IS NULL ORDER BY k.created_at LIMIT 1 OFFSET ?`;

const SPOKEN = `v.profile_id = ? AND v.deleted_at IS NULL AND v.fluency IS NOT NULL AND json_valid(v.fluency)`;
const FIRST_VOICE = `SELECT min(v.created_at) FROM voice_turns v WHERE ${SPOKEN}`;
const SPOKEN_REACHED = `SELECT at FROM (
    SELECT v.created_at AS at,
      sum(coalesce(json_extract(v.fluency, '$.durationMs'), 0)) OVER (ORDER BY v.created_at, v.id) AS total
    FROM voice_turns v WHERE ${SPOKEN})
  WHERE total >= ? LIMIT 1`;

/**
 * The tutor's and voice practice's facts for the achievements, each dated by the data (the message, the goal, the
 * correction, the turn), each read only when a rule asks (not for an achievement already stored). Deleting a conversation does not take a badge back: the
 * achievements table keeps what was unlocked.
 */
export function createConversationFacts(sqlite: Database.Database) {
  const firstTurn = sqlite.prepare(FIRST_TURN).pluck();
  const nthScenario = sqlite.prepare(NTH_SCENARIO).pluck();
  const nthCorrection = sqlite.prepare(NTH_CORRECTION).pluck();
  const voice = hasVoiceTurns(sqlite);
  const firstVoice = voice ? sqlite.prepare(FIRST_VOICE).pluck() : null;
  const spokenReached = voice ? sqlite.prepare(SPOKEN_REACHED).pluck() : null;
  const at = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    voiceAvailable: voice,
    of: (profileId: string): ConversationFacts => ({
      firstConversationAt: () => at(firstTurn.get(profileId)),
      scenariosCompletedAt: (n) => at(nthScenario.get(profileId, n - 1)),
      correctionsReachedAt: (n) => at(nthCorrection.get(profileId, n - 1)),
      firstVoiceAt: () => at(firstVoice?.get(profileId)),
      spokenReachedAt: (ms) => at(spokenReached?.get(profileId, ms)),
    }),
  };
}
