import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import { optionalFields, requiredFields, type MappedField } from '../../../lib/import-mapping';
import { columnLabel } from './PreviewTable';

interface Props {
  columns: readonly string[];
  mapping: Partial<Record<MappedField, number | null>>;
  showProblems: boolean;
  onChange: (field: MappedField, column: number | null) => void;
}

const NONE = '';

/** Which column holds what: term and translation must be chosen, the rest may be left out. */
export function MappingFields({ columns, mapping, showProblems, onChange }: Props) {
  const { t } = useTranslation();
  const columnOptions = columns.map((name, index) => ({
    value: String(index),
    label: columnLabel(t('import.column', { number: index + 1 }), name),
  }));
  const valueOf = (field: MappedField) => {
    const column = mapping[field];
    return column === null || column === undefined ? NONE : String(column);
  };
  const select = (field: MappedField, noneLabel: string, error: string | null) => (
    <SelectField
      key={field}
      label={t(`import.fields.${field}`)}
      value={valueOf(field)}
      onChange={(event) => onChange(field, event.target.value === NONE ? null : Number(event.target.value))}
      options={[{ value: NONE, label: noneLabel }, ...columnOptions]}
      error={error}
    />
  );
  const sameColumn = mapping.term !== undefined && mapping.term !== null && mapping.term === mapping.translation;

  return (
    <fieldset className="options-group">
      <legend className="subsection-title">{t('import.mappingTitle')}</legend>
      <p className="field-hint">{t('import.mappingHint')}</p>
      <div className="two-columns">
        {requiredFields.map((field) =>
          select(
            field,
            t('import.chooseColumn'),
            showProblems && valueOf(field) === NONE
              ? t('import.problems.required')
              : showProblems && sameColumn && field === 'translation'
                ? t('import.problems.sameColumn')
                : null,
          ),
        )}
      </div>
      <div className="three-columns">{optionalFields.map((field) => select(field, t('import.notImported'), null))}</div>
    </fieldset>
  );
}
