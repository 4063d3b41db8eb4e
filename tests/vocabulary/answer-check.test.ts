import { describe, expect, it } from 'vitest';
import { answerAlternatives, checkAnswer, diffAnswer, tidyAnswer } from '../../src-shared/domain/answer-check';

const strict = { forgiveDiacritics: false };
const forgiving = { forgiveDiacritics: true };

describe('typed answers', () => {
  it('ignores case, spacing at the ends and repeated inner spaces', () => {
    expect(checkAnswer('  La   Casa ', 'la casa', strict).correct).toBe(true);
    expect(checkAnswer('PERRO', 'perro', strict).correct).toBe(true);
    expect(tidyAnswer(' a \t b ')).toBe('a b');
  });

  it('counts accents unless they are forgiven', () => {
    expect(checkAnswer('cancion', 'canción', strict).correct).toBe(false);
    expect(checkAnswer('cancion', 'canción', forgiving).correct).toBe(true);
    expect(checkAnswer('CANCIÓN', 'canción', strict).correct).toBe(true);
    expect(checkAnswer('nino', 'niño', forgiving).correct).toBe(true);
  });

  it('treats a composed and a decomposed accent as the same letter', () => {
    expect(checkAnswer('cafe\u0301', 'café', strict).correct).toBe(true);
  });

  it('never accepts an empty answer', () => {
    expect(checkAnswer('   ', 'sí', forgiving).correct).toBe(false);
  });

  it('accepts any alternative of an answer written with semicolons', () => {
    expect(answerAlternatives('of; from')).toEqual(['of; from', 'of', 'from']);
    const check = checkAnswer('from', 'of; from', strict);
    expect(check).toMatchObject({ correct: true, expected: 'from' });
  });

  it('diffs character by character, showing what was typed wrongly and what is missing', () => {
    expect(diffAnswer('gato', 'gatos', strict)).toEqual([
      { kind: 'same', text: 'gato' },
      { kind: 'missing', text: 's' },
    ]);
    const doubled = diffAnswer('perrro', 'perro', strict);
    expect(doubled.filter((segment) => segment.kind !== 'same')).toEqual([{ kind: 'extra', text: 'r' }]);
    expect(
      doubled
        .filter((segment) => segment.kind !== 'extra')
        .map((segment) => segment.text)
        .join(''),
    ).toBe('perro');
  });

  it('shows the expected spelling in the parts that match when case or forgiven accents differ', () => {
    expect(diffAnswer('CANCION', 'canción', forgiving)).toEqual([{ kind: 'same', text: 'canción' }]);
    const strictDiff = diffAnswer('cancion', 'canción', strict);
    expect(strictDiff.filter((segment) => segment.kind !== 'same').map((segment) => segment.text)).toEqual(['o', 'ó']);
  });

  it('compares with the closest alternative', () => {
    const check = checkAnswer('frm', 'of; from', strict);
    expect(check.correct).toBe(false);
    expect(check.expected).toBe('from');
    expect(check.segments.map((segment) => segment.text).join('')).toBe('from');
  });
});
