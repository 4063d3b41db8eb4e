import type { Grade } from 'ts-fsrs';
import { v7 as uuidv7 } from 'uuid';
import { ContractError } from '../../../src-shared/contract/errors';
import type { Preset, Rating } from '../../../src-shared/domain/vocabulary';
import type { Mutator } from '../../../db/mutate';
import type { Db } from '../../../db/open';
import { cards, reviewLogs } from '../../../db/schema';
import { tagsFromText, type NotesService } from '../notes/notes-service';
import type { CardReads, StudyCard } from './card-rows';
import { fromFsrsCard, schedulerFor, toFsrsCard, type FsrsFields } from './scheduler';

const DAY = 86_400_000;
export const LEECH_TAG = 'leech';

export interface WriterDeps {
  db: Db;
  mutator: Mutator;
  notes: NotesService;
  reads: CardReads;
  deviceId: string;
}

/** Everything an answer changed, so undo can put it all back. */
export interface AnswerRecord {
  cardId: string;
  noteId: string;
  logId: string;
  /** The card row before the answer (FSRS fields and flags). */
  before: FsrsFields & { suspended: boolean; buriedUntil: number | null };
  after: FsrsFields;
  /** Siblings this answer buried, with what they were buried until before. */
  buried: { id: string; buriedUntil: number | null }[];
  /** The note's tags before the answer added the leech tag, when it did. */
  tagsBefore: string[] | null;
}

export interface AnswerInput {
  profileId: string;
  card: StudyCard;
  preset: Preset;
  rating: Rating;
  durationMs: number;
  now: number;
  /** The start of the next study day: siblings stay buried until then. */
  buryUntil: number;
}

/**
 * Anki's leech rule: a card becomes a leech when its lapses reach the threshold, and again every half threshold
 * after that, so a learner who keeps it still hears about it now and then.
 */
export function isLeech(lapsesBefore: number, lapsesAfter: number, threshold: number): boolean {
  if (lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false;
  return (lapsesAfter - threshold) % Math.max(1, Math.ceil(threshold / 2)) === 0;
}

/**
 * Writes one answer in one transaction: the review-log row, the card's new FSRS state, its siblings buried until
 * the next study day, and on a leech the note's tag (and the card suspended when the preset says so). A crash
 * leaves either all of it or none.
 */
export function writeAnswer(deps: WriterDeps, input: AnswerInput): { record: AnswerRecord; leech: boolean } {
  const { profileId, card, preset, now } = input;
  const after = fromFsrsCard(schedulerFor(preset).next(toFsrsCard(card), new Date(now), input.rating as Grade).card);
  const leech = isLeech(card.lapses, after.lapses, preset.leechThreshold);
  const logId = uuidv7();
  const record = deps.db.$client.transaction((): AnswerRecord => {
    deps.mutator.insert(reviewLogs, profileId, {
      id: logId,
      profileId,
      cardId: card.id,
      reviewedAt: now,
      rating: input.rating,
      stateBefore: card.state,
      stateAfter: after.state,
      dueAfter: after.due,
      stabilityAfter: after.stability,
      difficultyAfter: after.difficulty,
      elapsedDays: card.lastReview === null ? 0 : (now - card.lastReview) / DAY,
      scheduledDays: after.scheduledDays,
      durationMs: input.durationMs,
      deviceId: deps.deviceId,
    });
    deps.mutator.update(
      cards,
      profileId,
      card.id,
      leech && preset.leechSuspend ? { ...after, suspended: true } : after,
    );
    const buried = burySiblings(deps, profileId, card, input.buryUntil);
    const tagsBefore = leech ? tagLeech(deps.notes, profileId, card) : null;
    return { cardId: card.id, noteId: card.noteId, logId, before: snapshot(card), after, buried, tagsBefore };
  })();
  return { record, leech };
}

/** The note's other new cards, and its reviews due before the next day, wait until tomorrow (Anki's sibling burying). */
function burySiblings(deps: WriterDeps, profileId: string, card: StudyCard, until: number): AnswerRecord['buried'] {
  const buried: AnswerRecord['buried'] = [];
  for (const sibling of deps.reads.siblings(profileId, card.noteId, card.id)) {
    const showsToday = sibling.state === 0 || (sibling.state === 2 && sibling.due < until);
    if (!showsToday || (sibling.buriedUntil !== null && sibling.buriedUntil >= until)) continue;
    deps.mutator.update(cards, profileId, sibling.id, { buriedUntil: until });
    buried.push({ id: sibling.id, buriedUntil: sibling.buriedUntil });
  }
  return buried;
}

function tagLeech(notes: NotesService, profileId: string, card: StudyCard): string[] | null {
  const tags = tagsFromText(card.tags);
  if (tags.includes(LEECH_TAG)) return null;
  notes.update(profileId, card.noteId, { tags: [...tags, LEECH_TAG] });
  return tags;
}

function snapshot(card: StudyCard): AnswerRecord['before'] {
  const {
    state,
    due,
    stability,
    difficulty,
    scheduledDays,
    learningSteps,
    reps,
    lapses,
    lastReview,
    suspended,
    buriedUntil,
  } = card;
  return {
    state,
    due,
    stability,
    difficulty,
    scheduledDays,
    learningSteps,
    reps,
    lapses,
    lastReview,
    suspended,
    buriedUntil,
  };
}

/**
 * Takes an answer back in one transaction: the log row leaves (with its change record, as it never left this
 * device), the card and its siblings get their rows back, the leech tag goes. Refuses when the card was answered
 * again since (in another window, say) or the answer has already been synced.
 */
export function undoAnswer(deps: WriterDeps, profileId: string, record: AnswerRecord): void {
  const current = deps.reads.studyCard(profileId, record.cardId);
  if (!current || current.reps !== record.after.reps || current.lastReview !== record.after.lastReview) {
    throw new ContractError('CONFLICT', 'That answer can no longer be undone: the card has changed since.');
  }
  if (deps.reads.logShared(profileId, record.logId)) {
    throw new ContractError('CONFLICT', 'That answer has already been synced and can no longer be undone.');
  }
  deps.db.$client.transaction(() => {
    deps.mutator.retract(reviewLogs, profileId, record.logId);
    deps.mutator.update(cards, profileId, record.cardId, record.before);
    for (const sibling of record.buried)
      deps.mutator.update(cards, profileId, sibling.id, { buriedUntil: sibling.buriedUntil });
    if (record.tagsBefore) deps.notes.update(profileId, record.noteId, { tags: record.tagsBefore });
  })();
}
