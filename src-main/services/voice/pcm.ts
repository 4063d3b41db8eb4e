/** 16 kHz mono 16-bit little-endian PCM, the format of every learner turn. */
export const SAMPLE_RATE = 16_000;

/** The samples of a base64 PCM16 string, as floats in [-1, 1). An odd trailing byte is dropped. */
export function pcmFromBase64(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  const count = bytes.length >> 1;
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i += 1) samples[i] = bytes.readInt16LE(i * 2) / 32768;
  return samples;
}

/** Float samples back to PCM16 bytes (clipped). */
export function pcm16Bytes(samples: Float32Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i += 1) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out.writeInt16LE(Math.round(s < 0 ? s * 32768 : s * 32767), i * 2);
  }
  return out;
}

/** A RIFF/WAVE file around PCM16 bytes. */
export function wavFromPcm16(pcm: Buffer, sampleRate = SAMPLE_RATE, channels = 1): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/** The PCM16 samples and format of a WAV file; null for anything but 16-bit PCM. */
export function parseWav(file: Buffer): { sampleRate: number; channels: number; samples: Int16Array } | null {
  if (file.length < 12 || file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') return null;
  let format: { sampleRate: number; channels: number; bits: number; code: number } | null = null;
  for (let at = 12; at + 8 <= file.length; ) {
    const id = file.toString('ascii', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= file.length) {
      format = { code: file.readUInt16LE(body), channels: file.readUInt16LE(body + 2), sampleRate: file.readUInt32LE(body + 4), bits: file.readUInt16LE(body + 14) };
    } else if (id === 'data' && format) {
      if (format.code !== 1 || format.bits !== 16) return null;
      // Streaming servers write 0xFFFFFFFF (unknown length): read to the end.
      const end = Math.min(file.length, size === 0xffffffff ? file.length : body + size);
      const count = (end - body) >> 1;
      const samples = new Int16Array(count);
      for (let i = 0; i < count; i += 1) samples[i] = file.readInt16LE(body + i * 2);
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    at = body + size + (size & 1);
  }
  return null;
}
