import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { replayCard } from '../../src-main/services/review/replay';
import { DEFAULT_PRESET } from '../../src-shared/domain/vocabulary';
import { ankiLearner } from '../support/anki-learner';
import { samplePackage, writeAnkiPackage, type GenFormat } from '../support/anki-package';
import { tempDir } from '../support/test-core';
import path from 'node:path';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

const FORMATS: GenFormat[] = ['anki2', 'anki21', 'anki21b'];

describe.each(FORMATS)('importing a generated %s package', (format) => {
  it('brings in notes, nested decks, media, tags, suspended and buried cards and the review history', async () => {
    const l = await ankiLearner();
    core = l.core;
    const file = await writeAnkiPackage(path.join(tempDir(), `sample-${format}.apkg`), samplePackage(format));
    const { inspection, result } = await l.importPackage(file);

    expect(inspection.format).toBe(format);
    expect(inspection.noteTypes.find((nt) => nt.name === 'Vocabulary')?.suggestedMapping).toMatchObject({ term: 0, translation: 1, ipa: 2, example: 3 });
    expect(inspection.noteTypes.find((nt) => nt.name === 'Cloze')).toMatchObject({ kind: 'cloze', suggestedMapping: { term: 0, translation: 1 } });
    expect(inspection.decks).toEqual(expect.arrayContaining(['Spanish::Animals', 'Spanish::Verbs']));

    expect(result).toMatchObject({ status: 'done', committed: true, imported: 4, skipped: 1, media: 2 });
    expect(result.missingMedia.sort()).toEqual(['../escape.mp3', 'gato.mp3']);
    expect(result.problems.map((p) => p.reason).join(' | ')).toMatch(/“Broken” has no fields/);

    const notes = l.notes();
    const perro = notes.find((n) => n.guid === 'vocab-perro')!;
    expect(perro).toMatchObject({ term: 'el perro', translation: 'the dog', ipa: '/ˈpe.ro/', tags: 'animals noun' });
    expect(JSON.parse(perro.examples)).toEqual([{ text: 'El perro come.', translation: '' }]);
    expect(JSON.parse(perro.audio)).toHaveLength(1);
    expect(JSON.parse(perro.images)).toHaveLength(1);
    expect(notes.find((n) => n.guid === 'basic-casa')).toMatchObject({ term: 'casa', translation: 'house & home\nbuilding' });
    const comer = notes.find((n) => n.guid === 'cloze-comer')!;
    expect(comer).toMatchObject({ term: 'comer', translation: 'to eat' });
    expect(JSON.parse(comer.examples)).toEqual([{ text: 'Vamos a comer ahora.', translation: '' }]);

    // "Spanish::Animals" became a deck inside "Spanish".
    const deckRow = l.sqlite.prepare('SELECT name, parent_id AS parentId FROM decks WHERE id = ?');
    const deckPath = (id: string): string => {
      const row = deckRow.get(id) as { name: string; parentId: string | null };
      return row.parentId ? `${deckPath(row.parentId)}::${row.name}` : row.name;
    };
    expect(deckPath(perro.deckId)).toBe('Spanish::Animals');
    expect(deckPath(comer.deckId)).toBe('Spanish::Verbs');
    expect(result.deckIds).toHaveLength(1);

    const card = (noteId: string, kind: string) =>
      l.sqlite.prepare('SELECT * FROM cards WHERE note_id = ? AND kind = ?').get(noteId, kind) as Record<string, number | null>;
    // The recognition card: its four answers replayed give exactly the stored FSRS state.
    const logs = l.sqlite.prepare('SELECT reviewed_at AS reviewedAt, rating FROM review_logs WHERE card_id = ? ORDER BY reviewed_at').all(card(perro.id, 'recognition').id) as { reviewedAt: number; rating: number }[];
    expect(logs.map((r) => r.rating)).toEqual([3, 3, 1, 3]);
    const replayed = replayCard(logs, DEFAULT_PRESET as never);
    expect(card(perro.id, 'recognition')).toMatchObject({ reps: 4, lapses: 1, state: replayed.state, due: replayed.due, stability: replayed.stability });
    // The production card was suspended in Anki; its manual reschedule (ease 0) is not an answer.
    expect(card(perro.id, 'production')).toMatchObject({ suspended: 1, reps: 1 });
    expect(card(notes.find((n) => n.guid === 'basic-casa')!.id, 'recognition').buried_until).toBeGreaterThan(Date.now() - 60_000);
    // gato's card carried Anki's FSRS memory state, which wins over the replayed one.
    expect(card(notes.find((n) => n.guid === 'rev-gato')!.id, 'recognition')).toMatchObject({ stability: 12.5, difficulty: 4.2, reps: 1 });
    expect(card(comer.id, 'cloze')).toBeTruthy();
    expect(l.count('SELECT count(*) FROM review_logs WHERE profile_id = ?')).toBe(result.reviews);
    expect(result.reviews).toBe(6);
    // Every write went through the mutator: one change per log row.
    expect(l.count(`SELECT count(*) FROM changes WHERE profile_id = ? AND table_name = 'review_logs'`)).toBe(6);
    // Cards the import changed record their update; a card it created and left as created (comer's, never
    // answered in Anki) records none.
    const cardUpdates = (noteId: string) =>
      l.sqlite.prepare(`SELECT count(*) FROM changes WHERE table_name = 'cards' AND op = 'update' AND row_id IN (SELECT id FROM cards WHERE note_id = ?)`).pluck().get(noteId);
    expect(cardUpdates(comer.id)).toBe(0);
    expect(cardUpdates(perro.id)).toBe(2);

    // Importing the same package again updates by guid: nothing duplicated, no review logged twice.
    const again = await l.importPackage(file);
    expect(again.result).toMatchObject({ status: 'done', imported: 0, updated: 4, reviews: 0 });
    expect(l.notes()).toHaveLength(4);
    expect(l.count('SELECT count(*) FROM review_logs WHERE profile_id = ?')).toBe(6);
  });
});
