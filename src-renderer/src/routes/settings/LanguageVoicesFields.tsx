import { useTranslation } from 'react-i18next';
import { languageCodes, type LanguageCode } from '../../../../src-shared/domain/languages';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLanguageName } from '../../hooks/useLanguageName';
import type { LanguageVoiceDraft } from './voice-draft';

interface Props {
  rows: LanguageVoiceDraft[];
  /** The learner's target language: offered first when a row is added. */
  suggested: string;
  onChange: (rows: LanguageVoiceDraft[]) => void;
}

/** Text-to-speech: a voice of the server for each language that should not speak with the default voice. */
export function LanguageVoicesFields({ rows, suggested, onChange }: Props) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const options = languageCodes.map((code) => ({ value: code, label: languageName(code) }));
  const set = (at: number, patch: Partial<LanguageVoiceDraft>) =>
    onChange(rows.map((row, i) => (i === at ? { ...row, ...patch } : row)));
  const add = () => {
    const taken = new Set(rows.map((row) => row.language));
    const first = [suggested, ...languageCodes].find(
      (code): code is LanguageCode =>
        (languageCodes as readonly string[]).includes(code) && !taken.has(code as LanguageCode),
    );
    if (first) onChange([...rows, { language: first, voice: '' }]);
  };
  return (
    <div className="stack language-voices">
      <div className="language-voices-heading">
        <p className="field-label">{t('voice.settings.languageVoices.heading')}</p>
        <p className="field-hint">{t('voice.settings.languageVoices.hint')}</p>
      </div>
      {rows.map((row, i) => (
        <div className="provider-grid" key={i}>
          <SelectField
            label={t('voice.settings.languageVoices.language')}
            value={row.language}
            options={options}
            onChange={(event) => set(i, { language: event.target.value as LanguageCode })}
          />
          <TextField
            label={t('voice.settings.languageVoices.voice', { language: languageName(row.language) })}
            spellCheck={false}
            autoComplete="off"
            maxLength={100}
            value={row.voice}
            onChange={(event) => set(i, { voice: event.target.value })}
          />
          <div className="field field-end">
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              {t('voice.settings.languageVoices.remove', { language: languageName(row.language) })}
            </button>
          </div>
        </div>
      ))}
      {rows.length < languageCodes.length && (
        <div>
          <button type="button" className="button button-small" onClick={add}>
            {t('voice.settings.languageVoices.add')}
          </button>
        </div>
      )}
    </div>
  );
}
