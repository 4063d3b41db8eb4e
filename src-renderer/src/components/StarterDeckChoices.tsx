import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StarterDeck } from '../lib/starter-order';

interface Props {
  legend: string;
  starters: readonly StarterDeck[];
  value: string | null;
  onChange: (starterId: string) => void;
}

/** Starter decks as a radio group of cards: name, languages, size and what is in it. */
export function StarterDeckChoices({ legend, starters, value, onChange }: Props) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="choice-group">
      <legend className="visually-hidden">{legend}</legend>
      {starters.map((starter) => (
        <label key={starter.id} className="choice-card">
          <input
            type="radio"
            name={name}
            value={starter.id}
            checked={value === starter.id}
            disabled={starter.installed}
            onChange={() => onChange(starter.id)}
          />
          <span className="choice-card-body">
            <span className="choice-card-title">{starter.name}</span>
            <span className="choice-card-meta">
              {t('starters.pair', {
                from: t(`languages.${starter.nativeLanguage}`),
                to: t(`languages.${starter.targetLanguage}`),
              })}{' '}
              · {t('starters.words', { count: starter.noteCount })}
              {starter.installed && ` · ${t('starters.installed')}`}
            </span>
            <span className="choice-card-text">{starter.description}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
