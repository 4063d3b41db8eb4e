import { describe, expect, it } from 'vitest';
import { parseCorrections, parseWords } from '../../src-main/services/tutor/correction-parser';
import { createGoalFilter, stripGoalMarker } from '../../src-main/services/tutor/goal-marker';
import { extractJson } from '../../src-main/services/tutor/json-reply';

const learnerText = 'Ayer yo va al mercado y compré muchas manzanas rojo.';
const fix = { original: 'yo va', corrected: 'yo fui', explanation: 'Past tense of "ir".', category: 'grammar', severity: 'major' };

describe('the correction parser', () => {
  it('reads strict structured output', () => {
    expect(parseCorrections(JSON.stringify({ corrections: [fix] }), learnerText)).toEqual([fix]);
  });

  it('finds the JSON inside code fences and prose', () => {
    const reply = 'Sure! Here is the analysis:\n```json\n{"corrections": [' + JSON.stringify(fix) + ']}\n```\nHope it helps.';
    expect(parseCorrections(reply, learnerText)).toEqual([fix]);
  });

  it('accepts a bare array and normalises category and severity spellings', () => {
    const reply = JSON.stringify([{ ...fix, category: 'Word Order', severity: 'HIGH' }]);
    expect(parseCorrections(reply, learnerText)).toEqual([{ ...fix, category: 'word_order', severity: 'major' }]);
  });

  it('drops unknown fields, invalid items, no-op fixes and words the learner never wrote', () => {
    const reply = JSON.stringify({
      corrections: [
        { ...fix, confidence: 0.9, extra: 'x' },
        { ...fix, category: 'pronunciation' },
        { original: 'rojo', corrected: 'rojas', explanation: 'Agreement.', category: 'grammar', severity: 'minor' },
        { original: 'compré', corrected: 'compré', explanation: 'Nothing.', category: 'spelling', severity: 'minor' },
        { original: 'el perro', corrected: 'los perros', explanation: 'Invented.', category: 'grammar', severity: 'minor' },
        { original: 42 },
        'nonsense',
      ],
    });
    expect(parseCorrections(reply, learnerText).map((c) => c.corrected)).toEqual(['yo fui', 'rojas']);
  });

  it('returns nothing for a correct message', () => {
    expect(parseCorrections('{"corrections": []}', learnerText)).toEqual([]);
  });

  it('says clearly when there is no JSON at all', () => {
    expect(() => parseCorrections('I think your sentence is great!', learnerText)).toThrow('could not read');
    expect(() => parseCorrections('', learnerText)).toThrow('could not read');
    expect(() => parseCorrections('{"corrections": "none"}', learnerText)).toThrow('could not read');
  });

  it('extracts JSON with braces inside strings', () => {
    expect(extractJson('x {"a": "}{", "b": [1, {"c": 2}]} y')).toEqual({ a: '}{', b: [1, { c: 2 }] });
    expect(extractJson('no json here')).toBeNull();
  });

  it('reads word suggestions the same tolerant way', () => {
    expect(parseWords('```\n{"words":[{"term":"la estación","translation":"the station"},{"term":""}]}\n```')).toEqual([{ term: 'la estación', translation: 'the station' }]);
  });
});

describe('the goal marker', () => {
  it('never shows the marker, however the stream splits it', () => {
    const text = '¡Muy bien! Has pedido tu café.\n[GOAL REACHED]';
    for (const size of [1, 2, 3, 5, 7, 50]) {
      const filter = createGoalFilter();
      let shown = '';
      for (let i = 0; i < text.length; i += size) shown += filter.push(text.slice(i, i + size));
      shown += filter.flush();
      expect(shown.trim()).toBe('¡Muy bien! Has pedido tu café.');
      expect(filter.reached).toBe(true);
    }
  });

  it('lets ordinary brackets through', () => {
    const filter = createGoalFilter();
    const shown = filter.push('Mira [esto] y [GOAL') + filter.push(' no] fin') + filter.flush();
    expect(shown).toBe('Mira [esto] y [GOAL no] fin');
    expect(filter.reached).toBe(false);
    expect(stripGoalMarker('Hola [GOAL REACHED] adiós')).toEqual({ text: 'Hola\nadiós', reached: true });
    expect(stripGoalMarker('Hola [GOAL REACHED]   ')).toEqual({ text: 'Hola', reached: true });
  });
});
