import { BRIDGE_KEY, type ParleyBridge, type UploadedFile } from '../../../src-shared/bridge';
import type { ContractErrorShape } from '../../../src-shared/contract';
import { SESSION_HEADER, WEB_PATHS } from '../../../src-shared/web-protocol';
import { ApiError } from './api-error';
import { webCredentials } from './web-credentials';

export type { UploadedFile };

/** Bytes sent so far and the file's size. */
export type UploadProgress = (sent: number, total: number) => void;

function electronBridge(): ParleyBridge | undefined {
  return (window as unknown as Partial<Record<string, ParleyBridge>>)[BRIDGE_KEY];
}

/** In the desktop shell the preload hands the main process the file's path: nothing is copied, so no progress. */
async function uploadThroughBridge(
  bridge: ParleyBridge,
  file: File,
  onProgress: UploadProgress,
): Promise<UploadedFile> {
  onProgress(0, file.size);
  const envelope = await bridge.uploadFile(file).catch((error: unknown) => {
    throw ApiError.transport('offline', error instanceof Error ? error.message : String(error));
  });
  if (!envelope.ok) throw ApiError.fromShape(envelope.error);
  onProgress(file.size, file.size);
  return envelope.value;
}

function failureOf(request: XMLHttpRequest): ApiError {
  if (request.status === 413) return ApiError.transport('too-large', 'The file is too large.');
  if (request.status === 0) return ApiError.transport('offline', 'Parley is not reachable.');
  const body = request.response as { ok?: boolean; error?: ContractErrorShape } | null;
  if (body?.error) return ApiError.fromShape(body.error);
  return ApiError.transport('offline', `Parley answered with status ${request.status}.`);
}

/** In the web shell the bytes go in one POST; XMLHttpRequest, unlike fetch, reports upload progress. */
function uploadOverHttp(file: File, onProgress: UploadProgress, signal?: AbortSignal): Promise<UploadedFile> {
  const token = webCredentials.token();
  const sessionId = webCredentials.sessionId();
  if (!token || !sessionId) return Promise.reject(ApiError.transport('token', 'Open Parley from its address.'));
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${WEB_PATHS.upload}?name=${encodeURIComponent(file.name)}`);
    request.responseType = 'json';
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader(SESSION_HEADER, sessionId);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      if (request.status === 200) resolve(request.response as UploadedFile);
      else reject(failureOf(request));
    };
    request.onerror = () => reject(failureOf(request));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    onProgress(0, file.size);
    request.send(file);
  });
}

/** Hands a file the learner picked to the core, through whichever shell Parley runs in. */
export function uploadFile(file: File, onProgress: UploadProgress, signal?: AbortSignal): Promise<UploadedFile> {
  const bridge = electronBridge();
  return bridge ? uploadThroughBridge(bridge, file, onProgress) : uploadOverHttp(file, onProgress, signal);
}
