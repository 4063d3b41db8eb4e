import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { z } from 'zod';
import { BRIDGE_KEY, EVENT_CHANNEL, UPLOAD_CHANNEL, type ParleyBridge, type UploadedFile } from '../src-shared/bridge';
import { channels, type Envelope } from '../src-shared/contract';
import { eventNames } from '../src-shared/contract/events';

// The page's CSP forbids eval; without this zod probes for it with `new Function` and the probe is reported as a
// CSP violation even though zod catches it.
z.config({ jitless: true });

const allowedChannels: ReadonlySet<string> = new Set(channels);
const allowedEvents: ReadonlySet<string> = new Set(eventNames);
const eventMessage = z.object({ name: z.string(), payload: z.unknown() });

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all subscribers; the page's callbacks receive the payload only, never the IPC event
// (whose `sender` would hand the page an ipcRenderer).
ipcRenderer.on(EVENT_CHANNEL, (_event, message: unknown) => {
  const parsed = eventMessage.safeParse(message);
  if (!parsed.success) return;
  for (const listener of [...(listeners.get(parsed.data.name) ?? [])]) {
    try {
      listener(parsed.data.payload);
    } catch (error) {
      console.error('A Parley event listener failed', error);
    }
  }
});

const api = {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
      return Promise.reject(new Error('Parley has no such channel.'));
    }
    return ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>;
  },
  on(event: string, cb: Listener): () => void {
    if (typeof event !== 'string' || !allowedEvents.has(event) || typeof cb !== 'function') return () => undefined;
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set.add(cb));
    return () => {
      set.delete(cb);
    };
  },
  uploadFile(file: unknown): Promise<Envelope<UploadedFile>> {
    // Only a real File the learner picked has a path; the page never names a path itself.
    let filePath: string;
    try {
      filePath = webUtils.getPathForFile(file as File);
    } catch {
      filePath = '';
    }
    if (!filePath) return Promise.reject(new Error('Parley can only open files you picked.'));
    return ipcRenderer.invoke(UPLOAD_CHANNEL, filePath) as Promise<Envelope<UploadedFile>>;
  },
} satisfies ParleyBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
