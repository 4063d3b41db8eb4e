import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../src-shared/contract';
import type { Deck } from '../../../../src-shared/domain/vocabulary';
import { Icon } from '../../components/Icon';

export type BulkAction = Input<'browse:bulk'>['action'];

interface Props {
  count: number;
  decks: readonly Deck[];
  busy: boolean;
  onAction: (action: BulkAction) => void;
  onClear: () => void;
}

/** What can be done to every selected card at once; each can be undone from the notice that follows. */
export function BulkActions({ count, decks, busy, onAction, onClear }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [deckId, setDeckId] = useState(decks[0]?.id ?? '');
  const [tag, setTag] = useState('');
  const trimmedTag = tag.trim();

  const tagAction = (kind: 'addTag' | 'removeTag') => (event?: FormEvent) => {
    event?.preventDefault();
    if (trimmedTag) onAction({ kind, tag: trimmedTag });
  };

  return (
    <section className="bulk-bar" aria-label={t('browse.bulk.label')}>
      <p className="bulk-count" role="status">
        {t('browse.bulk.selected', { count })}
      </p>
      <div className="bulk-group">
        <label className="visually-hidden" htmlFor={`${id}-deck`}>
          {t('browse.bulk.moveTo')}
        </label>
        <select
          id={`${id}-deck`}
          className="input select input-small"
          value={deckId}
          onChange={(event) => setDeckId(event.target.value)}
        >
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>
              {deck.fullName}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={busy || !deckId}
          onClick={() => onAction({ kind: 'move', deckId })}
        >
          <Icon name="move" size={16} />
          {t('browse.bulk.move')}
        </button>
      </div>
      <form className="bulk-group" onSubmit={tagAction('addTag')}>
        <label className="visually-hidden" htmlFor={`${id}-tag`}>
          {t('browse.bulk.tag')}
        </label>
        <input
          id={`${id}-tag`}
          className="input input-small"
          placeholder={t('browse.bulk.tagPlaceholder')}
          spellCheck={false}
          maxLength={60}
          value={tag}
          onChange={(event) => setTag(event.target.value)}
        />
        <button type="submit" className="button button-small" disabled={busy || !trimmedTag}>
          <Icon name="tag" size={16} />
          {t('browse.bulk.addTag')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy || !trimmedTag}
          onClick={() => tagAction('removeTag')()}
        >
          {t('browse.bulk.removeTag')}
        </button>
      </form>
      <div className="bulk-group">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => onAction({ kind: 'suspend' })}
        >
          <Icon name="pause" size={16} />
          {t('browse.bulk.suspend')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => onAction({ kind: 'unsuspend' })}
        >
          {t('browse.bulk.unsuspend')}
        </button>
        <button
          type="button"
          className="button button-small button-danger"
          disabled={busy}
          onClick={() => onAction({ kind: 'delete' })}
        >
          <Icon name="trash" size={16} />
          {t('browse.bulk.delete')}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={onClear}>
          {t('browse.bulk.clear')}
        </button>
      </div>
    </section>
  );
}
