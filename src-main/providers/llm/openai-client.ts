import OpenAI from 'openai';
import { retryDelay, wait } from './backoff';
import { LlmError, classifyLlmError } from './llm-errors';
import type { LlmTuning } from './tuning';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmEndpoint {
  baseUrl: string;
  /** Null for local servers that need none. Lives only in memory, for the length of a call. */
  apiKey: string | null;
}

export interface StreamRequest {
  model: string;
  messages: ChatMessage[];
  signal: AbortSignal;
  /** Called with each new piece of text, in order. */
  onDelta: (text: string) => void;
  maxTokens?: number;
}

export interface StreamResult {
  text: string;
  /** `incomplete`: some text came, then the stream stopped early (Stop, a drop, a time-out, the length limit). */
  status: 'complete' | 'incomplete' | 'error';
  /** Why it stopped early or failed; null when complete, stopped by the caller, or cut by the length limit. */
  error: LlmError | null;
  stopped: boolean;
  attempts: number;
}

export interface CompleteRequest {
  model: string;
  messages: ChatMessage[];
  signal?: AbortSignal;
  /** Asks for structured output (`response_format: json_schema`). */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  maxTokens?: number;
}

export type LlmClient = ReturnType<typeof createLlmClient>;

/**
 * One OpenAI-compatible server, through the `openai` SDK. The SDK's own retries are off: Parley retries here,
 * honouring Retry-After, and only while nothing has reached the learner, so a retry never duplicates text.
 */
export function createLlmClient(endpoint: LlmEndpoint, tuning: LlmTuning) {
  const sdk = new OpenAI({
    baseURL: endpoint.baseUrl.replace(/\/+$/, ''),
    apiKey: endpoint.apiKey ?? 'no-key',
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: tuning.connectTimeoutMs,
    defaultHeaders: { 'X-Title': 'Parley' },
  });

  const withRetries = async <T>(signal: AbortSignal | undefined, attempt: (n: number) => Promise<T>): Promise<T> => {
    for (let n = 1; ; n += 1) {
      try {
        return await attempt(n);
      } catch (error) {
        if (signal?.aborted) throw error;
        const failure = classifyLlmError(error);
        const delay = retryDelay(failure, n, tuning);
        if (delay === null) throw failure;
        await wait(delay, signal);
      }
    }
  };

  return {
    async listModels(signal?: AbortSignal): Promise<string[]> {
      return withRetries(signal, async () => {
        const timer = deadline(tuning.requestTimeoutMs, signal);
        try {
          const page = await sdk.models.list({ signal: timer.signal });
          const ids = page.data.map((m) => (m as { id?: unknown }).id);
          if (!Array.isArray(page.data) || ids.some((id) => typeof id !== 'string')) throw new LlmError('not_compatible');
          return (ids as string[]).sort((a, b) => a.localeCompare(b));
        } catch (error) {
          throw timer.timedOut() ? new LlmError('timeout', { retryable: true }) : notCompatibleOnSyntax(error);
        } finally {
          timer.clear();
        }
      });
    },

    async complete(request: CompleteRequest): Promise<string> {
      return withRetries(request.signal, async () => {
        const timer = deadline(tuning.requestTimeoutMs, request.signal);
        try {
          const response = await sdk.chat.completions.create(
            {
              model: request.model,
              messages: request.messages,
              stream: false,
              ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
              ...(request.jsonSchema
                ? { response_format: { type: 'json_schema' as const, json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema, strict: true } } }
                : {}),
            },
            { signal: timer.signal },
          );
          const content: unknown = (response as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
          if (typeof content !== 'string') throw new LlmError('bad_response');
          if (!content.trim()) throw new LlmError('bad_response', { message: 'The model sent an empty reply.' });
          return content;
        } catch (error) {
          throw timer.timedOut() ? new LlmError('timeout', { retryable: true }) : error;
        } finally {
          timer.clear();
        }
      });
    },

    async stream(request: StreamRequest): Promise<StreamResult> {
      for (let attempt = 1; ; attempt += 1) {
        const outcome = await streamOnce(sdk, request, tuning);
        if (outcome.kind === 'done') return { ...outcome.result, attempts: attempt };
        const delay = retryDelay(outcome.error, attempt, tuning);
        if (delay === null) return { text: '', status: 'error', error: outcome.error, stopped: false, attempts: attempt };
        try {
          await wait(delay, request.signal);
        } catch {
          return { text: '', status: 'incomplete', error: null, stopped: true, attempts: attempt };
        }
      }
    },
  };
}

