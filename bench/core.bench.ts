import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { createMemoryKeyStore } from '../src-main/providers/keystore';
import { startWebServer } from '../src-main/web/server';
import { median, round, type Benchmark } from './harness';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../db/migrations');
const RESOURCES_DIR = path.resolve(import.meta.dirname, '../resources');
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
/** Production settings: output checking is for tests and development builds. */
const openCore = (dataDir: string) =>
  createCore({ dataDir, keystore: createMemoryKeyStore(), migrationsDir: MIGRATIONS_DIR, resourcesDir: RESOURCES_DIR, shell: 'test', validateOutput: false, logLevel: 'warn' });

async function signedInSession(core: Core): Promise<string> {
  const sessionId = core.openSession();
  const created = await core.dispatch('profiles:create', { displayName: 'Bench', nativeLanguage: 'en', targetLanguage: 'es', level: 'A2' }, sessionId);
  if (!created.ok) throw new Error(created.error.message);
  return sessionId;
}

const coldStart: Benchmark = {
  figures: ['core.cold_start_ms'],
  async run() {
    const samples: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const dir = tempDir();
      const started = performance.now();
      const core = await openCore(dir);
      const first = await core.dispatch('profiles:list', {}, core.openSession());
      samples.push(performance.now() - started);
      if (!first.ok) throw new Error(first.error.message);
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
    return [{ name: 'core.cold_start_ms', value: round(median(samples), 2), unit: 'ms', n: samples.length, data: 'empty data folder', stat: 'median' }];
  },
};

const dispatchInProcess: Benchmark = {
  figures: ['dispatch.inprocess_ms'],
  async run() {
    const dir = tempDir();
    const core = await openCore(dir);
    const sessionId = await signedInSession(core);
    const batch = 2_000;
    const perCall: number[] = [];
    for (let b = 0; b < 25; b += 1) {
      const started = performance.now();
      for (let i = 0; i < batch; i += 1) await core.dispatch('profiles:signOut', {}, sessionId);
      perCall.push((performance.now() - started) / batch);
    }
    await core.close();
    rmSync(dir, { recursive: true, force: true });
    return [{ name: 'dispatch.inprocess_ms', value: round(median(perCall), 5), unit: 'ms', n: perCall.length * batch, channel: 'profiles:signOut', stat: 'median of batch means' }];
  },
};

const dispatchWeb: Benchmark = {
  figures: ['dispatch.web_ms'],
  async run() {
    const dir = tempDir();
    const rendererDir = tempDir();
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const core = await openCore(dir);
    const token = 'bench-token';
    const server = await startWebServer({ core, rendererDir, token });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const session = (await (await fetch(`${server.url}api/session`, { method: 'POST', headers, body: '{}' })).json()) as { sessionId: string };
    const call = async () => {
      const res = await fetch(`${server.url}api/profiles:current`, { method: 'POST', headers: { ...headers, 'x-parley-session': session.sessionId }, body: '{}' });
      await res.json();
    };
    for (let i = 0; i < 300; i += 1) await call();
    const samples: number[] = [];
    for (let i = 0; i < 3_000; i += 1) {
      const started = performance.now();
      await call();
      samples.push(performance.now() - started);
    }
    await server.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
    return [{ name: 'dispatch.web_ms', value: round(median(samples), 4), unit: 'ms', n: samples.length, channel: 'profiles:current', transport: 'HTTP keep-alive on 127.0.0.1', stat: 'median' }];
  },
};

export const benchmarks = [coldStart, dispatchInProcess, dispatchWeb];
