import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../src-shared/contract';
import { api } from '../lib/api';

/** Subscribes to a core event for as long as the component is mounted. */
export function useApiEvent<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  }, [listener]);
  useEffect(() => api.on(name, (payload) => latest.current(payload)), [name]);
}
