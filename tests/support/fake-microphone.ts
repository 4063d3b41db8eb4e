import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * A WAV for Chromium's fake microphone (`--use-file-for-fake-audio-capture`): espeak-ng speaking `text`, padded
 * with silence before and after. Chromium loops the file, so the silence after decides when the speech comes
 * again. 48 kHz mono 16-bit, what a real microphone gives.
 */
export function speechWav(
  dir: string,
  name: string,
  text: string,
  { voice = 'es', before = 0.5, after = 10 } = {},
): string {
  const raw = path.join(dir, `${name}.raw.wav`);
  const out = path.join(dir, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', raw, text]);
  execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', out, 'pad', String(before), String(after)]);
  return out;
}

/** Seconds of audio in a WAV, as sox reads it. */
export function wavSeconds(file: string): number {
  return Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());
}
