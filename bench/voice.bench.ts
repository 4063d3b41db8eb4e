import path from 'node:path';
import { loadFillers } from '../src-main/services/voice/fluency/fillers';
import { measureFluency } from '../src-main/services/voice/fluency/fluency';
import { RATE, tenSecondUtterance } from '../tests/voice/synthetic-audio';
import { median, percentile, round, type Benchmark, type Figure } from './harness';
import { runChild, withShellRig } from './support/web-shell-rig';

const RESOURCES_DIR = path.resolve(import.meta.dirname, '../resources');
const VOICE_CLIENT = path.resolve(import.meta.dirname, 'support/voice-client.ts');

/** The providers' configured delays: speech-to-text, first token, text-to-speech (like fast cloud providers, scaled down). */
const STT_DELAY_MS = 60;
const FIRST_TOKEN_DELAY_MS = 25;
const TTS_DELAY_MS = 40;

/**
 * voice.overhead_ms and voice.bargein_ms through the web shell: a client process (as the renderer) posts voice
 * turns of 1.5 s of PCM and watches the events WebSocket; the mock OpenAI server runs in a third process with fixed
 * speech-to-text, first-token and text-to-speech delays.
 */
const pipeline: Benchmark = {
  figures: ['voice.overhead_ms', 'voice.bargein_ms'],
  async run() {
    return withShellRig(async ({ mock, server, token, sessionId, call }) => {
      await mock.knobs({ sttDelayMs: STT_DELAY_MS, firstTokenDelayMs: FIRST_TOKEN_DELAY_MS, ttsDelayMs: TTS_DELAY_MS });
      const speech = (model: string) => ({
        kind: 'speaches',
        baseUrl: mock.baseUrl,
        model,
        voice: 'alloy',
        apiKey: null,
      });
      await call('voice:saveConfig', {
        stt: speech('mock-whisper'),
        tts: speech('mock-tts'),
        endOfTurnSilenceMs: null,
        pushToTalk: false,
        keepLearnerAudio: false,
        inputDeviceId: null,
      });
      const conversation = async () =>
        (await call<{ conversation: { id: string } }>('tutor:start', { scenarioId: null })).conversation.id;

      const rounds = 40;
      const overheadRun = JSON.parse(
        await runChild([
          VOICE_CLIENT,
          server.url,
          token,
          sessionId,
          await conversation(),
          'overhead',
          String(rounds),
          '5',
        ]),
      ) as { samples: number[] };
      const providers = STT_DELAY_MS + FIRST_TOKEN_DELAY_MS + TTS_DELAY_MS;

      await mock.knobs({
        defaultText: 'Uno, dos. Tres, cuatro. Cinco, seis. Siete, ocho. Nueve, diez. Once, doce.',
        chunkDelayMs: 30,
        ttsDelayMs: 120,
      });
      const bargeRun = JSON.parse(
        await runChild([VOICE_CLIENT, server.url, token, sessionId, await conversation(), 'bargein', '30', '3']),
      ) as { samples: number[]; late: number };
      const data =
        '1.5 s PCM16 turns via the web shell (HTTP + WebSocket), client and mock OpenAI server in their own processes';
      const figures: Figure[] = [
        {
          name: 'voice.overhead_ms',
          value: round(median(overheadRun.samples) - providers, 2),
          unit: 'ms',
          n: overheadRun.samples.length,
          stat: 'median(end of speech → first voice:audio with audio at the client) - (stt + first token + tts configured delays)',
          measuredMedianMs: round(median(overheadRun.samples), 2),
          measuredP95Ms: round(percentile(overheadRun.samples, 95), 2),
          providerDelaysMs: { stt: STT_DELAY_MS, firstToken: FIRST_TOKEN_DELAY_MS, tts: TTS_DELAY_MS },
          excludes: 'renderer decode and playback start (the renderer half measures that)',
          data,
        },
        {
          name: 'voice.bargein_ms',
          value: round(median(bargeRun.samples), 2),
          unit: 'ms',
          n: bargeRun.samples.length,
          stat: 'median(voice:cancel posted → returned with the LLM stream and pending TTS stopped)',
          p95: round(percentile(bargeRun.samples, 95), 2),
          audioEventsAfterCancel: bargeRun.late,
          excludes: 'renderer VAD onset and playback stop (the renderer half measures that)',
          data: `${data}; 12-sentence reply, 30 ms between tokens, 120 ms per sentence of speech`,
        },
      ];
      return figures;
    });
  },
};

/** voice.metrics_10s_ms: the fluency of a 10 s utterance (pauses, rates, fillers, pitch range). */
const metrics: Benchmark = {
  figures: ['voice.metrics_10s_ms'],
  async run() {
    const audio = tenSecondUtterance();
    const transcript =
      'Eh, ayer fui al mercado con mi hermana y compramos fruta, pan y queso para la cena de los sábados.';
    const fillers = loadFillers(RESOURCES_DIR, 'es');
    for (let i = 0; i < 10; i += 1) measureFluency(audio, RATE, transcript, 'es', fillers);
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      measureFluency(audio, RATE, transcript, 'es', fillers);
      samples.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
    return [
      {
        name: 'voice.metrics_10s_ms',
        value: round(median(samples), 3),
        unit: 'ms',
        n: samples.length,
        stat: 'median',
        p95: round(percentile(samples, 95), 3),
        cpuMedianMs: round(median(cpu), 3),
        data: `10 s of 16 kHz mono PCM (${audio.length} samples, 20 voiced runs, 4 pauses) + a 20-word transcript`,
      },
    ];
  },
};

export const benchmarks: Benchmark[] = [pipeline, metrics];
