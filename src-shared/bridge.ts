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
}

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_KEY = 'parley';

/** The one IPC channel the main process pushes events on, as `{ name, payload }` messages. */
export const EVENT_CHANNEL = 'parley:event';
