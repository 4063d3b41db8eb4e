import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { voiceForLanguage } from '../../src-shared/domain/voice';
import { eventsOf, settle, waitForEvent, type TutorFixture } from '../tutor/tutor-fixture';
import { speechConfig, voiceFixture } from './voice-fixture';

let fx: TutorFixture & { conversationId: string };
afterEach(async () => fx?.close());

/** The voice of each `/v1/audio/speech` request the mock received, with its text. */
const spokenWith = () =>
  fx.mock.requests
    .filter((r) => r.path === '/v1/audio/speech')
    .map((r) => {
      const body = r.body as unknown as { input: string; voice: string };
      return [body.input, body.voice];
    });

/** The mock's speech server with a default voice and one voice per language. */
async function withLanguageVoices(voicesByLanguage: Record<string, string>) {
  const base = speechConfig(fx.mock.baseUrl);
  return fx.learner.call('voice:saveConfig', { ...base, tts: { ...base.tts!, voice: 'alloy', voicesByLanguage } });
}

describe('a voice per language', () => {
  it('picks the language’s own voice, else the default (any region of the language)', () => {
    const provider = { voice: 'alloy', voicesByLanguage: { es: 'ef_dora', fr: 'ff_siwis' } };
    expect(voiceForLanguage(provider, 'es')).toBe('ef_dora');
    expect(voiceForLanguage(provider, 'fr-CA')).toBe('ff_siwis');
    expect(voiceForLanguage(provider, 'de')).toBe('alloy');
    expect(voiceForLanguage(provider, null)).toBe('alloy');
    expect(voiceForLanguage({ voice: null }, 'es')).toBeNull();
  });

  it('is stored with the speech settings, validated, and shown back', async () => {
    fx = await voiceFixture();
    const saved = await withLanguageVoices({ es: 'ef_dora', fr: 'ff_siwis' });
    expect(saved.config.tts).toMatchObject({ voice: 'alloy', voicesByLanguage: { es: 'ef_dora', fr: 'ff_siwis' } });
    expect((await fx.learner.call('voice:getConfig', {})).config.tts?.voicesByLanguage).toEqual({
      es: 'ef_dora',
      fr: 'ff_siwis',
    });
    // Only languages Parley knows, and real voice names.
    const base = speechConfig(fx.mock.baseUrl);
    for (const voicesByLanguage of [{ xx: 'v' }, { es: '' }, { es: 'v'.repeat(101) }]) {
      const refused = await fx.learner.raw('voice:saveConfig', { ...base, tts: { ...base.tts!, voicesByLanguage } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // Settings saved before voices per language existed read as none.
    const sqlite = fx.core.internals().sqlite;
    const stored = JSON.parse(
      sqlite.prepare('SELECT config FROM voice_settings WHERE profile_id = ?').pluck().get(fx.profileId) as string,
    );
    delete stored.tts.voicesByLanguage;
    sqlite
      .prepare('UPDATE voice_settings SET config = ? WHERE profile_id = ?')
      .run(JSON.stringify(stored), fx.profileId);
    expect((await fx.learner.call('voice:getConfig', {})).config.tts).toMatchObject({
      voice: 'alloy',
      voicesByLanguage: {},
    });
    expect(await fx.learner.call('voice:speak', { text: 'Hola' })).toMatchObject({ mime: 'audio/wav' });
    expect(spokenWith()).toEqual([['Hola', 'alloy']]);
  });

  it('voice:speak speaks with the voice of the language asked for (none: the target language)', async () => {
    fx = await voiceFixture();
    await withLanguageVoices({ es: 'ef_dora', fr: 'ff_siwis' });
    await fx.learner.call('voice:speak', { text: 'Bonjour', language: 'fr' });
    await fx.learner.call('voice:speak', { text: 'Guten Tag', language: 'de' });
    await fx.learner.call('voice:speak', { text: 'Buenos días' });
    await fx.learner.call('voice:speak', { text: 'Hello', language: 'en-GB' });
    expect(spokenWith()).toEqual([
      ['Bonjour', 'ff_siwis'],
      ['Guten Tag', 'alloy'],
      ['Buenos días', 'ef_dora'],
      ['Hello', 'alloy'],
    ]);
  });

  it('speaks the tutor’s replies with the voice of the conversation’s target language', async () => {
    fx = await voiceFixture();
    await withLanguageVoices({ es: 'ef_dora', fr: 'ff_siwis' });
    fx.mock.transcripts('Hola, ¿qué tal?');
    fx.mock.script({ kind: 'chat', text: 'Muy bien, gracias. ¿Y tú?' });
    const turnId = newId();
    const typedId = newId();
    const turn = await fx.learner.call('voice:turn', {
      conversationId: fx.conversationId,
      turnId,
      audio: '',
      speechEndedAt: Date.now(),
      typedText: 'Hola, ¿qué tal?',
    });
    await waitForEvent(fx, 'voice:audio', (e) => e.turnId === turnId && e.last);
    await settle(fx, turn.replyMessageId!);
    expect(spokenWith()).toEqual([
      ['Muy bien, gracias.', 'ef_dora'],
      ['¿Y tú?', 'ef_dora'],
    ]);
    expect(eventsOf(fx.events, 'voice:audio').filter((e) => e.turnId === turnId && e.audio).length).toBe(2);

    // Without a voice for the language, the default one speaks.
    await withLanguageVoices({ fr: 'ff_siwis' });
    fx.mock.script({ kind: 'chat', text: 'Vale.' });
    await fx.learner.call('voice:turn', {
      conversationId: fx.conversationId,
      turnId: typedId,
      audio: '',
      speechEndedAt: Date.now(),
      typedText: 'Adiós.',
    });
    await waitForEvent(fx, 'voice:audio', (e) => e.turnId === typedId && e.last);
    expect(spokenWith().at(-1)).toEqual(['Vale.', 'alloy']);
  });
});
