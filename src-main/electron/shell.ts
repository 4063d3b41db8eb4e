import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { createCore, type Core } from '../core';
import type { LoadedPolicy } from '../policy/loaded-policy';
import { policyDataDir } from '../policy/policy-data-dir';
import type { Host } from '../providers/host';
import { resolveDataDir } from './data-dir';
import { createIpcTransport, type IpcTransport } from './ipc';
import { createSafeStorageKeyStore, SAFE_STORAGE_FILE } from './keystore';
import { readMachinePolicy } from './machine-policy';
import { createMainWindow } from './main-window';
import { installMenu } from './menu';
import { guardWebContents } from './navigation-guard';
import { registerAppScheme, serveRenderer } from './protocol';
import { saveWindowAsPdf } from './report-pdf';
import { rendererEntry, type RendererEntry } from './renderer-origin';
import { shellLog } from './shell-log';
import { startUpdater } from './updater';

export interface ShellPaths {
  /** The built preload, `out/preload/index.cjs`. */
  preloadPath: string;
  /** The built renderer, `out/renderer`. */
  rendererDir: string;
}

const WINDOW_STATE_FILE = 'window-state.json';

const electronHost: Host = {
  // shell.openPath answers an error message, or '' when the folder opened.
  openPath: async (target) => (await shell.openPath(target)) === '',
  savePdf: saveWindowAsPdf,
};

/**
 * Everything that must happen before `ready` happens here, in order: the machine policy, the data folder (the
 * single-instance lock lives in userData, so two data folders can run side by side), the lock, the sandbox for every
 * renderer, the app:// scheme and the guard on every webContents. The rest waits for `ready`.
 */
export function startElectronShell(paths: ShellPaths): void {
  const policy = readMachinePolicy(app.isPackaged);
  if (!useChosenDataDir(policy)) return;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();
  const entry = rendererEntry(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, entry.origin));
  app
    .whenReady()
    .then(() => launch(paths, entry, policy))
    .catch(failStartup);
}

/** A school's policy decides where data lives; a flag or a variable cannot move it elsewhere. */
function useChosenDataDir(policy: LoadedPolicy): boolean {
  try {
    const fromPolicy = policyDataDir(policy.policy, process.env);
    const choice = fromPolicy
      ? { dir: fromPolicy, overridden: true }
      : resolveDataDir(process.argv, process.env, app.getPath('userData'));
    if (choice.overridden) app.setPath('userData', choice.dir);
    return true;
  } catch (error) {
    failStartup(error);
    return false;
  }
}

async function launch(paths: ShellPaths, entry: RendererEntry, policy: LoadedPolicy): Promise<void> {
  installMenu(app.isPackaged);
  const dataDir = app.getPath('userData');
  // The core runs the migrations before any window opens.
  const core = await createCore({
    dataDir,
    keystore: createSafeStorageKeyStore(path.join(dataDir, SAFE_STORAGE_FILE)),
    migrationsDir: app.isPackaged
      ? path.join(process.resourcesPath, 'migrations')
      : path.join(app.getAppPath(), 'db/migrations'),
    resourcesDir: app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources'),
    shell: 'electron',
    host: electronHost,
    version: app.getVersion(),
    validateOutput: !app.isPackaged,
    policy,
  });
  // Each page gets the core's policy of the moment it is served (its connect-src names the LiveKit servers).
  serveRenderer(paths.rendererDir, () => core.contentSecurityPolicy());
  const ipc = createIpcTransport(core, entry.origin);
  closeCoreOnQuit(core, ipc);
  const windows = trackMainWindow(() => {
    const window = createMainWindow({
      preloadPath: paths.preloadPath,
      entry,
      stateFile: path.join(dataDir, WINDOW_STATE_FILE),
      isPackaged: app.isPackaged,
    });
    ipc.attachWindow(window);
    return window;
  });
  windows.show();
  if (app.isPackaged) {
    const stopUpdateChecks = startUpdater(core, policy.policy);
    app.on('will-quit', stopUpdateChecks);
  }
  app.on('second-instance', () => windows.show());
  app.on('activate', () => windows.show());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

/** One main window: shown, restored and focused when asked for again, created anew after it was closed. */
function trackMainWindow(create: () => BrowserWindow) {
  let current: BrowserWindow | null = null;
  return {
    show() {
      if (!current || current.isDestroyed()) {
        const window = create();
        window.on('closed', () => {
          if (current === window) current = null;
        });
        current = window;
        return;
      }
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
    },
  };
}

/** Holds the quit until the core has flushed its logs and closed the database. */
function closeCoreOnQuit(core: Core, ipc: IpcTransport): void {
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    ipc.dispose();
    closing = core
      .close()
      .catch((error: unknown) =>
        shellLog.error('the core did not close cleanly', { message: (error as Error)?.message }),
      )
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

function failStartup(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  shellLog.error('startup failed', { message });
  dialog.showErrorBox('Parley could not start', message);
  app.exit(1);
}
