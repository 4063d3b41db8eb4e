import { diffChars } from 'diff';

export interface AnswerCheckOptions {
  /** "cancion" counts as "canción". Case never counts. */
  forgiveDiacritics: boolean;
}

/** One run of the character diff: typed and expected alike, typed but not expected, or expected but not typed. */
export interface DiffSegment {
  kind: 'same' | 'extra' | 'missing';
  text: string;
}

export interface AnswerCheck {
  correct: boolean;
  /** The alternative the typed answer was compared with (answers like "of; from" have several). */
  expected: string;
  segments: DiffSegment[];
}

/** Trimmed, inner spaces collapsed, composed (so "é" is one character however it was typed). */
export function tidyAnswer(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Each character folded to one comparable character: lower case and, when forgiven, without its accents. */
function foldCharacters(text: string, options: AnswerCheckOptions): string[] {
  return Array.from(text, (character) => {
    const lower = character.toLowerCase();
    const folded = options.forgiveDiacritics ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
    return Array.from(folded).length === 1 ? folded : lower;
  });
}

/** The alternatives an answer offers: "of; from" accepts "of" and "from" as well as the whole. */
export function answerAlternatives(expected: string): string[] {
  const whole = tidyAnswer(expected);
  const parts = whole
    .split(';')
    .map(tidyAnswer)
    .filter((part) => part !== '');
  return [...new Set([whole, ...parts])];
}

/** The character diff of typed against expected, each run in the learner's own spelling where they differ. */
export function diffAnswer(typed: string, expected: string, options: AnswerCheckOptions): DiffSegment[] {
  const typedChars = Array.from(typed);
  const expectedChars = Array.from(expected);
  const changes = diffChars(foldCharacters(typed, options).join(''), foldCharacters(expected, options).join(''));
  const segments: DiffSegment[] = [];
  let inTyped = 0;
  let inExpected = 0;
  for (const change of changes) {
    if (change.removed) {
      segments.push({ kind: 'extra', text: typedChars.slice(inTyped, inTyped + change.count).join('') });
      inTyped += change.count;
    } else if (change.added) {
      segments.push({ kind: 'missing', text: expectedChars.slice(inExpected, inExpected + change.count).join('') });
      inExpected += change.count;
    } else {
      segments.push({ kind: 'same', text: expectedChars.slice(inExpected, inExpected + change.count).join('') });
      inTyped += change.count;
      inExpected += change.count;
    }
  }
  return segments.filter((segment) => segment.text !== '');
}

const differences = (segments: DiffSegment[]) =>
  segments.reduce((sum, segment) => sum + (segment.kind === 'same' ? 0 : Array.from(segment.text).length), 0);

/**
 * Checks a typed answer: case never matters, spacing at the ends never matters, accents only when they are not
 * forgiven. Compared with the closest alternative, so the diff shows the spelling the learner was aiming at.
 */
export function checkAnswer(typed: string, expected: string, options: AnswerCheckOptions): AnswerCheck {
  const answer = tidyAnswer(typed);
  const checks = answerAlternatives(expected).map((alternative) => {
    const segments = diffAnswer(answer, alternative, options);
    return { expected: alternative, segments, distance: differences(segments) };
  });
  const best = checks.reduce((closest, check) => (check.distance < closest.distance ? check : closest));
  return { correct: answer !== '' && best.distance === 0, expected: best.expected, segments: best.segments };
}
