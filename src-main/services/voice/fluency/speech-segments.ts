/** Analysis frames of 10 ms. */
export const FRAME_MS = 10;
/** Silences shorter than this inside speech are not pauses. */
export const MIN_PAUSE_MS = 250;
/** Bursts shorter than this (clicks, a breath) do not count as speech. */
const MIN_BURST_MS = 30;

export interface SpeechSegments {
  /** First and last speech frame, in ms from the start (0 and 0 when no speech was found). */
  onsetMs: number;
  offsetMs: number;
  /** Silences of MIN_PAUSE_MS or more between speech, as [start, end) in ms. */
  pauses: Array<[number, number]>;
  /** Per 10 ms frame: speech or not (pauses and the silence around the speech are false). */
  speechFrames: Uint8Array;
}

/**
 * Energy-based speech/silence segmentation. The threshold adapts to the recording: 10 dB over the quiet frames'
 * level (10th percentile) but never above 20 dB under the loud frames' level (95th percentile), and never below
 * -60 dBFS, so a recording with no silence at all and one with a noisy room both work.
 */
export function findSpeech(samples: Float32Array, sampleRate: number, minPauseMs = MIN_PAUSE_MS): SpeechSegments {
  const frameLength = Math.round((sampleRate * FRAME_MS) / 1000);
  const frames = Math.floor(samples.length / frameLength);
  const levels = new Float64Array(frames);
  for (let f = 0; f < frames; f += 1) {
    let sum = 0;
    const start = f * frameLength;
    for (let i = start; i < start + frameLength; i += 1) sum += samples[i]! * samples[i]!;
    levels[f] = 10 * Math.log10(sum / frameLength + 1e-12);
  }
  const speechFrames = new Uint8Array(frames);
  if (frames === 0) return { onsetMs: 0, offsetMs: 0, pauses: [], speechFrames };
  const sorted = Float64Array.from(levels).sort();
  const quiet = sorted[Math.floor(0.1 * (frames - 1))]!;
  const loud = sorted[Math.floor(0.95 * (frames - 1))]!;
  const threshold = Math.max(-60, Math.min(quiet + 10, loud - 20));
  for (let f = 0; f < frames; f += 1) speechFrames[f] = levels[f]! > threshold ? 1 : 0;

  fillRuns(speechFrames, 1, Math.ceil(MIN_BURST_MS / FRAME_MS), 0);
  const first = speechFrames.indexOf(1);
  if (first < 0) return { onsetMs: 0, offsetMs: 0, pauses: [], speechFrames };
  const last = speechFrames.lastIndexOf(1);
  const minPauseFrames = Math.ceil(minPauseMs / FRAME_MS);
  const pauses: Array<[number, number]> = [];
  for (let f = first; f <= last; ) {
    if (speechFrames[f]) {
      f += 1;
      continue;
    }
    let end = f;
    while (end <= last && !speechFrames[end]) end += 1;
    if (end - f >= minPauseFrames) pauses.push([f * FRAME_MS, end * FRAME_MS]);
    else speechFrames.fill(1, f, end);
    f = end;
  }
  return { onsetMs: first * FRAME_MS, offsetMs: (last + 1) * FRAME_MS, pauses, speechFrames };
}

/** Turns runs of `value` shorter than `minLength` into `replacement`. */
function fillRuns(frames: Uint8Array, value: number, minLength: number, replacement: number): void {
  for (let f = 0; f < frames.length; ) {
    if (frames[f] !== value) {
      f += 1;
      continue;
    }
    let end = f;
    while (end < frames.length && frames[end] === value) end += 1;
    if (end - f < minLength) frames.fill(replacement, f, end);
    f = end;
  }
}
