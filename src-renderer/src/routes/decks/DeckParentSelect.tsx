import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { SelectField } from '../../components/SelectField';
import { parentChoices } from '../../lib/deck-tree';

interface Props {
  label: string;
  decks: readonly Deck[];
  /** The deck being moved, which cannot go inside itself; null when creating. */
  movingId: string | null;
  value: string | null;
  onChange: (parentId: string | null) => void;
}

const TOP = '';

/** "Inside which deck?": the top level or any deck outside the one being moved, by full name. */
export function DeckParentSelect({ label, decks, movingId, value, onChange }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: TOP, label: t('decks.topLevel') },
    ...parentChoices(decks, movingId).map((deck) => ({ value: deck.id, label: deck.fullName })),
  ];
  return (
    <SelectField
      label={label}
      options={options}
      value={value ?? TOP}
      onChange={(event) => onChange(event.target.value === TOP ? null : event.target.value)}
    />
  );
}
