import { z } from 'zod';
import type { ChatMessage } from '../../../providers/llm/openai-client';
import { languageName } from './language-names';
import type { LearnerContext } from './learner';

export const HELPERS_PROMPT_VERSION = 'helpers.v1';

export function translateMessages(ctx: LearnerContext, text: string): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `Translate the ${languageName(ctx.targetLanguage)} text the user sends into natural ${languageName(ctx.nativeLanguage)}. Keep the Markdown formatting. Answer with the translation only.`,
    },
    { role: 'user', content: text },
  ];
}

export function explainMessages(ctx: LearnerContext, text: string, selection: string | null): ChatMessage[] {
  const focus = selection ? `Focus on this part: "${selection}".` : 'Explain the words and grammar a learner at this level may find hard.';
  return [
    {
      role: 'system',
      content: [
        `A learner of ${languageName(ctx.targetLanguage)} (level CEFR ${ctx.level}) asks what a message from their tutor means and how it is built.`,
        `Explain in ${languageName(ctx.nativeLanguage)}, briefly (under 120 words), with short Markdown bullet points. ${focus}`,
      ].join('\n'),
    },
    { role: 'user', content: text },
  ];
}

const wireWords = z.strictObject({ words: z.array(z.strictObject({ term: z.string(), translation: z.string() })) });
export const WORDS_SCHEMA_NAME = 'words';

export function wordsJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(wireWords) as Record<string, unknown>;
  return schema;
}

/** Asks for the words of a tutor message worth learning at this level, with translations. */
export function wordsMessages(ctx: LearnerContext, text: string): ChatMessage[] {
  return [
    {
      role: 'system',
      content: [
        `From the ${languageName(ctx.targetLanguage)} message the user sends, pick at most 5 words or short phrases a CEFR ${ctx.level} learner would benefit from learning (skip the most basic words).`,
        `Give each in its dictionary form as it appears (term) with a short ${languageName(ctx.nativeLanguage)} translation.`,
        'Answer with JSON only: {"words":[{"term":"…","translation":"…"}]}',
      ].join('\n'),
    },
    { role: 'user', content: text },
  ];
}
