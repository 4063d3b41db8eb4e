import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DEFAULT_KNOBS, chunksOf, replyMatches, type ChatRequestBody, type MockKnobs, type MockReply } from './script';
import { readTranscriptionForm, speechFor } from './speech';

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI wire format: GET /v1/models, POST /v1/chat/completions
 * (JSON or SSE streaming, `response_format: json_schema`, usage chunks) and OpenAI-style JSON errors. Replies are
 * scripted (see script.ts) and can be slow, fail with a status and `Retry-After`, hang, drop mid-stream or send
 * malformed chunks.
 *
 * Speech: POST /v1/audio/transcriptions (multipart; answers the next queued transcript, else `knobs.transcript`)
 * and POST /v1/audio/speech (real WAV bytes: a tone or espeak-ng), each with a configurable delay and error status.
 *
 * Control endpoints for tests in another process (the e2e): POST /__mock/script {replies: MockReply[]},
 * POST /__mock/transcripts {texts: string[]}, POST /__mock/knobs {partial MockKnobs}, POST /__mock/reset,
 * GET /__mock/requests.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: ChatRequestBody | null;
  /** Transcription requests: the form fields (the file as `file.bytes`, `file.type`, `file.riff`). */
  form?: Record<string, string | number> | null;
  at: number;
}

