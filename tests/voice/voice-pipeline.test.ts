import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { parseWav } from '../../src-main/services/voice/pcm';
import { eventsOf, settle, waitForEvent, type TutorFixture } from '../tutor/tutor-fixture';
import { speechConfig, voiceFixture } from './voice-fixture';
import { synthesize, toPcm16Base64 } from './synthetic-audio';

let fx: TutorFixture & { conversationId: string };
afterEach(async () => fx?.close());

const utterance = () => toPcm16Base64(synthesize([{ silence: 200 }, { tone: 700, hz: 140 }, { silence: 400 }, { tone: 700, hz: 190 }, { silence: 900 }]));
const turnInput = (overrides: Record<string, unknown> = {}) => ({ conversationId: fx.conversationId, turnId: newId(), audio: utterance(), speechEndedAt: Date.now(), ...overrides });
const audioOf = (turnId: string) => eventsOf(fx.events, 'voice:audio').filter((e) => e.turnId === turnId);
const lastAudio = (turnId: string) => waitForEvent(fx, 'voice:audio', (e) => e.turnId === turnId && e.last);

describe('a voice turn', () => {
  it('transcribes, stores the words as a learner message, streams the reply and speaks it sentence by sentence', async () => {
    fx = await voiceFixture();
    fx.mock.transcripts('Hola, me llamo Ana y vivo en Madrid.');
    fx.mock.script({ kind: 'chat', text: '¡Encantada, Ana! Madrid es preciosa. ¿Qué te gusta hacer allí?' });
    const input = turnInput();
    const turn = await fx.learner.call('voice:turn', input);
    expect(turn).toMatchObject({ turnId: input.turnId, conversationId: fx.conversationId, transcript: 'Hola, me llamo Ana y vivo en Madrid.' });
    expect(turn.fluency).toMatchObject({ words: 8, pauseCount: 1 });
    await lastAudio(input.turnId);
    await settle(fx, turn.replyMessageId!);

    // The speech-to-text request: a real WAV with the learner's target language as the hint.
    const stt = fx.mock.requests.find((r) => r.path === '/v1/audio/transcriptions')!;
    expect(stt.form).toMatchObject({ model: 'mock-whisper', language: 'es', 'file.riff': 'RIFF' });
    // The reply used the voice prompt.
    const chat = fx.mock.chatRequests().find((r) => !r.response_format)!;
    expect(JSON.stringify(chat.messages)).toContain('read aloud');

    const audio = audioOf(input.turnId);
    expect(audio.map((a) => a.seq)).toEqual([0, 1, 2, 3]);
    expect(audio.map((a) => a.sentence)).toEqual(['¡Encantada, Ana!', 'Madrid es preciosa.', '¿Qué te gusta hacer allí?', '']);
    for (const a of audio.slice(0, 3)) {
      expect(a.mime).toBe('audio/wav');
      expect(parseWav(Buffer.from(a.audio!, 'base64'))?.samples.length).toBeGreaterThan(1000);
    }
    expect(audio[3]).toMatchObject({ last: true, audio: null });
    const speech = fx.mock.requests.filter((r) => r.path === '/v1/audio/speech').map((r) => (r.body as unknown as { input: string }).input);
    expect(speech).toEqual(['¡Encantada, Ana!', 'Madrid es preciosa.', '¿Qué te gusta hacer allí?']);

    // Same store as text chats, with the analysis that text messages get.
    const opened = await fx.learner.call('tutor:open', { conversationId: fx.conversationId });
    expect(opened.messages.map((m) => [m.role, m.text])).toEqual([
      ['learner', 'Hola, me llamo Ana y vivo en Madrid.'],
      ['tutor', '¡Encantada, Ana! Madrid es preciosa. ¿Qué te gusta hacer allí?'],
    ]);
    expect(opened.messages[0]!.analysis).toBe('done');

    // The timeline, in order, pushed as it happened and stored.
    await fx.learner.call('voice:played', { turnId: input.turnId, firstAudioPlayedAt: Date.now() });
    const { turns, session } = await fx.learner.call('voice:turns', { conversationId: fx.conversationId });
    const t = turns[0]!.timeline;
    expect(t.speechEndedAt).toBe(input.speechEndedAt);
    expect(t.transcriptAt).toBeGreaterThanOrEqual(t.speechEndedAt!);
    expect(t.firstTokenAt).toBeGreaterThanOrEqual(t.transcriptAt!);
    expect(t.firstAudioAt).toBeGreaterThanOrEqual(t.firstTokenAt!);
    expect(t.firstAudioPlayedAt).toBeGreaterThanOrEqual(t.firstAudioAt!);
    expect(t.bargedInAt).toBeNull();
    expect(session).toMatchObject({ words: 8 });
    const updates = eventsOf(fx.events, 'voice:turnUpdate').map((e) => e.turn.timeline);
    expect(updates.some((u) => u.firstTokenAt !== null && u.firstAudioAt === null)).toBe(true);
    // The learner's audio is not kept unless the setting says so.
    expect(existsSync(path.join(fx.core.dataDir, 'voice'))).toBe(false);
  });

  it('sends a turn id twice and gets one turn, one message and one reply', async () => {
    fx = await voiceFixture();
    const input = turnInput();
    const [a, b] = await Promise.all([fx.learner.call('voice:turn', input), fx.learner.call('voice:turn', input)]);
    expect(b).toEqual(a);
    await lastAudio(input.turnId);
    await settle(fx, a.replyMessageId!);
    const again = await fx.learner.call('voice:turn', input);
    expect(again.learnerMessageId).toBe(a.learnerMessageId);
    expect(fx.mock.requests.filter((r) => r.path === '/v1/audio/transcriptions')).toHaveLength(1);
    expect((await fx.learner.call('tutor:open', { conversationId: fx.conversationId })).messages).toHaveLength(2);
  });

  it('barge-in stops the reply and every pending sentence; nothing more is sent for the turn', async () => {
    fx = await voiceFixture();
    fx.mock.knobs({ ttsDelayMs: 150 });
    fx.mock.script({ kind: 'chat', text: 'Uno. Dos. Tres. Cuatro. Cinco. Seis. Siete. Ocho.', chunkDelayMs: 40 });
    const input = turnInput();
    const turn = await fx.learner.call('voice:turn', input);
    await waitForEvent(fx, 'voice:audio', (e) => e.turnId === input.turnId);
    const at = Date.now();
    expect(await fx.learner.call('voice:cancel', { turnId: input.turnId, at })).toEqual({ cancelled: true });
    const sent = audioOf(input.turnId).length;
    await new Promise((r) => setTimeout(r, 500));
    expect(audioOf(input.turnId)).toHaveLength(sent);
    expect(audioOf(input.turnId).some((e) => e.last)).toBe(false);
    const done = await waitForEvent(fx, 'tutor:done', (p) => p.messageId === turn.replyMessageId);
    expect(done.stopped).toBe(true);
    const { turns } = await fx.learner.call('voice:turns', { conversationId: fx.conversationId });
    expect(turns[0]!.timeline.bargedInAt).toBe(at);
    expect(await fx.learner.call('voice:cancel', { turnId: input.turnId, at })).toEqual({ cancelled: false });
  });

  it('a new turn while the previous reply is still speaking stops that reply instead of failing', async () => {
    fx = await voiceFixture();
    fx.mock.knobs({ ttsDelayMs: 100 });
    fx.mock.script({ kind: 'chat', text: 'Uno. Dos. Tres. Cuatro. Cinco. Seis.', chunkDelayMs: 50 });
    const first = turnInput();
    await fx.learner.call('voice:turn', first);
    await waitForEvent(fx, 'voice:audio', (e) => e.turnId === first.turnId);
    const second = turnInput();
    const turn = await fx.learner.call('voice:turn', second);
    await lastAudio(second.turnId);
    await settle(fx, turn.replyMessageId!);
    const { turns } = await fx.learner.call('voice:turns', { conversationId: fx.conversationId });
    expect(turns.map((t) => t.timeline.bargedInAt)).toEqual([second.speechEndedAt, null]);
    expect(audioOf(first.turnId).some((e) => e.last)).toBe(false);
  });

  it('without a text-to-speech server sends each sentence with no audio, for the renderer to speak', async () => {
    fx = await voiceFixture({ stt: true, tts: false });
    fx.mock.script({ kind: 'chat', text: 'Muy bien. ¿Y tú?' });
    const input = turnInput();
    await fx.learner.call('voice:turn', input);
    await lastAudio(input.turnId);
    expect(audioOf(input.turnId).map((a) => [a.sentence, a.audio])).toEqual([['Muy bien.', null], ['¿Y tú?', null], ['', null]]);
    expect(await fx.learner.call('voice:status', {})).toEqual({ stt: true, tts: false, tutor: true });
    expect(await fx.learner.call('voice:speak', { text: 'Hola' })).toEqual({ mime: null, audio: null });
  });

  it('without speech-to-text says so, and takes typed text instead', async () => {
    fx = await voiceFixture({ stt: false, tts: true });
    const spoken = await fx.learner.raw('voice:turn', turnInput());
    expect(spoken).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { problem: 'no_stt' } } });
    const input = turnInput({ audio: '', typedText: 'Quiero un café, por favor.' });
    const typed = await fx.learner.call('voice:turn', input);
    expect(typed).toMatchObject({ transcript: 'Quiero un café, por favor.', fluency: null });
    await lastAudio(input.turnId);
    expect(fx.mock.requests.filter((r) => r.path === '/v1/audio/transcriptions')).toHaveLength(0);
  });

  it('reports an empty transcript and a failing speech server plainly, without the server’s text', async () => {
    fx = await voiceFixture();
    fx.mock.transcripts('  ');
    expect(await fx.learner.raw('voice:turn', turnInput())).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { problem: 'no_speech' } } });
    fx.mock.knobs({ sttStatus: 401 });
    const refused = await fx.learner.raw('voice:turn', turnInput());
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { problem: 'bad_key' } } });
    expect(JSON.stringify(refused)).not.toContain('mock error');
    fx.mock.knobs({ sttStatus: null, ttsStatus: 500 });
    const input = turnInput();
    await fx.learner.call('voice:turn', input);
    await lastAudio(input.turnId);
    expect(audioOf(input.turnId).every((a) => a.audio === null)).toBe(true);
  });

  it('keeps the learner’s audio only when the setting says so', async () => {
    fx = await voiceFixture();
    await fx.learner.call('voice:saveConfig', speechConfig(fx.mock.baseUrl, { stt: true, tts: true }, { keepLearnerAudio: true }));
    const input = turnInput();
    await fx.learner.call('voice:turn', input);
    await lastAudio(input.turnId);
    const file = path.join(fx.core.dataDir, 'voice', fx.profileId, `${input.turnId}.wav`);
    expect(parseWav(readFileSync(file))?.sampleRate).toBe(16_000);
    const { turns } = await fx.learner.call('voice:turns', { conversationId: fx.conversationId });
    expect(fx.core.internals().sqlite.prepare('SELECT audio_kept FROM voice_turns WHERE id = ?').pluck().get(turns[0]!.turnId)).toBe(1);
    // Deleting the profile deletes the kept audio.
    await fx.learner.call('profiles:delete', { profileId: fx.profileId, confirmation: 'Ana' });
    expect(existsSync(file)).toBe(false);
  });
});

