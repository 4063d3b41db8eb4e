import type { NoteInput } from '../../src-main/services/notes/notes-service';

/** A small fast PRNG (mulberry32): the fixture is the same on every run for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Spanish-looking and English-looking syllables, with accents so accent-insensitive search has work to do.
const TARGET_SYLLABLES = [
  'ca',
  'me',
  'lo',
  'sa',
  'ta',
  'ri',
  'no',
  'pe',
  'gu',
  'ár',
  'bo',
  'ñe',
  'ci',
  'ón',
  'ti',
  'da',
  'ma',
  've',
  'za',
  'fé',
  'tra',
  'llo',
  'que',
  'rí',
];
const NATIVE_SYLLABLES = [
  'ba',
  'ker',
  'sun',
  'ting',
  'low',
  'mor',
  'pen',
  'dle',
  'ston',
  'wick',
  'ra',
  'ble',
  'fen',
  'ish',
  'cor',
  'tle',
];
const POS = ['noun', 'verb', 'adjective', 'adverb'] as const;
const TAGS = ['food', 'travel', 'home', 'work', 'family', 'verbs', 'nature', 'city'];

function word(random: () => number, syllables: string[], min: number, max: number): string {
  const count = min + Math.floor(random() * (max - min + 1));
  let out = '';
  for (let i = 0; i < count; i += 1) out += syllables[Math.floor(random() * syllables.length)];
  return out;
}

/** `count` vocabulary notes; about a third have an example sentence containing the term (so a cloze card too). */
export function generateNotes(count: number, random: () => number): NoteInput[] {
  const notes: NoteInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const term = word(random, TARGET_SYLLABLES, 2, 4);
    const translation = word(random, NATIVE_SYLLABLES, 1, 3);
    const withExample = random() < 0.35;
    notes.push({
      term,
      translation,
      examples: withExample
        ? [{ text: `El ${term} está en la mesa.`, translation: `The ${translation} is on the table.` }]
        : [],
      partOfSpeech: POS[i % POS.length]!,
      gender: i % 4 === 0 ? (random() < 0.5 ? 'm' : 'f') : null,
      ipa: null,
      tags: [TAGS[Math.floor(random() * TAGS.length)]!],
    });
  }
  return notes;
}