export interface MockOpenAI {
  /** The base URL to give an OpenAI client: `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Queues replies, answered in order to the requests they match. */
  script(...replies: MockReply[]): void;
  /** Queues transcripts, answered in order by /v1/audio/transcriptions. */
  transcripts(...texts: string[]): void;
  knobs(patch: Partial<MockKnobs>): void;
  reset(): void;
  /** Requests to /v1/chat/completions only. */
  chatRequests(): ChatRequestBody[];
  close(): Promise<void>;
}

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export async function startMockOpenAI(options: { port?: number; knobs?: Partial<MockKnobs> } = {}): Promise<MockOpenAI> {
  let knobs: MockKnobs = { ...DEFAULT_KNOBS, ...options.knobs };
  let queue: MockReply[] = [];
  let transcripts: string[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const take = (body: ChatRequestBody): MockReply | null => {
    const index = queue.findIndex((reply) => replyMatches(reply, body));
    if (index < 0) return null;
    const reply = queue[index]!;
    const left = (reply.times ?? 1) - 1;
    if (left <= 0) queue.splice(index, 1);
    else queue[index] = { ...reply, times: left };
    return reply;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'mock server failure', 'server_error');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
    const bytes = await readBody(req);
    const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    const raw = multipart ? '' : bytes.toString('utf8');
    const body = raw ? (safeJson(raw) as ChatRequestBody | null) : null;
    if (path.startsWith('/__mock/')) return control(path, body, res);
    const form = multipart ? await readTranscriptionForm(req.headers['content-type']!, bytes) : undefined;
    requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization ?? null, body, ...(multipart ? { form } : {}), at: Date.now() });
    if (knobs.apiKey !== null && req.headers.authorization !== `Bearer ${knobs.apiKey}`) {
      // Like OpenAI, the message quotes the key it got: Parley must never pass this text on.
      const given = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      return sendError(res, 401, `Incorrect API key provided: ${given}.`, 'invalid_api_key');
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: knobs.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'mock' })) });
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') return chat(body, res);
    if (req.method === 'POST' && path === '/v1/audio/transcriptions') return transcription(form ?? null, res);
    if (req.method === 'POST' && path === '/v1/audio/speech') return speech(body as SpeechBody | null, res);
    sendError(res, 404, `Unknown path ${path}`, 'not_found');
  }

  async function chat(body: ChatRequestBody | null, res: ServerResponse) {
    if (!body || !Array.isArray(body.messages)) return sendError(res, 400, 'messages is required', 'invalid_request');
    if (!body.model || !knobs.models.includes(body.model)) {
      return sendError(res, 404, `The model \`${body.model}\` does not exist or you do not have access to it.`, 'model_not_found');
    }
    if (body.response_format && !knobs.structuredOutput) {
      return sendError(res, 400, 'response_format is not supported by this server', 'invalid_request');
    }
    const reply = take(body) ?? {};
    if (reply.hang) return;
    await sleep(reply.latencyMs ?? knobs.latencyMs);
    if (reply.status) {
      const headers: Record<string, string> = reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {};
      return sendError(res, reply.status, reply.errorMessage ?? `mock error ${reply.status}`, reply.errorCode ?? 'mock_error', headers);
    }
    if (reply.garbageBody !== undefined) {
      res.writeHead(200, { 'content-type': body.stream ? 'text/event-stream' : 'application/json' });
      return res.end(reply.garbageBody);
    }
    const content = reply.text ?? (reply.json !== undefined ? JSON.stringify(reply.json) : body.response_format ? JSON.stringify(knobs.defaultJson) : knobs.defaultText);
    if (body.stream) return stream(body, reply, content, res);
    await sleep(reply.firstTokenDelayMs ?? knobs.firstTokenDelayMs);
    sendJson(res, 200, {
      id: 'chatcmpl-mock',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: usageFor(body, content),
    });
  }

  async function stream(body: ChatRequestBody, reply: MockReply, content: string, res: ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    const base = { id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    await sleep(reply.firstTokenDelayMs ?? knobs.firstTokenDelayMs);
    send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    const chunks = chunksOf(content, reply.chunkSize);
    for (const [i, piece] of chunks.entries()) {
      if (i > 0) await sleep(reply.chunkDelayMs ?? knobs.chunkDelayMs);
      if (res.destroyed) return;
      if (reply.disconnectAfter !== undefined && i >= reply.disconnectAfter) {
        // Let what was written reach the client first: a drop mid-reply, not a reply that never started.
        await new Promise<void>((resolve) => res.write('', () => resolve()));
        await sleep(30);
        return res.socket?.destroy();
      }
      if (reply.malformedAt === i) res.write('data: {"choices": [ this is not json\n\n');
      else send({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    }
    send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    if (body.stream_options?.include_usage) send({ ...base, choices: [], usage: usageFor(body, content) });
    res.end('data: [DONE]\n\n');
  }

  async function transcription(form: Record<string, string | number> | null, res: ServerResponse) {
    if (!form || typeof form.model !== 'string' || !form['file.bytes']) return sendError(res, 400, 'file and model are required', 'invalid_request');
    await sleep(knobs.sttDelayMs);
    if (knobs.sttStatus) return sendError(res, knobs.sttStatus, `mock error ${knobs.sttStatus}`, 'mock_error');
    const text = transcripts.shift() ?? knobs.transcript;
    sendJson(res, 200, { text });
  }

  async function speech(body: SpeechBody | null, res: ServerResponse) {
    if (!body || typeof body.input !== 'string' || !body.input || typeof body.model !== 'string') return sendError(res, 400, 'model and input are required', 'invalid_request');
    await sleep(knobs.ttsDelayMs);
    if (knobs.ttsStatus) return sendError(res, knobs.ttsStatus, `mock error ${knobs.ttsStatus}`, 'mock_error');
    const audio = await speechFor(body.input, knobs);
    res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(audio.length) });
    res.end(audio);
  }

  function control(path: string, body: unknown, res: ServerResponse) {
    const input = (body ?? {}) as { replies?: MockReply[]; texts?: string[] } & Partial<MockKnobs>;
    if (path === '/__mock/script') queue.push(...(input.replies ?? []));
    else if (path === '/__mock/transcripts') transcripts.push(...(input.texts ?? []));
    else if (path === '/__mock/knobs') knobs = { ...knobs, ...input };
    else if (path === '/__mock/reset') {
      queue = [];
      transcripts = [];
      knobs = { ...DEFAULT_KNOBS, ...options.knobs };
      requests.length = 0;
    } else if (path === '/__mock/requests') return sendJson(res, 200, { requests });
    else return sendError(res, 404, 'unknown control path', 'not_found');
    sendJson(res, 200, { ok: true, queued: queue.length });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    script: (...replies) => queue.push(...replies),
    transcripts: (...texts) => transcripts.push(...texts),
    knobs: (patch) => {
      knobs = { ...knobs, ...patch };
    },
    reset: () => {
      queue = [];
      transcripts = [];
      knobs = { ...DEFAULT_KNOBS, ...options.knobs };
      requests.length = 0;
    },
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions' && r.body).map((r) => r.body!),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function usageFor(body: ChatRequestBody, content: string) {
  const prompt = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
  const completion = Math.ceil(content.length / 4);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

interface SpeechBody {
  model?: unknown;
  input?: unknown;
  voice?: unknown;
  response_format?: unknown;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

function sendError(res: ServerResponse, status: number, message: string, code: string, headers: Record<string, string> = {}) {
  sendJson(res, status, { error: { message, type: status === 401 ? 'invalid_request_error' : 'api_error', param: null, code } }, headers);
}
