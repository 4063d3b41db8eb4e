import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenario as scenarioSchema } from '../../src-shared/domain/scenario';
import type { MessageRow } from '../../src-main/services/tutor/conversation-store';
import { buildConversationPrompt } from '../../src-main/services/tutor/prompt-builder';
import { correctionsJsonSchema, correctionsMessages } from '../../src-main/services/tutor/prompts/corrections.v1';
import type { LearnerContext } from '../../src-main/services/tutor/prompts/learner';
import { RESOURCES_DIR } from '../support/test-core';

const learner = (over: Partial<LearnerContext> = {}): LearnerContext => ({
  nativeLanguage: 'en',
  targetLanguage: 'es',
  level: 'A1',
  goals: ['travel'],
  interests: ['cooking', 'football'],
  studyWords: [
    { term: 'la manzana', translation: 'the apple' },
    { term: 'el tren', translation: 'the train' },
  ],
  scenario: null,
  ...over,
});

let n = 0;
const message = (role: 'learner' | 'tutor', text: string, createdAt = ++n): MessageRow => ({
  id: `m-${String(createdAt).padStart(6, '0')}`,
  profileId: 'p',
  conversationId: 'c',
  role,
  text,
  status: 'complete',
  error: null,
  clientMessageId: null,
  analysis: 'none',
  translation: null,
  createdAt,
  updatedAt: '',
  deletedAt: null,
});

const system = (ctx: LearnerContext, summary = '') => buildConversationPrompt(ctx, { text: summary, through: 0 }, []).messages[0]!.content;

describe('the conversation prompt', () => {
  it('names the target and native languages, the level, goals, interests and the words to weave in', () => {
    const text = system(learner());
    expect(text).toContain('learner of Spanish');
    expect(text).toContain('native language is English');
    expect(text).toContain('CEFR A1');
    expect(text).toContain('Always reply in Spanish');
    expect(text).toContain('travel');
    expect(text).toContain('cooking, football');
    expect(text).toContain('la manzana (the apple); el tren (the train)');
  });

  it('offers native-language hints at A1–A2 only', () => {
    expect(system(learner({ level: 'A2' }))).toContain('one short hint in English');
    expect(system(learner({ level: 'B2' }))).not.toContain('hint in English');
    expect(system(learner({ level: 'B2' }))).toContain('Do not use English unless');
  });

  it('sets the scene of a scenario: roles, goal, vocabulary in the target language, success check and the marker', () => {
    const raw = JSON.parse(readFileSync(path.join(RESOURCES_DIR, 'scenarios', 'asking-for-directions.json'), 'utf8'));
    const scenario = scenarioSchema.parse(raw);
    const text = system(learner({ scenario, targetLanguage: 'fr' }));
    expect(text).toContain(`You play: ${scenario.tutorRole.en}`);
    expect(text).toContain(`The learner plays: ${scenario.learnerRole.en}`);
    expect(text).toContain(scenario.goal.en);
    expect(text).toContain(`Success check: ${scenario.successCheck}`);
    expect(text).toContain(scenario.vocabulary[0]!.terms.fr);
    expect(text).toContain('[GOAL REACHED]');
  });

  it('keeps recent turns within the budget and leaves older ones to the stored summary', () => {
    const recent = Array.from({ length: 30 }, (_, i) => message(i % 2 ? 'tutor' : 'learner', `turn ${i} ${'palabra '.repeat(20)}`)).reverse();
    const built = buildConversationPrompt(learner(), { text: 'They talked about trains.', through: 0 }, recent, { historyTokens: 500, maxTurns: 40 });
    const turns = built.messages.slice(1);
    expect(turns.length).toBeGreaterThan(2);
    expect(turns.length).toBeLessThan(30);
    expect(turns[turns.length - 1]!.content).toContain('turn 29 ');
    expect(turns.map((t) => t.role)).toEqual(turns.map((_, i) => ((30 - turns.length + i) % 2 ? 'assistant' : 'user')));
    expect(built.messages[0]!.content).toContain('Summary of the earlier part of this conversation: They talked about trains.');
    expect(built.unsummarized.length).toBe(30 - turns.length);
    expect(built.unsummarized[0]!.text).toContain('turn 0 ');
  });

  it('leaves out of the summary queue what the summary already covers', () => {
    const recent = Array.from({ length: 10 }, (_, i) => message('learner', `m${i} ${'x'.repeat(400)}`, 1000 + i)).reverse();
    const built = buildConversationPrompt(learner(), { text: 's', through: 1005 }, recent, { historyTokens: 300, maxTurns: 40 });
    expect(built.unsummarized.every((m) => m.createdAt > 1005)).toBe(true);
  });

  it('always sends the latest turn, even a very long one', () => {
    const built = buildConversationPrompt(learner(), { text: '', through: 0 }, [message('learner', 'y'.repeat(20_000))], { historyTokens: 100, maxTurns: 40 });
    expect(built.messages).toHaveLength(2);
  });
});

describe('the corrections prompt', () => {
  it('asks for explanations in the native language and a JSON schema without $schema', () => {
    const [sys, user] = correctionsMessages(learner({ nativeLanguage: 'de' }), 'Yo es Ana', '¿Cómo te llamas?');
    expect(sys!.content).toContain('one short sentence in German');
    expect(user!.content).toContain('Yo es Ana');
    expect(user!.content).toContain('¿Cómo te llamas?');
    const schema = correctionsJsonSchema();
    expect(schema).not.toHaveProperty('$schema');
    expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['corrections'] });
    const item = (schema.properties as { corrections: { items: { required: string[]; properties: { category: { enum: string[] } } } } }).corrections.items;
    expect(item.required.sort()).toEqual(['category', 'corrected', 'explanation', 'original', 'severity']);
    expect(item.properties.category.enum).toEqual(['grammar', 'vocabulary', 'spelling', 'word_order', 'register']);
  });
});
