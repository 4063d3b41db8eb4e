import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { cefrLevels, type CefrLevel } from '../../../../src-shared/domain/languages';
import { CheckboxField } from '../../components/CheckboxField';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { SelectField } from '../../components/SelectField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { useFrame } from '../../lib/frame-context';
import { ScenarioCard } from './ScenarioCard';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Starting a conversation: free talk, or a role-play from the library filtered by level and words. */
export function StartPanel() {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const navigate = useNavigate();
  const { profile } = useFrame();
  const [level, setLevel] = useState<CefrLevel | 'all'>(profile.level === 'C2' ? 'C1' : profile.level);
  const [filter, setFilter] = useState('');
  const [tutorOpens, setTutorOpens] = useState(true);
  const scenarios = useContractQuery('tutor:scenarios', { level: level === 'all' ? null : level }, { staleTime: Infinity });
  const start = useContractMutation('tutor:start');
  const words = fold(filter.trim());
  const shown = (scenarios.data?.scenarios ?? []).filter(
    (s) => !words || fold([s.title, s.description, s.goal, ...s.tags].join(' ')).includes(words),
  );

  const begin = (scenarioId: string | null) =>
    start.mutate(
      { scenarioId, title: null, tutorOpens: scenarioId ? tutorOpens : false },
      {
        onSuccess: ({ conversation }) => void navigate(`/tutor/${conversation.id}`),
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );

  return (
    <div className="start-panel stack-large">
      <section className="panel start-free" aria-labelledby="tutor-free-heading">
        <h2 id="tutor-free-heading" className="tutor-section-title">
          {t('tutor.start.freeTalk')}
        </h2>
        <p className="field-hint">{t('tutor.start.freeTalkHint')}</p>
        <div>
          <button type="button" className="button button-primary" disabled={start.isPending} onClick={() => begin(null)}>
            <Icon name="tutor" size={18} />
            {t('tutor.start.startFreeTalk')}
          </button>
        </div>
      </section>
      <section className="panel" aria-labelledby="tutor-library-heading">
        <h2 id="tutor-library-heading" className="tutor-section-title">
          {t('tutor.start.library')}
        </h2>
        <p className="field-hint">{t('tutor.start.libraryHint')}</p>
        <div className="scenario-filters">
          <SelectField
            label={t('tutor.start.level')}
            value={level}
            onChange={(event) => setLevel(event.target.value as CefrLevel | 'all')}
            options={[
              { value: 'all', label: t('tutor.start.allLevels') },
              ...cefrLevels
                .filter((l) => l !== 'C2')
                .map((l) => ({ value: l, label: l === profile.level ? t('tutor.start.yourLevel', { level: l }) : l })),
            ]}
          />
          <div className="field">
            <label htmlFor="scenario-filter" className="field-label">
              {t('tutor.start.filter')}
            </label>
            <input
              id="scenario-filter"
              type="search"
              className="input"
              placeholder={t('tutor.start.filterPlaceholder')}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          </div>
          <CheckboxField
            label={t('tutor.start.tutorOpens')}
            checked={tutorOpens}
            onChange={(event) => setTutorOpens(event.target.checked)}
          />
        </div>
        {scenarios.isError && <FormError message={describe(scenarios.error)} />}
        {scenarios.data && (
          <p className="field-hint" role="status">
            {t('tutor.start.count', { count: shown.length })}
          </p>
        )}
        {scenarios.data && shown.length === 0 && <p>{t('tutor.start.none')}</p>}
        <ul className="scenario-grid">
          {shown.map((scenario) => (
            <ScenarioCard
              key={scenario.id}
              scenario={scenario}
              busy={start.isPending}
              onStart={() => begin(scenario.id)}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
