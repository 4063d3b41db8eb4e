import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WordSuggestion } from '../../../../src-shared/domain/tutor';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { SelectField } from '../../components/SelectField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { useFrame } from '../../lib/frame-context';
import { preferredDeck, rememberDeck } from './deck-choice';

/** Words from one message offered as cards: one click adds a note to the chosen deck. */
export function WordCards({ messageId, onClose }: { messageId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const { profile } = useFrame();
  const words = useContractQuery('tutor:suggestWords', { messageId }, { staleTime: Infinity });
  const decks = useContractQuery('decks:list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set());
  /** Words from a correction come without a translation: the learner gives one. */
  const [typed, setTyped] = useState<Record<string, string>>({});
  const addWord = useContractMutation('tutor:addWord');
  const deckList = decks.data?.decks ?? [];
  const deckId = chosen ?? preferredDeck(deckList, profile.targetLanguage);
  const deckName = deckList.find((d) => d.id === deckId)?.fullName ?? '';

  const translationOf = (word: WordSuggestion) => (word.translation || typed[word.term] || '').trim();

  const add = (word: WordSuggestion) =>
    addWord.mutate(
      { messageId, deckId, term: word.term, translation: translationOf(word), sentence: word.sentence || null },
      {
        onSuccess: ({ duplicate }) => {
          setAdded((prev) => new Set(prev).add(word.term));
          toast.show(t(duplicate ? 'tutor.words.duplicate' : 'tutor.words.added', { term: word.term, deck: deckName }));
        },
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );

  return (
    <section className="word-cards" aria-label={t('tutor.words.heading')}>
      <div className="word-cards-head">
        <h4 className="small-heading">{t('tutor.words.heading')}</h4>
        <button type="button" className="button button-small button-ghost" onClick={onClose}>
          <Icon name="close" size={16} />
          <span className="visually-hidden">{t('tutor.words.close')}</span>
        </button>
      </div>
      {words.isPending && <p className="field-hint">{t('tutor.words.loading')}</p>}
      {words.isError && <FormError message={describe(words.error)} />}
      {words.data && words.data.words.length === 0 && <p className="field-hint">{t('tutor.words.none')}</p>}
      {words.data && words.data.words.length > 0 && (
        <>
          {deckList.length === 0 ? (
            <p className="field-hint">{t('tutor.words.noDecks')}</p>
          ) : (
            <SelectField
              label={t('tutor.words.deck')}
              className="word-deck"
              value={deckId}
              options={deckList.map((d) => ({ value: d.id, label: d.fullName }))}
              onChange={(event) => {
                setChosen(event.target.value);
                rememberDeck(event.target.value);
              }}
            />
          )}
          <ul className="word-list">
            {words.data.words.map((word) => (
              <li key={word.term} className="word-card">
                <div className="word-card-text">
                  <span className="word-term" lang={profile.targetLanguage}>
                    {word.term}
                  </span>
                  {word.translation ? (
                    <span className="word-translation">{word.translation}</span>
                  ) : (
                    <input
                      className="input input-small word-translation-input"
                      aria-label={t('tutor.words.translationFor', { term: word.term })}
                      placeholder={t('tutor.words.translation')}
                      title={t('tutor.words.translationNeeded')}
                      maxLength={500}
                      value={typed[word.term] ?? ''}
                      disabled={added.has(word.term)}
                      onChange={(event) => setTyped((prev) => ({ ...prev, [word.term]: event.target.value }))}
                    />
                  )}
                  {word.sentence && (
                    <span className="word-sentence" lang={profile.targetLanguage}>
                      {word.sentence}
                    </span>
                  )}
                  <span className="tag">{t(`tutor.words.origins.${word.origin}`)}</span>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  disabled={!deckId || addWord.isPending || added.has(word.term) || !translationOf(word)}
                  aria-label={t('tutor.words.addNamed', { term: word.term })}
                  onClick={() => add(word)}
                >
                  <Icon name={added.has(word.term) ? 'check' : 'plus'} size={16} />
                  {added.has(word.term) ? t('tutor.words.inDeck') : t('tutor.words.add')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
