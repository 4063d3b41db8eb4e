import type { Deck } from '../../../src-shared/domain/vocabulary';

/** How deep each deck sits in the tree (0 for a top-level deck). */
export function deckDepths(decks: readonly Deck[]): Map<string, number> {
  const parents = new Map(decks.map((deck) => [deck.id, deck.parentId]));
  const depths = new Map<string, number>();
  for (const deck of decks) {
    let depth = 0;
    for (let parent = deck.parentId; parent && depth < decks.length; parent = parents.get(parent) ?? null) depth += 1;
    depths.set(deck.id, depth);
  }
  return depths;
}

/** A deck and every deck below it. */
export function subtreeOf(decks: readonly Deck[], rootId: string): Set<string> {
  const inside = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const deck of decks) {
      if (deck.parentId && inside.has(deck.parentId) && !inside.has(deck.id)) {
        inside.add(deck.id);
        grew = true;
      }
    }
  }
  return inside;
}

/** Where a deck may go: anywhere but inside itself. */
export function parentChoices(decks: readonly Deck[], movingId: string | null): Deck[] {
  const excluded = movingId ? subtreeOf(decks, movingId) : new Set<string>();
  return decks.filter((deck) => !excluded.has(deck.id));
}
