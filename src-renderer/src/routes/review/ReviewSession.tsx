import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../src-shared/contract/profiles';
import type { ProfileSettings } from '../../../../src-shared/domain/settings';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { NoteEditorDialog } from '../../components/NoteEditorDialog';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useReviewSession } from '../../hooks/useReviewSession';
import { useShortcuts } from '../../hooks/useShortcuts';
import { useToast } from '../../hooks/useToast';
import { queueOf, type CustomStudy } from '../../lib/study-scope';
import { CardReview } from './CardReview';
import { CustomStudyBanner } from './CustomStudyBanner';
import { LeechNotice } from './LeechNotice';
import { ReviewCounts } from './ReviewCounts';
import { SessionDone } from './SessionDone';

interface Props {
  deckId: string | null;
  profile: Profile;
  settings: ProfileSettings;
}

/** A study session on one deck (or all): counts, the card, and "done for now" with "Study more". */
export function ReviewSession({ deckId, profile, settings }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [custom, setCustom] = useState<CustomStudy | null>(null);
  const scope = useMemo(() => ({ deckId, custom }), [deckId, custom]);
  const session = useReviewSession(scope);
  const [editing, setEditing] = useState<string | null>(null);
  const [leech, setLeech] = useState<string | null>(null);
  const state = session.queue.data;

  const undo = () => {
    if (session.busy) return;
    if (state?.canUndo) session.undo();
    else toast.show(t('review.nothingToUndo'), 'info');
  };
  useShortcuts({ z: undo });

  if (session.queue.isPending) return <LoadingScreen />;
  if (session.queue.isError || !state) {
    return (
      <div className="stack">
        <FormError message={describe(session.queue.error)} />
        <div>
          <button type="button" className="button" onClick={() => void session.queue.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }

  const { card } = state;
  return (
    <div className="review-session">
      <div className="review-top">
        {custom ? <CustomStudyBanner custom={custom} onEnd={() => setCustom(null)} /> : <span />}
        <ReviewCounts counts={state.counts} current={card ? queueOf(card) : null} />
      </div>
      {leech && <LeechNotice term={leech} onDismiss={() => setLeech(null)} />}
      {card ? (
        <CardReview
          key={`${card.cardId}:${session.presentation}`}
          card={card}
          settings={settings}
          nativeLanguage={profile.nativeLanguage}
          busy={session.busy}
          canUndo={state.canUndo}
          onRate={(rating, durationMs) => {
            setLeech(null);
            session.rate(card.cardId, rating, durationMs, () => setLeech(card.term));
          }}
          onUndo={undo}
          onEdit={() => setEditing(card.noteId)}
          onSuspend={() => session.suspend(card.cardId)}
          onBury={() => session.bury(card.cardId)}
        />
      ) : (
        <SessionDone
          scope={scope}
          nextLearningAt={state.nextLearningAt}
          canUndo={state.canUndo}
          busy={session.busy}
          onUndo={undo}
          onStudyMore={setCustom}
        />
      )}
      <NoteEditorDialog noteId={editing} onClose={() => setEditing(null)} />
      {!card && custom && (
        <p className="field-hint">
          <Icon name="info" size={16} /> {t('review.custom.finished')}
        </p>
      )}
    </div>
  );
}
