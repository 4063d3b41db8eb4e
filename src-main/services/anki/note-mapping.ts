import type { AnkiFieldMapping } from '../../../src-shared/contract/anki';
import { partsOfSpeech } from '../../../src-shared/domain/vocabulary';
import { fieldForName, normalizeName } from '../imports/column-names';
import { NOTE_LIMITS } from '../imports/row-to-note';
import type { NoteType } from './collection-read';
import { fieldText, splitCloze } from './field-text';

type Field = keyof AnkiFieldMapping;

export const EMPTY_MAPPING: AnkiFieldMapping = {
  term: null, translation: null, example: null, exampleTranslation: null, partOfSpeech: null, gender: null, ipa: null,
};

/** Names in vocabulary note types that the CSV column names do not cover. */
const ANKI_NAMES: Record<string, Field> = {
  'text': 'term', 'target word': 'term', 'word audio': 'term', 'kanji': 'term', 'hanzi': 'term', 'simplified': 'term',
  'english': 'translation', 'answer': 'translation', 'question': 'term', 'extra': 'translation', 'back extra': 'translation',
  'reading': 'ipa', 'pinyin': 'ipa', 'furigana': 'ipa', 'sentence meaning': 'exampleTranslation', 'sentence translation': 'exampleTranslation',
  'example sentence translation': 'exampleTranslation', 'sentence': 'example', 'example sentence': 'example',
};
/** Fields that hold only a sound or a picture: never the term. */
const MEDIA_NAMES = /\b(audio|sound|image|picture|photo|img|pic)\b/;

/** A guess of which field holds what: by name, then Front/Back order for the first two free text fields. */
export function suggestFieldMapping(noteType: NoteType): AnkiFieldMapping {
  const mapping: AnkiFieldMapping = { ...EMPTY_MAPPING };
  const names = noteType.fields.map(normalizeName);
  if (noteType.kind === 'cloze') {
    mapping.term = Math.max(0, names.findIndex((n) => n === 'text'));
    const extra = names.findIndex((n, i) => i !== mapping.term && (n === 'extra' || n === 'back extra'));
    mapping.translation = extra >= 0 ? extra : null;
    return mapping;
  }
  names.forEach((name, index) => {
    if (MEDIA_NAMES.test(name) && !ANKI_NAMES[name]) return;
    const field = ANKI_NAMES[name] ?? fieldForName(name, null);
    if (field && field !== 'tags' && mapping[field as Field] === null) mapping[field as Field] = index;
  });
  const used = new Set(Object.values(mapping).filter((v) => v !== null));
  const free = names.map((n, i) => [n, i] as const).filter(([n, i]) => !used.has(i) && !MEDIA_NAMES.test(n)).map(([, i]) => i);
  if (mapping.term === null && free.length) mapping.term = free.shift()!;
  if (mapping.translation === null && free.length) mapping.translation = free.shift()!;
  return mapping;
}

export interface MappedNote {
  term: string;
  translation: string;
  examples: { text: string; translation: string }[];
  partOfSpeech: string | null;
  gender: string | null;
  ipa: string | null;
}

const POS = new Set<string>(partsOfSpeech);
const GENDERS: Record<string, string> = { m: 'm', masc: 'm', masculine: 'm', f: 'f', fem: 'f', feminine: 'f', n: 'n', neut: 'n', neuter: 'n', mf: 'mf' };

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * One Anki note as Parley's fields. A cloze note's first deletion becomes the term and its sentence the example,
 * so Parley makes a cloze card of it too. Returns a reason instead when nothing is left to learn.
 */
export function mapNote(fields: string[], noteType: NoteType, mapping: AnkiFieldMapping, mediaLabel: string | null): MappedNote | string {
  const text = (index: number | null) => (index === null ? '' : fieldText(fields[index] ?? ''));
  let term = text(mapping.term);
  const examples: MappedNote['examples'] = [];
  if (noteType.kind === 'cloze') {
    const { sentence, answer } = splitCloze(term);
    term = answer || sentence;
    if (sentence && sentence !== term) examples.push({ text: cut(sentence, NOTE_LIMITS.exampleText), translation: '' });
  }
  const example = text(mapping.example);
  if (example) examples.push({ text: cut(example, NOTE_LIMITS.exampleText), translation: cut(text(mapping.exampleTranslation), NOTE_LIMITS.exampleText) });
  const translation = text(mapping.translation);
  if (!term) term = translation ? '' : (mediaLabel ?? '');
  if (!term && !translation) return 'The note has no text in the fields chosen for the term and translation.';
  const pos = text(mapping.partOfSpeech).toLowerCase();
  const gender = GENDERS[text(mapping.gender).toLowerCase().replace(/\.$/, '')] ?? null;
  const ipa = text(mapping.ipa);
  return {
    term: cut(term || translation, NOTE_LIMITS.term),
    translation: cut(term ? translation : '', NOTE_LIMITS.translation),
    examples: examples.slice(0, NOTE_LIMITS.examples),
    partOfSpeech: POS.has(pos) ? pos : null,
    gender,
    ipa: ipa ? cut(ipa, NOTE_LIMITS.ipa) : null,
  };
}

/** Anki tags (space separated, any case, `::` hierarchies) as Parley's: lower case, each once, bounded. */
export function mapTags(tags: string): string[] {
  const list = tags.split(/\s+/).map((t) => t.trim().toLowerCase()).filter(Boolean).map((t) => t.slice(0, NOTE_LIMITS.tag));
  return [...new Set(list)].slice(0, NOTE_LIMITS.tags);
}

/** Which Parley card an Anki card is: template 0 recognition, 1 production; every cloze card is the cloze card. */
export function cardKindOf(noteType: NoteType, ord: number): 'recognition' | 'production' | 'cloze' | null {
  if (noteType.kind === 'cloze') return ord === 0 ? 'cloze' : null;
  if (ord === 0) return 'recognition';
  if (ord === 1) return 'production';
  // Parley's own export carries its cloze card as a third template named "Cloze".
  if (ord === 2 && normalizeName(noteType.templates[2] ?? '') === 'cloze') return 'cloze';
  return null;
}
