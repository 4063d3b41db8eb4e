import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DrillTotals } from '../../../../src-shared/domain/tutor';
import { FormError } from '../../components/FormError';
import { FocusHeading } from '../../components/FocusHeading';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { SelectField } from '../../components/SelectField';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { api } from '../../lib/api';
import { DrillCard, type DrillResult } from './DrillCard';

const ROUND = 10;

/**
 * Exercises from the learner's own decks that need no model: cloze, translate, multiple choice and word order.
 * The core checks each answer and counts it; the screen shows this round's score and the running totals.
 */
export function OfflinePractice() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const decks = useContractQuery('decks:list', {});
  const [deckId, setDeckId] = useState<string | null>(null);
  const drills = useContractQuery(
    'tutor:offlineDrills',
    { deckId, count: ROUND, kinds: ['cloze', 'translate', 'choice', 'order'] },
    { staleTime: Infinity, refetchOnMount: 'always' },
  );
  const [round, setRound] = useState(0);
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<DrillResult[]>([]);
  const [totals, setTotals] = useState<DrillTotals | null>(null);
  const [busy, setBusy] = useState(false);
  const list = drills.data?.drills ?? [];
  const shownTotals = totals ?? drills.data?.totals ?? null;
  const drill = list[index];
  const result = results[index] ?? null;
  const finished = list.length > 0 && index >= list.length;
  const right = results.filter((r) => r.correct).length;

  const restart = (nextDeck: string | null = deckId) => {
    setDeckId(nextDeck);
    setIndex(0);
    setResults([]);
    setRound((n) => n + 1);
    if (nextDeck === deckId) void drills.refetch();
  };

  const answer = async (text: string) => {
    if (!drill) return;
    setBusy(true);
    try {
      const out = await api.invoke('tutor:recordDrill', { noteId: drill.noteId, kind: drill.kind, answer: text });
      setResults((prev) => {
        const next = [...prev];
        next[index] = { correct: out.correct, expected: out.expected };
        return next;
      });
      setTotals(out.totals);
    } catch (error) {
      toast.show(describe(error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="offline-practice stack" aria-labelledby="offline-heading">
      <header className="offline-head">
        <span className="status-pill offline-badge">
          <Icon name="review" size={14} />
          {t('tutor.offline.badge')}
        </span>
        <h2 id="offline-heading" className="tutor-section-title">
          {t('tutor.offline.heading')}
        </h2>
        <p className="field-hint">{t('tutor.offline.intro')}</p>
      </header>
      {(decks.data?.decks.length ?? 0) > 1 && (
        <SelectField
          label={t('tutor.offline.deck')}
          className="offline-deck"
          value={deckId ?? ''}
          onChange={(event) => restart(event.target.value || null)}
          options={[
            { value: '', label: t('tutor.offline.allDecks') },
            ...(decks.data?.decks ?? []).map((d) => ({ value: d.id, label: d.fullName })),
          ]}
        />
      )}
      {drills.isPending || (drills.isRefetching && results.length === 0) ? (
        <LoadingScreen />
      ) : drills.isError ? (
        <FormError message={describe(drills.error)} />
      ) : list.length === 0 ? (
        <div className="empty-state">
          <p>{t('tutor.offline.empty')}</p>
          <Link to="/decks" className="button">
            <Icon name="decks" />
            {t('tutor.offline.goDecks')}
          </Link>
        </div>
      ) : finished ? (
        <div className="panel drill-done">
          <FocusHeading>{t('tutor.offline.done')}</FocusHeading>
          <p className="drill-score">{t('tutor.offline.round', { correct: right, attempted: results.length })}</p>
          <button type="button" className="button button-primary" onClick={() => restart()}>
            {t('tutor.offline.again')}
          </button>
        </div>
      ) : drill ? (
        <div className="panel stack">
          <p className="field-hint">{t('tutor.offline.progress', { current: index + 1, total: list.length })}</p>
          <DrillCard key={`${round}-${index}`} drill={drill} result={result} busy={busy} onAnswer={(a) => void answer(a)} />
          {result && (
            <div>
              <button type="button" className="button button-primary" autoFocus onClick={() => setIndex((i) => i + 1)}>
                {index + 1 < list.length ? t('tutor.offline.next') : t('tutor.offline.finish')}
                <Icon name="arrowRight" size={18} />
              </button>
            </div>
          )}
        </div>
      ) : null}
      <div className="field-hint offline-totals" aria-live="polite">
        {results.length > 0 && !finished && (
          <p>{t('tutor.offline.round', { correct: right, attempted: results.length })}</p>
        )}
        {shownTotals && <p>{t('tutor.offline.totals', shownTotals)}</p>}
      </div>
    </section>
  );
}
