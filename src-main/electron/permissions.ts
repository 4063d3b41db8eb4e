import type { Session } from 'electron';
import { originOf } from './renderer-origin';

type MediaTypes = ReadonlyArray<'video' | 'audio' | 'unknown'>;

/**
 * The microphone (Chromium's 'media' permission, audio only) for our own origin; nothing else for anyone. The
 * camera is refused too: a language tutor needs to hear the learner, not see them.
 */
export function isPermissionGranted(
  permission: string,
  origin: string | null,
  appOrigin: string,
  mediaTypes: MediaTypes = [],
): boolean {
  return permission === 'media' && origin === appOrigin && !mediaTypes.includes('video');
}

/** Installs the request and check handlers on a session; both answer from `isPermissionGranted`. */
export function applyPermissionPolicy(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionGranted(permission, originOf(details.requestingUrl), appOrigin, mediaTypes));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const mediaTypes = details.mediaType ? [details.mediaType] : [];
    return isPermissionGranted(permission, originOf(requestingOrigin), appOrigin, mediaTypes);
  });
  session.setDevicePermissionHandler(() => false);
}
