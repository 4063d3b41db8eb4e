/** Why the microphone could not be opened, in words the screen turns into a plain message. */
export type MicrophoneProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'failed';

export class MicrophoneError extends Error {
  constructor(
    readonly problem: MicrophoneProblem,
    cause?: unknown,
  ) {
    super(`microphone: ${problem}`, { cause });
  }
}

export function microphoneProblem(error: unknown): MicrophoneProblem {
  if (error instanceof MicrophoneError) return error.problem;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/** Opens the chosen microphone (or the default one when it is gone), mono, with echo cancellation. */
export async function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices?.getUserMedia) throw new MicrophoneError('unsupported');
  const audio: MediaTrackConstraints = {
    channelCount: 1,
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
    ...(deviceId ? { deviceId: { ideal: deviceId } } : {}),
  };
  try {
    return await devices.getUserMedia({ audio });
  } catch (error) {
    throw new MicrophoneError(microphoneProblem(error), error);
  }
}

export interface MicrophoneChoice {
  deviceId: string;
  label: string;
}

/** The microphones the system lists (labels appear once the learner has allowed one). */
export async function listMicrophones(): Promise<MicrophoneChoice[]> {
  const devices = navigator.mediaDevices as MediaDevices | undefined;
  if (!devices?.enumerateDevices) return [];
  const all = await devices.enumerateDevices();
  return all
    .filter((device) => device.kind === 'audioinput' && device.deviceId !== '')
    .map((device) => ({ deviceId: device.deviceId, label: device.label }));
}
