import type { Input } from '../../../src-shared/contract';
import { grammaticalGender, partsOfSpeech, type Note } from '../../../src-shared/domain/vocabulary';

export type PartOfSpeech = (typeof partsOfSpeech)[number];
export type Gender = (typeof grammaticalGender.options)[number];
export const genders = grammaticalGender.options;

/** A note as its edit form holds it: every field a string the inputs can show. */
export interface NoteDraft {
  term: string;
  translation: string;
  examples: { text: string; translation: string }[];
  partOfSpeech: PartOfSpeech | '';
  gender: Gender | '';
  ipa: string;
  tags: string;
}

export type NoteProblem = 'termRequired' | 'translationRequired';

export function draftOf(note: Note): NoteDraft {
  return {
    term: note.term,
    translation: note.translation,
    examples: note.examples.map((example) => ({ ...example })),
    partOfSpeech: note.partOfSpeech ?? '',
    gender: note.gender ?? '',
    ipa: note.ipa ?? '',
    tags: note.tags.join(' '),
  };
}

/** Tags are typed separated by spaces or commas. */
export function tagsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((tag) => tag.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export function noteProblems(draft: NoteDraft): { term: NoteProblem | null; translation: NoteProblem | null } {
  return {
    term: draft.term.trim() ? null : 'termRequired',
    translation: draft.translation.trim() ? null : 'translationRequired',
  };
}

export const emptyNoteDraft: NoteDraft = {
  term: '',
  translation: '',
  examples: [],
  partOfSpeech: '',
  gender: '',
  ipa: '',
  tags: '',
};

/** Every field of the note as the contract takes it, for creating a note or replacing all of one's fields. */
export function noteFieldsOf(draft: NoteDraft): Omit<Input<'notes:create'>, 'deckId' | 'source'> {
  return {
    term: draft.term.trim(),
    translation: draft.translation.trim(),
    examples: draft.examples
      .map((example) => ({ text: example.text.trim(), translation: example.translation.trim() }))
      .filter((example) => example.text !== ''),
    partOfSpeech: draft.partOfSpeech || null,
    gender: draft.gender || null,
    ipa: draft.ipa.trim() || null,
    tags: tagsOf(draft.tags),
  };
}
