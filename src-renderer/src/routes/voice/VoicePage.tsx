import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { VoiceTurn } from '../../../../src-shared/domain/voice';
import { listMicrophones, type MicrophoneChoice } from '../../audio/microphone';
import { Icon } from '../../components/Icon';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useContractQuery } from '../../hooks/useContractQuery';
import { useLanguageName } from '../../hooks/useLanguageName';
import { useSpeech } from '../../hooks/useSpeech';
import { useTutorConversation } from '../../hooks/useTutorConversation';
import { trackTutorStreams } from '../../hooks/useTutorStreams';
import { useVoiceSession, type VoiceProblem } from '../../hooks/useVoiceSession';
import { useFrame } from '../../lib/frame-context';
import { LearnerBubble } from '../tutor/LearnerBubble';
import { TutorBubble } from '../tutor/TutorBubble';
import { FluencyCard } from './FluencyCard';
import { RoomPanel } from './RoomPanel';
import { ShadowingDrill } from './ShadowingDrill';
import { TurnTimeline } from './TurnTimeline';
import { TypedTurn } from './TypedTurn';
import { VoiceControls } from './VoiceControls';
import { usePushToTalkKeys } from './usePushToTalkKeys';
import '../../styles/tutor.css';
import '../../styles/voice.css';

const noop = () => undefined;
const noopAsync = () => Promise.resolve(false);

function problemText(t: TFunction, problem: VoiceProblem): string {
  if (problem.kind === 'microphone') return t(`voice.problem.${problem.problem}`);
  if (problem.kind === 'turn') return t('voice.problem.turn', { message: problem.message });
  if (problem.kind === 'vad') return t('voice.problem.vad');
  if (problem.kind === 'no_stt') return t('voice.problem.no_stt');
  return t('voice.problem.no_speech');
}

/** Talking with the tutor: the conversation as a chat, the microphone, each turn's timeline and fluency. */
export function VoicePage() {
  const { conversationId = '' } = useParams();
  const config = useContractQuery('voice:getConfig', {});
  if (config.isPending) return <LoadingScreen />;
  const defaults = config.data?.defaultEndOfTurnSilenceMs ?? 1200;
  const saved = config.data?.config;
  return (
    <VoiceScreen
      key={conversationId}
      conversationId={conversationId}
      initialSilenceMs={saved?.endOfTurnSilenceMs ?? defaults}
      initialPushToTalk={saved?.pushToTalk ?? false}
      initialDeviceId={saved?.inputDeviceId ?? null}
      livekit={(saved?.livekit.source ?? 'off') !== 'off'}
    />
  );
}

interface ScreenProps {
  conversationId: string;
  initialSilenceMs: number;
  initialPushToTalk: boolean;
  initialDeviceId: string | null;
  /** LiveKit is set up in Settings: offer a live room. */
  livekit: boolean;
}

