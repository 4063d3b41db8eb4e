import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  concatFrames,
  encodeSpeech,
  meterLevel,
  pcm16Bytes,
  resample,
  SPEECH_SAMPLE_RATE,
  toPcm16,
} from '../../src-renderer/src/audio/pcm';

const sine = (hz: number, rate: number, seconds: number) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));

/** The strongest frequency of a signal, by correlating with candidate sines (enough for a test). */
function dominantHz(samples: Float32Array, rate: number, candidates: number[]): number {
  let best = candidates[0]!;
  let bestPower = -1;
  for (const hz of candidates) {
    let re = 0;
    let im = 0;
    samples.forEach((s, i) => {
      re += s * Math.cos((2 * Math.PI * hz * i) / rate);
      im += s * Math.sin((2 * Math.PI * hz * i) / rate);
    });
    const power = re * re + im * im;
    if (power > bestPower) [best, bestPower] = [hz, power];
  }
  return best;
}

describe('resampling to 16 kHz', () => {
  it('keeps the duration and the pitch of 48 kHz and 44.1 kHz audio', () => {
    for (const rate of [48_000, 44_100]) {
      const out = resample(sine(440, rate, 1), rate);
      expect(out.length).toBe(SPEECH_SAMPLE_RATE);
      expect(dominantHz(out, SPEECH_SAMPLE_RATE, [220, 330, 440, 550, 880])).toBe(440);
      const peak = out.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
      expect(peak).toBeGreaterThan(0.9);
      expect(peak).toBeLessThanOrEqual(1);
    }
  });

  it('averages away a tone above the new Nyquist frequency instead of folding it into the speech band', () => {
    const out = resample(sine(12_000, 48_000, 0.5), 48_000);
    const rms = Math.sqrt(out.reduce((sum, s) => sum + s * s, 0) / out.length);
    expect(rms).toBeLessThan(0.3);
  });

  it('upsamples 8 kHz linearly and returns a copy at the same rate', () => {
    const input = Float32Array.from([0, 1, 0, -1]);
    expect(Array.from(resample(input, 8_000))).toEqual([0, 0.5, 1, 0.5, 0, -0.5, -1, -1]);
    const same = resample(input, 16_000);
    expect(Array.from(same)).toEqual([0, 1, 0, -1]);
    expect(same).not.toBe(input);
  });
});

describe('PCM16 encoding', () => {
  it('maps full scale to the int16 range, clamps, and writes little-endian bytes', () => {
    const pcm = toPcm16(Float32Array.from([0, 1, -1, 0.5, 2, -3]));
    expect(Array.from(pcm)).toEqual([0, 32767, -32768, 16384, 32767, -32768]);
    expect(Array.from(pcm16Bytes(Int16Array.from([1, -2, 0x1234])))).toEqual([1, 0, 0xfe, 0xff, 0x34, 0x12]);
  });

  it('round-trips through base64 as the contract carries it', () => {
    const samples = sine(200, SPEECH_SAMPLE_RATE, 0.1);
    const bytes = base64ToBytes(encodeSpeech(samples));
    expect(bytes.length).toBe(samples.length * 2);
    const view = new DataView(bytes.buffer);
    const back = Array.from({ length: samples.length }, (_, i) => view.getInt16(i * 2, true) / 32767);
    back.forEach((s, i) => expect(s).toBeCloseTo(samples[i]!, 3));
    expect(encodeSpeech(new Float32Array(0))).toBe('');
  });

  it('joins frames in order and meters loudness on a dB scale', () => {
    expect(Array.from(concatFrames([Float32Array.from([1, 2]), Float32Array.from([3])]))).toEqual([1, 2, 3]);
    expect(meterLevel(new Float32Array(512))).toBe(0);
    expect(meterLevel(new Float32Array(512).fill(1))).toBe(1);
    // -30 dBFS sits half way up the meter.
    expect(meterLevel(new Float32Array(512).fill(10 ** (-30 / 20)))).toBeCloseTo(0.5, 5);
  });
});
