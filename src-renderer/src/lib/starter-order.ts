import type { Output } from '../../../src-shared/contract';

export type StarterDeck = Output<'decks:starters'>['starters'][number];

/** The decks for the learner's own pair of languages first, then those in the language they learn, then the rest. */
export function orderStarters(
  starters: readonly StarterDeck[],
  languages: { nativeLanguage: string; targetLanguage: string },
): StarterDeck[] {
  const rank = (starter: StarterDeck) =>
    (starter.targetLanguage === languages.targetLanguage ? 0 : 2) +
    (starter.nativeLanguage === languages.nativeLanguage ? 0 : 1);
  return [...starters].sort((a, b) => rank(a) - rank(b));
}
