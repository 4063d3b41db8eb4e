import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LlmConfig, LlmProviderKind } from '../../../../src-shared/domain/tutor-llm';
import { FormError } from '../../components/FormError';
import { Icon } from '../../components/Icon';
import { SettingsSection } from '../../components/SettingsSection';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useLlmConfig } from '../../hooks/useLlmConfig';
import { useToast } from '../../hooks/useToast';
import { draftOf, draftProblems, toInput, type ProviderDraft } from './provider-draft';
import { ProviderSlotFields } from './ProviderSlotFields';
import '../../styles/tutor.css';

/** Offers a model server running on this computer (Ollama, LM Studio), filling the form with it. */
function DetectLocal({ onUse }: { onUse: (kind: LlmProviderKind, baseUrl: string, models: string[]) => void }) {
  const { t } = useTranslation();
  const detect = useContractMutation('llm:detectLocal');
  const found = detect.data?.found;
  return (
    <div className="stack">
      <div>
        <button type="button" className="button" disabled={detect.isPending} onClick={() => detect.mutate({})}>
          <Icon name="search" size={18} />
          {detect.isPending ? t('llm.detecting') : t('llm.detect')}
        </button>
      </div>
      <div role="status">
        {found?.length === 0 && <p className="field-hint">{t('llm.detectedNone')}</p>}
        {found?.map((server) => (
          <div key={server.baseUrl} className="local-offer">
            <span>{t('llm.detected', { name: t(`llm.names.${server.kind}`), url: server.baseUrl })}</span>
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => onUse(server.kind, server.baseUrl, server.models)}
            >
              {t('llm.useDetected', { name: t(`llm.names.${server.kind}`) })}
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}

function ProviderForm({ config }: { config: LlmConfig }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const { save } = useLlmConfig();
  const [primary, setPrimary] = useState<ProviderDraft | null>(config.primary ? draftOf(config.primary) : null);
  const [fallback, setFallback] = useState<ProviderDraft | null>(config.fallback ? draftOf(config.fallback) : null);
  const [models, setModels] = useState<{ primary: readonly string[] | null; fallback: readonly string[] | null }>({
    primary: null,
    fallback: null,
  });
  const [showProblems, setShowProblems] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    const invalid = [primary, fallback].some((d) => d && draftProblems(d).size > 0);
    if (invalid) return;
    setFailure(null);
    save.mutate(
      { primary: primary && toInput(primary), fallback: primary && fallback && toInput(fallback) },
      {
        onSuccess: ({ config: saved }) => {
          setPrimary(saved.primary ? draftOf(saved.primary) : null);
          setFallback(saved.fallback ? draftOf(saved.fallback) : null);
          setShowProblems(false);
          toast.show(saved.primary ? t('llm.saved') : t('llm.turnedOff'), 'success');
        },
        onError: (error) => setFailure(describe(error)),
      },
    );
  };

  const adoptLocal = (kind: LlmProviderKind, baseUrl: string, found: string[]) => {
    const model = found[0] ?? '';
    setPrimary({ ...draftOf(null, kind), baseUrl, conversationModel: model, analysisModel: model });
    setModels((m) => ({ ...m, primary: found }));
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      {!primary ? (
        <>
          <p className="notice">
            <Icon name="info" />
            <span>{t('llm.none')}</span>
          </p>
          <DetectLocal onUse={adoptLocal} />
          <div>
            <button type="button" className="button" onClick={() => setPrimary(draftOf(null))}>
              <Icon name="plus" size={18} />
              {t('llm.setUp')}
            </button>
          </div>
        </>
      ) : (
        <>
          <h3 className="subsection-title">{t('llm.primary')}</h3>
          <ProviderSlotFields
            slot="primary"
            draft={primary}
            onChange={setPrimary}
            hasKey={config.primary?.hasKey ?? false}
            locked={config.lockedByPolicy}
            models={models.primary}
            onModels={(found) => setModels((m) => ({ ...m, primary: found }))}
            showProblems={showProblems}
          />
          {!config.primary && <DetectLocal onUse={adoptLocal} />}
          <h3 className="subsection-title">{t('llm.fallback')}</h3>
          <p className="field-hint">{t('llm.fallbackHint')}</p>
          {fallback ? (
            <>
              <ProviderSlotFields
                slot="fallback"
                draft={fallback}
                onChange={setFallback}
                hasKey={config.fallback?.hasKey ?? false}
                locked={false}
                models={models.fallback}
                onModels={(found) => setModels((m) => ({ ...m, fallback: found }))}
                showProblems={showProblems}
              />
              <div>
                <button type="button" className="button button-small button-ghost" onClick={() => setFallback(null)}>
                  <Icon name="trash" size={16} />
                  {t('llm.removeFallback')}
                </button>
              </div>
            </>
          ) : (
            <div>
              <button type="button" className="button button-small" onClick={() => setFallback(draftOf(null, 'openai'))}>
                <Icon name="plus" size={16} />
                {t('llm.addFallback')}
              </button>
            </div>
          )}
        </>
      )}
      <FormError message={failure} />
      <div className="actions">
        {(primary || config.primary) && (
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('llm.save')}
          </button>
        )}
        {config.primary && !config.lockedByPolicy && (
          <button
            type="button"
            className="button button-ghost"
            disabled={save.isPending}
            onClick={() => {
              setPrimary(null);
              setFallback(null);
              save.mutate(
                { primary: null, fallback: null },
                {
                  onSuccess: () => toast.show(t('llm.turnedOff'), 'success'),
                  onError: (error) => setFailure(describe(error)),
                },
              );
            }}
          >
            {t('llm.turnOff')}
          </button>
        )}
      </div>
    </form>
  );
}

/** Settings: the language model behind the tutor (presets, key, models per purpose, fallback, test). */
export function TutorProviderSection() {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const { config } = useLlmConfig();
  return (
    <SettingsSection icon="tutor" title={t('llm.title')} description={t('llm.description')}>
      {config.isPending && <p className="field-hint">{t('app.loading')}</p>}
      {config.isError && <FormError message={describe(config.error)} />}
      {config.data && <ProviderForm config={config.data.config} />}
    </SettingsSection>
  );
}
