import type { Envelope } from './contract/errors';

/**
 * What the Electron preload exposes as `window.parley`: the contract and nothing else. The renderer's api client
 * uses it when present (`window.parley?: ParleyBridge`) and falls back to the web shell's HTTP transport.
 */
export interface ParleyBridge {
  /** Calls a contract channel. Rejects, without reaching the main process, for a channel not in the contract. */
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  /** Listens to one contract event; unknown event names are ignored. Returns the unsubscribe function. */
  on(event: string, cb: (payload: unknown) => void): () => void;
  /**
   * Hands a file the learner picked (a DOM `File`) to the core without copying it through IPC: the preload asks
   * Electron for its path and the main process registers it. Answers the same as the web shell's POST /api/upload.
   */
  uploadFile(file: unknown): Promise<Envelope<UploadedFile>>;
}

export interface UploadedFile {
  fileId: string;
  fileName: string;
  bytes: number;
}

/** The IPC channel behind `uploadFile` (not a contract call: it carries a path only the preload can produce). */
export const UPLOAD_CHANNEL = 'parley:uploadFile';

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_KEY = 'parley';

/** The one IPC channel the main process pushes events on, as `{ name, payload }` messages. */
export const EVENT_CHANNEL = 'parley:event';
