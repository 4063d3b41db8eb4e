import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newId } from '../db/ids';
import type { Core } from '../src-main/core';
import { createBigProfile } from './support/big-profile';
import { runChild, withShellRig } from './support/web-shell-rig';
import { median, percentile, round, type Benchmark } from './harness';

const TTFT_CLIENT = path.resolve(import.meta.dirname, 'support/tutor-ttft-client.ts');
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'parley-bench-tutor-'));

/**
 * tutor.ttft_overhead_ms: Parley's added time to first token. A client process (as the renderer would be) times
 * `POST /api/tutor:send` to the first `tutor:delta` on the web shell's events WebSocket, and, alternately, the first
 * token of a bare `openai` SDK streaming call to the same mock server. The mock server runs in a third process and
 * waits 25 ms before its first token, like a fast model; the web shell (the core's web server) runs here.
 */
const ttftOverhead: Benchmark = {
  figures: ['tutor.ttft_overhead_ms'],
  async run() {
    return withShellRig(async ({ mock, server, token, sessionId }) => {
      await mock.knobs({ firstTokenDelayMs: 25 });
      const rounds = 60;
      const line = await runChild([TTFT_CLIENT, mock.baseUrl, server.url, token, sessionId, String(rounds), '10']);
      const { bare, parley } = JSON.parse(line) as { bare: number[]; parley: number[] };
      return [
        {
          name: 'tutor.ttft_overhead_ms',
          value: round(median(parley) - median(bare), 2),
          unit: 'ms',
          n: parley.length,
          stat: 'median(first tutor:delta via web shell) - median(first token via bare openai SDK)',
          parleyMedianMs: round(median(parley), 2),
          bareMedianMs: round(median(bare), 2),
          parleyP95Ms: round(percentile(parley, 95), 2),
          data: 'mock OpenAI server (own process, 25 ms first-token delay); client in its own process over HTTP + WebSocket; conversations of up to 20 messages',
        },
      ];
    });
  },
};

/** Writes a conversation of `count` messages (alternating learner and tutor, a correction on every 4th learner one). */
function seedConversation(core: Core, profileId: string, count: number): string {
  const { sqlite } = core.internals();
  const conversationId = newId();
  const insert = sqlite.prepare(
    `INSERT INTO tutor_messages (id, profile_id, conversation_id, role, text, status, analysis, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, '0')`,
  );
  const correction = sqlite.prepare(
    `INSERT INTO tutor_corrections (id, profile_id, message_id, conversation_id, position, original, corrected, explanation, category, severity, created_at, updated_at)
     VALUES (?, ?, ?, ?, 0, 'yo es', 'yo soy', 'Use soy with yo.', 'grammar', 'moderate', ?, '0')`,
  );
  const start = Date.now() - count * 60_000;
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO tutor_conversations (id, profile_id, title, created_at, last_message_at, updated_at) VALUES (?, ?, 'Long talk', ?, ?, '0')`,
      )
      .run(conversationId, profileId, start, start + count * 60_000);
    for (let i = 0; i < count; i += 1) {
      const id = newId();
      const learner = i % 2 === 0;
      const text = learner
        ? `Ayer yo es fui al mercado y compré ${i} manzanas rojas para la cena.`
        : `¡Qué bien! ¿Y qué cocinaste con las ${i} manzanas? Cuéntame más sobre la cena.`;
      insert.run(
        id,
        profileId,
        conversationId,
        learner ? 'learner' : 'tutor',
        text,
        learner ? 'done' : 'none',
        start + i * 60_000,
      );
      if (learner && i % 8 === 0) correction.run(newId(), profileId, id, conversationId, start + i * 60_000);
    }
  })();
  return conversationId;
}

/** tutor.open_10k_ms and tutor.prompt_build_ms on a learner with 20k notes and a 10,000-message conversation. */
const openAndPrompt: Benchmark = {
  figures: ['tutor.open_10k_ms', 'tutor.prompt_build_ms'],
  async run() {
    const dataDir = tempDir();
    const big = await createBigProfile({ dataDir, notes: 20_000, reviewLogs: 100_000 });
    try {
      const conversationId = seedConversation(big.core, big.profileId, 10_000);
      const open = async () => {
        const envelope = await big.core.dispatch('tutor:open', { conversationId }, big.sessionId);
        if (!envelope.ok) throw new Error(envelope.error.message);
        return envelope.value as { messages: unknown[] };
      };
      const shown = (await open()).messages.length;
      const openSamples: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        const started = performance.now();
        await open();
        openSamples.push(performance.now() - started);
      }
      const tutor = big.core.internals().services.tutor;
      const promptSamples: number[] = [];
      let turns = 0;
      for (let i = 0; i < 200; i += 1) {
        const started = performance.now();
        turns = tutor.promptFor(big.profileId, conversationId).messages.length - 1;
        promptSamples.push(performance.now() - started);
      }
      const data = `10,000-message conversation; profile with ${big.size.notes} notes, ${big.size.cards} cards, ${big.size.reviewLogs} review logs`;
      return [
        {
          name: 'tutor.open_10k_ms',
          value: round(median(openSamples), 3),
          unit: 'ms',
          n: openSamples.length,
          stat: 'median',
          p95: round(percentile(openSamples, 95), 3),
          messagesReturned: shown,
          data,
        },
        {
          name: 'tutor.prompt_build_ms',
          value: round(median(promptSamples), 3),
          unit: 'ms',
          n: promptSamples.length,
          stat: 'median',
          p95: round(percentile(promptSamples, 95), 3),
          turnsInWindow: turns,
          data: `${data}; learner context with due words + window + summary`,
        },
      ];
    } finally {
      await big.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export const benchmarks: Benchmark[] = [ttftOverhead, openAndPrompt];
