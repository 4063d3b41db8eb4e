import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { useContractMutation } from '../../../hooks/useContractMutation';
import { useDescribeError } from '../../../hooks/useDescribeError';
import { useOptimizerJob } from '../../../hooks/useOptimizerJob';
import { useToast } from '../../../hooks/useToast';
import { FitTable } from './FitTable';

/**
 * The FSRS optimizer for one preset: fits personal parameters to the learner's own reviews, shows how well the
 * current and the new parameters predict them, and offers Accept only when the new ones are better.
 */
export function OptimizerPanel({ presetId, personal }: { presetId: string; personal: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const run = useContractMutation('optimizer:run');
  const accept = useContractMutation('optimizer:accept');
  const cancel = useContractMutation('optimizer:cancel');
  const job = useOptimizerJob(jobId);
  const result = job.result;
  const running = run.isPending || (jobId !== null && (result === null || result.status === 'running'));

  const start = () => {
    setFailure(null);
    cancel.reset();
    accept.reset();
    run.mutate(
      { presetId },
      { onSuccess: (started) => setJobId(started.jobId), onError: (error) => setFailure(describe(error)) },
    );
  };

  const adopt = () => {
    if (!jobId) return;
    accept.mutate(
      { jobId },
      {
        onSuccess: () => toast.show(t('optimizer.accepted')),
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  return (
    <section className="optimizer-panel" aria-labelledby="optimizer-title">
      <h3 id="optimizer-title" className="subsection-title">
        {t('optimizer.title')}
      </h3>
      <p className="field-hint">{t('optimizer.intro')}</p>
      <p className="field-hint">{personal ? t('optimizer.personal') : t('optimizer.defaults')}</p>
      {running && (
        <div className="stack job-progress">
          <ProgressBar label={t('optimizer.running')} done={job.done} total={job.total} />
          <div className="actions">
            <button
              type="button"
              className="button button-small"
              disabled={!jobId || cancel.isPending || cancel.isSuccess}
              onClick={() => jobId && cancel.mutate({ jobId }, { onError: (error) => setFailure(describe(error)) })}
            >
              {cancel.isPending || cancel.isSuccess ? t('optimizer.cancelling') : t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {result?.status === 'cancelled' && <p className="field-hint">{t('optimizer.cancelled')}</p>}
      {result?.status === 'done' && result.current && result.optimized && (
        <>
          <FitTable current={result.current} optimized={result.optimized} reviews={result.reviews} />
          <p className={result.better ? 'notice' : 'notice notice-warning'} role="status">
            <Icon name={result.better ? 'check' : 'info'} />
            {result.better ? t('optimizer.better') : t('optimizer.notBetter')}
          </p>
        </>
      )}
      {result?.status === 'failed' && (
        <p className="notice" role="status">
          <Icon name="info" />
          {result.error ?? t('optimizer.failed')}
        </p>
      )}
      <FormError message={failure ?? (job.error ? describe(job.error) : null)} />
      <div className="actions">
        <button type="button" className="button" disabled={running} onClick={start}>
          <Icon name="sparkle" size={18} />
          {result ? t('optimizer.runAgain') : t('optimizer.run')}
        </button>
        {result?.status === 'done' && result.better && (
          <button
            type="button"
            className="button button-primary"
            disabled={accept.isPending || accept.isSuccess}
            onClick={adopt}
          >
            <Icon name="check" size={18} />
            {accept.isSuccess ? t('optimizer.acceptedShort') : t('optimizer.accept')}
          </button>
        )}
      </div>
    </section>
  );
}
