import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../src-shared/contract';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField } from '../../../components/SelectField';

type NoteType = Output<'anki:inspect'>['noteTypes'][number];
export type FieldMapping = NoteType['suggestedMapping'];
export type MappedField = keyof FieldMapping;

export const MAPPED_FIELDS: MappedField[] = ['term', 'translation', 'example', 'exampleTranslation', 'partOfSpeech', 'gender', 'ipa'];
const NONE = '';

interface Props {
  noteType: NoteType;
  mapping: FieldMapping;
  skip: boolean;
  onMapping: (field: MappedField, index: number | null) => void;
  onSkip: (skip: boolean) => void;
}

/** One note type of the package: its sample notes and which of its fields fills which of Parley's. */
export function NoteTypeMapping({ noteType, mapping, skip, onMapping, onSkip }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: NONE, label: t('import.notImported') },
    ...noteType.fields.map((name, index) => ({ value: String(index), label: name || t('import.column', { number: index + 1 }) })),
  ];
  return (
    <fieldset className="options-group">
      <legend className="subsection-title">
        {t('data.anki.noteType', { name: noteType.name, count: noteType.noteCount })}
        {noteType.kind === 'cloze' && <span className="field-hint"> · {t('data.anki.cloze')}</span>}
      </legend>
      {noteType.fields.length === 0 ? (
        <p className="notice notice-warning">{t('data.anki.noFields')}</p>
      ) : (
        <>
          <CheckboxField label={t('data.anki.skip')} checked={skip} onChange={(event) => onSkip(event.target.checked)} />
          {noteType.samples.length > 0 && (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t('data.anki.samples', { name: noteType.name })}</caption>
                <thead>
                  <tr>
                    {noteType.fields.map((name, index) => (
                      <th key={index} scope="col">{name}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {noteType.samples.map((row, r) => (
                    <tr key={r}>
                      {noteType.fields.map((_, index) => (
                        <td key={index}>{row[index] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!skip && (
            <div className="three-columns">
              {MAPPED_FIELDS.map((field) => (
                <SelectField
                  key={field}
                  label={t(`import.fields.${field}`)}
                  value={mapping[field] === null ? NONE : String(mapping[field])}
                  options={options}
                  onChange={(event) => onMapping(field, event.target.value === NONE ? null : Number(event.target.value))}
                />
              ))}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
