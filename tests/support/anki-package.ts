import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { ANKI_SCHEMA_11 } from '../../src-main/services/anki/apkg-schema';
import { encodeMessage } from '../../src-main/services/anki/protobuf-wire';
import { zstdRawFrame } from './anki-zstd';

export type GenFormat = 'anki2' | 'anki21' | 'anki21b';
export type GenNoteType = 'basic' | 'reversed' | 'cloze' | 'vocab' | 'empty';

export interface GenCard {
  ord: number;
  queue?: number;
  type?: number;
  data?: string;
  /** Answers: ms time, ease 1–4 (0 = a manual reschedule, which is not an answer). */
  reviews?: { at: number; ease: number; time?: number }[];
}

export interface GenNote {
  guid: string;
  type: GenNoteType;
  fields: string[];
  tags?: string;
  deck?: string;
  cards?: GenCard[];
}

export interface GenPackage {
  format: GenFormat;
  notes: GenNote[];
  /** Files in the package, by media name. */
  media?: Record<string, Buffer>;
  /** Extra entries for the media map with no file behind them, or unsafe names. */
  mapOnly?: string[];
  /** Changes the collection file before it is packed (to damage it). */
  patchCollection?: (file: string) => void;
}

export const NOTE_TYPES: Record<GenNoteType, { id: number; name: string; cloze: boolean; fields: string[]; templates: string[] }> = {
  basic: { id: 1001, name: 'Basic', cloze: false, fields: ['Front', 'Back'], templates: ['Card 1'] },
  reversed: { id: 1002, name: 'Basic (and reversed card)', cloze: false, fields: ['Front', 'Back'], templates: ['Card 1', 'Card 2'] },
  cloze: { id: 1003, name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: ['Cloze'] },
  vocab: { id: 1004, name: 'Vocabulary', cloze: false, fields: ['Word', 'Meaning', 'IPA', 'Sentence', 'Audio', 'Picture'], templates: ['Recognise', 'Recall'] },
  empty: { id: 1005, name: 'Broken', cloze: false, fields: [], templates: ['Card 1'] },
};

const CRT = 1_700_000_000;

/** Writes an Anki collection of the given format into `file` (uncompressed SQLite). */
export function writeCollection(file: string, pkg: GenPackage): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.exec(ANKI_SCHEMA_11);
  const schema18 = pkg.format === 'anki21b';
  if (schema18) db.exec(SCHEMA_18_EXTRA);
  const deckNames = [...new Set(['Default', ...pkg.notes.map((n) => n.deck ?? 'Default')])];
  const deckId = (name: string) => (name === 'Default' ? 1 : 100 + deckNames.indexOf(name));
  db.transaction(() => writeRows(db, pkg, deckId))();
  if (schema18) {
    writeSchema18Model(db, deckNames, deckId);
    db.prepare('INSERT INTO col VALUES (1, ?, 0, 0, 18, 0, 0, 0, ?, ?, ?, ?, ?)').run(CRT, '', '', '', '', '');
  } else {
    const models = Object.fromEntries(Object.values(NOTE_TYPES).map((nt) => [nt.id, legacyModel(nt)]));
    const decks = Object.fromEntries(deckNames.map((name) => [deckId(name), { id: deckId(name), name, dyn: 0, conf: 1 }]));
    db.prepare('INSERT INTO col VALUES (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(CRT, '{}', JSON.stringify(models), JSON.stringify(decks), '{}', '{}');
  }
  db.close();
  if (schema18) declareUnicase(file);
}

