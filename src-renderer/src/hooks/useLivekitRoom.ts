import { useCallback, useEffect, useRef, useState } from 'react';
import type { Room } from 'livekit-client';
import type { RoomState } from '../../../src-shared/domain/voice';
import { api } from '../lib/api';
import { asApiError } from '../lib/api-error';

const STATES: Record<string, RoomState> = {
  disconnected: 'disconnected',
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  signalReconnecting: 'reconnecting',
};

/**
 * A LiveKit room for a conversation: the token comes from the core (`voice:roomJoin`), the renderer joins with
 * livekit-client and publishes the microphone; livekit-client reconnects by itself after a network loss.
 */
export function useLivekitRoom(conversationId: string, deviceId: string | null) {
  const [state, setState] = useState<RoomState>('idle');
  const [roomName, setRoomName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const room = useRef<Room | null>(null);

  const leave = useCallback(async () => {
    const current = room.current;
    room.current = null;
    await current?.disconnect();
    if (current?.name) await api.invoke('voice:roomLeave', { room: current.name }).catch(() => undefined);
    setState('idle');
  }, []);

  const join = useCallback(async () => {
    if (room.current) return;
    setProblem(null);
    setState('connecting');
    try {
      const grant = await api.invoke('voice:roomJoin', { conversationId });
      const { Room, RoomEvent } = await import('livekit-client');
      const joined = new Room({ adaptiveStream: true, dynacast: true });
      room.current = joined;
      joined.on(RoomEvent.ConnectionStateChanged, (next) => setState(STATES[next] ?? 'disconnected'));
      joined.on(RoomEvent.Disconnected, () => setState('disconnected'));
      await joined.connect(grant.url, grant.token);
      setRoomName(grant.room);
      await joined.localParticipant.setMicrophoneEnabled(true, deviceId ? { deviceId } : undefined);
      setState('connected');
    } catch (error) {
      room.current = null;
      setState('failed');
      setProblem(error instanceof Error && !('code' in error) ? error.message : asApiError(error).message);
    }
  }, [conversationId, deviceId]);

  useEffect(
    () => () => {
      void room.current?.disconnect();
    },
    [],
  );

  return { state, roomName, problem, join, leave };
}
