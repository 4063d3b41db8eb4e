/** The format the core takes from the microphone: 16 kHz mono 16-bit little-endian PCM. */
export const SPEECH_SAMPLE_RATE = 16_000;

/**
 * Resamples mono audio to `toRate`. Downsampling averages the source samples each output sample covers (a box
 * filter, enough against aliasing for speech); upsampling interpolates linearly.
 */
export function resample(input: Float32Array, fromRate: number, toRate = SPEECH_SAMPLE_RATE): Float32Array {
  if (fromRate === toRate) return input.slice();
  const ratio = fromRate / toRate;
  const length = Math.floor(input.length / ratio);
  const output = new Float32Array(length);
  for (let i = 0; i < length; i += 1) {
    if (ratio > 1) {
      const start = Math.floor(i * ratio);
      const end = Math.min(input.length, Math.max(start + 1, Math.floor((i + 1) * ratio)));
      let sum = 0;
      for (let j = start; j < end; j += 1) sum += input[j]!;
      output[i] = sum / (end - start);
    } else {
      const at = i * ratio;
      const left = Math.floor(at);
      const right = Math.min(input.length - 1, left + 1);
      const weight = at - left;
      output[i] = input[left]! * (1 - weight) + input[right]! * weight;
    }
  }
  return output;
}

/** Float samples in [-1, 1] to signed 16-bit, clamped (full scale -1 → -32768, 1 → 32767). */
export function toPcm16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out[i] = s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff);
  }
  return out;
}

/** 16-bit samples as little-endian bytes, whatever the machine's byte order. */
export function pcm16Bytes(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, i) => view.setInt16(i * 2, sample, true));
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A 16 kHz float recording as the base64 PCM16 the `voice:turn` and `voice:shadow` calls take. */
export function encodeSpeech(samples: Float32Array): string {
  return bytesToBase64(pcm16Bytes(toPcm16(samples)));
}

export function concatFrames(frames: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(frames.reduce((n, frame) => n + frame.length, 0));
  let at = 0;
  for (const frame of frames) {
    out.set(frame, at);
    at += frame.length;
  }
  return out;
}

/** A frame's loudness for a level meter: 0 at -60 dBFS or below, 1 at full scale. */
export function meterLevel(frame: Float32Array): number {
  if (frame.length === 0) return 0;
  let sum = 0;
  for (const s of frame) sum += s * s;
  const rms = Math.sqrt(sum / frame.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.max(0, Math.min(1, (db + 60) / 60));
}
