import { useTranslation } from 'react-i18next';
import type { Deck } from '../../../../../src-shared/domain/vocabulary';
import { Dialog } from '../../../components/Dialog';
import { FormError } from '../../../components/FormError';
import { useContractQuery } from '../../../hooks/useContractQuery';
import { useDescribeError } from '../../../hooks/useDescribeError';
import { OptimizerPanel } from './OptimizerPanel';
import { PresetForm } from './PresetForm';

/** A deck's options preset, and the optimizer that personalises its scheduling. */
export function DeckOptionsDialog({
  decks,
  deck,
  onClose,
}: {
  decks: readonly Deck[];
  deck: Deck;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const loaded = useContractQuery('decks:getPreset', { deckId: deck.id }, { staleTime: 0 });
  const preset = loaded.data?.preset;
  const sharedBy = decks.filter((candidate) => candidate.presetId === deck.presetId).length;
  return (
    <Dialog open onClose={onClose} title={t('deckOptions.title', { name: deck.name })} size="wide">
      {loaded.isError && <FormError message={describe(loaded.error)} />}
      {!preset && !loaded.isError && <p role="status">{t('app.loading')}</p>}
      {preset && (
        <PresetForm
          key={preset.id}
          preset={preset}
          sharedBy={sharedBy}
          onSaved={onClose}
          onCancel={onClose}
          optimizer={<OptimizerPanel presetId={preset.id} personal={preset.fsrsWeights !== null} />}
        />
      )}
    </Dialog>
  );
}
