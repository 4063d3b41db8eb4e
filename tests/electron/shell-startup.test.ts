import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../../src-shared/contract';
import { app, BrowserWindow, ipcMain, protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { startElectronShell } = await import('../../src-main/electron/shell');

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-shell-'));
  vi.stubEnv('PARLEY_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const paths = { preloadPath: '/app/out/preload/index.cjs', rendererDir: '/app/out/renderer' };

describe('the Electron shell', () => {
  it('quits at once when another instance holds the lock', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    startElectronShell(paths);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox).not.toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    vi.clearAllMocks();
  });

  it('prepares everything before ready, then opens one window on a live core, and closes the core on quit', async () => {
    let ready: () => void = () => undefined;
    app.whenReady.mockReturnValueOnce(new Promise<void>((resolve) => (ready = resolve)));
    startElectronShell(paths);

    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    );
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);

    ready();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const window = BrowserWindow.instances[0]!;
    expect(window.loadURL).toHaveBeenCalledWith('app://parley/index.html');
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels, 'parley:uploadFile'].sort());

    const info = ipcMain.handlers.get('app:info')!;
    const contents = window.webContents;
    await expect(info({ sender: contents, senderFrame: contents.mainFrame }, {})).resolves.toMatchObject({
      ok: true,
      value: { shell: 'electron', version: '0.1.0-test', problem: null },
    });

    const quitting = { preventDefault: vi.fn() };
    app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(ipcMain.handlers.size).toBe(0);
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
