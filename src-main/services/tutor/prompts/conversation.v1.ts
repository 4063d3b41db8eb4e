import { languageName } from './language-names';
import { LEVEL_GUIDANCE, needsNativeHints, type LearnerContext } from './learner';

export const CONVERSATION_PROMPT_VERSION = 'conversation.v1';

/** The line the tutor ends a message with when a scenario's goal is reached; Parley strips it from the text. */
export const GOAL_MARKER = '[GOAL REACHED]';

/** The system prompt of the conversation: who the tutor is, how to speak to this learner, and the scene. */
export function conversationSystemPrompt(ctx: LearnerContext, summary: string): string {
  const target = languageName(ctx.targetLanguage);
  const native = languageName(ctx.nativeLanguage);
  const lines: string[] = [
    ctx.scenario
      ? `You are a language tutor running a role-play with a learner of ${target}.`
      : `You are Parley, a warm, patient language tutor having a free conversation with a learner of ${target}.`,
    `The learner's native language is ${native}. Their level is CEFR ${ctx.level}.`,
    `Always reply in ${target}. ${LEVEL_GUIDANCE[ctx.level]}`,
    needsNativeHints(ctx.level)
      ? `Because the learner is a beginner, after your reply you may add one short hint in ${native}, in parentheses, for a word or phrase they may not know.`
      : `Do not use ${native} unless the learner asks for an explanation.`,
    'Keep each reply short (two to four sentences) and end with a question or a prompt that keeps the learner talking.',
    'Do not list or explain the learner’s mistakes: corrections are shown to them separately. You may use the correct form naturally in your reply.',
    'Write plain text; light Markdown (bold, italics, short lists) is fine. Never write HTML.',
  ];
  if (ctx.goals.length) lines.push(`The learner is studying for: ${ctx.goals.join(', ')}.`);
  if (ctx.interests.length) lines.push(`Their interests: ${ctx.interests.join(', ')}. Draw on them for topics when it fits.`);
  if (ctx.studyWords.length) {
    const words = ctx.studyWords.map((w) => `${w.term} (${w.translation})`).join('; ');
    lines.push(`The learner is practising these words; use some of them naturally when they fit, without forcing them: ${words}.`);
  }
  if (ctx.scenario) lines.push(...scenarioLines(ctx, target));
  if (summary) lines.push(`Summary of the earlier part of this conversation: ${summary}`);
  return lines.join('\n');
}

function scenarioLines(ctx: LearnerContext, target: string): string[] {
  const s = ctx.scenario!;
  const vocabulary = s.vocabulary.map((v) => (v.terms as Record<string, string>)[ctx.targetLanguage] ?? v.concept).join(', ');
  return [
    '',
    `Role-play "${s.title.en}" (${s.level}).`,
    `You play: ${s.tutorRole.en}. Stay in this role.`,
    `The learner plays: ${s.learnerRole.en}.`,
    `Opening: ${s.opening}`,
    `The learner's goal: ${s.goal.en}`,
    `Useful vocabulary (in ${target}): ${vocabulary}.`,
    ...(s.tutorNotes ? [`Notes: ${s.tutorNotes}`] : []),
    `Success check: ${s.successCheck}`,
    `When, and only when, the success check is met, congratulate the learner in ${target} and end that message with a line containing exactly ${GOAL_MARKER}. Never write ${GOAL_MARKER} otherwise.`,
  ];
}

/** The user turn that asks the model to carry on a reply that stopped early. */
export const CONTINUE_INSTRUCTION =
  'Your previous message was cut off. Continue it exactly where it stopped, without repeating anything already written.';
