import { useMemo, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { languageCodes, type LanguageCode } from '../../../src-shared/domain/languages';
import { SelectField } from './SelectField';

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange'> {
  label: string;
  value: LanguageCode;
  onChange: (language: LanguageCode) => void;
  hint?: string;
  error?: string | null;
}

/** Every language Parley knows, named and sorted in the interface language. */
export function LanguageSelect({ value, onChange, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return languageCodes
      .map((code) => ({ value: code, label: t(`languages.${code}`) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [t, i18n.language]);
  return (
    <SelectField
      {...rest}
      options={options}
      value={value}
      onChange={(event) => onChange(event.target.value as LanguageCode)}
    />
  );
}
