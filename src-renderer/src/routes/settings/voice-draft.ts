import type { LanguageCode } from '../../../../src-shared/domain/languages';
import type { SpeechProvider, SpeechProviderKind, VoicesByLanguage } from '../../../../src-shared/domain/voice';

/** Text-to-speech: one language's own voice, as a row of the form. */
export interface LanguageVoiceDraft {
  language: LanguageCode;
  voice: string;
}

/** One speech slot as the form edits it; `apiKey` '' keeps the stored key. */
export interface SpeechDraft {
  kind: SpeechProviderKind;
  baseUrl: string;
  model: string;
  voice: string;
  /** Text-to-speech: voices for languages that should not use the default `voice`. */
  languageVoices: LanguageVoiceDraft[];
  apiKey: string;
  hasKey: boolean;
}

const DEFAULTS: Record<'stt' | 'tts', Omit<SpeechDraft, 'hasKey' | 'apiKey'>> = {
  stt: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'whisper-1', voice: '', languageVoices: [] },
  tts: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'tts-1', voice: 'alloy', languageVoices: [] },
};

export function speechDraftOf(provider: SpeechProvider | null, slot: 'stt' | 'tts'): SpeechDraft {
  if (!provider) return { ...DEFAULTS[slot], languageVoices: [], apiKey: '', hasKey: false };
  const { kind, baseUrl, model, hasKey } = provider;
  const languageVoices = (Object.entries(provider.voicesByLanguage) as [LanguageCode, string][]).map(
    ([language, voice]) => ({ language, voice }),
  );
  return { kind, baseUrl, model, voice: provider.voice ?? '', languageVoices, apiKey: '', hasKey };
}

/** The rows as the contract takes them: empty voices left out, a language given twice keeps its last voice. */
export function voicesByLanguageOf(rows: readonly LanguageVoiceDraft[]): VoicesByLanguage {
  const voices: VoicesByLanguage = {};
  for (const row of rows) if (row.voice.trim()) voices[row.language] = row.voice.trim();
  return voices;
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
    voicesByLanguage: voicesByLanguageOf(draft.languageVoices),
    apiKey: draft.apiKey ? draft.apiKey : null,
  };
}

/** The learner's silence in ms, or null for "from my level"; undefined when the text is not a valid value. */
export function silenceInput(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const ms = Number(text);
  return Number.isInteger(ms) && ms >= 300 && ms <= 5000 ? ms : undefined;
}
