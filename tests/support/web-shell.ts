import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface WebShell {
  /** The page address without the token, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The address the shell printed, with `#token=…` in the fragment. */
  tokenUrl: string;
  /** Everything the shell wrote to stderr so far (for failure messages). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface WebShellOptions {
  dataDir: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const ENTRY = path.join(REPO_ROOT, 'out', 'main', 'web.js');
const READY_LINE = /Parley is running at (http:\/\/\S+)/;

/** Starts the built web shell (`npm run build` first) on a data folder and resolves once it prints its address. */
export async function startWebShell({
  dataDir,
  port = 0,
  env,
  startTimeoutMs = 30_000,
}: WebShellOptions): Promise<WebShell> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npx electron-vite build\` first.`);
  const child = spawn(process.execPath, [ENTRY, '--port', String(port), '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });

  const tokenUrl = await waitForAddress(child, startTimeoutMs, () => stderr);
  return {
    url: `${new URL(tokenUrl).origin}/`,
    tokenUrl,
    stderr: () => stderr,
    stop: () => stopChild(child),
  };
}

function waitForAddress(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (reason: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${reason}\nstdout:\n${stdout}\nstderr:\n${stderr()}`));
    };
    const onData = (chunk: string) => {
      stdout += chunk;
      const match = READY_LINE.exec(stdout);
      if (!match?.[1]) return;
      cleanup();
      resolve(match[1]);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`The web shell exited before it was ready (code ${code}, signal ${signal}).`);
    const timer = setTimeout(() => fail(`The web shell did not print its address within ${timeoutMs} ms.`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
