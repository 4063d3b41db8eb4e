import { useTranslation } from 'react-i18next';
import { useLivekitRoom } from '../../hooks/useLivekitRoom';
import { RoomInvite } from './RoomInvite';

/** Practise in a LiveKit room: join, leave, the room's state in words, and an invitation for a teacher or partner. */
export function RoomPanel({ conversationId, deviceId }: { conversationId: string; deviceId: string | null }) {
  const { t } = useTranslation();
  const room = useLivekitRoom(conversationId, deviceId);
  const inRoom = room.state === 'connecting' || room.state === 'connected' || room.state === 'reconnecting';
  return (
    <section className="voice-card" aria-labelledby="voice-room-heading">
      <h3 id="voice-room-heading" className="small-heading">
        {t('voice.room.heading')}
      </h3>
      <p role="status">
        {room.state === 'connected'
          ? t('voice.room.state.connected', { room: room.roomName ?? '' })
          : room.state === 'failed'
            ? t('voice.room.state.failed', { problem: room.problem ?? '' })
            : t(`voice.room.state.${room.state}`)}
      </p>
      <div className="actions">
        {inRoom ? (
          <button type="button" className="button" onClick={() => void room.leave()}>
            {t('voice.room.leave')}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void room.join()}>
            {t('voice.room.join')}
          </button>
        )}
      </div>
      {inRoom && room.roomName && <RoomInvite key={room.roomName} room={room.roomName} />}
    </section>
  );
}
