import { execFile } from 'node:child_process';
import type { MockKnobs } from './script';

/** A WAV file: 16-bit mono PCM. */
export function wavFile(samples: Int16Array, sampleRate: number): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A soft 220 Hz tone with 10 ms fades, at 24 kHz like OpenAI's WAV speech. */
export function toneWav(durationMs: number, sampleRate = 24_000): Buffer {
  const n = Math.round((sampleRate * durationMs) / 1000);
  const fade = Math.round(sampleRate / 100);
  const samples = new Int16Array(n);
  for (let i = 0; i < n; i += 1) {
    const envelope = Math.min(1, i / fade, (n - 1 - i) / fade);
    samples[i] = Math.round(0.3 * 32767 * envelope * Math.sin((2 * Math.PI * 220 * i) / sampleRate));
  }
  return wavFile(samples, sampleRate);
}

/** Speech for `text`: a tone whose length follows the text, or espeak-ng's real voice (it must be installed). */
export function speechFor(text: string, knobs: MockKnobs): Promise<Buffer> {
  if (knobs.ttsEngine === 'tone') return Promise.resolve(toneWav(Math.min(5000, Math.max(200, text.length * knobs.ttsMsPerChar))));
  return new Promise((resolve, reject) => {
    execFile('espeak-ng', ['--stdout', '-v', knobs.ttsVoice, text], { encoding: 'buffer', maxBuffer: 32 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}

/** The fields of a multipart transcription request (the file as its size and type only). */
export async function readTranscriptionForm(contentType: string, body: Buffer): Promise<Record<string, string | number> | null> {
  try {
    const form = await new Request('http://mock.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
    const fields: Record<string, string | number> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') fields[key] = value;
      else {
        const bytes = Buffer.from(await value.arrayBuffer());
        fields[`${key}.bytes`] = bytes.length;
        fields[`${key}.type`] = value.type;
        fields[`${key}.riff`] = bytes.toString('ascii', 0, 4);
      }
    }
    return fields;
  } catch {
    return null;
  }
}
