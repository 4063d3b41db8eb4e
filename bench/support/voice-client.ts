/**
 * The client side of `voice.overhead_ms` and `voice.bargein_ms`, in its own process as a renderer would be.
 *   node --import tsx bench/support/voice-client.ts <webUrl> <token> <sessionId> <conversationId> <mode> <rounds> <warmup>
 * mode `overhead`: end of speech (the moment voice:turn is posted with speechEndedAt) → the first `voice:audio` event
 * with audio on the events WebSocket. mode `bargein`: once the first audio of a long reply arrives, `voice:cancel` is
 * posted; the time until it returns (the pipeline stopped), and how many `voice:audio` events still came after it.
 * Prints one JSON line `{ samples: number[], late: number }` (ms).
 */
import WebSocket from 'ws';
import { newId } from '../../db/ids';
import { synthesize, toPcm16Base64 } from '../../tests/voice/synthetic-audio';

const [webUrl, token, sessionId, conversationId, mode, roundsArg, warmupArg] = process.argv.slice(2) as [string, string, string, string, string, string, string];
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-parley-session': sessionId };

async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${webUrl}api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input) });
  const envelope = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error!.message);
  return envelope.value as T;
}

// 1.5 s of "speech" with one pause, as the renderer would send it after its VAD.
const audio = toPcm16Base64(synthesize([{ tone: 600, hz: 150 }, { silence: 300 }, { tone: 600, hz: 190 }]));

const ws = new WebSocket(`${webUrl.replace('http', 'ws')}events?token=${token}&session=${sessionId}`);
await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
const listeners = new Set<(name: string, payload: { turnId?: string; audio?: string | null; last?: boolean; messageId?: string }, at: number) => void>();
ws.on('message', (data) => {
  const at = performance.now();
  const { name, payload } = JSON.parse(String(data)) as { name: string; payload: { turnId?: string; audio?: string | null } };
  for (const listener of listeners) listener(name, payload, at);
});

/** Resolves at the first event that matches. */
const next = (match: (name: string, payload: { turnId?: string; audio?: string | null; last?: boolean; messageId?: string }) => boolean) =>
  new Promise<number>((resolve) => {
    const listener = (name: string, payload: { turnId?: string; audio?: string | null; last?: boolean; messageId?: string }, at: number) => {
      if (!match(name, payload)) return;
      listeners.delete(listener);
      resolve(at);
    };
    listeners.add(listener);
  });

async function overhead(): Promise<number> {
  const turnId = newId();
  const firstAudio = next((name, p) => name === 'voice:audio' && p.turnId === turnId && Boolean(p.audio));
  const ended = next((name, p) => name === 'voice:audio' && p.turnId === turnId && p.last === true);
  const started = performance.now();
  await call('voice:turn', { conversationId, turnId, audio, speechEndedAt: Date.now() });
  const gap = (await firstAudio) - started;
  await ended;
  return gap;
}

let late = 0;
async function bargein(): Promise<number> {
  const turnId = newId();
  await Promise.all([call('voice:turn', { conversationId, turnId, audio, speechEndedAt: Date.now() }), next((name, p) => name === 'voice:audio' && p.turnId === turnId)]);
  let cancelledAt = Number.POSITIVE_INFINITY;
  const watcher = (name: string, payload: { turnId?: string }, at: number) => {
    if (name === 'voice:audio' && payload.turnId === turnId && at > cancelledAt) late += 1;
  };
  listeners.add(watcher);
  const started = performance.now();
  await call('voice:cancel', { turnId, at: Date.now() });
  cancelledAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 300));
  listeners.delete(watcher);
  return cancelledAt - started;
}

const samples: number[] = [];
const warmup = Number(warmupArg);
for (let i = 0; i < warmup + Number(roundsArg); i += 1) {
  const value = mode === 'overhead' ? await overhead() : await bargein();
  if (i >= warmup) samples.push(value);
  // Let the analysis that runs beside each reply finish before the next round.
  await new Promise((resolve) => setTimeout(resolve, 40));
}
ws.close();
process.stdout.write(`${JSON.stringify({ samples, late })}\n`);
