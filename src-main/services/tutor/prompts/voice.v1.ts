export const VOICE_PROMPT_VERSION = 'voice.v1';

/**
 * Added to the conversation prompt when the learner speaks: the reply is read aloud sentence by sentence, so it must
 * be short, spoken language, with nothing a voice cannot say.
 */
export function voiceSystemPrompt(): string {
  return [
    'This is a spoken conversation: the learner is talking to you and your reply will be read aloud.',
    'Answer in one to three short sentences, the way a person talks, then hand the turn back with a short question.',
    'No Markdown, lists, emoji, headings or parentheses: only words a voice can say.',
    'The learner’s words come from speech recognition and may be missing punctuation or slightly misheard; answer what they most likely meant.',
  ].join('\n');
}
