import OpenAI from 'openai';

export type SpeechProblemCode = 'not_configured' | 'server_down' | 'timeout' | 'bad_key' | 'unknown_model' | 'quota' | 'not_compatible' | 'bad_response' | 'server_error';

/** Plain words for each problem. Never the server's own text: it may quote a piece of the API key. */
export const SPEECH_PROBLEM_MESSAGES: Record<SpeechProblemCode, string> = {
  not_configured: 'No speech server is set up. Choose one in the voice settings.',
  server_down: 'The speech server does not answer. Is it running, and is the address right?',
  timeout: 'The speech server took too long to answer.',
  bad_key: 'The speech server refused the API key. Check the key in the voice settings.',
  unknown_model: 'The speech server does not know that model or voice.',
  quota: 'The speech server says the quota is used up or too many requests were made. Try again later.',
  not_compatible: 'The server does not offer OpenAI-compatible speech endpoints at this address.',
  bad_response: 'The speech server sent a reply Parley could not read.',
  server_error: 'The speech server had an internal error.',
};

/** A failed speech call, classified. `slot` tells the learner which server failed. */
export class SpeechError extends Error {
  readonly problem: SpeechProblemCode;
  readonly status: number | null;

  constructor(problem: SpeechProblemCode, status: number | null = null) {
    super(SPEECH_PROBLEM_MESSAGES[problem]);
    this.name = 'SpeechError';
    this.problem = problem;
    this.status = status;
  }
}

/** Turns whatever the SDK or fetch threw into a SpeechError (never with the server's text). */
export function classifySpeechError(error: unknown): SpeechError {
  if (error instanceof SpeechError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new SpeechError('timeout');
  if (error instanceof OpenAI.APIConnectionError) return new SpeechError('server_down');
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 401 || status === 403) return new SpeechError('bad_key', status);
    if (status === 404) return new SpeechError(/model|voice/i.test(error.message) ? 'unknown_model' : 'not_compatible', status);
    if (status === 429) return new SpeechError('quota', status);
    if (status === 408) return new SpeechError('timeout', status);
    if (status >= 500) return new SpeechError('server_error', status);
    if (status === 405 || status === 415) return new SpeechError('not_compatible', status);
    return new SpeechError('bad_response', status);
  }
  if (error instanceof SyntaxError) return new SpeechError('bad_response');
  return new SpeechError('server_down');
}
