import type { Input } from '../../src-shared/contract';
import { tutorFixture, type TutorFixture } from '../tutor/tutor-fixture';

/** Speech servers pointing at the mock: both slots, or only some. */
export function speechConfig(baseUrl: string, slots: { stt?: boolean; tts?: boolean } = { stt: true, tts: true }, extra: Partial<Input<'voice:saveConfig'>> = {}): Input<'voice:saveConfig'> {
  const provider = (model: string, voice: string | null) => ({ kind: 'speaches' as const, baseUrl, model, voice, apiKey: null });
  return {
    stt: slots.stt ? provider('mock-whisper', null) : null,
    tts: slots.tts ? provider('mock-tts', 'alloy') : null,
    endOfTurnSilenceMs: null,
    pushToTalk: false,
    keepLearnerAudio: false,
    inputDeviceId: null,
    ...extra,
  };
}

/** A tutor fixture (mock LLM) whose learner also has the mock's speech endpoints set up. */
export async function voiceFixture(slots?: { stt?: boolean; tts?: boolean }): Promise<TutorFixture & { conversationId: string }> {
  const fx = await tutorFixture();
  await fx.learner.call('voice:saveConfig', speechConfig(fx.mock.baseUrl, slots));
  const conversationId = (await fx.learner.call('tutor:start', { scenarioId: null })).conversation.id;
  return { ...fx, conversationId };
}
