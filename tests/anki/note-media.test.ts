import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { mediaMime } from '../../src-main/services/anki/note-media';
import { ankiLearner } from '../support/anki-learner';
import { samplePackage, writeAnkiPackage } from '../support/anki-package';
import { tempDir } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('an imported note’s sounds and pictures', () => {
  it('are served to the profile whose note lists them, and to no one else', async () => {
    const l = await ankiLearner();
    core = l.core;
    const pkg = samplePackage('anki21');
    const file = await writeAnkiPackage(path.join(tempDir(), 'media.apkg'), pkg);
    await l.importPackage(file);
    const perro = l.notes().find((n) => n.guid === 'vocab-perro')!;
    const [sound] = JSON.parse(perro.audio) as string[];
    const [picture] = JSON.parse(perro.images) as string[];

    const audio = await l.c.call('anki:media', { noteId: perro.id, name: sound! });
    expect(audio.mime).toBe('audio/mpeg');
    expect(Buffer.from(audio.base64, 'base64').equals(pkg.media!['perro.mp3']!)).toBe(true);
    const image = await l.c.call('anki:media', { noteId: perro.id, name: picture! });
    expect(image).toMatchObject({ mime: 'image/jpeg', bytes: pkg.media!['perro.jpg']!.length });

    // Another note of the same profile does not list the sound.
    const casa = l.notes().find((n) => n.guid === 'basic-casa')!;
    expect(await l.c.raw('anki:media', { noteId: casa.id, name: sound })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A second profile on the same machine cannot read the first one's media through its note.
    const other = await ankiLearner(l.core);
    expect(await other.c.raw('anki:media', { noteId: perro.id, name: sound })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Names are stored names only: nothing that could walk out of the media folder.
    expect(await l.c.raw('anki:media', { noteId: perro.id, name: '../parley.db' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('come with the note’s cards to the review screen', async () => {
    const l = await ankiLearner();
    core = l.core;
    const file = await writeAnkiPackage(path.join(tempDir(), 'media.apkg'), samplePackage('anki21'));
    await l.importPackage(file);
    const perro = l.notes().find((n) => n.guid === 'vocab-perro')!;
    const perroCards = new Set(
      (l.core.internals().sqlite.prepare('SELECT id FROM cards WHERE note_id = ?').pluck().all(perro.id) as string[]),
    );
    // Study until one of the note's cards comes up.
    let next = await l.c.call('review:next', { deckId: null });
    for (let i = 0; i < 50 && next.card && !perroCards.has(next.card.cardId); i += 1) {
      next = await l.c.call('review:answer', { scope: { deckId: null }, cardId: next.card.cardId, rating: 4, durationMs: 1000 });
    }
    expect(next.card && perroCards.has(next.card.cardId)).toBe(true);
    expect(next.card!.audio).toEqual(JSON.parse(perro.audio));
    expect(next.card!.images).toEqual(JSON.parse(perro.images));
    const shown = await l.c.call('anki:media', { noteId: next.card!.noteId, name: next.card!.images[0]! });
    expect(shown.mime).toBe('image/jpeg');
  });

  it('are typed by extension', () => {
    expect(mediaMime(`${'a'.repeat(64)}.ogg`)).toBe('audio/ogg');
    expect(mediaMime(`${'a'.repeat(64)}.png`)).toBe('image/png');
    expect(mediaMime('a'.repeat(64))).toBe('application/octet-stream');
  });
});
