import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { useLanguageName } from '../../hooks/useLanguageName';
import type { ReviewCard } from '../../lib/study-scope';
import { NotePicture } from './NotePicture';

interface Props {
  ref: Ref<HTMLElement>;
  card: ReviewCard;
  nativeLanguage: string;
  revealed: boolean;
  /** Whether the term is on show, so playing it gives nothing away. */
  termVisible: boolean;
  /** Whether the play button can say the term: a system voice, or the note's own recording. */
  speechAvailable: boolean;
  onPlay: () => void;
  /** Under the answer: the typed-answer check. */
  children?: ReactNode;
}

/** The card itself: the question, and once revealed the answer with its grammar and pronunciation. */
export function CardFace({
  ref,
  card,
  nativeLanguage,
  revealed,
  termVisible,
  speechAvailable,
  onPlay,
  children,
}: Props) {
  const { t } = useTranslation();
  const promptLanguage = card.kind === 'production' ? nativeLanguage : card.targetLanguage;
  const answerLanguage = card.kind === 'production' ? card.targetLanguage : nativeLanguage;
  const language = useLanguageName()(card.targetLanguage);
  // The note's picture shows what the word means: it helps to ask for the word (production), and would give the
  // meaning away before the answer otherwise.
  const picture = card.images[0];
  const pictureAsked = picture !== undefined && card.kind === 'production';
  const details = [
    card.partOfSpeech && t(`partsOfSpeech.${card.partOfSpeech}`),
    card.gender && t(`genders.${card.gender}`),
    card.ipa && `/${card.ipa}/`,
  ].filter(Boolean);

  return (
    <section ref={ref} tabIndex={-1} className="review-card" aria-labelledby="card-prompt">
      <div className="review-card-head">
        <p className="card-kind">{t(`review.kinds.${card.kind}`, { language })}</p>
        {termVisible && (
          <button
            type="button"
            className="button button-small button-ghost"
            aria-keyshortcuts="R"
            aria-describedby={speechAvailable ? undefined : 'no-voice'}
            title={speechAvailable ? undefined : t('review.noVoice', { language })}
            disabled={!speechAvailable}
            onClick={onPlay}
          >
            <Icon name="speaker" size={18} />
            {t('review.play')}
            <Kbd>R</Kbd>
          </button>
        )}
      </div>
      {pictureAsked && <NotePicture noteId={card.noteId} name={picture} />}
      <p id="card-prompt" className="card-prompt" lang={promptLanguage}>
        {card.prompt}
      </p>
      {card.example?.translation && <p className="card-hint">{card.example.translation}</p>}
      {revealed && (
        <div className="card-answer-area">
          <p className="card-answer" lang={answerLanguage}>
            {card.answer}
          </p>
          {picture && !pictureAsked && <NotePicture noteId={card.noteId} name={picture} />}
          {details.length > 0 && <p className="card-details">{details.join(' · ')}</p>}
          {children}
        </div>
      )}
    </section>
  );
}
