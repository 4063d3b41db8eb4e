import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core';
import { CARD_ANSWERS } from '../../src-main/services/anki/import-writer';
import { NOTE_CARD_COUNTS, NOTE_ROWS, SELECT_CARDS } from '../../src-main/services/browse/bulk-actions';
import { NOTE_CARDS } from '../../src-main/services/notes/notes-service';
import { SIBLINGS } from '../../src-main/services/review/card-rows';
import { MESSAGE_COUNT } from '../../src-main/services/tutor/conversation-store';
import { makeCore } from '../support/test-core';

let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

/*
 * Lookups by a key that narrows to a few rows, next to conditions on the profile and the tombstone. Parley's
 * databases have no statistics, so SQLite picks indexes by shape alone and would walk the whole profile through an
 * index that starts with profile_id (on a 200k-card profile each answer took seconds that way). The plans are the
 * same for an empty database as for a big one.
 */
const LOOKUPS: [string, string, RegExp][] = [
  ['an answer’s siblings', SIBLINGS, /cards USING INDEX cards_note \(note_id=\?/],
  ['a note’s cards', NOTE_CARDS, /cards USING INDEX cards_note \(note_id=\?/],
  ['the cards a bulk action selected', SELECT_CARDS, /cards USING INDEX sqlite_autoindex_cards_1 \(id=\?\)/],
  ['those notes’ card counts', NOTE_CARD_COUNTS, /cards USING (COVERING )?INDEX cards_note \(note_id=\?/],
  ['those notes', NOTE_ROWS, /notes USING INDEX sqlite_autoindex_notes_1 \(id=\?\)/],
  ['a card’s answers (Anki re-import)', CARD_ANSWERS, /review_logs USING INDEX review_logs_card \(card_id=\?/],
  ['a conversation’s messages', MESSAGE_COUNT, /tutor_messages USING (COVERING )?INDEX tutor_messages_conversation_time \(conversation_id=\?/],
];

describe('lookups by a narrow key use that key’s index, not one of the whole profile', () => {
  it.each(LOOKUPS)('%s', async (_name, sql, expected) => {
    core ??= await makeCore();
    const { sqlite } = core.internals();
    const params = (sql.match(/\?/g) ?? []).map(() => '["x"]');
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(expected);
    expect(plan).not.toMatch(/\(profile_id=\?/);
  });
});
