import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import type { MicrophoneChoice } from '../../audio/microphone';
import type { VoiceState } from '../../audio/turn-machine';
import { LevelMeter } from './LevelMeter';

interface Props {
  state: VoiceState;
  starting: boolean;
  talking: boolean;
  pushToTalk: boolean;
  silenceMs: number;
  microphones: MicrophoneChoice[];
  deviceId: string | null;
  onStart: () => void;
  onStop: () => void;
  onPressTalk: () => void;
  onReleaseTalk: () => void;
  onSilence: (ms: number) => void;
  onPushToTalk: (on: boolean) => void;
  onDevice: (deviceId: string | null) => void;
  subscribeLevel: (listener: (level: number) => void) => () => void;
}

/** Start/stop, the state, the level meter, push-to-talk, the end-of-turn silence and the microphone. */
export function VoiceControls(props: Props) {
  const { t } = useTranslation();
  const { state, pushToTalk, silenceMs } = props;
  const on = state !== 'off';
  const seconds = (silenceMs / 1000).toLocaleString(undefined, { maximumFractionDigits: 1 });
  return (
    <section className="voice-controls voice-card" aria-label={t('voice.title')}>
      <div className="voice-controls-row">
        {on ? (
          <button type="button" className="button" onClick={props.onStop}>
            {t('voice.stop')}
          </button>
        ) : (
          <button type="button" className="button button-primary" disabled={props.starting} onClick={props.onStart}>
            <Icon name="voice" size={18} />
            {props.starting ? t('voice.starting') : t('voice.start')}
          </button>
        )}
        <p
          className={`voice-state voice-state-${state}`}
          role="status"
          aria-label={t('voice.state.label')}
          data-state={state}
        >
          {t(`voice.state.${state}`)}
        </p>
        <LevelMeter subscribe={props.subscribeLevel} />
      </div>
      {on && pushToTalk && (
        <button
          type="button"
          className={`button voice-talk${props.talking ? ' is-talking' : ''}`}
          aria-pressed={props.talking}
          onPointerDown={props.onPressTalk}
          onPointerUp={props.onReleaseTalk}
          onPointerLeave={props.onReleaseTalk}
        >
          {props.talking ? t('voice.talking') : t('voice.talk')}
        </button>
      )}
      <p className="muted">{pushToTalk ? t('voice.talkHint') : t('voice.autoHint', { seconds })}</p>
      <div className="voice-settings-row">
        <label className="voice-field">
          <span>
            {t('voice.silenceLabel')}: {t('voice.silenceValue', { seconds })}
          </span>
          <input
            type="range"
            min={300}
            max={5000}
            step={100}
            value={silenceMs}
            onChange={(event) => props.onSilence(Number(event.target.value))}
          />
        </label>
        <label className="voice-check">
          <input type="checkbox" checked={pushToTalk} onChange={(event) => props.onPushToTalk(event.target.checked)} />
          {t('voice.pushToTalk')}
        </label>
        <label className="voice-field">
          <span>{t('voice.microphone')}</span>
          <select
            className="input"
            value={props.deviceId ?? ''}
            disabled={on}
            onChange={(event) => props.onDevice(event.target.value || null)}
          >
            <option value="">{t('voice.defaultMicrophone')}</option>
            {props.microphones.map((mic, i) => (
              <option key={mic.deviceId} value={mic.deviceId}>
                {mic.label || t('voice.unnamedMicrophone', { number: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
