import { newId as uuidv7 } from '../../../db/ids';
import { cardIdFor } from '../../../db/functions';
import { ImportState } from '../imports/import-protocol';
import { storedMemoryState, replayAnswers, type AnkiAnswer, type ReviewLogRow } from './card-history';
import { readCollectionModel, type NoteType } from './collection-read';
import { mediaOf } from './field-text';
import { referencedMedia, storeMedia, type StoredMedia } from './import-media';
import { emptyAnkiSummary, MAX_REPORTED, type AnkiImportData, type AnkiImportMessage, type AnkiImportSummary } from './import-protocol';
import { createMediaStore, isAudioName } from './media-store';
import { cardKindOf, mapNote, mapTags } from './note-mapping';
import { AnkiPackageError } from './package-errors';
import { asCollectionError, openPackage, type OpenedPackage } from './package-open';
import { openAnkiWriter, type AnkiWriter, type CardPatch, type NoteWrite } from './import-writer';

class Cancelled extends Error {}

const BATCH = 2000;
const PROGRESS_EVERY_MS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An Anki import, run in the worker: the package is opened (collection extracted to a temp copy), the media the
 * notes use stored, then notes, cards and review history written in one transaction on the worker's own
 * connection. Anything short of COMMIT — cancel, a damaged collection, a crash — leaves the database as it was,
 * and the media files this import added are removed again.
 */
export async function runAnkiImport(data: AnkiImportData, post: (message: AnkiImportMessage) => void): Promise<AnkiImportSummary> {
  const state = new Int32Array(data.control);
  const checkCancel = () => {
    if (Atomics.load(state, 0) === ImportState.CANCELLED) throw new Cancelled();
  };
  const clockStart = Date.now();
  const now = () => data.startedAt + (Date.now() - clockStart);
  let media: StoredMedia | null = null;
  let pkg: OpenedPackage | null = null;
  try {
    pkg = await openPackage(data.filePath);
    const run = new ImportRun(data, pkg, post, checkCancel, now);
    media = await run.storeMedia();
    checkCancel();
    return run.write(media);
  } catch (error) {
    if (media) createMediaStore(data.dataDir).remove(media.created);
    if (error instanceof Cancelled) return emptyAnkiSummary();
    throw asCollectionError(error);
  } finally {
    pkg?.close();
  }
}

interface MappedCard {
  cardId: string;
  deckId: string;
  queue: number;
  data: string | null;
  /** The note existed before this import (matched by guid). */
  known: boolean;
}

class ImportRun {
  readonly summary = emptyAnkiSummary();
  private readonly noteTypes: Map<string, NoteType>;
  private readonly deckPaths: Map<string, string[]>;
  private readonly total: number;
  private done = 0;
  private lastProgress = 0;
  private phase = 'reading';

  constructor(
    private readonly data: AnkiImportData,
    private readonly pkg: OpenedPackage,
    private readonly post: (message: AnkiImportMessage) => void,
    private readonly checkCancel: () => void,
    private readonly now: () => number,
  ) {
    const model = readCollectionModel(pkg.sqlite);
    this.noteTypes = new Map(model.noteTypes.map((nt) => [nt.id, nt]));
    this.deckPaths = new Map(model.decks.map((d) => [d.id, d.path]));
    const count = (sql: string) => pkg.sqlite.prepare(sql).pluck().get() as number;
    this.total = count('SELECT count(*) FROM notes') + count('SELECT count(*) FROM cards') + this.revlogCount();
  }

