import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL, UPLOAD_CHANNEL, type UploadedFile } from '../../src-shared/bridge';
import { createFileStore } from '../services/files/file-store';
import { channels, type Channel, type Envelope } from '../../src-shared/contract';
import type { Core } from '../core';
import type { CoreEvent, EventTarget } from '../events';
import { originOf } from './renderer-origin';
import { shellLog } from './shell-log';

/** The part of the core the transport needs; tests may pass a fake. */
export type IpcCore = Pick<Core, 'dispatch' | 'openSession' | 'closeSession' | 'events' | 'dataDir'>;

export interface IpcTransport {
  /** Opens the window's own core session and lets its top frame call the contract. Returns the session id. */
  attachWindow(window: BrowserWindow): string;
  /** Unregisters every handler, stops forwarding events and ends the windows' sessions. */
  dispose(): void;
}

interface AttachedWindow {
  contents: WebContents;
  sessionId: string;
}

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call did not come from a Parley window.' },
};
const INTERNAL: Envelope<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong inside Parley. Your data is safe; please try again.' },
};

/**
 * Registers every contract channel on ipcMain through one wrapper: the sender check, the window's session, then
 * the core's dispatch. The renderer always gets an envelope back, never a rejected promise.
 */
export function createIpcTransport(core: IpcCore, origin: string): IpcTransport {
  const windows = new Map<number, AttachedWindow>();

  const call = async (channel: Channel, event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
    const sessionId = trustedSession(windows, origin, event);
    if (!sessionId) {
      shellLog.warn('IPC call refused: not the top frame of a Parley window', { channel });
      return FORBIDDEN;
    }
    try {
      return await core.dispatch(channel, input, sessionId);
    } catch (error) {
      shellLog.error('dispatch threw', { channel, message: (error as Error)?.message });
      return INTERNAL;
    }
  };

  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => call(channel, event, input));
  }
  const files = createFileStore({ dataDir: core.dataDir });
  ipcMain.handle(UPLOAD_CHANNEL, async (event, filePath: unknown): Promise<Envelope<UploadedFile>> => {
    const sessionId = trustedSession(windows, origin, event);
    if (!sessionId) return FORBIDDEN;
    return registerPickedFile(core, files, sessionId, filePath);
  });
  const unsubscribe = core.events.subscribe((event) => forwardEvent(windows, origin, event));

  return {
    attachWindow: (window) => attach(core, windows, window.webContents),
    dispose() {
      unregisterIpcHandlers();
      unsubscribe();
      for (const { sessionId } of windows.values()) core.closeSession(sessionId);
      windows.clear();
    },
  };
}

/** Removes the handlers of every contract channel (a second transport, or a test, can then register anew). */
export function unregisterIpcHandlers(): void {
  for (const channel of channels) ipcMain.removeHandler(channel);
  ipcMain.removeHandler(UPLOAD_CHANNEL);
}

/** A file the learner picked: registered where it is for the window's signed-in profile (the same store as uploads). */
async function registerPickedFile(
  core: IpcCore,
  files: ReturnType<typeof createFileStore>,
  sessionId: string,
  filePath: unknown,
): Promise<Envelope<UploadedFile>> {
  if (typeof filePath !== 'string' || filePath.length === 0 || filePath.length > 4096) {
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'That is not a file path.' } };
  }
  const current = await core.dispatch('profiles:current', {}, sessionId);
  const profileId = current.ok ? (current.value as { profile: { id: string } | null }).profile?.id : undefined;
  if (!profileId) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in to a profile first.' } };
  try {
    const stored = files.registerPath(filePath, profileId);
    return { ok: true, value: { fileId: stored.fileId, fileName: stored.fileName, bytes: stored.bytes } };
  } catch {
    return { ok: false, error: { code: 'NOT_FOUND', message: 'That file could not be opened.' } };
  }
}

function attach(core: IpcCore, windows: Map<number, AttachedWindow>, contents: WebContents): string {
  const existing = windows.get(contents.id);
  if (existing) return existing.sessionId;
  const id = contents.id;
  const sessionId = core.openSession();
  windows.set(id, { contents, sessionId });
  contents.once('destroyed', () => {
    windows.delete(id);
    core.closeSession(sessionId);
  });
  return sessionId;
}

/**
 * The caller's session when the call comes from the top frame of a window we attached, showing a page of our own
 * origin; null otherwise (a subframe, a page navigated elsewhere, a webContents we never made).
 */
function trustedSession(
  windows: Map<number, AttachedWindow>,
  origin: string,
  event: IpcMainInvokeEvent,
): string | null {
  const attached = windows.get(event.sender.id);
  const frame = event.senderFrame;
  if (!attached || !frame) return null;
  const top = event.sender.mainFrame;
  if (frame.processId !== top.processId || frame.routingId !== top.routingId) return null;
  return originOf(frame.url) === origin ? attached.sessionId : null;
}

const isTargeted = (target: EventTarget, sessionId: string) =>
  'all' in target ? target.all : target.sessionIds.includes(sessionId);

function forwardEvent(windows: Map<number, AttachedWindow>, origin: string, event: CoreEvent): void {
  for (const { contents, sessionId } of windows.values()) {
    if (!isTargeted(event.target, sessionId) || contents.isDestroyed()) continue;
    // Events are for our page only; a window that somehow shows anything else is skipped.
    if (originOf(contents.getURL()) !== origin) continue;
    contents.send(EVENT_CHANNEL, { name: event.name, payload: event.payload });
  }
}
