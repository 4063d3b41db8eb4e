/**
 * Synthetic learner audio at 16 kHz: "syllables" of a harmonic tone (a voice-like fundamental with overtones),
 * separated by silences of known length, over a faint noise floor. Deterministic (seeded noise).
 */
export const RATE = 16_000;

export type Piece = { tone: number; hz: number } | { silence: number };

export function synthesize(pieces: Piece[], noise = 0.001): Float32Array {
  const total = pieces.reduce((n, p) => n + Math.round((RATE * ('tone' in p ? p.tone : p.silence)) / 1000), 0);
  const out = new Float32Array(total);
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
  let at = 0;
  for (const piece of pieces) {
    const n = Math.round((RATE * ('tone' in piece ? piece.tone : piece.silence)) / 1000);
    for (let i = 0; i < n; i += 1) {
      let s = noise * random();
      if ('tone' in piece) {
        const fade = Math.min(1, i / 80, (n - 1 - i) / 80);
        const t = i / RATE;
        s += fade * 0.25 * (Math.sin(2 * Math.PI * piece.hz * t) + 0.5 * Math.sin(4 * Math.PI * piece.hz * t) + 0.25 * Math.sin(6 * Math.PI * piece.hz * t));
      }
      out[at + i] = s;
    }
    at += n;
  }
  return out;
}

/** Float samples as base64 PCM16, the wire format of a voice turn. */
export function toPcm16Base64(samples: Float32Array): string {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i += 1) bytes.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i]!)) * 32767), i * 2);
  return bytes.toString('base64');
}

/** A 10 s utterance: 20 runs of 400 ms speech, a 700 ms pause every fourth run, gliding 110–220 Hz. */
export function tenSecondUtterance(): Float32Array {
  const pieces: Piece[] = [];
  for (let i = 0; i < 20; i += 1) {
    pieces.push({ tone: 400, hz: 110 + (i % 5) * 27.5 });
    pieces.push({ silence: i % 4 === 3 ? 700 : 60 });
  }
  return synthesize(pieces);
}
