import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAnswer, type AnswerCheck } from '../../../../src-shared/domain/answer-check';
import type { ProfileSettings } from '../../../../src-shared/domain/settings';
import type { Rating } from '../../../../src-shared/domain/vocabulary';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { useLanguageName } from '../../hooks/useLanguageName';
import { useNoteMedia } from '../../hooks/useNoteMedia';
import { useShortcuts } from '../../hooks/useShortcuts';
import { useSpeech } from '../../hooks/useSpeech';
import type { ReviewCard } from '../../lib/study-scope';
import { AnswerDiff } from './AnswerDiff';
import { CardFace } from './CardFace';
import { RatingButtons } from './RatingButtons';
import { ReviewToolbar } from './ReviewToolbar';
import { TypedAnswer } from './TypedAnswer';

const MAX_DURATION_MS = 3_600_000;

interface Props {
  card: ReviewCard;
  settings: ProfileSettings;
  nativeLanguage: string;
  busy: boolean;
  canUndo: boolean;
  onRate: (rating: Rating, durationMs: number) => void;
  onUndo: () => void;
  onEdit: () => void;
  onSuspend: () => void;
  onBury: () => void;
}

/**
 * One card from question to rating. Space or Enter shows the answer (and, on the answer, counts as Good, as in
 * Anki); 1–4 rate; R plays the term; E, S and B edit, suspend and bury. Focus stays on the card throughout.
 */
export function CardReview({ card, settings, nativeLanguage, busy, canUndo, ...actions }: Props) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState<{ text: string; check: AnswerCheck } | null>(null);
  const face = useRef<HTMLElement>(null);
  const shownAt = useRef(0);
  const speech = useSpeech(card.targetLanguage);
  const typing = settings.typeAnswers && card.kind === 'production';
  const termVisible = card.kind === 'recognition' || revealed;

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);

  useEffect(() => {
    if (!typing || revealed) face.current?.focus({ preventScroll: true });
  }, [typing, revealed]);

  // The note's own recording (from an Anki package) says the term better than any synthesised voice.
  const { url: recording, settled } = useNoteMedia(card.noteId, card.audio[0]);
  const available = speech.available || recording !== null;
  const { speak: synthesise } = speech;
  const player = useRef<HTMLAudioElement | null>(null);
  const speak = useCallback(
    (text: string) => {
      player.current?.pause();
      if (!recording) return synthesise(text);
      player.current = new Audio(recording);
      player.current.play().catch(() => synthesise(text));
    },
    [recording, synthesise],
  );
  useEffect(() => () => player.current?.pause(), []);
  useEffect(() => {
    if (settings.speakTermsAloud && settled && available && termVisible) speak(card.term);
  }, [settings.speakTermsAloud, settled, available, termVisible, speak, card.term]);

  const reveal = () => setRevealed(true);
  const rate = (rating: Rating) => {
    if (busy || !revealed) return;
    actions.onRate(rating, Math.min(MAX_DURATION_MS, Math.round(performance.now() - shownAt.current)));
  };
  const check = (text: string) => {
    if (text.trim()) setTyped({ text, check: checkAnswer(text, card.answer, settings) });
    reveal();
  };

  useShortcuts({
    ' ': () => (revealed ? rate(3) : reveal()),
    enter: () => (revealed ? rate(3) : reveal()),
    '1': () => rate(1),
    '2': () => rate(2),
    '3': () => rate(3),
    '4': () => rate(4),
    r: () => termVisible && speak(card.term),
    e: actions.onEdit,
    s: () => !busy && actions.onSuspend(),
    b: () => !busy && actions.onBury(),
  });

  const suggested: Rating | null = typed ? (typed.check.correct ? 3 : 1) : null;
  return (
    <div className="review-stage">
      <CardFace
        ref={face}
        card={card}
        nativeLanguage={nativeLanguage}
        revealed={revealed}
        termVisible={termVisible}
        speechAvailable={available}
        onPlay={() => speak(card.term)}
      >
        {typed && <AnswerDiff typed={typed.text} check={typed.check} />}
      </CardFace>
      <div className="review-answer-bar">
        {revealed ? (
          <RatingButtons intervals={card.intervals} suggested={suggested} disabled={busy} onRate={rate} />
        ) : typing ? (
          <TypedAnswer language={card.targetLanguage} onCheck={check} />
        ) : (
          <button
            type="button"
            className="button button-primary show-answer"
            aria-keyshortcuts="Space Enter"
            onClick={reveal}
          >
            <Icon name="review" size={18} />
            {t('review.showAnswer')}
            <Kbd>{t('review.keys.space')}</Kbd>
          </button>
        )}
      </div>
      <ReviewToolbar
        canUndo={canUndo}
        busy={busy}
        onUndo={actions.onUndo}
        onEdit={actions.onEdit}
        onSuspend={actions.onSuspend}
        onBury={actions.onBury}
      />
      {!available && (
        <p id="no-voice" className="field-hint review-note">
          {t('review.noVoice', { language: languageName(card.targetLanguage) })}
        </p>
      )}
    </div>
  );
}
