import type { ChatMessage } from '../../../providers/llm/openai-client';
import { languageName } from './language-names';
import type { LearnerContext } from './learner';

export const SUMMARY_PROMPT_VERSION = 'summary.v1';
export const SUMMARY_MAX_CHARS = 1200;

/** Folds older turns into the rolling summary that stands in for them in later prompts. */
export function summaryMessages(ctx: LearnerContext, previous: string, turns: { role: 'learner' | 'tutor'; text: string }[]): ChatMessage[] {
  const transcript = turns.map((t) => `${t.role === 'learner' ? 'Learner' : 'Tutor'}: ${t.text}`).join('\n');
  return [
    {
      role: 'system',
      content: [
        `You keep a running summary of a ${languageName(ctx.targetLanguage)} lesson conversation, written in English, at most 120 words.`,
        'Keep what matters for continuing it: facts the learner shared about themselves, topics covered, where any role-play stands, and mistakes they keep making.',
        'Answer with the updated summary only.',
      ].join('\n'),
    },
    { role: 'user', content: `Summary so far:\n${previous || '(none)'}\n\nNew turns:\n${transcript}` },
  ];
}
