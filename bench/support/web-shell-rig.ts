import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../src-main/core';
import { createMemoryKeyStore } from '../../src-main/providers/keystore';
import { startWebServer } from '../../src-main/web/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MOCK_CLI = path.join(ROOT, 'tests/support/mock-openai/cli.ts');

/** Runs a TypeScript file in its own Node process and resolves with the first line it prints. */
export async function runChild(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${args[0]} exited with ${code}`);
  return out.split('\n')[0]!;
}

/** The mock OpenAI server in its own process, as a real model server would be; `knobs` sets its delays. */
async function startMockProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', MOCK_CLI, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`mock server exited (${code})`)));
  });
  const { baseUrl, port } = JSON.parse(line) as { baseUrl: string; port: number };
  const knobs = async (values: Record<string, unknown>) => {
    await fetch(`http://127.0.0.1:${port}/__mock/knobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(values),
    });
  };
  return { baseUrl, knobs, stop: () => child.kill('SIGTERM') };
}

export interface ShellRig {
  mock: { baseUrl: string; knobs(values: Record<string, unknown>): Promise<void> };
  server: { url: string };
  token: string;
  sessionId: string;
  /** A contract call over the web shell's HTTP API, as the renderer makes it. */
  call<T>(channel: string, input: unknown): Promise<T>;
}

/**
 * The tutor and voice benchmarks' setting: the mock OpenAI server in its own process, the core behind its web shell
 * here, a learner profile whose LLM is the mock. Clients run in further processes (`runChild`), as the renderer would.
 */
export async function withShellRig<R>(use: (rig: ShellRig) => Promise<R>): Promise<R> {
  const mock = await startMockProcess();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-shell-'));
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const core = await createCore({
    dataDir,
    keystore: createMemoryKeyStore(),
    migrationsDir: path.join(ROOT, 'db/migrations'),
    resourcesDir: path.join(ROOT, 'resources'),
    shell: 'web',
    validateOutput: false,
    logLevel: 'warn',
  });
  const token = 'bench-token';
  const server = await startWebServer({ core, rendererDir, token });
  try {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const { sessionId } = (await (
      await fetch(`${server.url}api/session`, { method: 'POST', headers, body: '{}' })
    ).json()) as { sessionId: string };
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const res = await fetch(`${server.url}api/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'x-parley-session': sessionId },
        body: JSON.stringify(input),
      });
      const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error!.message);
      return envelope.value;
    };
    await call('profiles:create', { displayName: 'Bench', nativeLanguage: 'en', targetLanguage: 'es', level: 'A2' });
    await call('llm:saveConfig', {
      primary: {
        kind: 'openai-compatible',
        baseUrl: mock.baseUrl,
        conversationModel: 'mock-chat',
        analysisModel: 'mock-analysis',
      },
      fallback: null,
    });
    return await use({ mock, server, token, sessionId, call });
  } finally {
    await server.close();
    await core.close();
    mock.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(rendererDir, { recursive: true, force: true });
  }
}
