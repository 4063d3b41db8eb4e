import { z } from 'zod';
import { correctionCategories, correctionSeverities } from '../../../../src-shared/domain/corrections';
import type { ChatMessage } from '../../../providers/llm/openai-client';
import { languageName } from './language-names';
import type { LearnerContext } from './learner';

export const CORRECTIONS_PROMPT_VERSION = 'corrections.v1';

/**
 * The shape asked of the model, without length bounds (strict structured output refuses some keywords); the
 * answer is then checked against the bounded schema in src-shared/domain/corrections.ts.
 */
const wireCorrection = z.strictObject({
  original: z.string(),
  corrected: z.string(),
  explanation: z.string(),
  category: z.enum(correctionCategories),
  severity: z.enum(correctionSeverities),
});
const wireReport = z.strictObject({ corrections: z.array(wireCorrection) });

export const CORRECTIONS_SCHEMA_NAME = 'corrections';

/** JSON schema for `response_format`, from the zod schema (without the `$schema` key some servers refuse). */
export function correctionsJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(wireReport) as Record<string, unknown>;
  return schema;
}

/** Asks for the mistakes in the learner's latest message, explained in their native language. */
export function correctionsMessages(ctx: LearnerContext, learnerText: string, previousTutorText: string | null): ChatMessage[] {
  const target = languageName(ctx.targetLanguage);
  const native = languageName(ctx.nativeLanguage);
  const system = [
    `You are a precise, encouraging ${target} teacher. A learner (native language ${native}, level CEFR ${ctx.level}) wrote a message in a conversation.`,
    'Find the real mistakes in the learner message only. For each give:',
    '- original: the wrong words exactly as the learner wrote them (a short span, not the whole message unless needed);',
    '- corrected: those words corrected;',
    `- explanation: one short sentence in ${native} saying why;`,
    '- category: one of grammar, vocabulary, spelling, word_order, register;',
    '- severity: minor (small slip), moderate (noticeable), major (meaning unclear or wrong).',
    'Ignore capitalisation and punctuation unless they change the meaning. Natural, correct variants are not mistakes.',
    `If the message is not in ${target} at all, return no corrections. If there are no mistakes, return an empty list.`,
    'Answer with JSON only, exactly in this form: {"corrections":[{"original":"…","corrected":"…","explanation":"…","category":"grammar","severity":"minor"}]}',
  ].join('\n');
  const context = previousTutorText ? `Tutor's previous message (context only, do not correct it):\n${previousTutorText}\n\n` : '';
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${context}Learner message:\n${learnerText}` },
  ];
}
