import { describe, expect, it } from 'vitest';
import { createSentenceSplitter, speakable } from '../../src-main/services/voice/sentence-splitter';
import { isClose, matchShadowing, normalizeWord } from '../../src-main/services/voice/shadowing';

const splitAll = (pieces: string[]) => {
  const splitter = createSentenceSplitter();
  const out = pieces.flatMap((p) => splitter.push(p));
  return { early: out.length, all: [...out, ...splitter.flush()] };
};

describe('sentence splitter', () => {
  it('completes sentences as tokens arrive, before the stream ends', () => {
    const { early, all } = splitAll(['¡Hola', '! ¿Qué', ' tal', ' estás? ', 'Yo', ' bien.']);
    expect(all).toEqual(['¡Hola!', '¿Qué tal estás?', 'Yo bien.']);
    expect(early).toBe(2);
  });

  it('does not cut after abbreviations, initials or decimals, and cuts at line breaks', () => {
    expect(splitAll(['El Sr. Pérez tiene 3.5 euros. J. R. vino. Fin']).all).toEqual(['El Sr. Pérez tiene 3.5 euros.', 'J. R. vino.', 'Fin']);
    expect(splitAll(['Primera línea\nSegunda línea']).all).toEqual(['Primera línea', 'Segunda línea']);
    expect(splitAll(['Wait… what? "Yes." Okay']).all).toEqual(['Wait…', 'what?', '"Yes."', 'Okay']);
  });

  it('cuts a long run-on sentence at its last comma so speech can start', () => {
    const long = 'Cuando era pequeño vivía en un pueblo muy tranquilo cerca de las montañas, íbamos al río todos los veranos con mis primos y mis tíos, y por la noche ';
    expect(long.length).toBeGreaterThan(140);
    const splitter = createSentenceSplitter();
    expect(splitter.push(long)).toEqual([long.slice(0, long.lastIndexOf(',') + 1).trim()]);
    expect(splitter.flush()).toEqual(['y por la noche']);
    expect(createSentenceSplitter().push('Bueno, vale, sí, ')).toEqual([]);
  });

  it('strips Markdown before speaking', () => {
    expect(speakable('**La estación** está _cerca_.')).toBe('La estación está cerca.');
    expect(speakable('- `uno`')).toBe('uno');
  });
});

describe('shadowing match', () => {
  it('normalises case, punctuation and diacritics', () => {
    expect(normalizeWord('¿Está?')).toBe('esta');
    expect(normalizeWord('Über')).toBe('uber');
  });

  it('calls small spelling distances close and larger ones not', () => {
    expect(isClose('gato', 'gatos')).toBe(true);
    expect(isClose('perro', 'pero')).toBe(true);
    expect(isClose('mesa', 'casa')).toBe(false);
    expect(isClose('biblioteca', 'bibliotecas')).toBe(true);
  });

  it('matches word by word: exact, close, missed (with what was heard instead) and extra', () => {
    const { words, score } = matchShadowing('Me gusta mucho la música clásica.', 'me gustan mucho eh la musica moderna');
    expect(words).toEqual([
      { word: 'Me', heard: 'me', match: 'exact' },
      { word: 'gusta', heard: 'gustan', match: 'close' },
      { word: 'mucho', heard: 'mucho', match: 'exact' },
      { word: 'eh', heard: 'eh', match: 'extra' },
      { word: 'la', heard: 'la', match: 'exact' },
      { word: 'música', heard: 'musica', match: 'exact' },
      { word: 'clásica', heard: 'moderna', match: 'missed' },
    ]);
    expect(score).toBeCloseTo((4 + 0.5) / 6, 2);
  });

  it('scores a perfect reading 1 and silence 0', () => {
    expect(matchShadowing('Buenos días.', 'buenos dias').score).toBe(1);
    const none = matchShadowing('Buenos días.', '');
    expect(none.score).toBe(0);
    expect(none.words.map((w) => w.match)).toEqual(['missed', 'missed']);
  });
});
