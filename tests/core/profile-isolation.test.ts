import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DATABASE_FILE, type Core } from '../../src-main/core';
import { channels, type Channel } from '../../src-shared/contract';
import { newId } from '../../db/ids';
import { dbFingerprint } from '../support/db-fingerprint';
import { caller, makeCore, sampleProfile, tempDir } from '../support/test-core';

/**
 * Profile A (an ordinary learner) tries every contract call against profile B. B's rows must not change and none
 * of B's private data may come back. Every channel must have an entry here, so a new channel needs a thought.
 */
let core: Core;
let dataDir: string;
let a: ReturnType<typeof caller>;
let bId: string;
let bDeck: string;
let bNote: string;
let bCards: string[];
let bPreset: string;
let bConversation: string;
let bMessage: string;
let bTurn: string;
const B_PRIVATE_WORD = 'bprivateword';
const B_SECRET_INTEREST = 'b-private-interest';

beforeAll(async () => {
  dataDir = tempDir();
  core = await makeCore({ dataDir });
  const b = caller(core);
  const created = await b.call('profiles:create', { ...sampleProfile, displayName: 'Bea', interests: [B_SECRET_INTEREST], password: 'bea password' });
  bId = created.profile.id;
  await b.call('settings:update', { patch: { theme: 'dark', dailyGoalMinutes: 45 } });
  await b.call('secrets:set', { name: 'llm.apiKey', value: 'sk-bea-secret' });
  const { services } = core.internals();
  bDeck = services.deckRows.create(bId, { name: 'Bea deck', parentId: null, nativeLanguage: 'en', targetLanguage: 'es' }).id;
  bPreset = services.presets.defaultFor(bId).id;
  const note = services.notes.create(bId, bDeck, { term: B_PRIVATE_WORD, translation: 'secret', examples: [], partOfSpeech: null, gender: null, ipa: null, tags: [] }, 'manual');
  bNote = note.id;
  bCards = services.notes.get(bId, bNote).cards.map((c) => c.id);
  const bTutor = { profileId: bId, secretsKey: null, audience: () => ({ sessionIds: [] }) };
  bConversation = services.tutor.start(bTutor, { scenarioId: null, title: `Bea ${B_PRIVATE_WORD}`, tutorOpens: false }).conversation.id;
  bMessage = services.tutor.send(bTutor, bConversation, `hola ${B_PRIVATE_WORD}`, newId()).learnerMessage.id;
  bTurn = (await services.voice.turn(bTutor, { conversationId: bConversation, turnId: newId(), audio: '', speechEndedAt: 0, typedText: `dije ${B_PRIVATE_WORD}` })).turnId;
  await b.call('llm:saveConfig', { primary: { kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', conversationModel: 'bea-private-model', analysisModel: 'bea-private-model' }, fallback: null });
  a = caller(core);
  await a.call('profiles:create', { ...sampleProfile, displayName: 'Al' });
});
afterAll(async () => core.close());

function passwordHash(dir: string, profileId: string): unknown {
  const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT password_hash FROM profile_credentials WHERE profile_id = ?').pluck().get(profileId);
  } finally {
    db.close();
  }
}

const attacks = (): Record<Channel, unknown[]> => ({
  'app:info': [{}],
  'app:openLogsFolder': [{}],
  'app:restoreBackup': [{ name: 'parley-daily-20260101T000000Z.db' }],
  'profiles:list': [{}],
  'profiles:current': [{}],
  'profiles:create': [{ ...sampleProfile, displayName: 'Bea', makeAdmin: true }],
  'profiles:signIn': [{ profileId: bId }, { profileId: bId, password: 'guess' }],
  'profiles:signOut': [{}],
  'profiles:update': [{ displayName: 'Hijacked' }, { id: bId, displayName: 'Hijacked' }],
  'profiles:setPassword': [{ newPassword: 'taken over' }, { profileId: bId, newPassword: 'taken over' }],
  'profiles:delete': [{ profileId: bId, confirmation: 'Bea' }],
  'profiles:adminCreate': [{ ...sampleProfile, displayName: 'Mole' }],
  'profiles:adminResetPassword': [{ profileId: bId, newPassword: 'taken over' }],
  'settings:get': [{}, { profileId: bId }],
  'settings:update': [{ patch: { theme: 'light' } }, { profileId: bId, patch: { theme: 'light' } }],
  'settings:getApp': [{}],
  'settings:updateApp': [{ patch: { allowSelfServiceProfiles: false } }],
  'secrets:status': [{}, { profileId: bId }],
  'secrets:set': [{ name: 'llm.apiKey', value: 'mine' }, { profileId: bId, name: 'llm.apiKey', value: 'mine' }],
  'secrets:clear': [{ name: 'llm.apiKey' }, { profileId: bId, name: 'llm.apiKey' }],
  'decks:list': [{}],
  'decks:create': [{ name: 'Mine', parentId: bDeck }],
  'decks:update': [{ deckId: bDeck, name: 'Taken' }],
  'decks:delete': [{ deckId: bDeck, confirmation: 'Bea deck' }],
  'decks:starters': [{}],
  'decks:addStarter': [{ starterId: 'starter-en-es' }],
  'decks:getPreset': [{ deckId: bDeck }],
  'decks:updatePreset': [{ presetId: bPreset, patch: { newPerDay: 0 } }],
  'decks:exportCsv': [{ deckId: bDeck }],
  'notes:get': [{ noteId: bNote }],
  'notes:create': [{ deckId: bDeck, term: 'x', translation: 'y' }],
  'notes:update': [{ noteId: bNote, patch: { term: 'changed' } }],
  'review:next': [{ deckId: bDeck }, {}],
  'review:answer': [{ scope: { deckId: bDeck }, cardId: bCards[0], rating: 3, durationMs: 1000 }],
  'review:undo': [{ scope: { deckId: bDeck } }],
  'review:suspend': [{ scope: {}, cardId: bCards[0] }],
  'review:bury': [{ scope: {}, cardId: bCards[1] }],
  'import:csvPreview': [{ fileId: 'AAAAAAAAAAAAAAAAAAAA' }],
  'import:csvStart': [
    {
      fileId: 'AAAAAAAAAAAAAAAAAAAA',
      target: { kind: 'deck', deckId: bDeck },
      mapping: { term: 0, translation: 1 },
      duplicates: 'update',
      commit: true,
    },
  ],
  'import:result': [{ jobId: 'nope' }],
  'import:cancel': [{ jobId: 'nope' }],
  'browse:search': [{ query: B_PRIVATE_WORD }, { deckId: bDeck }],
  'browse:bulk': [{ cardIds: bCards, action: { kind: 'delete' } }, { cardIds: bCards, action: { kind: 'suspend' } }],
  'browse:undo': [{ undoId: 'nope' }],
  'optimizer:run': [{ presetId: bPreset }],
  'anki:inspect': [{ fileId: 'AAAAAAAAAAAAAAAAAAAA' }],
  'anki:importStart': [{ fileId: 'AAAAAAAAAAAAAAAAAAAA', mappings: [] }],
  'anki:importResult': [{ jobId: 'nope' }],
  'anki:cancel': [{ jobId: 'nope' }],
  'anki:exportStart': [{ scope: { kind: 'deck', deckId: bDeck } }],
  'anki:exportResult': [{ jobId: 'nope' }],
  'anki:media': [{ noteId: bNote, name: `${'ab'.repeat(32)}.mp3` }],
  'backups:list': [{}],
  'backups:create': [{}],
  'backups:restore': [{ name: 'parley-daily-20260101T000000Z.db.gz', confirm: true }],
  'data:exportStart': [{}],
  'data:exportResult': [{ jobId: 'nope' }],
  'data:cancel': [{ jobId: 'nope' }],
  'data:readFile': [{ fileId: 'AAAAAAAAAAAAAAAAAAAA', offset: 0 }],
  'optimizer:result': [{ jobId: 'nope' }],
  'optimizer:accept': [{ jobId: 'nope' }],
  'optimizer:cancel': [{ jobId: 'nope' }],
  'policy:get': [{}, { profileId: bId }],
  'progress:dashboard': [{}, { profileId: bId }],
  'progress:heatmap': [{}, { year: 2026 }, { profileId: bId }],
  'progress:achievements': [{}, { profileId: bId }],
  'progress:claimAnnouncements': [{}, { profileId: bId }],
  'progress:weeklyReport': [{}, { profileId: bId }],
  'llm:getConfig': [{}, { profileId: bId }],
  'llm:saveConfig': [{ primary: null, fallback: null }, { profileId: bId, primary: null, fallback: null }],
  'llm:testConnection': [{}, { slot: 'primary' }, { profileId: bId }],
  'llm:detectLocal': [{}],
  'llm:status': [{ refresh: true }, { profileId: bId }],
  'tutor:scenarios': [{}],
  'tutor:list': [{}, { profileId: bId }],
  'tutor:start': [{ scenarioId: null }, { scenarioId: null, conversationId: bConversation }],
  'tutor:open': [{ conversationId: bConversation }, { conversationId: bConversation, before: bMessage }],
  'tutor:rename': [{ conversationId: bConversation, title: 'Taken' }],
  'tutor:delete': [{ conversationId: bConversation }],
  'tutor:restore': [{ conversationId: bConversation }],
  'tutor:search': [{ query: B_PRIVATE_WORD }, { query: 'hola' }],
  'tutor:send': [{ conversationId: bConversation, text: 'mine now', clientMessageId: newId() }],
  'tutor:stop': [{ conversationId: bConversation }],
  'tutor:regenerate': [{ conversationId: bConversation }],
  'tutor:editLast': [{ conversationId: bConversation, text: 'edited', clientMessageId: newId() }],
  'tutor:continue': [{ conversationId: bConversation }],
  'tutor:translate': [{ messageId: bMessage }],
  'tutor:explain': [{ messageId: bMessage, selection: null }],
  'tutor:suggestWords': [{ messageId: bMessage }],
  'tutor:addWord': [{ messageId: bMessage, deckId: bDeck, term: 'x', translation: 'y' }],
  'tutor:correctionCounts': [{}, { profileId: bId }],
  'tutor:offlineDrills': [{ deckId: bDeck }, {}],
  'tutor:recordDrill': [{ noteId: bNote, kind: 'translate', answer: B_PRIVATE_WORD }],
  'progress:saveReportPdf': [{ fileName: 'report.pdf' }, { fileName: '../b.pdf' }],
  'sync:status': [{}, { profileId: bId }],
  'sync:configure': [{ serverUrl: 'http://127.0.0.1:9', username: 'bea', password: 'guessing', passphrase: 'guessing123', profileId: bId }],
  'sync:now': [{}, { profileId: bId }],
  'sync:changePassphrase': [{ current: 'guessing123', next: 'taken over', profileId: bId }],
  'sync:signOut': [{ removeLocalCopy: true }, { profileId: bId, removeLocalCopy: true }],
  'sync:schoolServer': [{}],
  'voice:getConfig': [{}, { profileId: bId }],
  'voice:saveConfig': [{ stt: null, tts: null, endOfTurnSilenceMs: null, pushToTalk: false, keepLearnerAudio: false, inputDeviceId: null }, { ...{ stt: null, tts: null, endOfTurnSilenceMs: null, pushToTalk: false, keepLearnerAudio: false, inputDeviceId: null }, profileId: bId }],
  'voice:testConnection': [{ slot: 'stt' }, { slot: 'tts' }, { slot: 'stt', profileId: bId }],
  'voice:status': [{}, { profileId: bId }],
  'voice:turn': [
    { conversationId: bConversation, turnId: newId(), audio: '', speechEndedAt: 0, typedText: 'mine now' },
    { conversationId: bConversation, turnId: bTurn, audio: '', speechEndedAt: 0, typedText: 'mine now' },
  ],
  'voice:cancel': [{ turnId: bTurn, at: 1 }],
  'voice:played': [{ turnId: bTurn, firstAudioPlayedAt: 1 }],
  'voice:turns': [{ conversationId: bConversation }],
  'voice:speak': [{ text: 'hola' }],
  'voice:shadow': [{ sentence: 'hola', audio: '' }],
  'voice:roomJoin': [{ conversationId: bConversation }],
  'voice:roomLeave': [{ room: 'parley-room' }],
  'voice:roomStatus': [{}],
  'voice:roomInvite': [{ room: `parley-${bConversation}`, name: 'Intruder' }, { room: 'parley-room', name: 'x' }],
  'sync:roam': [{ serverUrl: 'http://127.0.0.1:9', username: 'bea', password: 'guessing', passphrase: 'guessing123' }],
});

describe('profile isolation', () => {
  it('covers every channel', () => {
    expect(Object.keys(attacks()).sort()).toEqual([...channels].sort());
  });

  it("lets profile A neither read nor change profile B's data through any call", async () => {
    // A wrong password for B counts towards B's sign-in backoff: that is the point of it. Everything else of B's,
    // the password hash included, must stay as it was.
    const scope = { profileId: bId, exceptTables: ['profile_credentials'] };
    const before = dbFingerprint(dataDir, scope);
    const hashBefore = passwordHash(dataDir, bId);
    const outputs: string[] = [];
    for (const [channel, inputs] of Object.entries(attacks())) {
      for (const input of inputs) {
        const envelope = await a.raw(channel, input);
        outputs.push(JSON.stringify(envelope));
        // Some calls sign A out (signOut, a failed sign-in attempt does not); sign back in as A for the next one.
        if (!(await a.call('profiles:current', {})).profile) {
          const al = (await a.call('profiles:list', {})).profiles.find((p) => p.displayName === 'Al');
          await a.call('profiles:signIn', { profileId: al!.id });
        }
      }
    }
    expect(dbFingerprint(dataDir, scope)).toBe(before);
    expect(passwordHash(dataDir, bId)).toBe(hashBefore);
    const everything = outputs.join('\n');
    expect(everything).not.toContain(B_SECRET_INTEREST);
    expect(everything).not.toContain(B_PRIVATE_WORD);
    expect(everything).not.toContain(bNote);
    expect(everything).not.toContain('sk-bea-secret');
    expect(everything).not.toContain(bConversation);
    expect(everything).not.toContain(bTurn);
    expect(everything).not.toContain('bea-private-model');
    expect(everything).not.toContain('"dailyGoalMinutes":45');

    const b = caller(core);
    await b.call('profiles:signIn', { profileId: bId, password: 'bea password' });
    expect((await b.call('settings:get', {})).settings).toMatchObject({ theme: 'dark', dailyGoalMinutes: 45 });
    expect((await b.call('secrets:status', {})).secrets.find((s) => s.name === 'llm.apiKey')?.isSet).toBe(true);
    expect((await b.call('profiles:current', {})).profile?.displayName).toBe('Bea');
  });
});
