import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const MIN = 0.7;
const MAX = 0.99;

/** Desired retention as a slider, explained in plain words with what the chosen value means. */
export function RetentionField({ value, onChange }: { value: number; onChange: (retention: number) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(value);
  const advice = value >= 0.95 ? 'high' : value < 0.8 ? 'low' : 'balanced';
  return (
    <div className="field retention-field">
      <div className="retention-head">
        <label htmlFor={id} className="field-label">
          {t('deckOptions.retention')}
        </label>
        <output htmlFor={id} className="retention-value">
          {percent}
        </output>
      </div>
      <input
        id={id}
        type="range"
        className="range"
        min={MIN}
        max={MAX}
        step={0.01}
        value={value}
        aria-valuetext={percent}
        aria-describedby={`${id}-explain ${id}-advice`}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <p id={`${id}-explain`} className="field-hint">
        {t('deckOptions.retentionExplain', { percent })}
      </p>
      <p id={`${id}-advice`} className={advice === 'balanced' ? 'field-hint' : 'field-hint retention-advice'}>
        {t(`deckOptions.retentionAdvice.${advice}`)}
      </p>
    </div>
  );
}
