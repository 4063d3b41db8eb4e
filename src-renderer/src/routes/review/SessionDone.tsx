import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { formatDateTime, formatTime } from '../../lib/format';
import type { CustomStudy, StudyScope } from '../../lib/study-scope';
import { StudyMoreDialog } from './StudyMoreDialog';

interface Props {
  scope: StudyScope;
  nextLearningAt: number | null;
  canUndo: boolean;
  busy: boolean;
  onUndo: () => void;
  onStudyMore: (custom: CustomStudy) => void;
}

const isToday = (ms: number) => new Date(ms).toDateString() === new Date().toDateString();

/** "Done for now": when the next learning card is due (the queue refreshes itself then), and "Study more". */
export function SessionDone({ scope, nextLearningAt, canUndo, busy, onUndo, onStudyMore }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [studyMore, setStudyMore] = useState(false);

  useEffect(() => {
    if (nextLearningAt === null) return;
    const wait = Math.max(0, nextLearningAt - Date.now()) + 500;
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['review:next', scope] }), wait);
    return () => clearTimeout(timer);
  }, [nextLearningAt, queryClient, scope]);

  const when =
    nextLearningAt === null
      ? null
      : isToday(nextLearningAt)
        ? formatTime(nextLearningAt, i18n.language)
        : formatDateTime(nextLearningAt, i18n.language);

  return (
    <section className="panel session-done" aria-labelledby="done-title">
      <span className="session-done-icon">
        <Icon name="check" size={32} />
      </span>
      <h2 id="done-title" tabIndex={-1}>
        {t('review.done.title')}
      </h2>
      <p>{when ? t('review.done.nextLearning', { time: when }) : t('review.done.comeBack')}</p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => setStudyMore(true)}>
          <Icon name="plus" size={18} />
          {t('review.done.studyMore')}
        </button>
        {canUndo && (
          <button type="button" className="button" aria-keyshortcuts="Z" disabled={busy} onClick={onUndo}>
            <Icon name="undo" size={18} />
            {t('review.undo')}
            <Kbd>Z</Kbd>
          </button>
        )}
        <Link to="/decks" className="button button-ghost">
          {t('review.done.decks')}
        </Link>
      </div>
      <StudyMoreDialog
        open={studyMore}
        onClose={() => setStudyMore(false)}
        onStart={(custom) => {
          setStudyMore(false);
          onStudyMore(custom);
        }}
      />
    </section>
  );
}
