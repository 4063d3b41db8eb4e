import { Rating, type Grade } from 'ts-fsrs';
import type { ReviewCard } from '../../../src-shared/contract/review';
import { blankTerm } from '../../../src-shared/domain/cloze';
import type { Note } from '../../../src-shared/domain/vocabulary';
import { storedMediaName } from '../../../src-shared/contract/anki';
import { tagsFromText } from '../notes/notes-service';
import type { StudyCard } from './card-rows';
import { schedulerFor, toFsrsCard, type SchedulingOptions } from './scheduler';

const STORED_MEDIA = { test: (name: string) => storedMediaName.safeParse(name).success };

/** What a card asks and expects: recognition term → translation, production translation → term, cloze blank → term. */
function promptAndAnswer(card: StudyCard): Pick<ReviewCard, 'prompt' | 'answer' | 'example'> {
  if (card.kind === 'recognition') return { prompt: card.term, answer: card.translation, example: null };
  if (card.kind === 'cloze') {
    for (const example of card.examples) {
      const blanked = blankTerm(card.term, example.text);
      if (blanked !== null)
        return { prompt: blanked, answer: card.term, example: { text: blanked, translation: example.translation } };
    }
  }
  // A cloze card whose sentence no longer holds the term (the note was edited) is asked like a production card.
  return { prompt: card.translation, answer: card.term, example: null };
}

/** The next interval for each rating, in ms from now, as ts-fsrs would schedule it. */
function intervals(card: StudyCard, preset: SchedulingOptions, now: number): ReviewCard['intervals'] {
  const preview = schedulerFor(preset).repeat(toFsrsCard(card), new Date(now));
  const after = (grade: Grade) => preview[grade].card.due.getTime() - now;
  return { again: after(Rating.Again), hard: after(Rating.Hard), good: after(Rating.Good), easy: after(Rating.Easy) };
}

export function toReviewCard(
  card: StudyCard,
  preset: SchedulingOptions,
  targetLanguage: string,
  now: number,
): ReviewCard {
  return {
    cardId: card.id,
    noteId: card.noteId,
    kind: card.kind,
    state: card.state as ReviewCard['state'],
    ...promptAndAnswer(card),
    term: card.term,
    translation: card.translation,
    partOfSpeech: card.partOfSpeech as Note['partOfSpeech'],
    gender: card.gender as Note['gender'],
    ipa: card.ipa,
    targetLanguage,
    tags: tagsFromText(card.tags),
    audio: card.audio.filter((name) => STORED_MEDIA.test(name)),
    images: card.images.filter((name) => STORED_MEDIA.test(name)),
    intervals: intervals(card, preset, now),
  };
}
