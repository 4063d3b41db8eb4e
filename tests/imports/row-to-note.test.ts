import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnMapping } from '../../src-shared/contract/imports';
import { noteFields } from '../../src-shared/domain/vocabulary';
import { NOTE_LIMITS, rowToNote } from '../../src-main/services/imports/row-to-note';

const mapping = columnMapping.parse({ term: 0, translation: 1, example: 2, exampleTranslation: 3, partOfSpeech: 4, gender: 5, ipa: 6, tags: 7 });
const check = (fields: string[], width = 8) => rowToNote(fields, mapping, width);
const reasonOf = (fields: string[], width = 8) => {
  const verdict = check(fields, width);
  return verdict.ok ? null : verdict.reason;
};

describe('checking one CSV row', () => {
  it('turns a full row into a note, reading common spellings of part of speech and gender', () => {
    const verdict = check(['  la casa ', 'house', 'Mi casa es tu casa.', 'My house is your house.', 'Sustantivo', 'fem.', 'ˈka.sa', 'home, basics  A1']);
    expect(verdict).toEqual({
      ok: true,
      note: {
        term: 'la casa',
        translation: 'house',
        examples: [{ text: 'Mi casa es tu casa.', translation: 'My house is your house.' }],
        partOfSpeech: 'noun',
        gender: 'f',
        ipa: 'ˈka.sa',
        tags: ['home', 'basics', 'a1'],
      },
    });
    expect(check(['der Hund', 'the dog', '', '', 'n', 'der', '', ''])).toMatchObject({ ok: true, note: { partOfSpeech: 'noun', gender: 'm', examples: [], ipa: null, tags: [] } });
  });

  it('reads several examples, one per line, paired with their translations line by line', () => {
    const verdict = check(['perro', 'dog', 'El perro ladra.\nUn perro grande.', 'The dog barks.\n', '', '', '', '']);
    expect(verdict).toMatchObject({ ok: true, note: { examples: [{ text: 'El perro ladra.', translation: 'The dog barks.' }, { text: 'Un perro grande.', translation: '' }] } });
  });

  it('says why a row is rejected', () => {
    expect(reasonOf(['', 'house'])).toBe('The term is empty.');
    expect(reasonOf(['casa', '   '])).toBe('The translation is empty.');
    expect(reasonOf(['casa'], 2)).toMatch(/only 1 field.*translation \(column 2\)/);
    expect(reasonOf(['casa', 'house', 'x', 'y'], 2)).toMatch(/4 fields but the file has 2 columns/);
    expect(reasonOf(['x'.repeat(NOTE_LIMITS.term + 1), 'house'])).toMatch(/term is longer than 500/);
    expect(reasonOf(['casa', 'house', '', '', 'noun-ish'])).toMatch(/Unknown part of speech “noun-ish”/);
    expect(reasonOf(['casa', 'house', '', '', 'constructor'])).toMatch(/Unknown part of speech/);
    expect(reasonOf(['casa', 'house', '', '', '', 'x'])).toMatch(/Unknown gender “x”/);
    expect(reasonOf(['ca\u0000sa', 'house'])).toMatch(/control characters/);
    expect(reasonOf(['caf\ufffd', 'coffee'])).toMatch(/not valid in the chosen encoding/);
    expect(reasonOf(['casa', 'house', '', '', '', '', '', Array.from({ length: 51 }, (_, i) => `t${i}`).join(' ')])).toMatch(/More than 50 tags/);
    expect(reasonOf(['casa', 'house', Array.from({ length: 11 }, () => 'Una casa.').join('\n')])).toMatch(/More than 10 example/);
  });

  it('keeps a trailing empty field (a comma at the end of the line) but not extra values', () => {
    expect(check(['casa', 'house', ''], 2).ok).toBe(true);
    expect(check(['casa', 'house', 'extra'], 2).ok).toBe(false);
  });

  it('removes the apostrophe that guards formula-like values in exported files', () => {
    expect(check(["'-ito", "'=diminutive"], 2)).toMatchObject({ ok: true, note: { term: '-ito', translation: '=diminutive' } });
    expect(check(["'casa", 'house'], 2)).toMatchObject({ ok: true, note: { term: "'casa" } });
  });

  it('accepts only what the note schema accepts, and gives the same values', () => {
    let accepted = 0;
    const text = (max: number) =>
      fc.oneof(fc.string({ maxLength: max }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ minLength: max - 2, maxLength: max + 2 }), fc.constantFrom('', ' ', '\u00a0x\u2028', 'a b,c'));
    const row = fc.tuple(text(NOTE_LIMITS.term), text(NOTE_LIMITS.translation), text(30), text(30), fc.constantFrom('', 'noun', 'verb', 'xyz'), fc.constantFrom('', 'm', 'f', 'mf', 'q'), text(NOTE_LIMITS.ipa), text(80));
    fc.assert(
      fc.property(row, (fields) => {
        const verdict = check([...fields]);
        if (!verdict.ok) return;
        accepted += 1;
        const parsed = noteFields.safeParse(verdict.note);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(verdict.note);
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});
