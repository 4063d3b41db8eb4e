import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import type { CustomStudy } from '../../lib/study-scope';

interface Props {
  open: boolean;
  onClose: () => void;
  onStart: (custom: CustomStudy) => void;
}

type Mode = CustomStudy['mode'];
const modes: readonly Mode[] = ['ahead', 'extraNew', 'tag'];

const wholeNumber = (text: string, min: number, max: number): number | null => {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
};

function customStudyOf(mode: Mode, fields: { days: string; count: string; tag: string }): CustomStudy | null {
  if (mode === 'ahead') {
    const days = wholeNumber(fields.days, 1, 365);
    return days === null ? null : { mode, days };
  }
  if (mode === 'extraNew') {
    const count = wholeNumber(fields.count, 1, 9999);
    return count === null ? null : { mode, count };
  }
  const tag = fields.tag.trim().toLowerCase().replace(/\s+/g, '_');
  return tag ? { mode, tag } : null;
}

/** Custom study once today's queue is done: review ahead, more new cards, or the cards with one tag. */
export function StudyMoreDialog({ open, onClose, onStart }: Props) {
  const { t } = useTranslation();
  const name = useId();
  const [mode, setMode] = useState<Mode>('ahead');
  const [days, setDays] = useState('1');
  const [count, setCount] = useState('10');
  const [tag, setTag] = useState('');
  const [showProblem, setShowProblem] = useState(false);

  const custom = customStudyOf(mode, { days, count, tag });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblem(custom === null);
    if (custom) onStart(custom);
  };

  return (
    <Dialog open={open} onClose={onClose} title={t('studyMore.title')}>
      <form onSubmit={submit} noValidate className="stack">
        <fieldset className="choice-group">
          <legend className="field-label">{t('studyMore.legend')}</legend>
          {modes.map((option) => (
            <label key={option} className="choice-card">
              <input type="radio" name={name} checked={mode === option} onChange={() => setMode(option)} />
              <span className="choice-card-body">
                <span className="choice-card-title">{t(`studyMore.modes.${option}.title`)}</span>
                <span className="choice-card-text">{t(`studyMore.modes.${option}.text`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {mode === 'ahead' && (
          <TextField
            label={t('studyMore.days')}
            type="number"
            min={1}
            max={365}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            error={showProblem && custom === null ? t('studyMore.problems.days') : null}
          />
        )}
        {mode === 'extraNew' && (
          <TextField
            label={t('studyMore.count')}
            type="number"
            min={1}
            max={9999}
            value={count}
            onChange={(event) => setCount(event.target.value)}
            error={showProblem && custom === null ? t('studyMore.problems.count') : null}
          />
        )}
        {mode === 'tag' && (
          <TextField
            label={t('studyMore.tag')}
            value={tag}
            maxLength={60}
            spellCheck={false}
            onChange={(event) => setTag(event.target.value)}
            error={showProblem && custom === null ? t('studyMore.problems.tag') : null}
          />
        )}
        <div className="actions actions-end">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('studyMore.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
