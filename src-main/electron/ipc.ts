import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL } from '../../src-shared/bridge';
import { channels, type Channel, type Envelope } from '../../src-shared/contract';
import type { Core } from '../core';
import type { CoreEvent, EventTarget } from '../events';
import { originOf } from './renderer-origin';
import { shellLog } from './shell-log';

/** The part of the core the transport needs; tests may pass a fake. */
export type IpcCore = Pick<Core, 'dispatch' | 'openSession' | 'closeSession' | 'events'>;

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
