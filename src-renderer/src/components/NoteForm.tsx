import { useTranslation } from 'react-i18next';
import { partsOfSpeech } from '../../../src-shared/domain/vocabulary';
import { genders, type Gender, type NoteDraft, type NoteProblem, type PartOfSpeech } from '../lib/note-draft';
import { ExamplesField } from './ExamplesField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

interface Props {
  draft: NoteDraft;
  onChange: (patch: Partial<NoteDraft>) => void;
  problems: { term: NoteProblem | null; translation: NoteProblem | null };
}

/** Every field of a vocabulary note. */
export function NoteForm({ draft, onChange, problems }: Props) {
  const { t } = useTranslation();
  return (
    <div className="stack note-form">
      <div className="two-columns">
        <TextField
          label={t('note.term')}
          value={draft.term}
          autoFocus
          onChange={(event) => onChange({ term: event.target.value })}
          error={problems.term && t(`note.problems.${problems.term}`)}
        />
        <TextField
          label={t('note.translation')}
          value={draft.translation}
          onChange={(event) => onChange({ translation: event.target.value })}
          error={problems.translation && t(`note.problems.${problems.translation}`)}
        />
      </div>
      <div className="three-columns">
        <SelectField
          label={t('note.partOfSpeech')}
          value={draft.partOfSpeech}
          onChange={(event) => onChange({ partOfSpeech: event.target.value as PartOfSpeech | '' })}
          options={[
            { value: '', label: t('note.none') },
            ...partsOfSpeech.map((part) => ({ value: part, label: t(`partsOfSpeech.${part}`) })),
          ]}
        />
        <SelectField
          label={t('note.gender')}
          value={draft.gender}
          onChange={(event) => onChange({ gender: event.target.value as Gender | '' })}
          options={[
            { value: '', label: t('note.none') },
            ...genders.map((gender) => ({ value: gender, label: t(`genders.${gender}`) })),
          ]}
        />
        <TextField
          label={t('note.ipa')}
          optional
          value={draft.ipa}
          spellCheck={false}
          onChange={(event) => onChange({ ipa: event.target.value })}
        />
      </div>
      <ExamplesField value={draft.examples} onChange={(examples) => onChange({ examples })} />
      <TextField
        label={t('note.tags')}
        optional
        hint={t('note.tagsHint')}
        value={draft.tags}
        spellCheck={false}
        onChange={(event) => onChange({ tags: event.target.value })}
      />
    </div>
  );
}