function writeRows(db: Database.Database, pkg: GenPackage, deckId: (name: string) => number): void {
  const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, 0, -1, ?, ?, ?, 0, 0, ?)');
  const card = db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, 0, -1, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
  const log = db.prepare('INSERT INTO revlog VALUES (?, ?, -1, ?, 1, 0, 2500, ?, 1)');
  let cardId = 1_600_000_000_000;
  pkg.notes.forEach((n, i) => {
    const nid = 1_500_000_000_000 + i;
    note.run(nid, n.guid, NOTE_TYPES[n.type].id, n.tags ? ` ${n.tags} ` : '', n.fields.join('\u001f'), n.fields[0] ?? '', '');
    for (const c of n.cards ?? [{ ord: 0 }]) {
      cardId += 1;
      const reviews = c.reviews ?? [];
      card.run(cardId, nid, deckId(n.deck ?? 'Default'), c.ord, c.type ?? (reviews.length ? 2 : 0), c.queue ?? (reviews.length ? 2 : 0), c.data ?? '');
      for (const r of reviews) log.run(r.at, cardId, r.ease, r.time ?? 3000);
    }
  });
}

function legacyModel(nt: (typeof NOTE_TYPES)[GenNoteType]) {
  return {
    id: nt.id, name: nt.name, type: nt.cloze ? 1 : 0,
    flds: nt.fields.map((name, ord) => ({ name, ord })),
    tmpls: nt.templates.map((name, ord) => ({ name, ord, qfmt: `{{${nt.fields[0] ?? 'x'}}}`, afmt: '' })),
  };
}

/** Schema 18's own tables for note types and decks, whose names Anki declares `COLLATE unicase`. */
const SCHEMA_18_EXTRA = `
CREATE TABLE notetypes (id integer not null primary key, name text not null COLLATE  NOCASE, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null COLLATE  NOCASE, config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null COLLATE  NOCASE, mtime_secs integer not null, usn integer not null, config blob not null, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE decks (id integer primary key not null, name text not null COLLATE  NOCASE, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE tags (tag text not null primary key COLLATE  NOCASE, usn integer not null, collapsed boolean not null, config blob null) without rowid;
`;

function writeSchema18Model(db: Database.Database, deckNames: string[], deckId: (name: string) => number): void {
  const nt = db.prepare('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)');
  const field = db.prepare('INSERT INTO fields VALUES (?, ?, ?, ?)');
  const template = db.prepare('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)');
  for (const t of Object.values(NOTE_TYPES)) {
    nt.run(t.id, t.name, Buffer.from(encodeMessage(t.cloze ? [{ field: 1, value: 1 }] : [{ field: 3, value: '.card {}' }])));
    t.fields.forEach((name, ord) => field.run(t.id, ord, name, Buffer.alloc(0)));
    t.templates.forEach((name, ord) => template.run(t.id, ord, name, Buffer.from(encodeMessage([{ field: 1, value: `{{${t.fields[0] ?? 'x'}}}` }]))));
  }
  const deck = db.prepare('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)');
  for (const name of deckNames) deck.run(deckId(name), name.split('::').join('\u001f'), Buffer.alloc(0), Buffer.alloc(0));
}

/**
 * Rewrites the schema text as Anki has it. better-sqlite3 can neither create a column with an unknown collation nor
 * (in its defensive mode) edit sqlite_master, so the tables are declared `COLLATE  NOCASE` (two spaces, the same
 * length as `COLLATE unicase`) and the stored schema text is patched in place in the file's bytes.
 */
function declareUnicase(file: string): void {
  const bytes = readFileSync(file);
  const from = Buffer.from('COLLATE  NOCASE');
  const to = Buffer.from('COLLATE unicase');
  for (let at = bytes.indexOf(from); at >= 0; at = bytes.indexOf(from, at + 1)) to.copy(bytes, at);
  writeFileSync(file, bytes);
}

