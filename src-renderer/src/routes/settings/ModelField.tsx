import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

interface Props {
  label: string;
  hint: string;
  value: string;
  /** The server's models once loaded; null before. */
  models: readonly string[] | null;
  /** Fixed by the school's policy: shown, not editable. */
  locked: boolean;
  error: string | null;
  onChange: (model: string) => void;
}

/** A model picked from the server's list once it is known, typed by name before that. */
export function ModelField({ label, hint, value, models, locked, error, onChange }: Props) {
  const { t } = useTranslation();
  if (models && models.length > 0 && !locked) {
    const options = models.map((m) => ({ value: m, label: m }));
    if (value && !models.includes(value)) options.unshift({ value, label: `${value} ${t('llm.notOnServer')}` });
    if (!value) options.unshift({ value: '', label: '—' });
    return (
      <SelectField
        label={label}
        hint={hint}
        error={error}
        value={value}
        options={options}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      value={value}
      disabled={locked}
      placeholder={t('llm.modelPlaceholder')}
      spellCheck={false}
      autoComplete="off"
      maxLength={200}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
