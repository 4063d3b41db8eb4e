import { AudioFrame, AudioResampler, AudioSource, AudioStream, LocalAudioTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource, type RemoteTrack, type RemoteParticipant } from '@livekit/rtc-node';
import { newId } from '../../../db/ids';
import type { RoomState } from '../../../src-shared/domain/voice';
import type { CoreEvent } from '../../events';
import { createEndpointer } from '../../services/voice/endpointer';
import { parseWav } from '../../services/voice/pcm';

const IN_RATE = 16_000;
const OUT_RATE = 24_000;

export interface TutorParticipantOptions {
  url: string;
  token: string;
  learnerIdentity: string;
  endOfTurnSilenceMs: number;
  onState: (state: RoomState, problem: string | null) => void;
  /** A learner utterance ended (energy end-pointing): PCM16 base64 at 16 kHz. */
  onUtterance: (turn: { turnId: string; audio: string; speechEndedAt: number }) => void;
  /** The learner spoke while the tutor was speaking. */
  onBargeIn: (turnId: string, at: number) => void;
  /** The core's events: the tutor speaks the `voice:audio` of its own turns. */
  subscribe: (listener: (event: CoreEvent) => void) => () => void;
}

export interface TutorParticipant {
  leave(): Promise<void>;
}

/**
 * The tutor in a LiveKit room (@livekit/rtc-node): it listens to the learner's microphone track (an AudioStream at
 * 16 kHz mono), cuts it into turns by energy with the learner's end-of-turn silence, sends each into the voice
 * pipeline, and speaks the replies on its own AudioSource track. Speech from the learner while it talks is a
 * barge-in. Runs only against a live LiveKit server (tests/voice/livekit-live.test.ts).
 */
export async function joinAsTutor(options: TutorParticipantOptions): Promise<TutorParticipant> {
  const room = new Room();
  const source = new AudioSource(OUT_RATE, 1);
  const myTurns = new Set<string>();
  let speakingTurn: string | null = null;
  let closed = false;

  room.on(RoomEvent.Reconnecting, () => options.onState('reconnecting', null));
  room.on(RoomEvent.Reconnected, () => options.onState('connected', null));
  room.on(RoomEvent.Disconnected, () => {
    if (!closed) options.onState('disconnected', 'The room connection was lost.');
  });
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _publication, participant: RemoteParticipant) => {
    if (participant.identity !== options.learnerIdentity || track.kind !== TrackKind.KIND_AUDIO) return;
    void listen(new AudioStream(track, { sampleRate: IN_RATE, numChannels: 1 }));
  });

  const listen = async (stream: AudioStream) => {
    const endpointer = createEndpointer({
      endOfTurnSilenceMs: options.endOfTurnSilenceMs,
      onSpeechStart: () => {
        if (!speakingTurn) return;
        options.onBargeIn(speakingTurn, Date.now());
        source.clearQueue();
        speakingTurn = null;
      },
      onUtterance: (pcm, silenceMs) => {
        const turnId = newId();
        myTurns.add(turnId);
        options.onUtterance({ turnId, audio: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64'), speechEndedAt: Date.now() - silenceMs });
      },
    });
    for await (const frame of stream) {
      if (closed) break;
      endpointer.push(frame.data);
    }
  };

  const speak = async (audioBase64: string) => {
    const wav = parseWav(Buffer.from(audioBase64, 'base64'));
    if (!wav || wav.channels !== 1) return;
    const frame = new AudioFrame(wav.samples, wav.sampleRate, 1, wav.samples.length);
    const frames = wav.sampleRate === OUT_RATE ? [frame] : resample(frame, wav.sampleRate);
    for (const f of frames) await source.captureFrame(f);
  };

  let speaking: Promise<void> = Promise.resolve();
  const unsubscribe = options.subscribe((event) => {
    if (event.name !== 'voice:audio') return;
    const payload = event.payload as { turnId: string; audio: string | null; last: boolean };
    if (!myTurns.has(payload.turnId)) return;
    if (payload.last) {
      myTurns.delete(payload.turnId);
      return;
    }
    speakingTurn = payload.turnId;
    if (payload.audio) speaking = speaking.then(() => speak(payload.audio!)).catch(() => undefined);
  });

  try {
    await room.connect(options.url, options.token, { autoSubscribe: true, dynacast: false });
    const track = LocalAudioTrack.createAudioTrack('tutor-voice', source);
    await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
    options.onState('connected', null);
  } catch (error) {
    unsubscribe();
    await source.close().catch(() => undefined);
    throw error;
  }

  return {
    async leave() {
      closed = true;
      unsubscribe();
      await room.disconnect();
      await source.close();
    },
  };
}

function resample(frame: AudioFrame, fromRate: number): AudioFrame[] {
  const resampler = new AudioResampler(fromRate, OUT_RATE, 1);
  return [...resampler.push(frame), ...resampler.flush()];
}
