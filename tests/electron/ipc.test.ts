import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels, type Envelope } from '../../src-shared/contract';
import type { Core } from '../../src-main/core';
import { createCoreEvents } from '../../src-main/events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeCore, removeDir, sampleProfile, tempDir } from '../support/test-core';
import { BrowserWindow, ipcMain, type FakeFrame, type FakeWebContents } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createIpcTransport } = await import('../../src-main/electron/ipc');
const { APP_ORIGIN } = await import('../../src-main/electron/renderer-origin');
type Transport = ReturnType<typeof createIpcTransport>;

let transport: Transport | undefined;
let core: Core | undefined;
afterEach(async () => {
  transport?.dispose();
  transport = undefined;
  await core?.close();
  if (core) removeDir(core.dataDir);
  core = undefined;
  vi.restoreAllMocks();
});

function fakeCore() {
  let next = 0;
  return {
    dispatch: vi.fn(async (_channel: string, _input: unknown, _sessionId: string): Promise<Envelope<unknown>> => ({
      ok: true,
      value: {},
    })),
    openSession: vi.fn(() => `session-${++next}`),
    closeSession: vi.fn(),
    events: createCoreEvents(),
    dataDir: tempDir('parley-ipc-'),
  };
}

/** A window showing our page, as the shell makes it. */
function ourWindow(): BrowserWindow {
  const window = new BrowserWindow({});
  window.webContents.mainFrame.url = `${APP_ORIGIN}/index.html`;
  return window;
}

const attach = (window: BrowserWindow) => transport!.attachWindow(window as unknown as ElectronWindow);

function invoke(
  channel: string,
  sender: FakeWebContents,
  input: unknown,
  senderFrame: FakeFrame | null = sender.mainFrame,
) {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender, senderFrame, processId: senderFrame?.processId ?? 0, frameId: 0 }, input) as Promise<
    Envelope<unknown>
  >;
}

describe('the IPC transport', () => {
  it('registers every contract channel on ipcMain.handle, and unregisters them all', () => {
    transport = createIpcTransport(fakeCore(), APP_ORIGIN);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels, 'parley:uploadFile'].sort());
    transport.dispose();
    transport = undefined;
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers FORBIDDEN, without dispatching, to frames that are not our window’s top frame on our origin', async () => {
    const core = fakeCore();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    transport = createIpcTransport(core, APP_ORIGIN);
    const window = ourWindow();
    attach(window);
    const contents = window.webContents;
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };

    const subframe = { processId: 7, routingId: 999, url: `${APP_ORIGIN}/index.html` };
    await expect(invoke('profiles:list', contents, {}, subframe)).resolves.toEqual(forbidden);
    const foreignTop = { ...contents.mainFrame, url: 'https://evil.example/' };
    await expect(invoke('profiles:list', contents, {}, foreignTop)).resolves.toEqual(forbidden);
    await expect(invoke('profiles:list', contents, {}, null)).resolves.toEqual(forbidden);
    const stranger = new BrowserWindow({}).webContents;
    stranger.mainFrame.url = `${APP_ORIGIN}/index.html`;
    await expect(invoke('profiles:list', stranger, {})).resolves.toEqual(forbidden);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('dispatches our window’s calls with that window’s session; two windows get two sessions', async () => {
    const core = fakeCore();
    transport = createIpcTransport(core, APP_ORIGIN);
    const first = ourWindow();
    const second = ourWindow();
    const firstSession = attach(first);
    const secondSession = attach(second);
    expect(firstSession).not.toBe(secondSession);
    expect(attach(first)).toBe(firstSession);

    await invoke('profiles:list', first.webContents, { a: 1 });
    await invoke('settings:get', second.webContents, {});
    expect(core.dispatch).toHaveBeenNthCalledWith(1, 'profiles:list', { a: 1 }, firstSession);
    expect(core.dispatch).toHaveBeenNthCalledWith(2, 'settings:get', {}, secondSession);
  });

  it('ends a window’s session when it closes', () => {
    const core = fakeCore();
    transport = createIpcTransport(core, APP_ORIGIN);
    const window = ourWindow();
    const sessionId = attach(window);
    window.close();
    expect(core.closeSession).toHaveBeenCalledWith(sessionId);
  });

  it('turns a dispatch that throws into an INTERNAL envelope', async () => {
    const core = fakeCore();
    core.dispatch.mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    transport = createIpcTransport(core, APP_ORIGIN);
    const window = ourWindow();
    attach(window);
    await expect(invoke('app:info', window.webContents, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('forwards core events to the targeted windows only, as { name, payload }', () => {
    const core = fakeCore();
    transport = createIpcTransport(core, APP_ORIGIN);
    const first = ourWindow();
    const second = ourWindow();
    const firstSession = attach(first);
    attach(second);

    core.events.emit('session:signedOut', { reason: 'deleted' }, { sessionIds: [firstSession] });
    core.events.emit('jobs:progress', { jobId: 'j', done: 1, total: 2, phase: 'import' });
    const message = (name: string, payload: unknown) => ({ channel: 'parley:event', message: { name, payload } });
    expect(first.webContents.sent).toEqual([
      message('session:signedOut', { reason: 'deleted' }),
      message('jobs:progress', { jobId: 'j', done: 1, total: 2, phase: 'import' }),
    ]);
    expect(second.webContents.sent).toEqual([
      message('jobs:progress', { jobId: 'j', done: 1, total: 2, phase: 'import' }),
    ]);

    second.webContents.mainFrame.url = 'https://evil.example/';
    core.events.emit('jobs:progress', { jobId: 'k', done: 0, total: 1, phase: 'x' });
    expect(second.webContents.sent).toHaveLength(1);
  });

  it('keeps each window’s sign-in to itself with a real core', async () => {
    core = await makeCore();
    transport = createIpcTransport(core, APP_ORIGIN);
    const first = ourWindow();
    const second = ourWindow();
    attach(first);
    attach(second);

    const created = await invoke('profiles:create', first.webContents, {
      ...sampleProfile,
      goals: ['travel'],
      interests: [],
    });
    expect(created).toMatchObject({ ok: true, value: { signedIn: true } });
    await expect(invoke('profiles:current', first.webContents, {})).resolves.toMatchObject({
      ok: true,
      value: { profile: { displayName: 'Ana' } },
    });
    await expect(invoke('profiles:current', second.webContents, {})).resolves.toEqual({
      ok: true,
      value: { profile: null },
    });
    await expect(invoke('profiles:create', first.webContents, { displayName: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('picked files', () => {
  it('registers a picked file for the window\'s signed-in profile only, and refuses foreign frames', async () => {
    core = await makeCore();
    transport = createIpcTransport(core, APP_ORIGIN);
    const window = ourWindow();
    attach(window);
    const file = path.join(tempDir('parley-picked-'), 'words.csv');
    writeFileSync(file, 'casa;house\n');

    const signedOut = await invoke('parley:uploadFile', window.webContents, file);
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    await invoke('profiles:create', window.webContents, { ...sampleProfile });
    const picked = await invoke('parley:uploadFile', window.webContents, file);
    expect(picked).toMatchObject({ ok: true, value: { fileName: 'words.csv', bytes: 11 } });
    const preview = await invoke('import:csvPreview', window.webContents, { fileId: (picked as { value: { fileId: string } }).value.fileId });
    expect(preview).toMatchObject({ ok: true, value: { rows: [['casa', 'house']] } });

    const stranger = new BrowserWindow({});
    stranger.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke('parley:uploadFile', stranger.webContents, file)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke('parley:uploadFile', window.webContents, { path: file })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