type Attempt = { kind: 'done'; result: Omit<StreamResult, 'attempts'> } | { kind: 'retry'; error: LlmError };

/** One streamed request. Fails over to `retry` only when no text has been passed on yet. */
async function streamOnce(sdk: OpenAI, request: StreamRequest, tuning: LlmTuning): Promise<Attempt> {
  const controller = new AbortController();
  const stopByCaller = () => controller.abort();
  if (request.signal.aborted) return { kind: 'done', result: { text: '', status: 'incomplete', error: null, stopped: true } };
  request.signal.addEventListener('abort', stopByCaller, { once: true });
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
  };
  let text = '';
  let finish: string | null = null;
  try {
    arm(tuning.connectTimeoutMs);
    const stream = await sdk.chat.completions.create(
      {
        model: request.model,
        messages: request.messages,
        stream: true,
        stream_options: { include_usage: true },
        ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
      },
      { signal: controller.signal },
    );
    arm(tuning.firstTokenTimeoutMs);
    for await (const chunk of stream) {
      const choice = chunk.choices?.[0];
      const piece = choice?.delta?.content;
      if (typeof piece === 'string' && piece.length > 0) {
        text += piece;
        request.onDelta(piece);
        arm(tuning.idleTimeoutMs);
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
    }
  } catch (error) {
    const stopped = request.signal.aborted;
    const failure = stopped ? null : timedOut ? new LlmError('timeout', { retryable: true }) : classifyLlmError(error);
    if (!text && failure?.retryable) return { kind: 'retry', error: failure };
    if (!text && failure) return { kind: 'done', result: { text, status: 'error', error: failure, stopped } };
    return { kind: 'done', result: { text, status: 'incomplete', error: failure, stopped } };
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', stopByCaller);
  }
  // The SDK ends the iteration quietly when its request is aborted: by the caller (Stop) or by a time-out here.
  if (request.signal.aborted) return { kind: 'done', result: { text, status: 'incomplete', error: null, stopped: true } };
  if (timedOut) {
    const late = new LlmError('timeout', { retryable: true });
    if (!text) return { kind: 'retry', error: late };
    return { kind: 'done', result: { text, status: 'incomplete', error: late, stopped: false } };
  }
  if (!text) {
    const empty = new LlmError('bad_response', { message: 'The model sent an empty reply.' });
    return { kind: 'done', result: { text, status: 'error', error: empty, stopped: false } };
  }
  if (finish === 'length') return { kind: 'done', result: { text, status: 'incomplete', error: null, stopped: false } };
  if (!finish) return { kind: 'done', result: { text, status: 'incomplete', error: new LlmError('server_down'), stopped: false } };
  return { kind: 'done', result: { text, status: 'complete', error: null, stopped: false } };
}

/** An abort signal that fires after `ms` or when `outer` does; `timedOut()` tells the two apart. */
function deadline(ms: number, outer?: AbortSignal) {
  const controller = new AbortController();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    controller.abort();
  }, ms);
  const forward = () => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  if (outer?.aborted) controller.abort();
  return {
    signal: controller.signal,
    timedOut: () => fired,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    },
  };
}

/** On the model list, a 404 or a body that is not JSON means the address is not an OpenAI-compatible API. */
function notCompatibleOnSyntax(error: unknown): unknown {
  if (error instanceof SyntaxError) return new LlmError('not_compatible');
  const failure = classifyLlmError(error);
  return failure.status === 404 ? new LlmError('not_compatible', { status: 404 }) : failure;
}
