/**
 * Conversations for the progress benchmark: `turns` learner messages (each with the tutor's reply) in conversations
 * of ten turns spread over the past two years, about one correction for every two turns, a third of the
 * conversations role-play scenarios with their goal reached, and a spoken turn (voice_turns, when the table exists)
 * for every third learner message.
 *
 * BENCHMARK FIXTURE ONLY: rows are written with raw prepared statements in one transaction and BYPASS THE MUTATOR
 * AND THE OUTBOX, which the app itself must never do.
 */
import type Database from 'better-sqlite3';
import { newId } from '../../db/ids';
import { correctionCategories } from '../../src-shared/domain/corrections';
import { hasVoiceTurns } from '../../src-main/services/progress/conversation-rows';

const TURNS_PER_CONVERSATION = 10;
const YEARS_MS = 2 * 365 * 86_400_000;
const SENTENCES = [
  'Ayer fui al mercado y compré fruta fresca para toda la semana',
  'Me gustaría reservar una mesa para dos personas esta noche',
  'No estoy seguro de que el tren salga a tiempo hoy',
  'Mi hermana vive en Sevilla desde hace tres años',
  'Cuando era niño jugaba al fútbol todos los días después del colegio',
];
const MISTAKES = [
  { original: 'la problema', corrected: 'el problema' },
  { original: 'estoy cansado de', corrected: 'estoy harto de' },
  { original: 'fui a la playa ayer', corrected: 'ayer fui a la playa' },
  { original: 'necesito de', corrected: 'necesito' },
  { original: 'oye tío', corrected: 'disculpe' },
];

export function seedBigConversations(
  sqlite: Database.Database,
  profileId: string,
  now: number,
  random: () => number,
  turns = 5_000,
): { conversations: number; turns: number; corrections: number; voiceTurns: number } {
  const hlc = '0000000000000-0000-bench';
  const voice = hasVoiceTurns(sqlite);
  const conversation = sqlite.prepare(
    `INSERT INTO tutor_conversations (id, profile_id, title, scenario_id, goal_reached_at, created_at, last_message_at, updated_at)
     VALUES (?, ?, 'Bench', ?, ?, ?, ?, ?)`,
  );
  const message = sqlite.prepare(
    `INSERT INTO tutor_messages (id, profile_id, conversation_id, role, text, status, analysis, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?)`,
  );
  const correction = sqlite.prepare(
    `INSERT INTO tutor_corrections (id, profile_id, message_id, conversation_id, position, original, corrected, explanation, category, severity, created_at, updated_at)
     VALUES (?, ?, ?, ?, 0, ?, ?, '', ?, 'minor', ?, ?)`,
  );
  const voiceTurn = voice
    ? sqlite.prepare(
        `INSERT INTO voice_turns (id, profile_id, conversation_id, learner_message_id, transcript, fluency, timeline, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
      )
    : null;
  const counts = { conversations: 0, turns: 0, corrections: 0, voiceTurns: 0 };
  sqlite.transaction(() => {
    for (let c = 0; c * TURNS_PER_CONVERSATION < turns; c += 1) {
      const id = newId();
      const start = now - Math.floor(random() * YEARS_MS);
      const scenario = c % 3 === 0;
      let at = start;
      for (let t = 0; t < TURNS_PER_CONVERSATION && counts.turns < turns; t += 1) {
        at += 20_000 + Math.floor(random() * 60_000);
        const text = SENTENCES[Math.floor(random() * SENTENCES.length)]!;
        const messageId = newId();
        message.run(messageId, profileId, id, 'learner', text, 'done', at, hlc);
        counts.turns += 1;
        if (random() < 0.5) {
          const mistake = MISTAKES[Math.floor(random() * MISTAKES.length)]!;
          const category = correctionCategories[Math.floor(random() * correctionCategories.length)]!;
          correction.run(
            newId(),
            profileId,
            messageId,
            id,
            mistake.original,
            mistake.corrected,
            category,
            at + 2000,
            hlc,
          );
          counts.corrections += 1;
        }
        if (voiceTurn && t % 3 === 0) {
          const words = text.split(' ').length;
          const durationMs = words * 400 + Math.floor(random() * 2000);
          const fluency = {
            durationMs,
            phonationMs: durationMs * 0.8,
            words,
            syllables: words * 2,
            wordsPerMinute: 0,
            syllablesPerSecond: 0,
            articulationRate: 0,
            pauseCount: 2,
            meanPauseMs: 450,
            meanLengthOfRun: 5,
            fillers: 1,
            fillerWords: ['eh'],
            pitchRangeSemitones: 6,
          };
          voiceTurn.run(newId(), profileId, id, messageId, text, JSON.stringify(fluency), at, hlc);
          counts.voiceTurns += 1;
        }
        at += 3000 + Math.floor(random() * 5000);
        message.run(newId(), profileId, id, 'tutor', 'Muy bien, sigue así.', 'none', at, hlc);
      }
      conversation.run(id, profileId, scenario ? `scenario-${c % 30}` : null, scenario ? at : null, start, at, hlc);
      counts.conversations += 1;
    }
  })();
  return counts;
}
