import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../src-shared/contract';
import { csvDelimiter, csvEncoding } from '../../../../../src-shared/contract/imports';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField } from '../../../components/SelectField';

type Preview = Output<'import:csvPreview'>;
export type Encoding = Preview['encoding'];
export type Delimiter = Preview['delimiter'];

export interface ReadOverrides {
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  hasHeader: boolean | null;
}

const delimiterNames = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' } as const satisfies Record<
  Delimiter,
  string
>;

interface Props {
  preview: Preview;
  /** The learner's choices, shown at once while the preview catches up. */
  overrides: ReadOverrides;
  onChange: (patch: Partial<ReadOverrides>) => void;
}

/** How the file is read, as detected; each can be changed and the preview follows. */
export function ReadOptionsFields({ preview, overrides, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="options-group">
      <legend className="subsection-title">{t('import.readTitle')}</legend>
      <p className="field-hint">{t('import.detected')}</p>
      <div className="three-columns">
        <SelectField
          label={t('import.encoding')}
          value={overrides.encoding ?? preview.encoding}
          onChange={(event) => onChange({ encoding: event.target.value as Encoding })}
          options={csvEncoding.options.map((encoding) => ({
            value: encoding,
            label: t(`import.encodings.${encoding}`),
          }))}
        />
        <SelectField
          label={t('import.delimiter')}
          value={overrides.delimiter ?? preview.delimiter}
          onChange={(event) => onChange({ delimiter: event.target.value as Delimiter })}
          options={csvDelimiter.options.map((delimiter) => ({
            value: delimiter,
            label: t(`import.delimiters.${delimiterNames[delimiter]}`),
          }))}
        />
        <CheckboxField
          className="header-check"
          label={t('import.hasHeader')}
          checked={overrides.hasHeader ?? preview.hasHeader}
          onChange={(event) => onChange({ hasHeader: event.target.checked })}
        />
      </div>
    </fieldset>
  );
}
