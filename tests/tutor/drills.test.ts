import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOZE_BLANK } from '../../src-shared/domain/cloze';
import { tutorFixture, type TutorFixture } from './tutor-fixture';

let fx: TutorFixture;
let deckId: string;
const words = [
  { term: 'la manzana', translation: 'the apple', example: 'Como la manzana roja cada día', exampleTr: 'I eat the red apple every day' },
  { term: 'el tren', translation: 'the train', example: 'El tren sale a las ocho', exampleTr: 'The train leaves at eight' },
  { term: 'la casa', translation: 'the house', example: 'Mi casa es pequeña', exampleTr: 'My house is small' },
  { term: 'el perro', translation: 'the dog', example: 'El perro duerme', exampleTr: 'The dog sleeps' },
];
beforeEach(async () => {
  fx = await tutorFixture({ configure: false });
  deckId = (await fx.learner.call('decks:create', { name: 'Básico' })).deck.id;
  for (const w of words) await fx.learner.call('notes:create', { deckId, term: w.term, translation: w.translation, examples: [{ text: w.example, translation: w.exampleTr }] });
});
afterEach(async () => fx.close());

describe('offline drills', () => {
  it('builds each kind of exercise from the learner’s own notes, without giving the answer away', async () => {
    const { drills, totals } = await fx.learner.call('tutor:offlineDrills', { deckId, count: 20 });
    expect(totals).toEqual({ attempted: 0, correct: 0 });
    expect(drills.length).toBe(4);
    expect(new Set(drills.map((d) => d.kind))).toEqual(new Set(['cloze', 'translate', 'choice', 'order']));
    for (const drill of drills) {
      const word = words.find((w) => drill.prompt.includes(w.translation) || drill.hint === w.exampleTr || drill.prompt.includes(CLOZE_BLANK))!;
      expect(word).toBeDefined();
      if (drill.kind === 'cloze') expect(drill.prompt).toContain(CLOZE_BLANK);
      if (drill.kind === 'choice') expect(drill.choices.length).toBeGreaterThanOrEqual(3);
      if (drill.kind === 'order') expect(drill.tokens.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify({ prompt: drill.prompt, hint: drill.hint, tokens: drill.tokens })).not.toMatch(/la manzana|el tren|la casa|el perro/i);
    }
  });

  it('checks answers in the core and counts the results', async () => {
    const { notes } = { notes: (await fx.learner.call('browse:search', { query: 'tren' })).rows };
    const noteId = notes[0]!.noteId;
    expect(await fx.learner.call('tutor:recordDrill', { noteId, kind: 'translate', answer: ' El Tren ' })).toMatchObject({ correct: true, expected: 'el tren' });
    expect(await fx.learner.call('tutor:recordDrill', { noteId, kind: 'order', answer: 'El tren sale a las ocho' })).toMatchObject({ correct: true });
    const wrong = await fx.learner.call('tutor:recordDrill', { noteId, kind: 'choice', answer: 'la casa' });
    expect(wrong).toMatchObject({ correct: false, expected: 'el tren', totals: { attempted: 3, correct: 2 } });
    expect((await fx.learner.call('tutor:offlineDrills', {})).totals).toEqual({ attempted: 3, correct: 2 });
  });

  it('works with no decks at all: no drills, no error', async () => {
    const other = await tutorFixture({ configure: false });
    try {
      expect(await other.learner.call('tutor:offlineDrills', {})).toEqual({ drills: [], totals: { attempted: 0, correct: 0 } });
    } finally {
      await other.close();
    }
  });
});
