import {
  events,
  type Channel,
  type Envelope,
  type EventName,
  type EventPayload,
  type Input,
  type Output,
} from '../../../src-shared/contract';
import { BRIDGE_KEY, type ParleyBridge } from '../../../src-shared/bridge';
import { ApiError, asApiError } from './api-error';
import { createEventSocket } from './event-socket';
import { createHttpTransport } from './http-transport';

interface Transport {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

function electronBridge(): ParleyBridge | undefined {
  return (window as unknown as Partial<Record<string, ParleyBridge>>)[BRIDGE_KEY];
}

function webTransport(): Transport {
  const http = createHttpTransport();
  const socket = createEventSocket(http);
  return { invoke: http.invoke, on: socket.on };
}

let transport: Transport | undefined;
const current = (): Transport => (transport ??= electronBridge() ?? webTransport());

/** True inside the Electron shell, where the preload provides the bridge. */
export const isDesktopShell = (): boolean => electronBridge() !== undefined;

/** The one client the renderer uses to reach the core, typed by the contract. */
export const api = {
  /** Calls a contract channel; throws ApiError on an error envelope or when the core cannot be reached. */
  async invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    let envelope: Envelope<unknown>;
    try {
      envelope = await current().invoke(channel, input);
    } catch (error) {
      throw asApiError(error);
    }
    if (!envelope.ok) throw ApiError.fromShape(envelope.error);
    return envelope.value as Output<C>;
  },

  /** Listens to a core event; payloads that do not match the contract are dropped. Returns the unsubscribe. */
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
    const schema = events[name].payload;
    return current().on(name, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) listener(parsed.data as EventPayload<N>);
    });
  },
};
