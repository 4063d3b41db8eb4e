import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import { TextField } from './TextField';

type Example = { text: string; translation: string };

interface Props {
  value: readonly Example[];
  onChange: (examples: Example[]) => void;
}

const MAX_EXAMPLES = 10;

/** Example sentences with their translations: add, edit, remove. */
export function ExamplesField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<Example>) =>
    onChange(value.map((example, at) => (at === index ? { ...example, ...patch } : example)));
  return (
    <fieldset className="examples-field">
      <legend className="field-label">{t('note.examples')}</legend>
      {value.length === 0 && <p className="field-hint">{t('note.noExamples')}</p>}
      <ol className="examples-list">
        {value.map((example, index) => (
          <li key={index} className="example-row">
            <TextField
              label={t('note.exampleText', { number: index + 1 })}
              value={example.text}
              onChange={(event) => change(index, { text: event.target.value })}
            />
            <TextField
              label={t('note.exampleTranslation', { number: index + 1 })}
              value={example.translation}
              onChange={(event) => change(index, { translation: event.target.value })}
            />
            <button
              type="button"
              className="icon-button example-remove"
              aria-label={t('note.removeExample', { number: index + 1 })}
              onClick={() => onChange(value.filter((_, at) => at !== index))}
            >
              <Icon name="trash" size={18} />
            </button>
          </li>
        ))}
      </ol>
      {value.length < MAX_EXAMPLES && (
        <div>
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange([...value, { text: '', translation: '' }])}
          >
            <Icon name="plus" size={18} />
            {t('note.addExample')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
