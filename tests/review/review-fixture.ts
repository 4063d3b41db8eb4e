import type { Core } from '../../src-main/core';
import type { Preset } from '../../src-shared/domain/vocabulary';
import { caller, makeCore, sampleProfile } from '../support/test-core';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A clock the test moves by hand. */
export function manualClock(start: number) {
  return {
    t: start,
    now() {
      return this.t;
    },
    advance(ms: number) {
      this.t += ms;
    },
  };
}

export const word = (i: number, extra: { tags?: string[]; example?: string } = {}) => ({
  term: `palabra${i}`,
  translation: `word${i}`,
  examples: extra.example ? [{ text: extra.example, translation: `The sentence ${i}.` }] : [],
  partOfSpeech: null,
  gender: null,
  ipa: null,
  tags: extra.tags ?? [],
});

interface LearnerOptions {
  start?: number;
  timeZone?: string;
  preset?: Partial<Omit<Preset, 'id'>>;
}

/** A signed-in learner with one deck, on a clock the test controls. */
export async function learnerWithDeck(options: LearnerOptions = {}) {
  const clock = manualClock(options.start ?? Date.UTC(2026, 0, 15, 12));
  const core: Core = await makeCore({ clock });
  const c = caller(core);
  const { profile } = await c.call('profiles:create', { ...sampleProfile });
  if (options.timeZone) await c.call('settings:update', { patch: { timeZone: options.timeZone } });
  const { services, sqlite } = core.internals();
  const profileId = profile.id;
  const deck = services.deckRows.create(profileId, {
    name: 'Spanish',
    parentId: null,
    nativeLanguage: 'en',
    targetLanguage: 'es',
  });
  const preset = services.presets.update(profileId, deck.presetId, options.preset ?? {});

  /** Adds notes; returns their ids in order. */
  const addWords = (words: ReturnType<typeof word>[], deckId = deck.id) =>
    words.map((w) => services.notes.create(profileId, deckId, w, 'manual').id);
  /** The note's card of a kind. */
  const cardOf = (noteId: string, kind: 'recognition' | 'production' | 'cloze' = 'recognition') => {
    const card = services.notes.get(profileId, noteId).cards.find((x) => x.kind === kind);
    if (!card) throw new Error(`no ${kind} card`);
    return card.id;
  };
  const cardRow = (cardId: string) =>
    sqlite.prepare('SELECT * FROM cards WHERE id = ?').get(cardId) as Record<string, unknown>;
  /** Test set-up only: puts a card straight into the review state, due at `due`. */
  const makeReview = (cardId: string, due: number, stability = 10) =>
    sqlite
      .prepare(
        'UPDATE cards SET state = 2, due = ?, stability = ?, difficulty = 5, scheduled_days = 10, reps = 1, last_review = ? WHERE id = ?',
      )
      .run(due, stability, due - 10 * DAY, cardId);

  return { core, c, clock, profileId, deck, preset, services, sqlite, addWords, cardOf, cardRow, makeReview };
}
export type Learner = Awaited<ReturnType<typeof learnerWithDeck>>;
