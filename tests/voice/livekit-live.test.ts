import { AudioFrame, AudioSource, LocalAudioTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource, type RemoteParticipant, type RemoteTrack } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { waitForEvent } from '../tutor/tutor-fixture';
import { speechConfig, voiceFixture } from './voice-fixture';
import { RATE, synthesize } from './synthetic-audio';

const url = process.env.LIVEKIT_URL;
const apiKey = process.env.LIVEKIT_API_KEY;
const apiSecret = process.env.LIVEKIT_API_SECRET;
const live = Boolean(url && apiKey && apiSecret);

if (!live) console.info('live LiveKit test skipped: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to run it');

/**
 * Against a real LiveKit server: the learner joins with the token the core minted, the tutor joins the same room
 * from the main process, hears an utterance on the learner's track, and answers on its own audio track.
 */
describe.skipIf(!live)('a live LiveKit room', () => {
  it('puts the learner and the tutor in one room and runs a spoken turn through it', { timeout: 60_000 }, async () => {
    const fx = await voiceFixture();
    const learnerRoom = new Room();
    try {
      await fx.learner.call('voice:saveConfig', { ...speechConfig(fx.mock.baseUrl), endOfTurnSilenceMs: 600, livekit: { source: 'direct', url: url!, apiKey: apiKey!, apiSecret: apiSecret! } });
      fx.mock.transcripts('Hola, ¿qué tal?');
      fx.mock.script({ kind: 'chat', text: 'Muy bien, gracias. ¿Y tú?' });
      const joined = await fx.learner.call('voice:roomJoin', { conversationId: fx.conversationId });
      expect(joined.identity).toBe(`learner-${fx.profileId}`);

      const tutorAudio = new Promise<void>((resolve) => {
        learnerRoom.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant: RemoteParticipant) => {
          if (participant.identity.startsWith('tutor-') && track.kind === TrackKind.KIND_AUDIO) resolve();
        });
      });
      await learnerRoom.connect(joined.url, joined.token, { autoSubscribe: true, dynacast: false });
      await waitForEvent(fx, 'voice:room', (e) => e.state === 'connected', 20_000);

      const source = new AudioSource(RATE, 1);
      await learnerRoom.localParticipant!.publishTrack(LocalAudioTrack.createAudioTrack('mic', source), new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
      await tutorAudio;
      const speech = synthesize([{ silence: 300 }, { tone: 800, hz: 160 }, { silence: 1500 }]);
      const pcm = Int16Array.from(speech, (s) => Math.round(s * 32767));
      for (let at = 0; at + RATE / 100 <= pcm.length; at += RATE / 100) await source.captureFrame(new AudioFrame(pcm.slice(at, at + RATE / 100), RATE, 1, RATE / 100));

      const update = await waitForEvent(fx, 'voice:turnUpdate', (e) => e.turn.transcript === 'Hola, ¿qué tal?', 20_000);
      await waitForEvent(fx, 'voice:audio', (e) => e.turnId === update.turn.turnId && e.last, 20_000);
      expect(await fx.learner.call('voice:roomStatus', {})).toMatchObject({ state: 'connected', room: joined.room });
      expect(await fx.learner.call('voice:roomLeave', { room: joined.room })).toEqual({ left: true });
    } finally {
      await learnerRoom.disconnect().catch(() => undefined);
      await fx.close();
    }
  });
});