function VoiceScreen({ conversationId, initialSilenceMs, initialPushToTalk, initialDeviceId, livekit }: ScreenProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { profile } = useFrame();
  const languageName = useLanguageName();
  const language = profile.targetLanguage;
  const [silenceMs, setSilenceMs] = useState(initialSilenceMs);
  const [pushToTalk, setPushToTalk] = useState(initialPushToTalk);
  const [deviceId, setDeviceId] = useState(initialDeviceId);
  const [microphones, setMicrophones] = useState<MicrophoneChoice[]>([]);
  const status = useContractQuery('voice:status', {});
  const history = useContractQuery('voice:turns', { conversationId });
  const chat = useTutorConversation(conversationId);
  const { available, speak } = useSpeech(language);
  const speech = useMemo(
    () => ({ available, speak, languageName: languageName(language) }),
    [available, speak, languageName, language],
  );
  useEffect(trackTutorStreams, []);

  const { expectReply } = chat;
  const onTurn = useCallback(
    (turn: VoiceTurn) => {
      if (turn.replyMessageId) expectReply(turn.replyMessageId);
      void queryClient.invalidateQueries({ queryKey: ['tutor:open'] });
    },
    [expectReply, queryClient],
  );
  const voice = useVoiceSession({
    conversationId,
    language,
    endOfTurnSilenceMs: silenceMs,
    deviceId,
    pushToTalk,
    onTurn,
  });
  usePushToTalkKeys({
    enabled: voice.listening && pushToTalk,
    onPress: voice.pressTalk,
    onRelease: voice.releaseTalk,
    onEscape: voice.hush,
    onToggle: () => void (voice.listening ? voice.stop() : voice.start()),
  });

  useEffect(() => {
    if (voice.listening) void listMicrophones().then(setMicrophones);
  }, [voice.listening]);

  const { messages } = chat;
  const lastTurn = voice.turns.at(-1) ?? history.data?.turns.at(-1) ?? null;
  const lastTutor = messages.findLast((m) => m.role === 'tutor' && m.text.trim());
  const lastSentence = lastTutor ? (lastTutor.text.split(/(?<=[.!?])\s+/).at(-1) ?? null) : null;
  const sessionTurns = history.data?.turns.length ?? 0;
  const offlineStt = status.data ? !status.data.stt : false;
  // Once the microphone or speech recognition has failed, typing stays offered for the rest of the visit.
  const [typing, setTyping] = useState(false);
  const kind = voice.problem?.kind;
  if (!typing && (offlineStt || kind === 'vad' || kind === 'no_stt' || kind === 'microphone')) setTyping(true);

  return (
    <div className="page page-wide voice-page">
      <header className="page-header page-header-row">
        <div>
          <h1 className="page-title">{t('voice.title')}</h1>
          <p className="page-subtitle">{chat.conversation?.title ?? ''}</p>
        </div>
        <div className="actions">
          <Link to={`/tutor/${conversationId}`} className="button">
            <Icon name="arrowLeft" size={18} />
            {t('voice.backToChat')}
          </Link>
        </div>
      </header>
      {voice.problem && (
        <div className="notice notice-warning" role="alert">
          <Icon name="alert" />
          <span>{problemText(t, voice.problem)}</span>
          <button type="button" className="button button-small" onClick={voice.dismissProblem}>
            {t('voice.problem.dismiss')}
          </button>
        </div>
      )}
      {offlineStt && !voice.problem && (
        <p className="notice notice-warning" role="status">
          <Icon name="alert" />
          <span>{t('voice.problem.no_stt')}</span>
        </p>
      )}
      {status.data && !status.data.tts && <p className="muted">{t('voice.offline.noTts')}</p>}
      <div className="voice-layout">
        <div className="voice-main">
          <VoiceControls
            state={voice.state}
            starting={voice.starting}
            talking={voice.talking}
            pushToTalk={pushToTalk}
            silenceMs={silenceMs}
            microphones={microphones}
            deviceId={deviceId}
            onStart={() => void voice.start()}
            onStop={() => void voice.stop()}
            onPressTalk={voice.pressTalk}
            onReleaseTalk={voice.releaseTalk}
            onSilence={setSilenceMs}
            onPushToTalk={setPushToTalk}
            onDevice={setDeviceId}
            subscribeLevel={voice.subscribeLevel}
          />
          <div className="chat-log voice-log" tabIndex={0} role="region" aria-label={t('tutor.chat.messagesLabel')}>
            <ol className="chat-messages">
              {messages.map((message) =>
                message.role === 'learner' ? (
                  <LearnerBubble
                    key={message.id}
                    message={message}
                    canEdit={false}
                    editing={false}
                    onEditStart={noop}
                    onEditCancel={noop}
                    onResend={noopAsync}
                  />
                ) : (
                  <TutorBubble
                    key={message.id}
                    message={message}
                    isLast={false}
                    busy
                    speech={speech}
                    onTranslate={chat.translate}
                    onRegenerate={noop}
                    onContinue={noop}
                  />
                ),
              )}
            </ol>
          </div>
          {typing && <TypedTurn disabled={voice.state === 'thinking'} onSend={voice.sendTyped} />}
        </div>
        <aside className="voice-side">
          {lastTurn && <TurnTimeline timeline={lastTurn.timeline} />}
          <FluencyCard heading={t('voice.fluency.heading')} fluency={lastTurn?.fluency ?? null} />
          {history.data?.session && (
            <FluencyCard heading={t('voice.fluency.session', { count: sessionTurns })} fluency={history.data.session} />
          )}
          <ShadowingDrill
            lastTutorSentence={lastSentence}
            listening={voice.listening}
            attempt={voice.shadow}
            onBegin={voice.shadowNext}
            language={language}
          />
          {livekit && <RoomPanel conversationId={conversationId} deviceId={deviceId} />}
          <section className="voice-card">
            <h3 className="small-heading">{t('voice.shortcuts.heading')}</h3>
            <ul className="muted">
              <li>{t('voice.shortcuts.space')}</li>
              <li>{t('voice.shortcuts.escape')}</li>
              <li>{t('voice.shortcuts.l')}</li>
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
