import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LlmProviderKind } from '../../../../src-shared/domain/tutor-llm';
import { Icon } from '../../components/Icon';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { keepProvider, useLlmConfig } from '../../hooks/useLlmConfig';
import { useLlmStatus } from '../../hooks/useLlmStatus';
import { useToast } from '../../hooks/useToast';
import { problemText } from './problem-text';

/** A server found on this computer, offered in one click when nothing is set up yet. */
function LocalOffer({ kind, baseUrl, models }: { kind: LlmProviderKind; baseUrl: string; models: string[] }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const { config, save } = useLlmConfig();
  const name = t(`llm.names.${kind}`);
  const model = models[0];
  const use = () => {
    if (!model) return;
    save.mutate(
      {
        primary: { kind, baseUrl, conversationModel: model, analysisModel: model },
        fallback: keepProvider(config.data?.config.fallback ?? null),
      },
      {
        onSuccess: () => toast.show(t('tutor.provider.connected', { name }), 'success'),
        onError: (error) => toast.show(describe(error), 'error'),
      },
    );
  };
  return (
    <div className="local-offer">
      <span>
        {model
          ? t('tutor.provider.found', { name, count: models.length })
          : t('tutor.provider.foundNoModels', { name })}
      </span>
      {model && (
        <button type="button" className="button button-small button-primary" disabled={save.isPending} onClick={use}>
          {t('tutor.provider.use', { name })}
        </button>
      )}
    </div>
  );
}

/**
 * Says plainly when the tutor cannot talk (nothing set up, or the server does not answer), offers a model found on
 * this computer, and leads to offline practice.
 */
export function ProviderBanner({ showPractice = true }: { showPractice?: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const llm = useLlmStatus({ watch: true });
  const notConfigured = llm.configured === false;
  const local = useContractQuery('llm:detectLocal', {}, { enabled: notConfigured, staleTime: Infinity });
  if (!llm.offline) return null;

  return (
    <section className="notice notice-warning provider-banner" aria-labelledby="provider-banner-text">
      <Icon name="alert" />
      <div className="stack">
        <p id="provider-banner-text" className="provider-banner-text">
          {notConfigured
            ? t('tutor.provider.notConfigured')
            : t('tutor.provider.offline', { problem: problemText(t, llm.problem?.code, llm.problem?.message ?? null) })}
        </p>
        {notConfigured &&
          local.data?.found.map((server) => (
            <LocalOffer key={server.baseUrl} kind={server.kind} baseUrl={server.baseUrl} models={server.models} />
          ))}
        <div className="actions">
          {showPractice && (
            <Link to="/tutor/practice" className="button button-small button-primary">
              <Icon name="review" size={16} />
              {t('tutor.provider.practise')}
            </Link>
          )}
          <Link to="/settings" className="button button-small">
            <Icon name="settings" size={16} />
            {t('tutor.provider.setUp')}
          </Link>
          {!notConfigured && (
            <button
              type="button"
              className="button button-small button-ghost"
              disabled={llm.checking}
              onClick={() => void llm.recheck().catch((error: unknown) => toast.show(describe(error), 'error'))}
            >
              {llm.checking ? t('tutor.provider.checking') : t('tutor.provider.retry')}
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
