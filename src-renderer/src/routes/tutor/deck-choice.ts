import type { Deck } from '../../../../src-shared/domain/vocabulary';

const KEY = 'parley.tutor.deck';

/** The deck words go to: the one chosen last time if it still exists, else a deck in the language learned. */
export function preferredDeck(decks: readonly Deck[], targetLanguage: string): string {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(KEY);
  } catch {
    remembered = null;
  }
  if (remembered && decks.some((d) => d.id === remembered)) return remembered;
  return (decks.find((d) => d.targetLanguage === targetLanguage) ?? decks[0])?.id ?? '';
}

export function rememberDeck(deckId: string): void {
  try {
    localStorage.setItem(KEY, deckId);
  } catch {
    // Not remembered; the next visit picks a deck again.
  }
}
