import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from 'livekit-client';
import type { RoomState } from '../../../src-shared/domain/voice';
import { roomProblemText } from '../i18n/room-problem';
import { api } from '../lib/api';
import { thisTab, watchPolicyBlocks } from '../lib/livekit-page-policy';
import { reloadToRejoin, takeRejoin } from '../lib/livekit-rejoin';

const STATES: Record<string, RoomState> = {
  disconnected: 'disconnected',
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  signalReconnecting: 'reconnecting',
};

/**
 * A LiveKit room for a conversation: the token comes from the core (`voice:roomJoin`, minted there or fetched
 * from the school server), the renderer joins with livekit-client and publishes the microphone; livekit-client
 * reconnects by itself after a network loss. When this page's policy does not yet allow the LiveKit server, the
 * window reloads once and joins again (lib/livekit-rejoin.ts).
 */
export function useLivekitRoom(conversationId: string, deviceId: string | null) {
  const { t } = useTranslation();
  const [state, setState] = useState<RoomState>('idle');
  const [roomName, setRoomName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const room = useRef<Room | null>(null);

  const leave = useCallback(async () => {
    const current = room.current;
    room.current = null;
    await current?.disconnect();
    if (current?.name) await api.invoke('voice:roomLeave', { room: current.name }).catch(() => undefined);
    setRoomName(null);
    setState('idle');
  }, []);

  const join = useCallback(async () => {
    if (room.current) return;
    setProblem(null);
    setState('connecting');
    let watch: ReturnType<typeof watchPolicyBlocks> | null = null;
    let url: string | null = null;
    try {
      const grant = await api.invoke('voice:roomJoin', { conversationId });
      url = grant.url;
      watch = watchPolicyBlocks(grant.url);
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
      const blocked = watch ? await watch.blocked() : false;
      if (blocked && url && reloadToRejoin(thisTab, conversationId, url)) return;
      setState('failed');
      setProblem(roomProblemText(t, error, blocked));
    } finally {
      watch?.stop();
    }
  }, [conversationId, deviceId, t]);

  // After a reload made to reach a new LiveKit server, join again as the learner asked.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (takeRejoin(thisTab, conversationId)) void join();
    }, 0);
    return () => clearTimeout(timer);
  }, [conversationId, join]);

  useEffect(
    () => () => {
      void room.current?.disconnect();
    },
    [],
  );

  return { state, roomName, problem, join, leave };
}
