import { useTranslation } from 'react-i18next';
import { livekitSource, type LivekitSettings } from '../../../../src-shared/domain/voice';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

export interface LivekitDraft {
  source: LivekitSettings['source'];
  url: string;
  apiKey: string;
  /** '' keeps the stored secret. */
  apiSecret: string;
}

export const livekitDraftOf = (settings: LivekitSettings): LivekitDraft => ({
  source: settings.source,
  url: settings.url ?? '',
  apiKey: settings.apiKey ?? '',
  apiSecret: '',
});

export const livekitInput = (draft: LivekitDraft) => ({
  source: draft.source,
  url: draft.url.trim() || null,
  apiKey: draft.apiKey.trim() || null,
  apiSecret: draft.apiSecret ? draft.apiSecret : null,
});

/** Where LiveKit room tokens come from; the secret goes to the key store and never comes back. */
export function LivekitFields({
  draft,
  hasSecret,
  onChange,
}: {
  draft: LivekitDraft;
  hasSecret: boolean;
  onChange: (d: LivekitDraft) => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<LivekitDraft>) => onChange({ ...draft, ...patch });
  return (
    <fieldset className="stack" aria-label={t('voice.settings.livekit.heading')}>
      <legend className="subsection-title">{t('voice.settings.livekit.heading')}</legend>
      <SelectField
        label={t('voice.settings.livekit.source')}
        value={draft.source}
        options={livekitSource.options.map((source) => ({
          value: source,
          label: t(`voice.settings.livekit.sources.${source}`),
        }))}
        onChange={(event) => set({ source: event.target.value as LivekitDraft['source'] })}
      />
      {draft.source === 'school' && <p className="field-hint">{t('voice.settings.livekit.schoolHint')}</p>}
      {draft.source === 'direct' && (
        <TextField
          label={t('voice.settings.livekit.url')}
          type="url"
          spellCheck={false}
          autoComplete="off"
          value={draft.url}
          onChange={(event) => set({ url: event.target.value })}
        />
      )}
      {draft.source === 'direct' && (
        <div className="provider-grid">
          <TextField
            label={t('voice.settings.livekit.apiKey')}
            spellCheck={false}
            autoComplete="off"
            value={draft.apiKey}
            onChange={(event) => set({ apiKey: event.target.value })}
          />
          <TextField
            label={t('voice.settings.livekit.apiSecret')}
            type="password"
            autoComplete="off"
            hint={hasSecret ? t('voice.settings.livekit.secretStored') : undefined}
            value={draft.apiSecret}
            onChange={(event) => set({ apiSecret: event.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}
