import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { VoiceTurn } from '../../../src-shared/domain/voice';
import { MicrophoneError, microphoneProblem, type MicrophoneProblem } from '../audio/microphone';
import { concatFrames, encodeSpeech, meterLevel, SPEECH_SAMPLE_RATE } from '../audio/pcm';
import { espeakSentence } from '../audio/espeak-voice';
import { sentenceFallback } from '../audio/sentence-fallback';
import { SpeechPlayer } from '../audio/speech-player';
import { initialTurnState, turnStep, type TurnEvent, type TurnState } from '../audio/turn-machine';
import { startCapture, type Capture } from '../audio/vad-capture';
import { webAudioOutput } from '../audio/web-audio-output';
import { api } from '../lib/api';
import { asApiError } from '../lib/api-error';
import { useApiEvent } from './useApiEvent';

/** Push-to-talk shorter than this is a slip of the finger, not a turn. */
const MIN_TALK_MS = 250;

export type VoiceProblem =
  | { kind: 'microphone'; problem: MicrophoneProblem }
  | { kind: 'vad' }
  | { kind: 'no_stt' }
  | { kind: 'no_speech' }
  | { kind: 'turn'; message: string };

export interface ShadowAttempt {
  sentence: string;
  result: Awaited<ReturnType<typeof api.invoke<'voice:shadow'>>> | null;
  error: string | null;
}

interface Options {
  conversationId: string;
  language: string;
  endOfTurnSilenceMs: number;
  deviceId: string | null;
  pushToTalk: boolean;
  /** A turn was taken by the core: its reply streams into the conversation. */
  onTurn(turn: VoiceTurn): void;
}

/**
 * A voice conversation: the microphone through the VAD, each utterance sent as a `voice:turn`, the reply's audio
 * played gaplessly, barge-in when the learner talks over it, and the turns' timelines as they fill in.
 */
