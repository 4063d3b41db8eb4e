import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { csvFileName } from '../decks/deck-export';
import { ankiDeck, ANKI_SCHEMA_11, COL_CONF, DEFAULT_DECK_CONF, parleyModel, PARLEY_FIELDS } from './apkg-schema';
import { decodeEntities } from './field-text';
import { mediaPath } from './media-store';

export interface AnkiExportRequest {
  databaseFile: string;
  dataDir: string;
  profileId: string;
  /** A deck with the decks inside it, or null for everything. */
  deckId: string | null;
  now: number;
}

export interface AnkiExportSummary {
  path: string;
  fileName: string;
  notes: number;
  cards: number;
  reviews: number;
  media: number;
}

type Progress = (done: number, total: number) => void;

const DAY_S = 86400;
const ORD: Record<string, number> = { recognition: 0, production: 1, cloze: 2 };
const REVLOG_TYPE = [0, 0, 1, 2];

interface DeckRow { id: string; parent_id: string | null; name: string }
interface NoteRow { id: string; deck_id: string; term: string; translation: string; examples: string; part_of_speech: string | null; gender: string | null; ipa: string | null; tags: string; audio: string; images: string; guid: string | null; created_at: number }
interface CardRow { id: string; note_id: string; deck_id: string; kind: string; state: number; due: number; stability: number; difficulty: number; scheduled_days: number; reps: number; lapses: number; suspended: number; buried_until: number | null; position: number; created_at: number }
interface LogRow { card_id: string; reviewed_at: number; rating: number; state_before: number; scheduled_days: number; due_after: number; duration_ms: number }

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the sort field's text (tags stripped). */
function checksum(html: string): number {
  const text = decodeEntities(html.replace(/<[^>]*>/g, ' ')).trim();
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

/**
 * Unique integer ids near a wanted value (Anki's ids are millisecond times). Rows come in the order of the times
 * they are named after, so each id is the wanted time or one past the last given, whichever is later.
 */
function idAllocator() {
  let last = 0;
  return (wanted: number) => {
    last = Math.max(last + 1, Math.floor(wanted));
    return last;
  };
}

/**
 * Writes a profile's deck (with its sub-decks) or all its decks as an .apkg every Anki opens: a schema-11
 * `collection.anki2` with Parley's note type, the cards with their scheduling, the review log, and the media
 * with a JSON `media` map. Reads the database on its own read-only connection, in the worker.
 */
export async function exportApkg(request: AnkiExportRequest, progress: Progress): Promise<AnkiExportSummary> {
  const source = new Database(request.databaseFile, { readonly: true, fileMustExist: true });
  const temp = mkdtempSync(path.join(os.tmpdir(), 'parley-apkg-'));
  try {
    const collectionFile = path.join(temp, 'collection.anki2');
    const built = buildCollection(source, request, collectionFile, progress);
    const exportsDir = path.join(request.dataDir, 'exports');
    mkdirSync(exportsDir, { recursive: true, mode: 0o700 });
    const target = path.join(exportsDir, `${randomBytes(8).toString('hex')}.apkg`);
    await writeZip(target, collectionFile, built.media, request.dataDir);
    return { path: target, fileName: built.fileName, notes: built.notes, cards: built.cards, reviews: built.reviews, media: built.media.length };
  } finally {
    source.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

function scopeDecks(source: Database.Database, request: AnkiExportRequest): { decks: Map<string, string>; fileName: string } {
  const rows = source.prepare('SELECT id, parent_id, name FROM decks WHERE profile_id = ? AND deleted_at IS NULL').all(request.profileId) as DeckRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fullName = (row: DeckRow, depth = 0): string =>
    row.parent_id && byId.has(row.parent_id) && depth < 50 ? `${fullName(byId.get(row.parent_id)!, depth + 1)}::${row.name}` : row.name;
  const inScope = (row: DeckRow): boolean => {
    for (let at: DeckRow | undefined = row, depth = 0; at && depth < 50; at = at.parent_id ? byId.get(at.parent_id) : undefined, depth += 1) {
      if (at.id === request.deckId) return true;
    }
    return false;
  };
  const chosen = rows.filter((r) => request.deckId === null || inScope(r));
  const root = request.deckId ? byId.get(request.deckId) : undefined;
  const fileName = csvFileName(root ? fullName(root) : 'Parley').replace(/\.csv$/, '.apkg');
  return { decks: new Map(chosen.map((r) => [r.id, fullName(r)])), fileName };
}

function buildCollection(source: Database.Database, request: AnkiExportRequest, file: string, progress: Progress) {
  const { decks, fileName } = scopeDecks(source, request);
  const nowS = Math.floor(request.now / 1000);
  const crt = Math.floor(nowS / DAY_S) * DAY_S;
  const count = (table: string) => source.prepare(`SELECT count(*) FROM ${table} WHERE profile_id = ? AND deleted_at IS NULL`).pluck().get(request.profileId) as number;
  const total = count('notes') + count('cards') + count('review_logs');
  let done = 0;
  let lastReport = 0;
  const tick = () => {
    done += 1;
    if (done - lastReport >= 5000) {
      lastReport = done;
      progress(done, total);
    }
  };

  const out = new Database(file);
  out.pragma('journal_mode = OFF');
  out.pragma('synchronous = OFF');
  out.exec(ANKI_SCHEMA_11);
  out.exec('BEGIN');
  const deckIds = new Map<string, number>();
  const nextDeckId = idAllocator();
  nextDeckId(1);
  for (const id of decks.keys()) deckIds.set(id, nextDeckId(request.now + deckIds.size + 1));
  const modelId = request.now;

  const nextNoteId = idAllocator();
  const noteIds = new Map<string, { nid: number; hasCloze: boolean }>();
  const media = new Set<string>();
  const insertNote = out.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
  const noteRows = source.prepare('SELECT * FROM notes WHERE profile_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid').iterate(request.profileId) as Iterable<NoteRow>;
  const clozeCards = new Set(
    source.prepare(`SELECT note_id FROM cards WHERE profile_id = ? AND kind = 'cloze' AND deleted_at IS NULL`).pluck().all(request.profileId) as string[],
  );
  for (const note of noteRows) {
    tick();
    if (!decks.has(note.deck_id)) continue;
    const nid = nextNoteId(note.created_at);
    const examples = JSON.parse(note.examples) as { text: string; translation: string }[];
    const audio = JSON.parse(note.audio) as string[];
    const images = JSON.parse(note.images) as string[];
    for (const name of [...audio, ...images]) media.add(name);
    const hasCloze = clozeCards.has(note.id);
    const clozeText = hasCloze && examples[0] ? escapeHtml(examples[0].text.split(note.term).join('[...]')) : '';
    const fields = [
      escapeHtml(note.term), escapeHtml(note.translation), examples.map((e) => escapeHtml(e.text)).join('<br>'),
      examples.map((e) => escapeHtml(e.translation)).join('<br>'), note.part_of_speech ?? '', note.gender ?? '', escapeHtml(note.ipa ?? ''),
      audio.map((a) => `[sound:${a}]`).join(''), images.map((i) => `<img src="${i}">`).join(''), clozeText,
    ];
    if (fields.length !== PARLEY_FIELDS.length) throw new Error('field count mismatch');
    const tags = note.tags ? ` ${note.tags} ` : '';
    insertNote.run(nid, note.guid ?? note.id, modelId, Math.floor(note.created_at / 1000), tags, fields.join('\u001f'), fields[0], checksum(fields[0]!), '');
    noteIds.set(note.id, { nid, hasCloze });
  }

  const nextCardId = idAllocator();
  const cardIds = new Map<string, number>();
  const insertCard = out.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)');
  const cardRows = source.prepare('SELECT * FROM cards WHERE profile_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid').iterate(request.profileId) as Iterable<CardRow>;
  for (const card of cardRows) {
    tick();
    const note = noteIds.get(card.note_id);
    if (!note) continue;
    const id = nextCardId(card.created_at);
    cardIds.set(card.id, id);
    const queue = card.suspended ? -1 : card.buried_until && card.buried_until > request.now ? -3 : card.state === 0 ? 0 : card.state === 2 ? 2 : 1;
    const due = card.state === 0 ? card.position : card.state === 2 ? Math.floor((card.due / 1000 - crt) / DAY_S) : Math.floor(card.due / 1000);
    const data = card.stability > 0 ? JSON.stringify({ s: Number(card.stability.toFixed(4)), d: Number(card.difficulty.toFixed(4)) }) : '';
    insertCard.run(
      id, note.nid, deckIds.get(card.deck_id) ?? deckIds.get([...deckIds.keys()][0]!) ?? 1, ORD[card.kind] ?? 0, Math.floor(card.created_at / 1000),
      card.state, queue, due, card.scheduled_days, card.state === 0 ? 0 : 2500, card.reps, card.lapses, data,
    );
  }

  const nextLogId = idAllocator();
  const lastIvl = new Map<string, number>();
  const insertLog = out.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)');
  let reviews = 0;
  const logs = source.prepare('SELECT card_id, reviewed_at, rating, state_before, scheduled_days, due_after, duration_ms FROM review_logs WHERE profile_id = ? AND deleted_at IS NULL ORDER BY reviewed_at').iterate(request.profileId) as Iterable<LogRow>;
  for (const log of logs) {
    tick();
    const cid = cardIds.get(log.card_id);
    if (cid === undefined) continue;
    const ivl = log.scheduled_days > 0 ? log.scheduled_days : -Math.max(1, Math.round((log.due_after - log.reviewed_at) / 1000));
    insertLog.run(nextLogId(log.reviewed_at), cid, log.rating, ivl, lastIvl.get(log.card_id) ?? 0, log.state_before === 2 ? 2500 : 0, Math.min(log.duration_ms, 60000), REVLOG_TYPE[log.state_before] ?? 0);
    lastIvl.set(log.card_id, ivl);
    reviews += 1;
  }

  const deckJson: Record<string, unknown> = { 1: ankiDeck(1, 'Default', nowS) };
  for (const [id, name] of decks) deckJson[String(deckIds.get(id))] = ankiDeck(deckIds.get(id)!, name, nowS);
  const firstDeck = deckIds.values().next().value ?? 1;
  out.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
    crt, request.now, request.now, JSON.stringify({ ...COL_CONF, curModel: modelId }),
    JSON.stringify({ [modelId]: parleyModel(modelId, firstDeck, nowS) }), JSON.stringify(deckJson), JSON.stringify({ 1: DEFAULT_DECK_CONF }), '{}',
  );
  out.exec('COMMIT');
  out.close();
  progress(total, total);
  return { fileName, notes: noteIds.size, cards: cardIds.size, reviews, media: [...media].filter((m) => existsSync(safeMediaPath(request.dataDir, m) ?? '')) };
}

function safeMediaPath(dataDir: string, stored: string): string | null {
  try {
    return mediaPath(dataDir, stored);
  } catch {
    return null;
  }
}

async function writeZip(target: string, collectionFile: string, media: string[], dataDir: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addFile(collectionFile, 'collection.anki2');
  const map: Record<string, string> = {};
  media.forEach((name, index) => {
    map[String(index)] = name;
    // Sounds and pictures are compressed already.
    zip.addFile(mediaPath(dataDir, name), String(index), { compress: false });
  });
  zip.addBuffer(Buffer.from(JSON.stringify(map)), 'media');
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target, { mode: 0o600 }));
}
