import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../src-shared/contract/events';

/** Who should receive an event: every session, or only some. */
export type EventTarget = { all: true } | { sessionIds: string[] };

export interface CoreEvent<N extends EventName = EventName> {
  name: N;
  payload: EventPayload<N>;
  target: EventTarget;
}

export interface CoreEvents {
  emit<N extends EventName>(name: N, payload: EventPayload<N>, target?: EventTarget): void;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export function createCoreEvents(): CoreEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit(name, payload, target = { all: true }) {
      emitter.emit('event', { name, payload, target });
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}
