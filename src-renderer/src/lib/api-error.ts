import { errorCodes, type ContractErrorShape, type ErrorCode } from '../../../src-shared/contract';

/** Where a failure came from when the core never answered: the network, the access token, or the request size. */
export type TransportProblem = 'offline' | 'token' | 'too-large';

/** An error envelope from the core (or a transport failure dressed as one), thrown by the api client. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  static fromShape(shape: ContractErrorShape): ApiError {
    const code = (errorCodes as readonly string[]).includes(shape.code) ? shape.code : 'INTERNAL';
    return new ApiError(code, shape.message, shape.details);
  }

  static transport(problem: TransportProblem, message: string): ApiError {
    const code: ErrorCode =
      problem === 'offline' ? 'UNAVAILABLE' : problem === 'token' ? 'UNAUTHENTICATED' : 'INVALID_INPUT';
    return new ApiError(code, message, { transport: problem });
  }

  get transportProblem(): TransportProblem | null {
    const details = this.details as { transport?: TransportProblem } | undefined;
    return details?.transport ?? null;
  }

  /** For RATE_LIMITED: how long to wait before trying again. */
  get retryAfterMs(): number | null {
    const details = this.details as { retryAfterMs?: unknown } | undefined;
    return typeof details?.retryAfterMs === 'number' ? details.retryAfterMs : null;
  }
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return ApiError.transport('offline', error instanceof Error ? error.message : String(error));
}
