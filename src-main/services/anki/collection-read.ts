import type Database from 'better-sqlite3';
import { AnkiPackageError } from './package-errors';
import { decodeMessage } from './protobuf-wire';

export interface NoteType {
  /** Anki's id, as text (ids are 64-bit). */
  id: string;
  name: string;
  kind: 'normal' | 'cloze';
  fields: string[];
  templates: string[];
}

export interface AnkiDeck {
  id: string;
  /** Path from the top deck down ("Spanish::Verbs" in Anki). */
  path: string[];
}

/** Note types and decks of either collection layout: JSON in `col` (schema 11) or their own tables (schema 18). */
export function readCollectionModel(sqlite: Database.Database): { noteTypes: NoteType[]; decks: AnkiDeck[] } {
  const tables = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  return tables.has('notetypes') ? readSchema18(sqlite, tables) : readSchema11(sqlite);
}

interface LegacyModel {
  id?: number | string;
  name?: string;
  type?: number;
  flds?: { name?: string; ord?: number }[];
  tmpls?: { name?: string; ord?: number }[];
}

function readSchema11(sqlite: Database.Database): { noteTypes: NoteType[]; decks: AnkiDeck[] } {
  const row = sqlite.prepare('SELECT models, decks FROM col LIMIT 1').get() as { models: string; decks: string } | undefined;
  if (!row) throw new AnkiPackageError('The package’s collection is empty (no “col” row).');
  const models = parseJson<Record<string, LegacyModel>>(row.models, 'note types');
  const decks = parseJson<Record<string, { id?: number | string; name?: string }>>(row.decks, 'decks');
  const noteTypes = Object.entries(models).map(([key, m]) => ({
    id: String(m.id ?? key),
    name: String(m.name ?? 'Note type'),
    kind: m.type === 1 ? ('cloze' as const) : ('normal' as const),
    fields: byOrd(m.flds ?? []).map((f) => String(f.name ?? '')),
    templates: byOrd(m.tmpls ?? []).map((t) => String(t.name ?? '')),
  }));
  const deckList = Object.entries(decks).map(([key, d]) => ({ id: String(d.id ?? key), path: splitDeckName(String(d.name ?? 'Default'), '::') }));
  return { noteTypes, decks: deckList };
}

function readSchema18(sqlite: Database.Database, tables: Set<string>): { noteTypes: NoteType[]; decks: AnkiDeck[] } {
  const kinds = sqlite.prepare('SELECT id, name, config FROM notetypes').safeIntegers(true).all() as { id: bigint; name: string; config: Buffer | null }[];
  const fields = sqlite.prepare('SELECT ntid, ord, name FROM fields').safeIntegers(true).all() as { ntid: bigint; ord: bigint; name: string }[];
  const templates = tables.has('templates')
    ? (sqlite.prepare('SELECT ntid, ord, name FROM templates').safeIntegers(true).all() as { ntid: bigint; ord: bigint; name: string }[])
    : [];
  const noteTypes = kinds.map((nt) => {
    const id = String(nt.id);
    return {
      id,
      name: String(nt.name),
      kind: configKind(nt.config),
      fields: fields.filter((f) => String(f.ntid) === id).sort((a, b) => Number(a.ord - b.ord)).map((f) => String(f.name)),
      templates: templates.filter((t) => String(t.ntid) === id).sort((a, b) => Number(a.ord - b.ord)).map((t) => String(t.name)),
    };
  });
  const deckRows = tables.has('decks')
    ? (sqlite.prepare('SELECT id, name FROM decks').safeIntegers(true).all() as { id: bigint; name: string }[])
    : [];
  return { noteTypes, decks: deckRows.map((d) => ({ id: String(d.id), path: splitDeckName(String(d.name), '\u001f') })) };
}

/** `Notetype.Config.kind` (field 1): 1 is cloze. */
function configKind(config: Buffer | null): 'normal' | 'cloze' {
  if (!config?.length) return 'normal';
  try {
    return decodeMessage(config).find((f) => f.field === 1)?.value === 1 ? 'cloze' : 'normal';
  } catch {
    return 'normal';
  }
}

export function splitDeckName(name: string, separator: string): string[] {
  const parts = name.split(separator).map((p) => p.trim()).filter(Boolean);
  return parts.length ? parts : ['Default'];
}

function byOrd<T extends { ord?: number }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0));
}

function parseJson<T>(text: string, what: string): T {
  try {
    const value = JSON.parse(text || '{}') as unknown;
    if (value && typeof value === 'object') return value as T;
  } catch {
    // Reported below.
  }
  throw new AnkiPackageError(`The package’s ${what} are damaged.`);
}

/** Counts shown before importing. */
export function collectionCounts(sqlite: Database.Database): { notes: number; cards: number; reviews: number } {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  const hasRevlog = (sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'revlog'`).pluck().get() as number) > 0;
  return {
    notes: count('SELECT count(*) FROM notes'),
    cards: count('SELECT count(*) FROM cards'),
    reviews: hasRevlog ? count('SELECT count(*) FROM revlog WHERE ease BETWEEN 1 AND 4') : 0,
  };
}