export function useVoiceSession(options: Options) {
  const queryClient = useQueryClient();
  const [turnState, setTurnState] = useState<TurnState>(initialTurnState);
  const [problem, setProblem] = useState<VoiceProblem | null>(null);
  const [starting, setStarting] = useState(false);
  const [talking, setTalking] = useState(false);
  const [turns, setTurns] = useState<VoiceTurn[]>([]);
  const [shadow, setShadow] = useState<ShadowAttempt | null>(null);
  const state = useRef(initialTurnState);
  const context = useRef<AudioContext | null>(null);
  const capture = useRef<Capture | null>(null);
  const player = useRef<SpeechPlayer | null>(null);
  const talkFrames = useRef<Float32Array[] | null>(null);
  const shadowing = useRef<string | null>(null);
  const levelListeners = useRef(new Set<(level: number) => void>());
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const upsertTurn = useCallback((turn: VoiceTurn) => {
    setTurns((all) => {
      const at = all.findIndex((t) => t.turnId === turn.turnId);
      if (at === -1) return [...all, turn];
      const next = all.slice();
      const old = all[at]!;
      next[at] = {
        ...old,
        ...turn,
        fluency: turn.fluency ?? old.fluency,
        timeline: fillIn(old.timeline, turn.timeline),
      };
      return next;
    });
  }, []);

  const mergeTimeline = useCallback((turnId: string, timeline: VoiceTurn['timeline']) => {
    setTurns((all) => all.map((t) => (t.turnId === turnId ? { ...t, timeline: fillIn(t.timeline, timeline) } : t)));
  }, []);

  const step = useCallback((event: TurnEvent) => {
    const { next, effects } = turnStep(state.current, event);
    state.current = next;
    setTurnState(next);
    for (const effect of effects) {
      if (effect.type === 'stopPlayback') player.current?.stop();
      else void api.invoke('voice:cancel', { turnId: effect.turnId, at: Date.now() }).catch(() => undefined);
    }
  }, []);

  /**
   * The audio output and the reply player, made on first use: by Start, or by a typed turn sent before Start or
   * without a microphone (its reply is spoken too). Call it from a click or a submit: audio needs a user gesture.
   */
  const ensurePlayer = useCallback((): SpeechPlayer => {
    const ctx = context.current ?? new AudioContext();
    context.current = ctx;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    player.current ??= new SpeechPlayer(
      webAudioOutput(ctx),
      // The reply is in the conversation's target language: the system's voice, else espeak-ng's, for it.
      sentenceFallback(
        () => latest.current.language,
        (sentence, language) => espeakSentence(ctx, sentence, language),
      ),
      {
        onFirstAudio: (turnId, at) => {
          step({ type: 'audioStarted', turnId });
          void api
            .invoke('voice:played', { turnId, firstAudioPlayedAt: at })
            .then(({ timeline }) => mergeTimeline(turnId, timeline))
            .catch(() => undefined);
        },
        onEnded: (turnId) => step({ type: 'replyEnded', turnId }),
      },
    );
    return player.current;
  }, [step, mergeTimeline]);

  const sendTurn = useCallback(
    async (audio: Float32Array | null, speechEndedAt: number, typedText: string | null) => {
      const turnId = uuidv7();
      step({ type: 'turnSent', turnId });
      player.current?.begin(turnId);
      setProblem(null);
      try {
        const turn = await api.invoke('voice:turn', {
          conversationId: latest.current.conversationId,
          turnId,
          audio: audio ? encodeSpeech(audio) : '',
          speechEndedAt,
          typedText,
        });
        upsertTurn(turn);
        latest.current.onTurn(turn);
        if (turn.replyMessageId === null) step({ type: 'replyEnded', turnId });
        void queryClient.invalidateQueries({ queryKey: ['voice:turns'] });
      } catch (error) {
        step({ type: 'turnFailed', turnId });
        const failure = asApiError(error);
        const reason = (failure.details as { problem?: string } | undefined)?.problem;
        if (reason === 'no_stt') setProblem({ kind: 'no_stt' });
        else if (reason === 'no_speech') setProblem({ kind: 'no_speech' });
        else setProblem({ kind: 'turn', message: failure.message });
      }
    },
    [step, upsertTurn, queryClient],
  );

  const sendShadow = useCallback(async (sentence: string, audio: Float32Array) => {
    setShadow({ sentence, result: null, error: null });
    try {
      const result = await api.invoke('voice:shadow', { sentence, audio: encodeSpeech(audio) });
      setShadow({ sentence, result, error: null });
    } catch (error) {
      setShadow({ sentence, result: null, error: asApiError(error).message });
    }
  }, []);

  const utterance = useCallback(
    (audio: Float32Array, endedAt: number) => {
      const sentence = shadowing.current;
      if (sentence !== null) {
        shadowing.current = null;
        step({ type: 'speechDiscarded' });
        void sendShadow(sentence, audio);
        return;
      }
      void sendTurn(audio, endedAt, null);
    },
    [step, sendShadow, sendTurn],
  );

  const stop = useCallback(async () => {
    step({ type: 'stop' });
    talkFrames.current = null;
    setTalking(false);
    const running = capture.current;
    capture.current = null;
    await running?.stop().catch(() => undefined);
  }, [step]);

  /** Opens the microphone and starts listening (call from a click: audio needs a user gesture). */
  const start = useCallback(async () => {
    if (capture.current || starting) return;
    setStarting(true);
    setProblem(null);
    try {
      ensurePlayer();
      const ctx = context.current!;
      await ctx.resume();
      capture.current = await startCapture({
        context: ctx,
        deviceId: latest.current.deviceId,
        endOfTurnSilenceMs: latest.current.endOfTurnSilenceMs,
        autoEnd: true,
        handlers: {
          onSpeechStart: () => {
            if (!latest.current.pushToTalk || shadowing.current !== null) step({ type: 'speechStart' });
            else if (state.current.state === 'speaking' || state.current.state === 'thinking')
              step({ type: 'speechStart' });
          },
          onSpeechEnd: (audio, endedAt) => {
            if (!latest.current.pushToTalk || shadowing.current !== null) utterance(audio, endedAt);
            // Push-to-talk: a pause while the key is held is not the end of the turn, the release is.
            else if (!talkFrames.current) step({ type: 'speechDiscarded' });
          },
          onMisfire: () => {
            if (!talkFrames.current) step({ type: 'speechDiscarded' });
          },
          onFrame: (frame) => {
            talkFrames.current?.push(frame);
            const level = meterLevel(frame);
            for (const listener of levelListeners.current) listener(level);
          },
        },
      });
      step({ type: 'start' });
    } catch (error) {
      if (error instanceof MicrophoneError) {
        setProblem({ kind: 'microphone', problem: microphoneProblem(error) });
      } else {
        console.warn('voice activity detection failed to start', error);
        setProblem({ kind: 'vad' });
      }
    } finally {
      setStarting(false);
    }
  }, [starting, step, ensurePlayer, utterance]);

  useEffect(
    () => () => {
      player.current?.stop();
      void capture.current?.stop();
      capture.current = null;
      void context.current?.close();
    },
    [],
  );

  useEffect(() => {
    capture.current?.setEndOfTurnSilence(options.endOfTurnSilenceMs);
  }, [options.endOfTurnSilenceMs]);

  const pressTalk = useCallback(() => {
    if (!capture.current || talkFrames.current) return;
    talkFrames.current = [];
    setTalking(true);
    step({ type: 'speechStart' });
  }, [step]);

  const releaseTalk = useCallback(() => {
    const frames = talkFrames.current;
    if (!frames) return;
    talkFrames.current = null;
    setTalking(false);
    const audio = concatFrames(frames);
    if ((audio.length / SPEECH_SAMPLE_RATE) * 1000 < MIN_TALK_MS) step({ type: 'speechDiscarded' });
    else utterance(audio, Date.now());
  }, [step, utterance]);

  /**
   * A typed turn. Before Start (or when the microphone failed) nothing had made the player yet, so the reply's
   * `voice:audio` found no one to play it and the typed turn got no spoken answer: the player is made here, in the
   * learner's submit (a user gesture, so the audio may start), before the turn is sent.
   */
  const sendTyped = useCallback(
    (text: string) => {
      ensurePlayer();
      return sendTurn(null, Date.now(), text);
    },
    [ensurePlayer, sendTurn],
  );

  /** Esc: the tutor stops talking, also when answering a typed turn with the microphone off. */
  const hush = useCallback(() => {
    const playing = player.current?.playingTurn ?? null;
    if (state.current.state !== 'off' || playing === null) return step({ type: 'hush' });
    player.current?.stop();
    void api.invoke('voice:cancel', { turnId: playing, at: Date.now() }).catch(() => undefined);
  }, [step]);

  /** The next utterance is a shadowing attempt of `sentence` rather than a turn. */
  const shadowNext = useCallback((sentence: string | null) => {
    shadowing.current = sentence;
    setShadow(sentence ? { sentence, result: null, error: null } : null);
  }, []);

  const subscribeLevel = useCallback((listener: (level: number) => void) => {
    levelListeners.current.add(listener);
    return () => {
      levelListeners.current.delete(listener);
    };
  }, []);

  useApiEvent('voice:audio', (chunk) => player.current?.push(chunk));
  useApiEvent('voice:turnUpdate', ({ turn }) => {
    if (turn.conversationId !== latest.current.conversationId) return;
    upsertTurn(turn);
    // The session's sums change once a turn's fluency is known.
    if (turn.fluency) void queryClient.invalidateQueries({ queryKey: ['voice:turns'] });
  });

  return {
    state: turnState.state,
    listening: turnState.state !== 'off',
    starting,
    talking,
    problem,
    turns,
    shadow,
    start,
    stop,
    pressTalk,
    releaseTalk,
    sendTyped,
    shadowNext,
    subscribeLevel,
    hush,
    dismissProblem: () => setProblem(null),
  };
}

/** Marks only ever fill in: an older update never blanks a newer one. */
function fillIn(old: VoiceTurn['timeline'], update: VoiceTurn['timeline']): VoiceTurn['timeline'] {
  const timeline = { ...old };
  for (const [key, value] of Object.entries(update) as [keyof typeof timeline, number | null][]) {
    if (value !== null) timeline[key] = value;
  }
  return timeline;
}
