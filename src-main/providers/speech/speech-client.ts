import OpenAI, { toFile } from 'openai';
import { classifySpeechError, SpeechError } from './speech-errors';

export interface SpeechEndpoint {
  baseUrl: string;
  model: string;
  /** Text-to-speech: the server's voice name (null: 'alloy', the OpenAI default most servers accept). */
  voice: string | null;
  /** Null for local servers that need none. Lives only in memory, in the SDK client. */
  apiKey: string | null;
}

export interface SpeechTuning {
  /** Whole-call limit of one transcription (a turn is at most 60 s of audio). */
  transcribeTimeoutMs: number;
  /** Whole-call limit of one spoken sentence. */
  speakTimeoutMs: number;
}

export const DEFAULT_SPEECH_TUNING: SpeechTuning = { transcribeTimeoutMs: 30_000, speakTimeoutMs: 20_000 };

export interface SpokenAudio {
  mime: string;
  audio: Buffer;
}

export type SpeechClient = ReturnType<typeof createSpeechClient>;

/**
 * One OpenAI-compatible speech server (OpenAI, speaches, whisper.cpp's server, LocalAI, Kokoro-FastAPI) through the
 * `openai` SDK: `/audio/transcriptions` with the language hint, `/audio/speech` as WAV. No retries: a voice turn
 * that waits on a retry is worse than one that says the server failed.
 */
export function createSpeechClient(endpoint: SpeechEndpoint, tuning: SpeechTuning = DEFAULT_SPEECH_TUNING) {
  const sdk = new OpenAI({
    baseURL: endpoint.baseUrl.replace(/\/+$/, ''),
    apiKey: endpoint.apiKey ?? 'no-key',
    organization: null,
    project: null,
    maxRetries: 0,
    defaultHeaders: { 'X-Title': 'Parley' },
  });

  const call = async <T>(timeoutMs: number, signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const timer = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timer]) : timer;
    try {
      return await run(combined);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw timer.aborted ? new SpeechError('timeout') : classifySpeechError(error);
    }
  };

  return {
    /** The text of a WAV recording; `language` is an ISO 639-1 hint. */
    transcribe(wav: Buffer, language: string | null, signal?: AbortSignal): Promise<string> {
      return call(tuning.transcribeTimeoutMs, signal, async (s) => {
        const file = await toFile(wav, 'turn.wav', { type: 'audio/wav' });
        const result: unknown = await sdk.audio.transcriptions.create(
          { file, model: endpoint.model, response_format: 'json', ...(language ? { language } : {}) },
          { signal: s, timeout: tuning.transcribeTimeoutMs },
        );
        const text = (result as { text?: unknown } | null)?.text;
        if (typeof text !== 'string') throw new SpeechError('bad_response');
        return text.trim();
      });
    },

    /** Speech for one sentence. */
    speak(text: string, signal?: AbortSignal): Promise<SpokenAudio> {
      return call(tuning.speakTimeoutMs, signal, async (s) => {
        const response = await sdk.audio.speech.create(
          { model: endpoint.model, voice: endpoint.voice ?? 'alloy', input: text, response_format: 'wav' },
          { signal: s, timeout: tuning.speakTimeoutMs },
        );
        const audio = Buffer.from(await response.arrayBuffer());
        if (audio.length === 0) throw new SpeechError('bad_response');
        const type = response.headers.get('content-type')?.split(';')[0]?.trim();
        return { mime: type && type.startsWith('audio/') ? type : 'audio/wav', audio };
      });
    },
  };
}
