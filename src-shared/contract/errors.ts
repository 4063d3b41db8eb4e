import { z } from 'zod';

export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'INVALID_OUTPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'WRONG_PASSWORD',
  'RATE_LIMITED',
  'CONFIRMATION_MISMATCH',
  'RECOVERY_REQUIRED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});

export type ContractErrorShape = z.infer<typeof errorSchema>;

/** An error a service throws on purpose; dispatch turns it into an error envelope. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.details = details;
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };

export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorSchema }),
]);
