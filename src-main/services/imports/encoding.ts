import { TextDecoder } from 'node:util';
import type { z } from 'zod';
import type { csvEncoding } from '../../../src-shared/contract/imports';

export type CsvEncoding = z.infer<typeof csvEncoding>;

/** The WHATWG label TextDecoder knows each encoding by; BOMs are skipped by the decoder itself. */
export function decoderLabel(encoding: CsvEncoding): string {
  return encoding === 'utf-8-bom' ? 'utf-8' : encoding;
}

export function newDecoder(encoding: CsvEncoding): TextDecoder {
  return new TextDecoder(decoderLabel(encoding));
}

/**
 * Guesses the encoding from the first bytes of a file: a byte order mark first, then the zero bytes that
 * UTF-16 text without a BOM is full of, then valid UTF-8, and else Windows-1252 (what spreadsheet programs on
 * Windows write as "CSV").
 */
export function detectEncoding(head: Uint8Array): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  try {
    // stream: a character cut in two at the end of the head is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Mostly-Latin UTF-16 has a zero in every other byte; binary files have zeros too, but not in that rhythm. */
function utf16WithoutBom(head: Uint8Array): CsvEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Text that a spreadsheet could have written has almost no control characters besides tab and line breaks;
 * binary data (an image, a zip, a database) decoded as text is full of them.
 */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) controls += 1;
  }
  return controls > Math.max(2, text.length * 0.01);
}
