import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  scenario,
  scenarioLevels,
  scenarioTopics,
  scenarioVocabularyIn,
  summarizeScenario,
  type Scenario,
} from '../../src-shared/domain/scenario';
import { scenarioSummary } from '../../src-shared/domain/tutor';
import { RESOURCES_DIR } from '../support/test-core';

const dir = path.join(RESOURCES_DIR, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const parsed = files.map((file) => ({ file, raw: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown }));
const library: Scenario[] = parsed.map(({ raw }) => scenario.parse(raw));

describe('scenario library', () => {
  it('holds at least 40 scenarios and nothing else but the README', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual(['README.md']);
  });

  it.each(parsed)('$file follows the schema and is named after its id', ({ file, raw }) => {
    const result = scenario.safeParse(raw);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(file).toBe(`${result.data!.id}.json`);
  });

  it('has unique ids and unique titles in both interface languages', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(library.map((s) => s.id))).toBe(true);
    expect(unique(library.map((s) => s.title.en))).toBe(true);
    expect(unique(library.map((s) => s.title.es))).toBe(true);
  });

  it('spreads across every level from A1 to C1, at least six per level', () => {
    for (const level of scenarioLevels) {
      expect(library.filter((s) => s.level === level).length, level).toBeGreaterThanOrEqual(6);
    }
  });

  it('covers the situations learners ask for most', () => {
    const ids = library.map((s) => s.id);
    for (const needed of [
      'ordering-at-a-cafe',
      'job-interview',
      'doctors-visit',
      'renting-a-flat',
      'weekend-small-talk',
      'debate-remote-work',
      'at-the-pharmacy',
      'lost-luggage',
      'parent-teacher-meeting',
      'negotiating-a-salary',
      'returning-a-faulty-product',
    ]) {
      expect(ids).toContain(needed);
    }
    expect(new Set(library.map((s) => s.topic)).size).toBe(scenarioTopics.length);
  });

  it('keeps the tutor instructions language-neutral: no target language is named', () => {
    const named = /\b(English|Spanish|French|German)\b/;
    for (const s of library) {
      expect(`${s.opening} ${s.successCheck} ${s.tutorNotes ?? ''}`, s.id).not.toMatch(named);
    }
  });

  it('gives a distinct wording of every useful word in each target language', () => {
    for (const s of library) {
      for (const lang of ['en', 'es', 'fr', 'de']) {
        const words = scenarioVocabularyIn(s, lang);
        expect(new Set(words).size, `${s.id} ${lang}`).toBe(s.vocabulary.length);
      }
    }
  });

  it('summarises a scenario in the interface language with the vocabulary of the target language', () => {
    const cafe = library.find((s) => s.id === 'ordering-at-a-cafe')!;
    const es = summarizeScenario(cafe, 'es', 'fr');
    expect(scenarioSummary.parse(es)).toEqual(es);
    expect(es.title).toBe('Pedir en una cafetería');
    expect(es.vocabulary).toContain("l'addition");
    expect(es.tags[0]).toBe('food');
    // A target language without wordings falls back to the English concept.
    expect(summarizeScenario(cafe, 'en', 'it').vocabulary).toContain('the bill');
  });

  it('rejects a scenario with a missing Spanish title or an unknown level', () => {
    const cafe = parsed.find((p) => p.file === 'ordering-at-a-cafe.json')!.raw as Record<string, unknown>;
    expect(scenario.safeParse({ ...cafe, title: { en: 'Café' } }).success).toBe(false);
    expect(scenario.safeParse({ ...cafe, level: 'C2' }).success).toBe(false);
    expect(scenario.safeParse({ ...cafe, extra: true }).success).toBe(false);
  });
});
