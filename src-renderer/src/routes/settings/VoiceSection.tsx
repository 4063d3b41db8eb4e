import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceConfig } from '../../../../src-shared/domain/voice';
import { listMicrophones, type MicrophoneChoice } from '../../audio/microphone';
import { CheckboxField } from '../../components/CheckboxField';
import { FormError } from '../../components/FormError';
import { SelectField } from '../../components/SelectField';
import { SettingsSection } from '../../components/SettingsSection';
import { TextField } from '../../components/TextField';
import { useContractMutation } from '../../hooks/useContractMutation';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useDescribeError } from '../../hooks/useDescribeError';
import { useToast } from '../../hooks/useToast';
import { LivekitFields, livekitDraftOf, livekitInput } from './LivekitFields';
import { SpeechSlotFields } from './SpeechSlotFields';
import { silenceInput, speechDraftOf, speechDraftValid, speechInput, type SpeechDraft } from './voice-draft';

function SpeechSlot(props: {
  slot: 'stt' | 'tts';
  draft: SpeechDraft | null;
  showProblems: boolean;
  onChange: (draft: SpeechDraft | null) => void;
}) {
  const { t } = useTranslation();
  const title = t(`voice.settings.${props.slot}`);
  return (
    <fieldset className="stack" aria-label={title}>
      <legend className="subsection-title">{title}</legend>
      {props.draft ? (
        <>
          <SpeechSlotFields
            slot={props.slot}
            draft={props.draft}
            showProblems={props.showProblems}
            onChange={props.onChange}
          />
          <div>
            <button type="button" className="button button-small button-ghost" onClick={() => props.onChange(null)}>
              {t('voice.settings.remove')}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <span className="field-hint">{t('voice.settings.off')}</span>
          <button type="button" className="button" onClick={() => props.onChange(speechDraftOf(null, props.slot))}>
            {t('voice.settings.setUp')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function VoiceForm({ config, defaultSilenceMs }: { config: VoiceConfig; defaultSilenceMs: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const describe = useDescribeError();
  const save = useContractMutation('voice:saveConfig');
  const [stt, setStt] = useState(config.stt ? speechDraftOf(config.stt, 'stt') : null);
  const [tts, setTts] = useState(config.tts ? speechDraftOf(config.tts, 'tts') : null);
  const [silence, setSilence] = useState(config.endOfTurnSilenceMs?.toString() ?? '');
  const [pushToTalk, setPushToTalk] = useState(config.pushToTalk);
  const [keepAudio, setKeepAudio] = useState(config.keepLearnerAudio);
  const [deviceId, setDeviceId] = useState(config.inputDeviceId ?? '');
  const [microphones, setMicrophones] = useState<MicrophoneChoice[]>([]);
  const [livekit, setLivekit] = useState(livekitDraftOf(config.livekit));
  const [showProblems, setShowProblems] = useState(false);
  useEffect(() => void listMicrophones().then(setMicrophones), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    const silenceMs = silenceInput(silence);
    if ([stt, tts].some((d) => d && !speechDraftValid(d)) || silenceMs === undefined) return;
    save.mutate(
      {
        stt: stt && speechInput(stt),
        tts: tts && speechInput(tts),
        endOfTurnSilenceMs: silenceMs,
        pushToTalk,
        keepLearnerAudio: keepAudio,
        inputDeviceId: deviceId || null,
        livekit: livekitInput(livekit),
      },
      {
        onSuccess: ({ config: saved }) => {
          setStt(saved.stt ? speechDraftOf(saved.stt, 'stt') : null);
          setTts(saved.tts ? speechDraftOf(saved.tts, 'tts') : null);
          setLivekit(livekitDraftOf(saved.livekit));
          setShowProblems(false);
          toast.show(t('voice.settings.saved'), 'success');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <SpeechSlot slot="stt" draft={stt} showProblems={showProblems} onChange={setStt} />
      <SpeechSlot slot="tts" draft={tts} showProblems={showProblems} onChange={setTts} />
      <div className="provider-grid">
        <TextField
          label={t('voice.settings.silence')}
          hint={t('voice.settings.silenceDefault', { ms: defaultSilenceMs })}
          inputMode="numeric"
          value={silence}
          error={showProblems && silenceInput(silence) === undefined ? t('voice.settings.silenceInvalid') : null}
          onChange={(event) => setSilence(event.target.value)}
        />
        <SelectField
          label={t('voice.settings.microphone')}
          hint={t('voice.settings.microphoneHint')}
          value={deviceId}
          options={[
            { value: '', label: t('voice.defaultMicrophone') },
            ...microphones.map((mic, i) => ({
              value: mic.deviceId,
              label: mic.label || t('voice.unnamedMicrophone', { number: i + 1 }),
            })),
          ]}
          onChange={(event) => setDeviceId(event.target.value)}
        />
      </div>
      <CheckboxField
        label={t('voice.settings.pushToTalk')}
        checked={pushToTalk}
        onChange={(e) => setPushToTalk(e.target.checked)}
      />
      <CheckboxField
        label={t('voice.settings.keepAudio')}
        checked={keepAudio}
        onChange={(e) => setKeepAudio(e.target.checked)}
      />
      <LivekitFields draft={livekit} hasSecret={config.livekit.hasSecret} onChange={setLivekit} />
      {save.isError && <FormError message={describe(save.error)} />}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('voice.settings.save')}
        </button>
      </div>
    </form>
  );
}

/** Speech services for voice practice, the end-of-turn silence, push-to-talk, keeping audio, the microphone. */
export function VoiceSection() {
  const { t } = useTranslation();
  const config = useContractQuery('voice:getConfig', {});
  return (
    <SettingsSection title={t('voice.settings.heading')} description={t('voice.settings.intro')} icon="voice">
      {config.data ? (
        <VoiceForm config={config.data.config} defaultSilenceMs={config.data.defaultEndOfTurnSilenceMs} />
      ) : (
        <p className="field-hint">{t('app.loading')}</p>
      )}
    </SettingsSection>
  );
}
