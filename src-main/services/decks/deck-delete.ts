import { cards, decks, notes } from '../../../db/schema';
import type { DomainDeps } from '../index';

/**
 * Tombstones decks with their notes and cards in one transaction: the notes in those decks with all their cards
 * (wherever a card was moved to), and cards moved into those decks from notes kept elsewhere. `check` sees how many
 * words would go before anything changes and may refuse by throwing. The review log stays: it is history.
 */
export function deleteDeckTree(
  { db, mutator }: Pick<DomainDeps, 'db' | 'mutator'>,
  profileId: string,
  deckIds: string[],
  check: (noteCount: number) => void,
): number {
  const sqlite = db.$client;
  const inDecks = JSON.stringify(deckIds);
  const noteIds = sqlite
    .prepare(
      `SELECT id FROM notes WHERE profile_id = ? AND deck_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    )
    .pluck()
    .all(profileId, inDecks) as string[];
  check(noteIds.length);
  const cardIds = sqlite
    .prepare(
      `SELECT id FROM cards WHERE profile_id = @profileId AND deleted_at IS NULL AND deck_id IN (SELECT value FROM json_each(@inDecks))
       UNION
       SELECT c.id FROM notes n JOIN cards c ON c.note_id = n.id
       WHERE n.profile_id = @profileId AND n.deck_id IN (SELECT value FROM json_each(@inDecks)) AND n.deleted_at IS NULL
         AND c.profile_id = @profileId AND c.deleted_at IS NULL`,
    )
    .pluck()
    .all({ profileId, inDecks }) as string[];
  sqlite.transaction(() => {
    mutator.removeMany(cards, profileId, cardIds);
    mutator.removeMany(notes, profileId, noteIds);
    mutator.removeMany(decks, profileId, deckIds);
  })();
  return noteIds.length;
}
