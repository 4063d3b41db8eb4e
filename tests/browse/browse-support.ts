import type { Core } from '../../src-main/core';
import { learner, word } from '../decks/decks-support';

export { DAY, HOUR, NOON, word } from '../decks/decks-support';

/** A learner with a Spanish deck (and a Food subdeck) holding a few words, and a French deck. */
export async function browsingLearner(): Promise<
  Awaited<ReturnType<typeof learner>> & { spanish: string; food: string; french: string; core: Core }
> {
  const l = await learner();
  const { deck: spanish } = await l.c.call('decks:create', { name: 'Spanish' });
  const { deck: food } = await l.c.call('decks:create', { name: 'Food', parentId: spanish.id });
  const { deck: french } = await l.c.call('decks:create', { name: 'French', targetLanguage: 'fr' });
  const add = (deckId: string, ...notes: ReturnType<typeof word>[]) =>
    l.services.notes.insertMany(l.profileId, deckId, notes, 'manual');
  add(
    spanish.id,
    word('árbol', 'tree', { tags: ['nature'] }),
    word('perro', 'dog', { tags: ['animals', 'a1'] }),
    word('pera', 'pear', { tags: ['food'] }),
  );
  add(
    food.id,
    word('pan', 'bread', {
      examples: [{ text: 'Compro pan cada día.', translation: 'I buy bread every day.' }],
      tags: ['food', 'phrasal_verb'],
    }),
  );
  add(french.id, word('arbre', 'tree', { tags: ['nature', 'verb'] }), word('pain', 'bread', { tags: ['food'] }));
  return { ...l, spanish: spanish.id, food: food.id, french: french.id };
}

export function cardsOf(l: { sqlite: import('better-sqlite3').Database; profileId: string }, term: string): string[] {
  return l.sqlite
    .prepare(
      `SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id WHERE n.term = ? AND c.profile_id = ? AND c.deleted_at IS NULL ORDER BY c.position`,
    )
    .pluck()
    .all(term, l.profileId) as string[];
}
