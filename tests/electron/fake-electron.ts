import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Just enough of Electron's main and preload APIs for the shell's unit tests (no Electron binary can be installed
 * here). Test files install it with `vi.mock('electron', () => import('./fake-electron'))` and inspect the same
 * instances by importing this module.
 */

export interface FakeFrame {
  processId: number;
  routingId: number;
  url: string;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean; mediaTypes?: string[] },
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { isMainFrame: boolean; mediaType?: string },
) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: (() => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean) {
    this.devicePermissionHandler = handler;
  }
}

let nextContentsId = 1;
export const defaultSession = new FakeSession();

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session = defaultSession;
  readonly mainFrame: FakeFrame = { processId: 7, routingId: this.id, url: '' };
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  private destroyed = false;
  readonly reload = vi.fn();

  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown) {
    this.sent.push({ channel, message });
  }
  getURL() {
    return this.mainFrame.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** Emits a cancellable navigation event the way Electron does and says whether it was prevented. */
  navigate(eventName: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(eventName, { url, isMainFrame: true, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.instances.filter((w) => !w.isDestroyed());
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly maximize = vi.fn();
  readonly restore = vi.fn();
  private destroyed = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.instances.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
  close() {
    this.emit('close');
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    // Electron refuses a second handler for a channel; so does the fake, to catch double registration.
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
};

export const safeStorage = {
  available: true,
  backend: 'basic_text' as string,
  isAsyncEncryptionAvailable: vi.fn(async () => safeStorage.available),
  // A reversible stand-in for the OS cipher: enough to prove nothing is stored in clear.
  encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${Buffer.from(plain, 'utf8').toString('hex')}`)),
  decryptStringAsync: vi.fn(async (sealed: Buffer) => {
    const text = sealed.toString('utf8');
    if (!text.startsWith('enc:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(text.slice(4), 'hex').toString('utf8'), shouldReEncrypt: false };
  }),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
};

const paths = new Map<string, string>([['userData', '/tmp/parley-fake-user-data']]);

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getPath: vi.fn((name: string) => paths.get(name) ?? `/tmp/parley-fake-${name}`),
  setPath: vi.fn((name: string, value: string) => void paths.set(name, value)),
  getAppPath: vi.fn(() => process.cwd()),
  getVersion: vi.fn(() => '0.1.0-test'),
  requestSingleInstanceLock: vi.fn(() => true),
  enableSandbox: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
  quit: vi.fn(),
  exit: vi.fn(),
});

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const dialog = { showErrorBox: vi.fn() };

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

type RendererListener = (event: unknown, ...args: unknown[]) => void;

export const ipcRenderer = {
  listeners: new Map<string, RendererListener[]>(),
  invoke: vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, value: {} })),
  on: vi.fn((channel: string, listener: RendererListener) => {
    ipcRenderer.listeners.set(channel, [...(ipcRenderer.listeners.get(channel) ?? []), listener]);
    return ipcRenderer;
  }),
  /** Delivers a message from the main process to every listener of the channel. */
  deliver(channel: string, message: unknown) {
    const event = { sender: ipcRenderer, senderId: 0 };
    for (const listener of ipcRenderer.listeners.get(channel) ?? []) listener(event, message);
  },
};

export const session = { defaultSession };

/** Real Files picked in a dialog have a path; anything else gets ''. Tests mark picked files with `pickedPath`. */
export const webUtils = {
  getPathForFile: vi.fn((file: unknown) => {
    const picked = (file as { pickedPath?: unknown } | null)?.pickedPath;
    if (typeof picked !== 'string') throw new TypeError('not a File');
    return picked;
  }),
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  webUtils,
};
