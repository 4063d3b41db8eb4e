import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LlmSlot } from '../../../../src-shared/domain/tutor-llm';
import { llmProviderKind } from '../../../../src-shared/domain/tutor-llm';
import { Icon } from '../../components/Icon';
import { LockedNote } from '../../components/LockedNote';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { problemText } from '../tutor/problem-text';
import { ModelField } from './ModelField';
import { draftProblems, presetOf, toInput, withKind, type ProviderDraft } from './provider-draft';

interface Props {
  slot: LlmSlot;
  draft: ProviderDraft;
  onChange: (draft: ProviderDraft) => void;
  /** A key is stored for this slot. */
  hasKey: boolean;
  /** The school's policy fixes the server and models (the key stays editable). */
  locked: boolean;
  models: readonly string[] | null;
  onModels: (models: readonly string[]) => void;
  showProblems: boolean;
}

/** One server: service, address, key, the two models, and "Test connection" with its result in plain words. */
export function ProviderSlotFields({ slot, draft, onChange, hasKey, locked, models, onModels, showProblems }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const keyId = useId();
  const test = useContractMutation('llm:testConnection');
  const [result, setResult] = useState<string | null>(null);
  const [ok, setOk] = useState<boolean | null>(null);
  const problems = showProblems ? draftProblems(draft) : new Set<string>();
  const preset = presetOf(draft.kind);
  const set = (patch: Partial<ProviderDraft>) => onChange({ ...draft, ...patch });

  const runTest = () => {
    setResult(null);
    setOk(null);
    const input = toInput(draft);
    if (!input.conversationModel) input.conversationModel = input.analysisModel = 'none';
    test.mutate(
      { slot, provider: input },
      {
        onSuccess: (out) => {
          if (out.models.length > 0) onModels(out.models);
          const missing = out.conversationModelFound === false ? draft.conversationModel : null;
          setOk(out.ok);
          if (out.ok) setResult(t('llm.testOk', { ms: out.latencyMs, count: out.models.length }));
          else if (out.problem?.code === 'unknown_model' && missing && draft.conversationModel) {
            setResult(t('llm.modelMissing', { model: missing }));
          } else if (out.problem?.code === 'unknown_model' && !draft.conversationModel) {
            setOk(true);
            setResult(t('llm.modelsFound', { count: out.models.length }));
          } else setResult(t('llm.testFailed', { problem: problemText(t, out.problem?.code, out.problem?.message ?? null) }));
        },
        onError: (error) => {
          setOk(false);
          setResult(describe(error));
        },
      },
    );
  };

  return (
    <div className="provider-slot">
      {locked && <LockedNote id={`${keyId}-locked`} text={t('llm.locked')} />}
      <div className="provider-grid">
        <SelectField
          label={t('llm.kind')}
          value={draft.kind}
          disabled={locked}
          options={llmProviderKind.options.map((kind) => ({ value: kind, label: t(`llm.kinds.${kind}`) }))}
          onChange={(event) => onChange(withKind(draft, event.target.value as ProviderDraft['kind']))}
        />
        <TextField
          label={t('llm.baseUrl')}
          hint={t('llm.baseUrlHint')}
          type="url"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          maxLength={2048}
          disabled={locked}
          value={draft.baseUrl}
          error={problems.has('baseUrl') ? t('llm.validation.baseUrl') : null}
          onChange={(event) => set({ baseUrl: event.target.value })}
        />
      </div>
      <div className="field">
        <div className="secret-head">
          <label htmlFor={keyId} className="field-label">
            {t('llm.apiKey')}
          </label>
          <span className={hasKey && !draft.removeKey ? 'status-pill status-on' : 'status-pill'}>
            {hasKey && !draft.removeKey ? t('llm.apiKeySaved') : t('llm.apiKeyNotSet')}
          </span>
        </div>
        <input
          id={keyId}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={4096}
          aria-describedby={`${keyId}-hint`}
          placeholder={hasKey ? t('llm.apiKeyReplace') : t('llm.apiKeyPlaceholder')}
          value={draft.apiKey}
          onChange={(event) => set({ apiKey: event.target.value, removeKey: false })}
        />
        <p id={`${keyId}-hint`} className="field-hint">
          {draft.removeKey ? t('llm.apiKeyWillGo') : preset.local ? t('llm.apiKeyNotNeeded') : t('llm.apiKeyHint')}
        </p>
        {hasKey && (
          <div>
            <button
              type="button"
              className="button button-small button-ghost"
              onClick={() => set({ removeKey: !draft.removeKey, apiKey: '' })}
            >
              {draft.removeKey ? t('llm.apiKeyKeep') : t('llm.apiKeyRemove')}
            </button>
          </div>
        )}
      </div>
      <div className="provider-grid">
        <ModelField
          label={t('llm.conversationModel')}
          hint={t('llm.conversationHint')}
          value={draft.conversationModel}
          models={models}
          locked={locked}
          error={problems.has('model') && !draft.conversationModel.trim() ? t('llm.validation.model') : null}
          onChange={(conversationModel) =>
            set({ conversationModel, analysisModel: draft.analysisModel || conversationModel })
          }
        />
        <ModelField
          label={t('llm.analysisModel')}
          hint={t('llm.analysisHint')}
          value={draft.analysisModel}
          models={models}
          locked={locked}
          error={null}
          onChange={(analysisModel) => set({ analysisModel })}
        />
      </div>
      <div className="actions">
        <button type="button" className="button" disabled={test.isPending} onClick={runTest}>
          <Icon name="sparkle" size={18} />
          {test.isPending ? t('llm.testing') : draft.conversationModel ? t('llm.test') : t('llm.loadModels')}
        </button>
      </div>
      <p
        className={ok === false ? 'test-result form-error' : ok ? 'test-result notice' : 'test-result'}
        role="status"
      >
        {result}
      </p>
    </div>
  );
}
