import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export const MAX_INTERESTS = 20;
const MAX_INTEREST_LENGTH = 40;

interface Props {
  value: readonly string[];
  onChange: (interests: string[]) => void;
}

/** Free-text topics as removable chips; Enter or a comma adds the one being typed. */
export function InterestsInput({ value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState('');
  const full = value.length >= MAX_INTERESTS;

  const add = () => {
    const interest = draft.trim().replace(/,+$/, '').trim().slice(0, MAX_INTEREST_LENGTH);
    setDraft('');
    if (!interest || full || value.some((v) => v.toLocaleLowerCase() === interest.toLocaleLowerCase())) return;
    onChange([...value, interest]);
  };

  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('profileForm.interests')}
        <span className="field-optional"> ({t('common.optional')})</span>
      </label>
      <div className="interest-entry">
        <input
          id={id}
          className="input"
          value={draft}
          maxLength={MAX_INTEREST_LENGTH}
          disabled={full}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              add();
            }
          }}
          onBlur={add}
        />
        <button type="button" className="button" onClick={add} disabled={full || !draft.trim()}>
          {t('profileForm.addInterest')}
        </button>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {full ? t('profileForm.interestsFull', { count: MAX_INTERESTS }) : t('profileForm.interestsHint')}
      </p>
      {value.length > 0 && (
        <ul className="chip-group" aria-label={t('profileForm.interests')}>
          {value.map((interest) => (
            <li key={interest} className="chip">
              <span>{interest}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('profileForm.removeInterest', { interest })}
                onClick={() => onChange(value.filter((v) => v !== interest))}
              >
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
