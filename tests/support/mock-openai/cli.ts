import { startMockOpenAI } from './server';

/**
 * Runs the mock OpenAI-compatible server on its own, for the end-to-end tests:
 *   node --import tsx tests/support/mock-openai/cli.ts --port 0 [--api-key KEY] [--models a,b]
 *     [--stt-delay MS] [--tts-delay MS] [--transcript TEXT] [--tts-engine tone|espeak]
 * Prints one JSON line `{"port":N,"baseUrl":"http://127.0.0.1:N/v1"}` when it listens; stops on SIGTERM/SIGINT.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mock = await startMockOpenAI({
  port: Number(arg('port') ?? 0),
  knobs: {
    ...(arg('api-key') ? { apiKey: arg('api-key')! } : {}),
    ...(arg('models') ? { models: arg('models')!.split(',') } : {}),
    ...(arg('stt-delay') ? { sttDelayMs: Number(arg('stt-delay')) } : {}),
    ...(arg('tts-delay') ? { ttsDelayMs: Number(arg('tts-delay')) } : {}),
    ...(arg('transcript') ? { transcript: arg('transcript')! } : {}),
    ...(arg('tts-engine') === 'espeak' ? { ttsEngine: 'espeak' as const } : {}),
  },
});
process.stdout.write(`${JSON.stringify({ port: mock.port, baseUrl: mock.baseUrl })}\n`);
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
