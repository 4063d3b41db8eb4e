/** The nesting of decks, from their parent ids. Pure, so sync-made oddities (orphans, cycles) are handled here once. */
export interface TreeDeck {
  id: string;
  parentId: string | null;
  name: string;
}

export const SEPARATOR = '::';

export interface DeckTree<D extends TreeDeck> {
  /** Decks in display order: each parent followed by its children, siblings by name. */
  ordered: D[];
  /** The parent as shown: null for top-level decks and for decks whose parent is gone. */
  parentOf(id: string): string | null;
  childrenOf(id: string): D[];
  fullName(id: string): string;
  /** The deck and every deck inside it. */
  subtree(id: string): string[];
}

export function buildDeckTree<D extends TreeDeck>(decks: D[]): DeckTree<D> {
  const byId = new Map(decks.map((d) => [d.id, d]));
  const parents = effectiveParents(decks, byId);
  const children = new Map<string | null, D[]>();
  for (const deck of decks) {
    const parent = parents.get(deck.id) ?? null;
    children.set(parent, [...(children.get(parent) ?? []), deck]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));

  const ordered: D[] = [];
  const names = new Map<string, string>();
  const visit = (deck: D, prefix: string) => {
    const fullName = prefix ? `${prefix}${SEPARATOR}${deck.name}` : deck.name;
    names.set(deck.id, fullName);
    ordered.push(deck);
    for (const child of children.get(deck.id) ?? []) visit(child, fullName);
  };
  for (const root of children.get(null) ?? []) visit(root, '');

  return {
    ordered,
    parentOf: (id) => parents.get(id) ?? null,
    childrenOf: (id) => children.get(id) ?? [],
    fullName: (id) => names.get(id) ?? byId.get(id)?.name ?? '',
    subtree(id) {
      const ids: string[] = [];
      const walk = (deckId: string) => {
        ids.push(deckId);
        for (const child of children.get(deckId) ?? []) walk(child.id);
      };
      if (byId.has(id)) walk(id);
      return ids;
    },
  };
}

/**
 * Parent ids that lead somewhere: a missing parent makes a deck top-level, and a cycle (two devices moving decks
 * into each other before syncing) is broken at the deck with the smallest id so every device shows the same tree.
 */
function effectiveParents<D extends TreeDeck>(decks: D[], byId: Map<string, D>): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const deck of decks) parents.set(deck.id, deck.parentId && byId.has(deck.parentId) ? deck.parentId : null);
  for (const deck of decks) {
    const seen: string[] = [];
    let at: string | null = deck.id;
    while (at !== null && !seen.includes(at)) {
      seen.push(at);
      at = parents.get(at) ?? null;
    }
    if (at !== null) {
      const loop = seen.slice(seen.indexOf(at));
      parents.set(
        loop.reduce((min, id) => (id < min ? id : min)),
        null,
      );
    }
  }
  return parents;
}
