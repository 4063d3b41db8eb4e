import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { speechProviderKind } from '../../../../src-shared/domain/voice';
import { Icon } from '../../components/Icon';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useFrame } from '../../lib/frame-context';
import { LanguageVoicesFields } from './LanguageVoicesFields';
import { speechDraftValid, speechInput, type SpeechDraft } from './voice-draft';

interface Props {
  slot: 'stt' | 'tts';
  draft: SpeechDraft;
  showProblems: boolean;
  onChange: (draft: SpeechDraft) => void;
}

/** One speech service: kind, address, model (and the voices for speech), key, and a connection test. */
export function SpeechSlotFields({ slot, draft, showProblems, onChange }: Props) {
  const { t } = useTranslation();
  const { profile } = useFrame();
  const describe = useDescribeError();
  const keyId = useId();
  const test = useContractMutation('voice:testConnection');
  const set = (patch: Partial<SpeechDraft>) => onChange({ ...draft, ...patch });
  const invalid = showProblems && !speechDraftValid(draft);
  const outcome = test.data;
  return (
    <div className="provider-slot">
      <div className="provider-grid">
        <SelectField
          label={t('voice.settings.kind')}
          value={draft.kind}
          options={speechProviderKind.options.map((kind) => ({
            value: kind,
            label: t(`voice.settings.kinds.${kind}`),
          }))}
          onChange={(event) => set({ kind: event.target.value as SpeechDraft['kind'] })}
        />
        <TextField
          label={t('voice.settings.baseUrl')}
          type="url"
          spellCheck={false}
          autoComplete="off"
          value={draft.baseUrl}
          error={invalid ? t('voice.settings.invalid') : null}
          onChange={(event) => set({ baseUrl: event.target.value })}
        />
        <TextField
          label={t('voice.settings.model')}
          spellCheck={false}
          autoComplete="off"
          value={draft.model}
          onChange={(event) => set({ model: event.target.value })}
        />
        {slot === 'tts' && (
          <TextField
            label={t('voice.settings.voice')}
            spellCheck={false}
            autoComplete="off"
            value={draft.voice}
            onChange={(event) => set({ voice: event.target.value })}
          />
        )}
      </div>
      {slot === 'tts' && (
        <LanguageVoicesFields
          rows={draft.languageVoices}
          suggested={profile.targetLanguage}
          onChange={(languageVoices) => set({ languageVoices })}
        />
      )}
      <div className="field">
        <label htmlFor={keyId} className="field-label">
          {t('voice.settings.apiKey')}
        </label>
        <input
          id={keyId}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={draft.apiKey}
          onChange={(event) => set({ apiKey: event.target.value })}
        />
        {draft.hasKey && <p className="field-hint">{t('voice.settings.apiKeyStored')}</p>}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={test.isPending || !speechDraftValid(draft)}
          onClick={() => test.mutate({ slot, provider: speechInput(draft) })}
        >
          <Icon name="sparkle" size={18} />
          {test.isPending ? t('voice.settings.testing') : t('voice.settings.test')}
        </button>
      </div>
      <p className={outcome?.ok === false || test.isError ? 'test-result form-error' : 'test-result'} role="status">
        {test.isError
          ? describe(test.error)
          : outcome
            ? outcome.ok
              ? t('voice.settings.testOk', { ms: outcome.latencyMs })
              : t('voice.settings.testFailed', { problem: outcome.problem ?? '' })
            : ''}
      </p>
    </div>
  );
}
