import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { retryDelay } from '../../src-main/providers/llm/backoff';
import { LlmError, retryAfterMs } from '../../src-main/providers/llm/llm-errors';
import { createLlmClient, type StreamResult } from '../../src-main/providers/llm/openai-client';
import { DEFAULT_LLM_TUNING, type LlmTuning } from '../../src-main/providers/llm/tuning';
import { startMockOpenAI, type MockOpenAI } from '../support/mock-openai/server';
import { FAST_TUNING } from '../tutor/tutor-fixture';

let mock: MockOpenAI;
const tuning: LlmTuning = { ...DEFAULT_LLM_TUNING, ...FAST_TUNING };
beforeAll(async () => {
  mock = await startMockOpenAI();
});
afterAll(async () => mock.close());
beforeEach(() => mock.reset());

async function stream(custom = tuning): Promise<StreamResult & { deltas: string[]; ms: number }> {
  const client = createLlmClient({ baseUrl: mock.baseUrl, apiKey: null }, custom);
  const deltas: string[] = [];
  const started = Date.now();
  const result = await client.stream({ model: 'mock-chat', messages: [{ role: 'user', content: 'hola' }], signal: new AbortController().signal, onDelta: (t) => deltas.push(t) });
  return { ...result, deltas, ms: Date.now() - started };
}

describe('backoff', () => {
  it('grows exponentially with jitter, capped, and stops after the last attempt', () => {
    const t = { ...DEFAULT_LLM_TUNING, backoffBaseMs: 100, backoffMaxMs: 1000, maxAttempts: 6 };
    const retryable = new LlmError('server_error', { retryable: true });
    expect(retryDelay(retryable, 1, t, () => 0)).toBe(50);
    expect(retryDelay(retryable, 1, t, () => 1)).toBe(100);
    expect(retryDelay(retryable, 3, t, () => 0.5)).toBe(300);
    expect(retryDelay(retryable, 5, t, () => 1)).toBe(1000);
    expect(retryDelay(retryable, 6, t, () => 1)).toBeNull();
    expect(retryDelay(new LlmError('bad_key'), 1, t)).toBeNull();
  });

  it('waits what Retry-After says, and gives up when that is too long', () => {
    const t = { ...DEFAULT_LLM_TUNING, maxRetryAfterMs: 5000 };
    expect(retryDelay(new LlmError('quota', { retryable: true, retryAfterMs: 3000 }), 1, t)).toBe(3000);
    expect(retryDelay(new LlmError('quota', { retryable: true, retryAfterMs: 60_000 }), 1, t)).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
  });
});

describe('streaming against the mock server', () => {
  it('retries a 429 after the Retry-After delay and streams one reply, never two', async () => {
    mock.script({ kind: 'chat', status: 429, retryAfter: 0.3 }, { kind: 'chat', text: 'hola que tal' });
    const result = await stream();
    expect(result).toMatchObject({ status: 'complete', text: 'hola que tal', attempts: 2 });
    expect(result.deltas.join('')).toBe('hola que tal');
    expect(result.ms).toBeGreaterThanOrEqual(290);
    expect(mock.chatRequests()).toHaveLength(2);
  });

  it('retries 5xx and network failures with backoff, up to the attempt limit', async () => {
    mock.script({ kind: 'chat', status: 503 }, { kind: 'chat', status: 502 }, { kind: 'chat', text: 'por fin' });
    expect(await stream()).toMatchObject({ status: 'complete', text: 'por fin', attempts: 3 });
    mock.reset();
    mock.script({ kind: 'chat', status: 500, times: 5 });
    const failed = await stream();
    expect(failed).toMatchObject({ status: 'error', attempts: 3, error: { problem: 'server_error' } });
    expect(mock.chatRequests()).toHaveLength(3);
  });

  it('does not retry what retrying cannot fix: a bad key, an unknown model, a spent quota', async () => {
    mock.script({ kind: 'chat', status: 401 });
    expect(await stream()).toMatchObject({ status: 'error', attempts: 1, error: { problem: 'bad_key' } });
    mock.script({ kind: 'chat', status: 429, errorCode: 'insufficient_quota' });
    expect(await stream()).toMatchObject({ status: 'error', attempts: 1, error: { problem: 'quota' } });
    const client = createLlmClient({ baseUrl: mock.baseUrl, apiKey: null }, tuning);
    const unknown = await client.stream({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }], signal: new AbortController().signal, onDelta: () => undefined });
    expect(unknown).toMatchObject({ status: 'error', attempts: 1, error: { problem: 'unknown_model' } });
  });

  it('times out a server that never sends the first token, retrying before giving up', async () => {
    mock.script({ kind: 'chat', firstTokenDelayMs: 2_000, times: 3 });
    const result = await stream({ ...tuning, firstTokenTimeoutMs: 150, maxAttempts: 2 });
    expect(result).toMatchObject({ status: 'error', attempts: 2, error: { problem: 'timeout' } });
    expect(result.ms).toBeLessThan(1_500);
  });

  it('times out a server that never answers at all (connect / headers)', async () => {
    mock.script({ kind: 'chat', hang: true, times: 2 });
    const result = await stream({ ...tuning, connectTimeoutMs: 150, maxAttempts: 2 });
    expect(result).toMatchObject({ status: 'error', error: { problem: 'timeout' } });
    expect(result.ms).toBeLessThan(1_500);
  });

  it('an idle stream keeps its text, marked incomplete, and is not retried (no duplicate text)', async () => {
    mock.script({ kind: 'chat', text: 'uno dos tres', chunkDelayMs: 1_000 });
    const result = await stream({ ...tuning, idleTimeoutMs: 150 });
    expect(result).toMatchObject({ status: 'incomplete', text: 'uno ', error: { problem: 'timeout' }, attempts: 1 });
    expect(mock.chatRequests()).toHaveLength(1);
  });

  it('a server that is down is reported as down', async () => {
    const gone = await startMockOpenAI();
    const url = gone.baseUrl;
    await gone.close();
    const client = createLlmClient({ baseUrl: url, apiKey: null }, { ...tuning, maxAttempts: 2 });
    const result = await client.stream({ model: 'mock-chat', messages: [{ role: 'user', content: 'x' }], signal: new AbortController().signal, onDelta: () => undefined });
    expect(result).toMatchObject({ status: 'error', attempts: 2, error: { problem: 'server_down' } });
  });

  it('a body that is not the OpenAI format is a bad response, in plain words', async () => {
    const client = createLlmClient({ baseUrl: mock.baseUrl, apiKey: null }, tuning);
    mock.script({ kind: 'chat', garbageBody: '<html>not an api</html>' });
    await expect(client.complete({ model: 'mock-chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ problem: 'bad_response' });
    mock.script({ kind: 'chat', garbageBody: '{"unexpected": true}' });
    await expect(client.complete({ model: 'mock-chat', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ problem: 'bad_response', message: 'The model sent a reply Parley could not read.' });
  });
});
