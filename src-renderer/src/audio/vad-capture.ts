import { MicrophoneError, openMicrophone } from './microphone';

/** Where the build puts the VAD model, its worklet and onnxruntime's wasm (see scripts/renderer-audio-assets.ts). */
export const audioAssetBase = (): string => new URL('vad/', document.baseURI).href;

export interface CaptureHandlers {
  onSpeechStart(): void;
  /** A whole utterance, 16 kHz mono, and when its end was detected (epoch ms). */
  onSpeechEnd(audio: Float32Array, endedAt: number): void;
  /** Speech too short to be a turn (a cough, a click). */
  onMisfire(): void;
  /** Every 32 ms frame, 16 kHz mono: for the level meter and push-to-talk. */
  onFrame(frame: Float32Array): void;
}

export interface Capture {
  setEndOfTurnSilence(ms: number): void;
  /** With push-to-talk the learner says when a turn ends: the VAD still reports speech start (barge-in). */
  setAutoEnd(auto: boolean): void;
  stop(): Promise<void>;
}

/** The shortest speech counted as a turn. */
const MIN_SPEECH_MS = 250;
/** Audio kept from before the detected start, so the first syllable is not clipped. */
const PRE_SPEECH_PAD_MS = 300;

/**
 * The microphone through vad-web's AudioWorklet (resampled to 16 kHz in the worklet) into the Silero model. The
 * model and onnxruntime's wasm load from the app's own `vad/` folder; nothing comes from outside.
 */
export async function startCapture(options: {
  context: AudioContext;
  deviceId: string | null;
  endOfTurnSilenceMs: number;
  autoEnd: boolean;
  handlers: CaptureHandlers;
}): Promise<Capture> {
  let autoEnd = options.autoEnd;
  const { handlers } = options;
  const { MicVAD } = await import('@ricky0123/vad-web');
  const base = audioAssetBase();
  let stream: MediaStream | null = null;
  const release = () => stream?.getTracks().forEach((track) => track.stop());
  // The microphone opens once the model is loaded, so nothing said while it loads is cut in half.
  const openStream = async () => {
    stream = await openMicrophone(options.deviceId);
    if (stream.getAudioTracks().length === 0) throw new MicrophoneError('missing');
    return stream;
  };
  let vad: Awaited<ReturnType<typeof MicVAD.new>>;
  try {
    vad = await MicVAD.new({
      model: 'v5',
      baseAssetPath: base,
      onnxWASMBasePath: base,
      audioContext: options.context,
      getStream: openStream,
      pauseStream: () => Promise.resolve(),
      resumeStream: (current) => Promise.resolve(current),
      ortConfig: (ort) => {
        ort.env.wasm.numThreads = 1;
        ort.env.logLevel = 'error';
      },
      redemptionMs: options.endOfTurnSilenceMs,
      minSpeechMs: MIN_SPEECH_MS,
      preSpeechPadMs: PRE_SPEECH_PAD_MS,
      positiveSpeechThreshold: 0.5,
      negativeSpeechThreshold: 0.35,
      startOnLoad: true,
      onSpeechStart: () => handlers.onSpeechStart(),
      onSpeechRealStart: () => undefined,
      onVADMisfire: () => handlers.onMisfire(),
      onSpeechEnd: (audio) => {
        if (autoEnd) handlers.onSpeechEnd(audio, Date.now());
      },
      onFrameProcessed: (_probabilities, frame) => handlers.onFrame(frame),
    });
  } catch (error) {
    release();
    throw error;
  }
  return {
    setEndOfTurnSilence: (ms) => vad.setOptions({ redemptionMs: ms }),
    setAutoEnd: (auto) => {
      autoEnd = auto;
    },
    stop: async () => {
      await vad.destroy();
      release();
    },
  };
}