describe('voice settings, keys and tools', () => {
  it('stores keys in the key store only, defaults the end-of-turn silence by level, and tests connections', async () => {
    fx = await voiceFixture();
    fx.mock.knobs({ apiKey: 'sk-speech-secret' });
    const saved = await fx.learner.call('voice:saveConfig', {
      ...speechConfig(fx.mock.baseUrl),
      stt: { kind: 'openai', baseUrl: fx.mock.baseUrl, model: 'mock-whisper', voice: null, apiKey: 'sk-speech-secret' },
      livekit: { source: 'direct', url: 'wss://livekit.example.test', apiKey: 'APIkey', apiSecret: 'lk-secret-value' },
    });
    expect(saved.config.stt?.hasKey).toBe(true);
    expect(saved.config.tts?.hasKey).toBe(false);
    expect(saved.config.livekit).toEqual({ source: 'direct', url: 'wss://livekit.example.test', apiKey: 'APIkey', hasSecret: true });
    const got = await fx.learner.call('voice:getConfig', {});
    expect(got.defaultEndOfTurnSilenceMs).toBe(1400); // A2
    const dump = JSON.stringify(got) + JSON.stringify(fx.core.internals().sqlite.prepare('SELECT * FROM voice_settings').all());
    expect(dump).not.toContain('sk-speech-secret');
    expect(dump).not.toContain('lk-secret-value');
    expect(await fx.learner.call('voice:testConnection', { slot: 'stt' })).toMatchObject({ ok: true, problem: null });
    const tts = await fx.learner.call('voice:testConnection', { slot: 'tts' });
    expect(tts.ok).toBe(false);
    expect(tts.problem).toMatch(/refused the API key/);
    expect(tts.problem).not.toContain('sk-');
    // A key given for one server is not sent to another.
    const moved = await fx.learner.call('voice:saveConfig', { ...speechConfig('http://127.0.0.1:9/v1'), stt: { kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', voice: null, apiKey: null } });
    expect(moved.config.stt?.hasKey).toBe(false);
  });

  it('speaks a text on demand and scores a shadowing attempt word by word', async () => {
    fx = await voiceFixture();
    const spoken = await fx.learner.call('voice:speak', { text: 'Buenos días' });
    expect(spoken.mime).toBe('audio/wav');
    expect(parseWav(Buffer.from(spoken.audio!, 'base64'))).not.toBeNull();
    fx.mock.transcripts('buenos dias a todos');
    const shadow = await fx.learner.call('voice:shadow', { sentence: 'Buenos días.', audio: utterance() });
    expect(shadow).toMatchObject({ transcript: 'buenos dias a todos', score: 1 });
    expect(shadow.words.map((w) => w.match)).toEqual(['exact', 'exact', 'extra', 'extra']);
    expect(shadow.fluency?.words).toBe(4);
  });

  it('explains plainly when LiveKit is off, or tokens should come from a school server this profile is not signed in to', async () => {
    fx = await voiceFixture();
    expect(await fx.learner.raw('voice:roomJoin', { conversationId: fx.conversationId })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { problem: 'not_configured' } } });
    await fx.learner.call('voice:saveConfig', { ...speechConfig(fx.mock.baseUrl), livekit: { source: 'school', url: null, apiKey: null, apiSecret: null } });
    expect(await fx.learner.raw('voice:roomJoin', { conversationId: fx.conversationId })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', details: { problem: 'school_signed_out' } } });
    expect(await fx.learner.call('voice:roomStatus', {})).toEqual({ state: 'idle', room: null, problem: null });
  });
});
