import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_HEADER } from '../../src-shared/web-protocol';
import type { Core } from '../core';
import { FileTooLargeError, UploadInterruptedError } from '../services/files/byte-limit';
import { MAX_UPLOAD_BYTES, type FileStore } from '../services/files/file-store';

export interface UploadDeps {
  core: Core;
  files: FileStore;
  /** Whether the web shell opened this session (the same check as every /api call). */
  hasSession(sessionId: string): boolean;
  limitBytes?: number;
}

/**
 * `POST /api/upload?name=<file name>`: the body (the file's bytes, any content type) is streamed into the file
 * store for the session's profile and answered with `{ fileId, fileName, bytes }`. The caller (server.ts) has
 * already checked the token and the Origin.
 */
export async function receiveUpload(req: IncomingMessage, res: ServerResponse, deps: UploadDeps): Promise<void> {
  const sessionId = String(req.headers[SESSION_HEADER] ?? '');
  if (!deps.hasSession(sessionId)) return refuse(req, res, 401, 'UNAUTHENTICATED', 'This tab’s session has ended.');
  const current = await deps.core.dispatch('profiles:current', {}, sessionId);
  const profileId = current.ok ? (current.value as { profile: { id: string } | null }).profile?.id : undefined;
  if (!profileId) return refuse(req, res, 401, 'UNAUTHENTICATED', 'Sign in to a profile first.');
  const limit = deps.limitBytes ?? MAX_UPLOAD_BYTES;
  if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(req, res, 413, 'INVALID_INPUT', new FileTooLargeError(limit).message);

  const name = new URL(req.url ?? '/', 'http://parley.invalid').searchParams.get('name') ?? '';
  try {
    const stored = await deps.files.saveUpload(req, name, profileId, limit);
    reply(res, 200, { fileId: stored.fileId, fileName: stored.fileName, bytes: stored.bytes });
  } catch (error) {
    if (error instanceof FileTooLargeError) return refuse(req, res, 413, 'INVALID_INPUT', error.message);
    if (error instanceof UploadInterruptedError) return void req.socket.destroy();
    throw error;
  }
}

/** Answers an error and closes the connection: the rest of a refused body is not worth reading. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify({ ok: false, error: { code, message } }), () => req.socket.destroy());
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