/** Writes a whole package (.apkg) in the given format and returns its path. */
export async function writeAnkiPackage(file: string, pkg: GenPackage): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-gen-'));
  try {
    const collection = path.join(dir, 'collection');
    writeCollection(collection, pkg);
    pkg.patchCollection?.(collection);
    const zip = new yazl.ZipFile();
    const names = [...Object.keys(pkg.media ?? {}), ...(pkg.mapOnly ?? [])];
    const current = pkg.format === 'anki21b';
    if (current) {
      zip.addBuffer(zstdRawFrame(readFileSync(collection)), 'collection.anki21b');
      zip.addBuffer(Buffer.from('stub: please update Anki'), 'collection.anki2');
      zip.addBuffer(Buffer.from(encodeMessage([{ field: 1, value: 3 }])), 'meta');
      const entries = names.map((name) => ({ field: 1, value: encodeMessage([{ field: 1, value: name }, { field: 2, value: pkg.media?.[name]?.length ?? 0 }]) }));
      zip.addBuffer(zstdRawFrame(encodeMessage(entries)), 'media');
    } else {
      zip.addFile(collection, pkg.format === 'anki21' ? 'collection.anki21' : 'collection.anki2');
      zip.addBuffer(Buffer.from(JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), name])))), 'media');
    }
    Object.values(pkg.media ?? {}).forEach((bytes, i) => zip.addBuffer(current ? zstdRawFrame(bytes) : bytes, String(i)));
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    writeFileSync(file, Buffer.concat(chunks));
    return file;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A few notes of every kind: vocabulary with media and reviews, reversed, cloze, nested decks, tags, a suspended card. */
export function samplePackage(format: GenFormat, base = Date.UTC(2025, 0, 1)): GenPackage {
  const day = 86_400_000;
  return {
    format,
    media: { 'perro.mp3': Buffer.from('ID3 fake mp3 perro'), 'perro.jpg': Buffer.from('\xff\xd8 fake jpeg', 'latin1') },
    mapOnly: ['../escape.mp3'],
    notes: [
      {
        guid: 'vocab-perro', type: 'vocab', deck: 'Spanish::Animals', tags: 'animals Noun',
        fields: ['<b>el perro</b>', 'the dog', '/ˈpe.ro/', 'El perro come.', '[sound:perro.mp3][sound:gato.mp3]', '<img src="perro.jpg">'],
        cards: [
          { ord: 0, reviews: [{ at: base, ease: 3 }, { at: base + day, ease: 3 }, { at: base + 4 * day, ease: 1 }, { at: base + 4 * day + 600_000, ease: 3 }] },
          { ord: 1, queue: -1, reviews: [{ at: base + 3, ease: 4 }, { at: base + 2 * day, ease: 0 }] },
        ],
      },
      { guid: 'basic-casa', type: 'basic', deck: 'Spanish', fields: ['casa', 'house &amp; home<br>building[sound:../escape.mp3]'], cards: [{ ord: 0, queue: -3 }] },
      {
        guid: 'rev-gato', type: 'reversed', deck: 'Spanish::Animals', fields: ['gato', 'cat'],
        cards: [{ ord: 0, reviews: [{ at: base + 7, ease: 3 }], data: '{"s":12.5,"d":4.2,"dr":0.9}' }, { ord: 1 }],
      },
      { guid: 'cloze-comer', type: 'cloze', deck: 'Spanish::Verbs', fields: ['Vamos a {{c1::comer}} ahora.', 'to eat'], cards: [{ ord: 0 }] },
      { guid: 'broken-1', type: 'empty', fields: [] },
    ],
  };
}

/** `count` vocabulary notes, each with a recognition card answered `reviews` times a few days apart. */
export function manyNotesPackage(format: GenFormat, count: number, reviews = 0, base = Date.UTC(2024, 0, 1)): GenPackage {
  const notes: GenNote[] = [];
  for (let i = 0; i < count; i += 1) {
    const answers = Array.from({ length: reviews }, (_, r) => ({ at: base + i * 10 + r * 3 * 86_400_000, ease: r === 1 ? 1 : 3 }));
    notes.push({ guid: `gen-${i}`, type: 'basic', deck: `Big::Part ${i % 5}`, tags: `t${i % 7}`, fields: [`palabra${i}`, `word ${i}`], cards: [{ ord: 0, reviews: answers }] });
  }
  return { format, notes };
}
