/**
 * What the mock server answers. Tests (and the e2e through POST /__mock/script) queue replies; each request takes
 * the first queued reply that matches it, or the default when none does.
 */
export interface MockReply {
  /** Case-insensitive text that must appear in the request's messages (or equal the json_schema name). */
  match?: string;
  /** `structured`: the request asked for `response_format`; `chat`: it did not. Absent: either. */
  kind?: 'chat' | 'structured';
  /** How many requests this reply answers (default 1). */
  times?: number;

  /** The assistant's text. */
  text?: string;
  /** Sent as the assistant's text, JSON-encoded (structured output). */
  json?: unknown;

  /** An error instead of a reply: the HTTP status, with an OpenAI-style error body. */
  status?: number;
  /** Seconds, sent as `Retry-After` with an error status. */
  retryAfter?: number;
  errorMessage?: string;
  errorCode?: string;

  /** Wait before sending the response headers. */
  latencyMs?: number;
  /** Wait between the headers and the first token. */
  firstTokenDelayMs?: number;
  /** Wait between chunks. */
  chunkDelayMs?: number;
  /** Characters per streamed chunk; default: one word (with its trailing space) per chunk. */
  chunkSize?: number;
  /** Destroy the socket after this many content chunks. */
  disconnectAfter?: number;
  /** Send a line of garbage instead of this chunk (0-based). */
  malformedAt?: number;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Answer 200 with a body that is not the OpenAI format at all. */
  garbageBody?: string;
}

export interface MockKnobs {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey: string | null;
  models: string[];
  /** false: requests with `response_format` are refused with 400, like servers without structured output. */
  structuredOutput: boolean;
  /** Applied to every reply that does not set its own. */
  latencyMs: number;
  firstTokenDelayMs: number;
  chunkDelayMs: number;
  /** The reply when nothing is queued. */
  defaultText: string;
  defaultJson: unknown;

  /** /v1/audio/transcriptions: the text when no transcript is queued, and the wait before answering. */
  transcript: string;
  sttDelayMs: number;
  /** An error status for every transcription (null: none). */
  sttStatus: number | null;
  /** /v1/audio/speech: the wait before answering, an error status (null: none), and what the audio is. */
  ttsDelayMs: number;
  ttsStatus: number | null;
  /** `tone`: a 220 Hz tone of `ttsMsPerChar` per character; `espeak`: espeak-ng's voice `ttsVoice`. */
  ttsEngine: 'tone' | 'espeak';
  ttsMsPerChar: number;
  ttsVoice: string;
}

export const DEFAULT_KNOBS: MockKnobs = {
  apiKey: null,
  models: ['mock-chat', 'mock-analysis'],
  structuredOutput: true,
  latencyMs: 0,
  firstTokenDelayMs: 0,
  chunkDelayMs: 0,
  defaultText: '¡Hola! ¿Qué tal tu día?',
  defaultJson: { corrections: [] },
  transcript: 'Hola, me llamo Ana.',
  sttDelayMs: 0,
  sttStatus: null,
  ttsDelayMs: 0,
  ttsStatus: null,
  ttsEngine: 'tone',
  ttsMsPerChar: 60,
  ttsVoice: 'es',
};

export interface ChatRequestBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
}

export function requestText(body: ChatRequestBody): string {
  return (body.messages ?? [])
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n')
    .toLowerCase();
}

export function replyMatches(reply: MockReply, body: ChatRequestBody): boolean {
  const structured = Boolean(body.response_format);
  if (reply.kind === 'structured' && !structured) return false;
  if (reply.kind === 'chat' && structured) return false;
  if (!reply.match) return true;
  const needle = reply.match.toLowerCase();
  return body.response_format?.json_schema?.name?.toLowerCase() === needle || requestText(body).includes(needle);
}

/** Splits a reply into streamed chunks: words (keeping their spaces) or fixed-size pieces. */
export function chunksOf(text: string, size?: number): string[] {
  if (size && size > 0) {
    const out: string[] = [];
    for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
    return out;
  }
  return text.match(/\S+\s*|\s+/g) ?? [];
}
