import { FRAME_MS } from './speech-segments';

/** Pitch is tracked at 8 kHz: enough for a voice's fundamental (60–500 Hz) and four times cheaper than 16 kHz. */
export const TRACK_RATE = 8000;
/** 32 ms windows: lags up to 128 samples, so fundamentals down to 62.5 Hz; 500 Hz is lag 16. */
const WINDOW = 256;
const MAX_LAG = 128;
const MIN_LAG = TRACK_RATE / 500;
const HOP = (TRACK_RATE * 40) / 1000;
const THRESHOLD = 0.15;
const MIN_HZ = 60;
const MIN_VOICED_FRAMES = 10;
/** At most this many windows, spread evenly over the voiced speech: plenty for two percentiles, and a 60 s turn costs what a 10 s one does. */
const MAX_WINDOWS = 100;

/** The signal at 8 kHz (pairs averaged: a mild low-pass before dropping every other sample). */
export function downsample(samples: Float32Array, sampleRate: number): Float32Array | null {
  const ratio = sampleRate / TRACK_RATE;
  if (!Number.isInteger(ratio) || ratio < 1) return null;
  const low = new Float32Array(Math.floor(samples.length / ratio));
  for (let i = 0; i < low.length; i += 1) {
    let sum = 0;
    for (let k = 0; k < ratio; k += 1) sum += samples[i * ratio + k]!;
    low[i] = sum / ratio;
  }
  return low;
}

/**
 * YIN (de Cheveigné & Kawahara, 2002) on one 32 ms window of the 8 kHz signal: the cumulative-mean-normalised
 * difference function, the first dip under the threshold, parabolic interpolation. Written here rather than taken
 * from pitchfinder because pitchfinder's YIN allocates per call and runs five times slower, which breaks the 20 ms
 * budget for 10 s of speech; tests/voice/fluency.test.ts checks it agrees with pitchfinder's YIN.
 */
const scratch = new Float64Array(MAX_LAG + 2);
export function yinPitch(x: Float32Array, start: number): number | null {
  const d = scratch;
  d[0] = 1;
  let running = 0;
  let dip = -1;
  const end = start + WINDOW - MAX_LAG;
  // The difference function is computed lag by lag and stops just past the first dip under the threshold: for a
  // 150 Hz voice that is lag 54 of 128, so most of the work is skipped.
  for (let tau = 1; tau <= MAX_LAG; tau += 1) {
    let sum = 0;
    for (let i = start; i < end; i += 1) {
      const v = x[i]! - x[i + tau]!;
      sum += v * v;
    }
    running += sum;
    d[tau] = running > 0 ? (sum * tau) / running : 1;
    if (dip < 0) {
      if (tau >= MIN_LAG && d[tau]! < THRESHOLD) dip = tau;
    } else if (d[tau]! < d[dip]!) dip = tau;
    else break;
  }
  if (dip < 0) return null;
  const s0 = d[dip - 1]!;
  const s1 = d[dip]!;
  const s2 = dip + 1 <= MAX_LAG ? d[dip + 1]! : s1;
  const denominator = 2 * (2 * s1 - s2 - s0);
  const refined = denominator !== 0 ? dip + (s2 - s0) / denominator : dip;
  return TRACK_RATE / refined;
}

/** The window starts the tracker analyses: every 40 ms, where the segmentation found speech. */
export function* voicedWindows(length: number, speechFrames: Uint8Array): Generator<number> {
  for (let start = 0; start + WINDOW <= length; start += HOP) {
    const centre = Math.floor(((start + WINDOW / 2) / TRACK_RATE) * (1000 / FRAME_MS));
    if (speechFrames[centre]) yield start;
  }
}

/** The range of the voiced pitch, 5th to 95th percentile, in semitones; null with too little voiced speech. */
export function pitchRangeSemitones(samples: Float32Array, sampleRate: number, speechFrames: Uint8Array): number | null {
  const ratio = sampleRate / TRACK_RATE;
  if (!Number.isInteger(ratio) || ratio < 1) return null;
  const voiced = [...voicedWindows(Math.floor(samples.length / ratio), speechFrames)];
  const step = Math.max(1, voiced.length / MAX_WINDOWS);
  const window = new Float32Array(WINDOW);
  const pitches: number[] = [];
  for (let k = 0; k < voiced.length; k += step) {
    // Only the analysed windows are brought down to 8 kHz.
    const from = voiced[Math.floor(k)]! * ratio;
    for (let i = 0; i < WINDOW; i += 1) {
      let sum = 0;
      for (let j = 0; j < ratio; j += 1) sum += samples[from + i * ratio + j]!;
      window[i] = sum / ratio;
    }
    const hz = yinPitch(window, 0);
    if (hz !== null && hz >= MIN_HZ) pitches.push(hz);
  }
  if (pitches.length < MIN_VOICED_FRAMES) return null;
  pitches.sort((a, b) => a - b);
  const p5 = pitches[Math.floor(0.05 * (pitches.length - 1))]!;
  const p95 = pitches[Math.ceil(0.95 * (pitches.length - 1))]!;
  return 12 * Math.log2(p95 / p5);
}
