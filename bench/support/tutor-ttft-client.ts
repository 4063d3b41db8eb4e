/**
 * The client side of `tutor.ttft_overhead_ms`, in its own process as a renderer would be: alternately (a) a bare
 * `openai` SDK streaming call to the mock server and (b) `POST /api/tutor:send` to the web shell, timing the first
 * `tutor:delta` on the events WebSocket. Prints one JSON line `{ bare: number[], parley: number[] }` (ms).
 *   node --import tsx bench/support/tutor-ttft-client.ts <mockBaseUrl> <webUrl> <token> <sessionId> <rounds> <warmup>
 */
import OpenAI from 'openai';
import WebSocket from 'ws';
import { newId } from '../../db/ids';

const [mockBaseUrl, webUrl, token, sessionId, roundsArg, warmupArg] = process.argv.slice(2) as [string, string, string, string, string, string];
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-parley-session': sessionId };

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${webUrl}api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });
  const envelope = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error!.message);
  return envelope.value as T;
}

const ws = new WebSocket(`${webUrl.replace('http', 'ws')}events?token=${token}&session=${sessionId}`);
await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
const waiters = new Map<string, { first: (t: number) => void; done: () => void }>();
ws.on('message', (data) => {
  const at = performance.now();
  const { name, payload } = JSON.parse(String(data)) as { name: string; payload: { conversationId: string; seq?: number } };
  const waiter = waiters.get(payload.conversationId);
  if (name === 'tutor:delta' && payload.seq === 0) waiter?.first(at);
  if (name === 'tutor:done') waiter?.done();
});

const sdk = new OpenAI({ baseURL: mockBaseUrl, apiKey: 'no-key', maxRetries: 0 });
async function bare(): Promise<number> {
  const started = performance.now();
  const stream = await sdk.chat.completions.create({ model: 'mock-chat', messages: [{ role: 'user', content: 'Hola' }], stream: true });
  let first = 0;
  for await (const chunk of stream) if (!first && chunk.choices[0]?.delta?.content) first = performance.now();
  return first - started;
}

let conversationId = '';
async function parley(i: number): Promise<number> {
  if (i % 10 === 0) conversationId = (await call<{ conversation: { id: string } }>('tutor:start', { scenarioId: null })).conversation.id;
  let firstAt = 0;
  const done = new Promise<void>((resolve) => waiters.set(conversationId, { first: (t) => (firstAt = firstAt || t), done: resolve }));
  const started = performance.now();
  await call('tutor:send', { conversationId, text: `Hola, frase número ${i}`, clientMessageId: newId() });
  await done;
  // Let the analysis that runs beside the reply finish before the next round.
  await new Promise((resolve) => setTimeout(resolve, 30));
  return firstAt - started;
}

const result = { bare: [] as number[], parley: [] as number[] };
const warmup = Number(warmupArg);
for (let i = 0; i < warmup + Number(roundsArg); i += 1) {
  const b = await bare();
  const p = await parley(i);
  if (i >= warmup) {
    result.bare.push(b);
    result.parley.push(p);
  }
}
ws.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
