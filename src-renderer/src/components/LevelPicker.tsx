import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cefrLevels, type CefrLevel } from '../../../src-shared/domain/languages';

interface Props {
  legend: string;
  value: CefrLevel;
  onChange: (level: CefrLevel) => void;
  /** Set when the legend is the page's visible heading and should not be shown twice. */
  hideLegend?: boolean;
}

/** The six CEFR levels as a radio group, each with a one-line description of what it means. */
export function LevelPicker({ legend, value, onChange, hideLegend }: Props) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend className={hideLegend ? 'visually-hidden' : 'field-label'}>{legend}</legend>
      <div className="level-grid">
        {cefrLevels.map((level) => (
          <label key={level} className="choice-card">
            <input type="radio" name={name} value={level} checked={value === level} onChange={() => onChange(level)} />
            <span className="choice-card-body">
              <span className="choice-card-title">
                <span className="level-badge">{level}</span> {t(`levels.${level}.name`)}
              </span>
              <span className="choice-card-text">{t(`levels.${level}.description`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
