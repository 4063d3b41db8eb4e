import type { Core } from '../../src-main/core';
import type { CoreEvent } from '../../src-main/events';
import type { LlmTuning } from '../../src-main/providers/llm/tuning';
import { newId } from '../../db/ids';
import type { EventName, EventPayload } from '../../src-shared/contract/events';
import { startMockOpenAI, type MockOpenAI } from '../support/mock-openai/server';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

/** Short limits so fault tests take milliseconds, not the minutes a real model may need. */
export const FAST_TUNING: Partial<LlmTuning> = {
  connectTimeoutMs: 1_000,
  firstTokenTimeoutMs: 400,
  idleTimeoutMs: 300,
  requestTimeoutMs: 1_500,
  maxAttempts: 3,
  backoffBaseMs: 20,
  backoffMaxMs: 80,
  maxRetryAfterMs: 2_000,
};

export interface TutorFixture {
  core: Core;
  mock: MockOpenAI;
  learner: ReturnType<typeof caller>;
  profileId: string;
  events: CoreEvent[];
  close(): Promise<void>;
}

/** A core with a signed-in learner whose primary provider is the mock server. */
export async function tutorFixture(options: { tuning?: Partial<LlmTuning>; apiKey?: string; configure?: boolean } = {}): Promise<TutorFixture> {
  const mock = await startMockOpenAI({ knobs: options.apiKey ? { apiKey: options.apiKey } : {} });
  const dataDir = tempDir('parley-tutor-');
  const core = await makeCore({ dataDir, llmOptions: { tuning: { ...FAST_TUNING, ...options.tuning }, localServers: [] } });
  const events: CoreEvent[] = [];
  const unsubscribe = core.events.subscribe((event) => events.push(event));
  const learner = caller(core);
  const { profile } = await learner.call('profiles:create', sampleProfile);
  if (options.configure !== false) {
    await learner.call('llm:saveConfig', {
      primary: { kind: 'openai-compatible', baseUrl: mock.baseUrl, conversationModel: 'mock-chat', analysisModel: 'mock-analysis', ...(options.apiKey ? { apiKey: options.apiKey } : {}) },
      fallback: null,
    });
  }
  return {
    core,
    mock,
    learner,
    profileId: profile.id,
    events,
    async close() {
      unsubscribe();
      await core.close();
      await mock.close();
    },
  };
}

export const clientId = () => newId();

export function eventsOf<N extends EventName>(events: CoreEvent[], name: N, messageId?: string): EventPayload<N>[] {
  return events
    .filter((e) => e.name === name)
    .map((e) => e.payload as EventPayload<N>)
    .filter((p) => messageId === undefined || (p as { messageId?: string }).messageId === messageId);
}

/** Resolves with the first event that matches, waiting up to `ms`. */
export async function waitForEvent<N extends EventName>(fx: TutorFixture, name: N, match: (p: EventPayload<N>) => boolean = () => true, ms = 3_000): Promise<EventPayload<N>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = eventsOf(fx.events, name).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${name} event within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Waits for the reply's `tutor:done` and for the analysis beside it. */
export async function settle(fx: TutorFixture, messageId: string) {
  const done = await waitForEvent(fx, 'tutor:done', (p) => p.messageId === messageId);
  await fx.core.internals().services.tutor.settle();
  return done;
}