  private revlogCount(): number {
    const has = this.pkg.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'revlog'`).pluck().get() as number;
    return has ? (this.pkg.sqlite.prepare('SELECT count(*) FROM revlog').pluck().get() as number) : 0;
  }

  private step(count = 1, phase = this.phase): void {
    this.done += count;
    this.phase = phase;
    const at = Date.now();
    if (at - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = at;
    this.checkCancel();
    const { missingMedia: _m, problems: _p, deckIds: _d, committed: _c, ...counts } = this.summary;
    this.post({ type: 'progress', done: Math.min(this.done, this.total), total: this.total, phase: this.phase, counts });
  }

  private problem(what: string, reason: string): void {
    if (this.summary.problems.length < MAX_REPORTED) this.summary.problems.push({ what, reason });
  }

  async storeMedia(): Promise<StoredMedia> {
    this.phase = 'media';
    const stored = await storeMedia(this.pkg, this.data.dataDir, referencedMedia(this.pkg), () => this.step(0, 'media'));
    this.summary.media = stored.names.size;
    this.summary.missingMedia = stored.missing.slice(0, MAX_REPORTED).map((m) => m.name);
    for (const missing of stored.missing.slice(0, 20)) this.problem(missing.name, missing.reason);
    return stored;
  }

  write(media: StoredMedia): AnkiImportSummary {
    const writer = openAnkiWriter(this.data.databaseFile, this.data.profileId, this.now);
    try {
      const noteDecks = this.noteDecks();
      const notes = this.writeNotes(writer, media, noteDecks);
      if (notes.size === 0) throw new AnkiPackageError(this.summary.problems[0]?.reason ?? 'The package holds no notes to import.');
      const cardsById = this.mapCards(writer, notes);
      writer.withHistoryTotals(() => this.writeHistory(writer, cardsById));
      const state = new Int32Array(this.data.control);
      if (Atomics.compareExchange(state, 0, ImportState.RUNNING, ImportState.COMMITTING) !== ImportState.RUNNING) throw new Cancelled();
      this.post({ type: 'progress', done: this.total, total: this.total, phase: 'saving', counts: { ...this.summary } });
      writer.commit();
      return { ...this.summary, committed: true };
    } finally {
      writer.close();
    }
  }

  /** Each note's deck: the deck of its first card (its original deck when the card sits in a filtered deck). */
  private noteDecks(): Map<number, string> {
    const decks = new Map<number, { ord: number; did: string }>();
    const rows = this.pkg.sqlite.prepare('SELECT nid, did, odid, ord FROM cards').iterate() as Iterable<{ nid: number; did: number; odid: number; ord: number }>;
    for (const row of rows) {
      const current = decks.get(row.nid);
      if (!current || row.ord < current.ord) decks.set(row.nid, { ord: row.ord, did: String(row.odid || row.did) });
    }
    return new Map([...decks].map(([nid, d]) => [nid, d.did]));
  }

  /** Parley decks for Anki deck paths, created on first use, parents first; existing ones are reused. */
  private deckResolver(writer: AnkiWriter): (ankiDeckId: string | undefined) => string {
    const byPath = writer.decksByPath();
    const languages = { native: this.data.nativeLanguage, target: this.data.targetLanguage };
    const tops = new Set<string>();
    return (ankiDeckId) => {
      const parts = this.deckPaths.get(ankiDeckId ?? '') ?? ['Default'];
      let parentId: string | null = null;
      for (let depth = 1; depth <= parts.length; depth += 1) {
        const key = parts.slice(0, depth).join('::');
        let id = byPath.get(key);
        if (!id) {
          id = writer.createDeck(parts[depth - 1]!.slice(0, 120), parentId, languages);
          byPath.set(key, id);
        }
        if (depth === 1 && !tops.has(id)) {
          tops.add(id);
          this.summary.deckIds.push(id);
        }
        parentId = id;
      }
      return parentId!;
    };
  }

  private writeNotes(writer: AnkiWriter, media: StoredMedia, noteDecks: Map<number, string>): Map<number, { noteId: string; noteType: NoteType; known: boolean }> {
    this.phase = 'notes';
    const known = writer.notesByGuid();
    const deckFor = this.deckResolver(writer);
    const written = new Map<number, { noteId: string; noteType: NoteType; known: boolean }>();
    let inserts: (NoteWrite & { id: string; deckId: string })[] = [];
    let updates: (NoteWrite & { id: string })[] = [];
    const flush = () => {
      writer.insertNotes(inserts);
      writer.updateNotes(updates);
      inserts = [];
      updates = [];
    };
    const warned = new Set<string>();
    const rows = this.pkg.sqlite.prepare('SELECT id, guid, mid, tags, flds FROM notes').iterate() as Iterable<{ id: number; guid: string; mid: number; tags: string; flds: string }>;
    for (const row of rows) {
      this.step(1);
      const noteType = this.noteTypes.get(String(row.mid));
      const choice = this.data.mappings[String(row.mid)];
      if (!noteType || noteType.fields.length === 0) {
        this.summary.skipped += 1;
        if (!warned.has(String(row.mid))) {
          warned.add(String(row.mid));
          this.problem(noteType?.name ?? `Note type ${row.mid}`, noteType ? `The note type “${noteType.name}” has no fields, so its notes cannot be imported.` : 'The note type of these notes is missing from the package.');
        }
        continue;
      }
      if (!choice || choice.skip) {
        this.summary.skipped += 1;
        continue;
      }
      const note = this.toNote(row, noteType, choice.mapping, media);
      if (typeof note === 'string') {
        this.summary.skipped += 1;
        this.problem(`Note ${row.guid}`, note);
        continue;
      }
      const existing = known.get(row.guid);
      if (existing) {
        updates.push({ ...note, id: existing.id });
        this.summary.updated += 1;
        written.set(row.id, { noteId: existing.id, noteType, known: true });
      } else {
        const id = uuidv7();
        inserts.push({ ...note, id, deckId: deckFor(noteDecks.get(row.id)) });
        known.set(row.guid, { id, deckId: '' });
        this.summary.imported += 1;
        written.set(row.id, { noteId: id, noteType, known: false });
      }
      if (inserts.length + updates.length >= BATCH) flush();
    }
    flush();
    return written;
  }

  private toNote(row: { guid: string; tags: string; flds: string }, noteType: NoteType, mapping: AnkiImportData['mappings'][string]['mapping'], media: StoredMedia): NoteWrite | string {
    const fields = row.flds.split('\u001f');
    const refs = mediaOf(row.flds);
    const stored = (names: string[]) => [...new Set(names.map((n) => media.names.get(n)).filter((s): s is string => s !== undefined))];
    const audio = stored([...refs.audio, ...refs.images.filter(isAudioName)]);
    const images = stored(refs.images.filter((n) => !isAudioName(n)));
    const label = refs.audio[0] ?? refs.images[0] ?? null;
    const mapped = mapNote(fields, noteType, mapping, label);
    if (typeof mapped === 'string') return mapped;
    return { ...mapped, guid: String(row.guid).slice(0, 100), tags: mapTags(row.tags), audio: audio.slice(0, 20), images: images.slice(0, 20) };
  }

  /** Anki card id → the Parley card it becomes (only cards whose Parley card exists). */
  private mapCards(writer: AnkiWriter, notes: Map<number, { noteId: string; noteType: NoteType; known: boolean }>): Map<number, MappedCard> {
    this.phase = 'cards';
    const mapped = new Map<number, MappedCard>();
    const rows = this.pkg.sqlite.prepare('SELECT id, nid, ord, queue, data FROM cards').iterate() as Iterable<{ id: number; nid: number; ord: number; queue: number; data: string | null }>;
    const pending: [number, MappedCard][] = [];
    const resolve = () => {
      const decks = writer.cardDecks(pending.map(([, c]) => c.cardId));
      for (const [ankiId, card] of pending) {
        const deckId = decks.get(card.cardId);
        if (deckId !== undefined) mapped.set(ankiId, { ...card, deckId });
      }
      pending.length = 0;
    };
    for (const row of rows) {
      this.step(1);
      const note = notes.get(row.nid);
      const kind = note ? cardKindOf(note.noteType, row.ord) : null;
      if (!note || !kind) continue;
      pending.push([row.id, { cardId: cardIdFor(note.noteId, kind), deckId: '', queue: row.queue, data: row.data, known: note.known }]);
      if (pending.length >= BATCH) resolve();
    }
    resolve();
    this.summary.cards = mapped.size;
    return mapped;
  }

  /** The revlog, card by card: answers logged and each card's FSRS state rebuilt by replaying them. */
  private writeHistory(writer: AnkiWriter, cards: Map<number, MappedCard>): void {
    this.phase = 'reviews';
    let updates: { id: string; patch: CardPatch }[] = [];
    let logs: Parameters<AnkiWriter['insertLogs']>[0] = [];
    const flush = () => {
      writer.updateCards(updates);
      writer.insertLogs(logs);
      updates = [];
      logs = [];
    };
    const seen = new Set<number>();
    const finishCard = (ankiId: number, answers: AnkiAnswer[]) => {
      const card = cards.get(ankiId);
      if (!card) return;
      seen.add(ankiId);
      const { patch, newLogs } = this.cardState(writer, card, answers);
      if (patch) updates.push({ id: card.cardId, patch });
      for (const log of newLogs) logs.push(log);
      if (logs.length >= BATCH * 2 || updates.length >= BATCH) flush();
    };
    if (this.revlogCount() > 0) {
      // Rows as arrays: half a million of them, read once.
      const rows = this.pkg.sqlite.prepare('SELECT id, cid, ease, time FROM revlog ORDER BY cid, id').raw().iterate() as Iterable<[number, number, number, number]>;
      let current: number | null = null;
      let answers: AnkiAnswer[] = [];
      for (const [id, cid, ease, time] of rows) {
        this.step(1);
        if (cid !== current) {
          if (current !== null) finishCard(current, answers);
          current = cid;
          answers = [];
        }
        if (ease >= 1 && ease <= 4) answers.push({ reviewedAt: id, rating: ease, durationMs: time });
      }
      if (current !== null) finishCard(current, answers);
    }
    for (const ankiId of cards.keys()) if (!seen.has(ankiId)) finishCard(ankiId, []);
    flush();
  }

  /** The card's new state (null when a card this import created stays as created) and the answers to log. */
  private cardState(writer: AnkiWriter, card: MappedCard, answers: AnkiAnswer[]): { patch: CardPatch | null; newLogs: ReviewLogRow[] } {
    const before = card.known ? writer.loggedAnswers(card.cardId) : [];
    const logged = new Set(before.map((a) => a.reviewedAt));
    const fresh = before.length ? answers.filter((a) => !logged.has(a.reviewedAt)) : answers;
    const all = before.length ? [...before, ...fresh] : fresh;
    const suspended = card.queue === -1;
    const buried = card.queue === -2 || card.queue === -3;
    const patch: CardPatch = { suspended, buriedUntil: buried ? this.now() + DAY_MS : null };
    // A new card is created unsuspended and unburied: writing that again would only add a change record.
    if (all.length === 0) return { patch: card.known || suspended || buried ? patch : null, newLogs: [] };
    const { fields, logs } = replayAnswers(all, writer.presetOf(card.deckId), { profileId: this.data.profileId, cardId: card.cardId, deviceId: writer.deviceId });
    const memory = storedMemoryState(card.data);
    Object.assign(patch, fields, memory ?? {});
    const newLogs = before.length ? logs.filter((l) => !logged.has(l.reviewedAt)) : logs;
    this.summary.reviews += newLogs.length;
    return { patch, newLogs };
  }
}
