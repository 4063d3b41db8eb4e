import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, screen, shell, type FakeSession } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createMainWindow } = await import('../../src-main/electron/main-window');
const { reloadAfterCrash, MAX_RELOADS } = await import('../../src-main/electron/crash-recovery');
const { APP_ORIGIN } = await import('../../src-main/electron/renderer-origin');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'parley-window-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

const preloadPath = '/app/out/preload/index.cjs';
const open = (isPackaged = true) =>
  createMainWindow({
    preloadPath,
    entry: { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN },
    stateFile: path.join(dir, 'window-state.json'),
    isPackaged,
  }) as unknown as BrowserWindow;

describe('the main window', () => {
  it('is created with exactly the hardened webPreferences', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://parley/index.html');
  });

  it('keeps developer tools for development builds only', () => {
    expect(open(false).options.webPreferences?.devTools).toBe(true);
  });

  it('stays within our origin: other origins, file: and javascript: URLs are not navigated to', () => {
    const contents = open().webContents;
    expect(contents.navigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'app://parley/index.html#/decks')).toBe(false);
  });

  it('opens no window, and sends only https links to the system browser', () => {
    const handler = open().webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of [
      'https://example.org/help',
      'http://example.org/',
      'file:///etc/passwd',
      'app://parley/x',
      'javascript:alert(1)',
      'https://user:pw@example.org/',
    ]) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.org/help');
  });

  it('refuses to attach a <webview>', () => {
    const contents = open().webContents;
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('grants the microphone to app://parley only, and nothing else to anyone', () => {
    const session = open().webContents.session as FakeSession;
    const request = (permission: string, requestingUrl: string, mediaTypes?: string[]) => {
      let answer: boolean | undefined;
      session.permissionRequestHandler?.({}, permission, (granted) => (answer = granted), {
        requestingUrl,
        isMainFrame: true,
        mediaTypes,
      });
      return answer;
    };
    expect(request('media', 'app://parley/index.html', ['audio'])).toBe(true);
    expect(request('media', 'https://evil.example/', ['audio'])).toBe(false);
    expect(request('media', 'app://parley/index.html', ['audio', 'video'])).toBe(false);
    expect(request('geolocation', 'app://parley/index.html')).toBe(false);
    expect(request('notifications', 'app://parley/index.html')).toBe(false);

    const check = (permission: string, origin: string, mediaType?: string) =>
      session.permissionCheckHandler?.({}, permission, origin, { isMainFrame: true, mediaType });
    expect(check('media', 'app://parley', 'audio')).toBe(true);
    expect(check('media', 'app://parley/', 'audio')).toBe(true);
    expect(check('media', 'https://evil.example', 'audio')).toBe(false);
    expect(check('media', 'app://parley', 'video')).toBe(false);
    expect(check('geolocation', 'app://parley')).toBe(false);
    expect(session.devicePermissionHandler?.()).toBe(false);
  });

  it('reloads after a renderer crash, but stops when it keeps crashing', () => {
    const window = new BrowserWindow({});
    let now = 0;
    reloadAfterCrash(window as unknown as ElectronWindow, () => now);
    const crash = (reason = 'crashed') => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });
    for (let i = 0; i < MAX_RELOADS + 2; i += 1) crash();
    expect(window.webContents.reload).toHaveBeenCalledTimes(MAX_RELOADS);
    now += 61_000;
    crash();
    expect(window.webContents.reload).toHaveBeenCalledTimes(MAX_RELOADS + 1);
    crash('clean-exit');
    expect(window.webContents.reload).toHaveBeenCalledTimes(MAX_RELOADS + 1);
  });
});

describe('the remembered window size', () => {
  it('is saved on close and used next time', () => {
    open().close();
    const saved = JSON.parse(readFileSync(path.join(dir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
    expect(open().options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
  });

  it('is ignored when it lies off every display, or is damaged', () => {
    const file = path.join(dir, 'window-state.json');
    writeFileSync(file, JSON.stringify({ x: 5000, y: 100, width: 1000, height: 700, maximized: false }));
    expect(open().options).not.toHaveProperty('x');
    screen.getAllDisplays.mockReturnValueOnce([
      { workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { workArea: { x: 1920, y: 0, width: 3840, height: 2160 } },
    ]);
    expect(open().options).toMatchObject({ x: 5000, y: 100 });
    writeFileSync(file, JSON.stringify({ x: 'a', width: -1 }));
    expect(open().options).not.toHaveProperty('x');
    writeFileSync(file, '{ not json');
    expect(open().options).toMatchObject({ width: 1200, height: 800 });
  });
});
