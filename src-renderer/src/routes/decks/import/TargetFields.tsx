import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../../src-shared/domain/vocabulary';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';

export type Duplicates = 'skip' | 'update' | 'keepBoth';
export type ImportTarget = { kind: 'deck'; deckId: string } | { kind: 'newDeck'; name: string };

interface Props {
  decks: readonly Deck[];
  target: ImportTarget;
  duplicates: Duplicates;
  showProblems: boolean;
  onTarget: (target: ImportTarget) => void;
  onDuplicates: (duplicates: Duplicates) => void;
}

const NEW_DECK = 'new';
const duplicateChoices: readonly Duplicates[] = ['skip', 'update', 'keepBoth'];

/** Where the words go (a deck, or a new one) and what happens to words already there. */
export function TargetFields({ decks, target, duplicates, showProblems, onTarget, onDuplicates }: Props) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="options-group">
      <legend className="subsection-title">{t('import.targetTitle')}</legend>
      <div className="two-columns">
        <SelectField
          label={t('import.deck')}
          value={target.kind === 'deck' ? target.deckId : NEW_DECK}
          onChange={(event) =>
            onTarget(
              event.target.value === NEW_DECK
                ? { kind: 'newDeck', name: '' }
                : { kind: 'deck', deckId: event.target.value },
            )
          }
          options={[
            { value: NEW_DECK, label: t('import.newDeck') },
            ...decks.map((deck) => ({ value: deck.id, label: deck.fullName })),
          ]}
        />
        {target.kind === 'newDeck' && (
          <TextField
            label={t('import.newDeckName')}
            value={target.name}
            maxLength={120}
            onChange={(event) => onTarget({ kind: 'newDeck', name: event.target.value })}
            error={showProblems && !target.name.trim() ? t('import.problems.deckName') : null}
          />
        )}
      </div>
      <fieldset className="choice-group">
        <legend className="field-label">{t('import.duplicates')}</legend>
        <div className="duplicate-choices">
          {duplicateChoices.map((choice) => (
            <label key={choice} className="choice-card">
              <input type="radio" name={name} checked={duplicates === choice} onChange={() => onDuplicates(choice)} />
              <span className="choice-card-body">
                <span className="choice-card-title">{t(`import.duplicateChoices.${choice}.title`)}</span>
                <span className="choice-card-text">{t(`import.duplicateChoices.${choice}.text`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}
