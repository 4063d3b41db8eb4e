import type { SpeechProvider, SpeechProviderKind } from '../../../../src-shared/domain/voice';

/** One speech slot as the form edits it; `apiKey` '' keeps the stored key. */
export interface SpeechDraft {
  kind: SpeechProviderKind;
  baseUrl: string;
  model: string;
  voice: string;
  apiKey: string;
  hasKey: boolean;
}

const DEFAULTS: Record<'stt' | 'tts', Omit<SpeechDraft, 'hasKey' | 'apiKey'>> = {
  stt: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'whisper-1', voice: '' },
  tts: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'tts-1', voice: 'alloy' },
};

export function speechDraftOf(provider: SpeechProvider | null, slot: 'stt' | 'tts'): SpeechDraft {
  if (!provider) return { ...DEFAULTS[slot], apiKey: '', hasKey: false };
  return { ...provider, voice: provider.voice ?? '', apiKey: '', hasKey: provider.hasKey };
}

export function speechDraftValid(draft: SpeechDraft): boolean {
  return /^https?:\/\/\S+$/.test(draft.baseUrl.trim()) && draft.model.trim().length > 0;
}

export function speechInput(draft: SpeechDraft) {
  return {
    kind: draft.kind,
    baseUrl: draft.baseUrl.trim(),
    model: draft.model.trim(),
    voice: draft.voice.trim() || null,
    apiKey: draft.apiKey ? draft.apiKey : null,
  };
}

/** The learner's silence in ms, or null for "from my level"; undefined when the text is not a valid value. */
export function silenceInput(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const ms = Number(text);
  return Number.isInteger(ms) && ms >= 300 && ms <= 5000 ? ms : undefined;
}
