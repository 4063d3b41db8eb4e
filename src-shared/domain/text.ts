import { z } from 'zod';

/** A trimmed, non-empty line of text with an upper bound, for names and labels. */
export function label(max: number) {
  return z
    .string()
    .max(max * 4)
    .transform((s) => s.trim())
    .pipe(z.string().min(1).max(max));
}

export const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'not a UUIDv7');

/** Passwords are bounded so hashing a huge string cannot stall the core. */
export const password = z.string().min(4).max(256);
