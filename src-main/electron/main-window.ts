import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { reloadAfterCrash } from './crash-recovery';
import { guardWebContents } from './navigation-guard';
import { applyPermissionPolicy } from './permissions';
import type { RendererEntry } from './renderer-origin';
import { shellLog } from './shell-log';
import { loadWindowState, MIN_HEIGHT, MIN_WIDTH, saveWindowState, type WindowState } from './window-state';

export interface MainWindowOptions {
  /** The built preload, `out/preload/index.cjs`. */
  preloadPath: string;
  entry: RendererEntry;
  /** The JSON file in userData that remembers the window's size and place. */
  stateFile: string;
  isPackaged: boolean;
}

const DEFAULT_SIZE = { width: 1200, height: 800 };

/** The renderer gets the preload's bridge and nothing more: no Node, no <webview>, Chromium's sandbox on. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: !isPackaged,
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(
    options.stateFile,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_SIZE),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Parley',
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.isPackaged),
  });
  // The app-wide web-contents-created hook guards this window too; applying the guards here as well keeps the
  // main window safe however it is created (tests, a future second window) without relying on that hook.
  guardWebContents(window.webContents, options.entry.origin);
  applyPermissionPolicy(window.webContents.session, options.entry.origin);
  reloadAfterCrash(window);
  rememberWindowState(window, options.stateFile);
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  window.loadURL(options.entry.url).catch((error: unknown) => {
    shellLog.error('could not load the renderer', { message: (error as Error)?.message });
  });
  return window;
}

function rememberWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    const state: WindowState = {
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
      maximized: window.isMaximized(),
    };
    saveWindowState(file, state);
  });
}
