/**
 * Choosing the system's voice (and espeak-ng's) for a language. Pure, without DOM types, so it is tested in Node;
 * sentence-fallback.ts and useSpeech speak with what it picks.
 */

/** The parts of a system voice (`SpeechSynthesisVoice`) the choice looks at. */
export interface VoiceLike {
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/** A BCP 47 tag in one spelling: lower case, hyphens (`pt_BR` and `pt-br` are both `pt-br`). */
export const normalTag = (tag: string): string => tag.trim().toLowerCase().replace(/_/g, '-');
const primaryOf = (tag: string): string => normalTag(tag).split('-')[0] ?? '';

/**
 * The system voice to speak `language` with (an ISO 639-1 code such as `es`, or a tag such as `pt-BR`): a voice
 * of exactly that tag first, else one of the same language in any region; among those an on-device voice before
 * a network one, and the system's default before the rest. Null when no voice speaks the language (a voice of
 * another language would read the text with the wrong sounds).
 */
export function pickSystemVoice<V extends VoiceLike>(voices: readonly V[], language: string): V | null {
  const wanted = normalTag(language);
  const primary = primaryOf(language);
  if (!primary) return null;
  const rank = (voice: V): number => {
    const tag = normalTag(voice.lang);
    if (primaryOf(tag) !== primary) return -1;
    return (tag === wanted ? 4 : 0) + (voice.localService ? 2 : 0) + (voice.default ? 1 : 0);
  };
  let best: V | null = null;
  let bestRank = -1;
  for (const voice of voices) {
    const r = rank(voice);
    if (r > bestRank) {
      best = voice;
      bestRank = r;
    }
  }
  return best;
}

/** The utterance's lang: the voice's own tag when it has one (it is of the language), else the language. */
export function utteranceLang(voice: VoiceLike, language: string): string {
  return voice.lang.trim() ? voice.lang.replace(/_/g, '-') : language;
}

/** espeak-ng's voice names for a language, best first: a region tag as given, then the language (`zh`: Mandarin). */
const ESPEAK_NAMES: Record<string, string> = { zh: 'cmn' };
export function espeakVoicesFor(language: string): string[] {
  const tag = normalTag(language);
  const primary = primaryOf(language);
  const names = [tag !== primary ? tag : null, ESPEAK_NAMES[primary] ?? null, primary];
  return names.filter((name, i): name is string => !!name && names.indexOf(name) === i);
}
