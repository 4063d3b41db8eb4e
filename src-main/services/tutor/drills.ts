import { newId } from '../../../db/ids';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { tutorDrillResults } from '../../../db/schema';
import { ContractError } from '../../../src-shared/contract/errors';
import { checkAnswer } from '../../../src-shared/domain/answer-check';
import { blankTerm } from '../../../src-shared/domain/cloze';
import type { Drill, DrillKind, DrillTotals } from '../../../src-shared/domain/tutor';
import type { ExampleSentence } from '../../../db/schema';

interface NoteRow {
  id: string;
  term: string;
  translation: string;
  examples: string;
}

const MIN_ORDER_WORDS = 3;
const MAX_ORDER_WORDS = 14;
const CANDIDATES = 200;

/** The example that carries a cloze (it contains the term), and the one that makes a word-order exercise. */
function examplesOf(note: NoteRow): ExampleSentence[] {
  try {
    const parsed = JSON.parse(note.examples) as unknown;
    return Array.isArray(parsed) ? (parsed as ExampleSentence[]).filter((e) => typeof e?.text === 'string') : [];
  } catch {
    return [];
  }
}
const clozeExample = (note: NoteRow) => examplesOf(note).find((e) => blankTerm(note.term, e.text) !== null) ?? null;
const orderExample = (note: NoteRow) => {
  return examplesOf(note).find((e) => {
    const n = e.text.trim().split(/\s+/).length;
    return n >= MIN_ORDER_WORDS && n <= MAX_ORDER_WORDS;
  }) ?? null;
};

function shuffle<T>(items: T[], random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A shuffle that differs from the original order whenever the words allow it. */
function scramble(words: string[]): string[] {
  if (new Set(words).size < 2) return words;
  for (;;) {
    const out = shuffle(words);
    if (out.join(' ') !== words.join(' ')) return out;
  }
}

function drillFor(note: NoteRow, kind: DrillKind, pool: NoteRow[]): Drill | null {
  const base = { noteId: note.id, kind, prompt: '', hint: '', choices: [] as string[], tokens: [] as string[] };
  if (kind === 'cloze') {
    const example = clozeExample(note);
    return example ? { ...base, prompt: blankTerm(note.term, example.text)!, hint: example.translation || note.translation } : null;
  }
  if (kind === 'translate') return { ...base, prompt: note.translation };
  if (kind === 'choice') {
    const others = [...new Set(pool.map((n) => n.term).filter((t) => t.toLowerCase() !== note.term.toLowerCase()))];
    if (others.length < 2) return null;
    return { ...base, prompt: note.translation, choices: shuffle([note.term, ...shuffle(others).slice(0, 3)]) };
  }
  const example = orderExample(note);
  return example ? { ...base, prompt: '', hint: example.translation, tokens: scramble(example.text.trim().split(/\s+/)) } : null;
}

/**
 * Offline practice from the learner's own notes, for when no model answers: cards due now come first, then the
 * most recently added notes. Answers are checked here (the expected answer never leaves the core) and counted.
 */
export function createDrills({ db, mutator, now }: { db: Db; mutator: Mutator; now: () => number }) {
  const decksUnder = `WITH RECURSIVE tree(id) AS (SELECT id FROM decks WHERE id = ? AND profile_id = ? AND deleted_at IS NULL
      UNION SELECT d.id FROM decks d JOIN tree ON d.parent_id = tree.id WHERE d.profile_id = ? AND d.deleted_at IS NULL)`;
  const dueStmt = db.$client.prepare(
    `SELECT DISTINCT n.id, n.term, n.translation, n.examples FROM cards c JOIN notes n ON n.id = c.note_id AND n.deleted_at IS NULL
     WHERE c.profile_id = ? AND c.state IN (1, 2, 3) AND c.due <= ? AND c.deleted_at IS NULL AND c.suspended = 0 ORDER BY c.due LIMIT ${CANDIDATES}`,
  );
  const recentStmt = db.$client.prepare(`SELECT id, term, translation, examples FROM notes WHERE profile_id = ? AND deleted_at IS NULL ORDER BY rowid DESC LIMIT ${CANDIDATES}`);
  const inDeckStmt = db.$client.prepare(
    `${decksUnder} SELECT id, term, translation, examples FROM notes WHERE profile_id = ? AND deleted_at IS NULL AND deck_id IN (SELECT id FROM tree) ORDER BY rowid DESC LIMIT ${CANDIDATES}`,
  );
  const noteStmt = db.$client.prepare('SELECT id, term, translation, examples FROM notes WHERE id = ? AND profile_id = ? AND deleted_at IS NULL');
  const totalsStmt = db.$client.prepare('SELECT count(*) AS attempted, coalesce(sum(correct), 0) AS correct FROM tutor_drill_results WHERE profile_id = ? AND deleted_at IS NULL');

  const totals = (profileId: string): DrillTotals => totalsStmt.get(profileId) as DrillTotals;

  const candidates = (profileId: string, deckId: string | null): NoteRow[] => {
    if (deckId) return inDeckStmt.all(deckId, profileId, profileId, profileId) as NoteRow[];
    const seen = new Set<string>();
    return [...(dueStmt.all(profileId, now()) as NoteRow[]), ...(recentStmt.all(profileId) as NoteRow[])].filter((n) => !seen.has(n.id) && seen.add(n.id));
  };

  return {
    build(profileId: string, deckId: string | null, count: number, kinds: DrillKind[]): { drills: Drill[]; totals: DrillTotals } {
      const pool = candidates(profileId, deckId).filter((n) => n.term.trim() && n.translation.trim());
      const chosen = [...pool.slice(0, count), ...shuffle(pool.slice(count))];
      const drills: Drill[] = [];
      for (const [i, note] of chosen.entries()) {
        if (drills.length >= count) break;
        for (let k = 0; k < kinds.length; k += 1) {
          const drill = drillFor(note, kinds[(i + k) % kinds.length]!, pool);
          if (drill) {
            drills.push(drill);
            break;
          }
        }
      }
      return { drills: shuffle(drills), totals: totals(profileId) };
    },

    record(profileId: string, noteId: string, kind: DrillKind, answer: string, forgiveDiacritics: boolean) {
      const note = noteStmt.get(noteId, profileId) as NoteRow | undefined;
      if (!note) throw new ContractError('NOT_FOUND', 'That word is not in your decks.');
      const expected = kind === 'order' ? orderExample(note)?.text.trim() : kind === 'cloze' && !clozeExample(note) ? undefined : note.term;
      if (!expected) throw new ContractError('CONFLICT', 'That exercise no longer fits this word.');
      const { correct } = checkAnswer(answer, expected, { forgiveDiacritics });
      mutator.insert(tutorDrillResults, profileId, { id: newId(), profileId, noteId, kind, correct, createdAt: now() });
      return { correct, expected, totals: totals(profileId) };
    },
  };
}
