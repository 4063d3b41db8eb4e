import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { createMemoryServer } from '../sync/support/memory-server';
import { makeDevice, openSeed, seedDevice, sharedClock, syncedFingerprint } from '../sync/support/devices';

describe('voice turns sync', () => {
  it('carries a turn and its timeline updates to the other device', async () => {
    const clock = sharedClock();
    const seed = await seedDevice(clock, 1);
    const server = createMemoryServer();
    const a = await openSeed(seed, clock);
    const b = await makeDevice('b', clock, seed.account);
    const session = () => server.session(seed.account.accountId);
    try {
      const { conversation } = await a.c.call('tutor:start', { scenarioId: null });
      const turnId = newId();
      await a.c.call('voice:turn', { conversationId: conversation.id, turnId, audio: '', speechEndedAt: 1000, typedText: 'Hola, ¿qué tal?' });
      await a.c.call('voice:played', { turnId, firstAudioPlayedAt: 2000 });
      await a.sync(session());
      await b.sync(session());
      const row = b.sqlite.prepare('SELECT transcript, timeline FROM voice_turns WHERE id = ?').get(turnId) as { transcript: string; timeline: string };
      expect(row.transcript).toBe('Hola, ¿qué tal?');
      expect(JSON.parse(row.timeline)).toMatchObject({ speechEndedAt: 1000, firstAudioPlayedAt: 2000 });
      expect(syncedFingerprint(b.sqlite, seed.account.profileId)).toBe(syncedFingerprint(a.sqlite, seed.account.profileId));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
