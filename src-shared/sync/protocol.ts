/**
 * The wire protocol between Parley devices and the companion sync server (server/). Pure TypeScript: the server
 * validates every request with these schemas and the client validates every response with them.
 *
 * JSON over HTTP(S). Authenticated calls carry `Authorization: Bearer <accessToken>`. Every error is
 * `{ error: { code, message } }` with the HTTP status given in `errorStatus`. Bodies are strict: unknown fields
 * are refused (400 bad_request). See /work/briefs/SYNC-PROTOCOL.md and docs/sync-server.md.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** Limits the server enforces; a client stays under them. */
export const limits = {
  /** Messages in one push. */
  pushMessages: 1000,
  /** Bytes of one message's ciphertext once base64-decoded. */
  messageBytes: 256 * 1024,
  /** Bytes of one whole request body (JSON text). Above it: 413 payload_too_large. */
  bodyBytes: 8 * 1024 * 1024,
  /** Default and largest `limit` of a pull. */
  pullDefault: 1000,
  pullMax: 5000,
  /** A pull page stops early (hasMore: true) once its ciphertexts add up to this many decoded bytes. */
  pullPageBytes: 4 * 1024 * 1024,
  /** The wrapped data key blob, base64 text. */
  wrappedKeyChars: 4096,
  /** A class CSV for /v1/admin/accounts/import, in characters. */
  importCsvChars: 1024 * 1024,
  /** Each row costs one password hash (~60 ms): a class or a few, not a whole district, per request. */
  importRows: 500,
} as const;

/** Access tokens live 15 minutes, refresh tokens 30 days (rotated at each refresh; idle sessions expire). */
export const tokenLifetimes = { accessMs: 15 * 60 * 1000, refreshMs: 30 * 24 * 60 * 60 * 1000 } as const;

export const endpoints = {
  health: { method: 'GET', path: '/health' },
  setup: { method: 'POST', path: '/v1/setup' },
  login: { method: 'POST', path: '/v1/auth/login' },
  refresh: { method: 'POST', path: '/v1/auth/refresh' },
  logout: { method: 'POST', path: '/v1/auth/logout' },
  changePassword: { method: 'POST', path: '/v1/auth/password' },
  me: { method: 'GET', path: '/v1/me' },
  getKeys: { method: 'GET', path: '/v1/keys' },
  putKeys: { method: 'PUT', path: '/v1/keys' },
  push: { method: 'POST', path: '/v1/sync/push' },
  pull: { method: 'GET', path: '/v1/sync/pull' },
  adminList: { method: 'GET', path: '/v1/admin/accounts' },
  adminCreate: { method: 'POST', path: '/v1/admin/accounts' },
  adminImport: { method: 'POST', path: '/v1/admin/accounts/import' },
  adminResetPassword: { method: 'POST', path: '/v1/admin/accounts/:accountId/reset-password' },
  adminDisable: { method: 'POST', path: '/v1/admin/accounts/:accountId/disable' },
  adminEnable: { method: 'POST', path: '/v1/admin/accounts/:accountId/enable' },
} as const;

export const syncErrorCodes = [
  'bad_request',
  'unauthorized',
  'token_expired',
  'invalid_credentials',
  'forbidden',
  'account_disabled',
  'not_found',
  'username_taken',
  'version_conflict',
  'setup_done',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type SyncErrorCode = (typeof syncErrorCodes)[number];

export const errorStatus: Record<SyncErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  token_expired: 401,
  invalid_credentials: 401,
  forbidden: 403,
  account_disabled: 403,
  not_found: 404,
  username_taken: 409,
  version_conflict: 409,
  setup_done: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export const errorBody = z.object({
  error: z.object({ code: z.enum(syncErrorCodes), message: z.string(), retryAfterSeconds: z.number().int().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

const base64Chars = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
    .refine((s) => s.length % 4 === 0, 'base64 length');

/** Decoded size of a base64 string (no padding check: the schema above did that). */
export function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'lower-case UUID');
export const username = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash, underscore');
export const password = z.string().min(8).max(256);
export const displayName = z.string().trim().min(1).max(100);
export const deviceName = z.string().trim().min(1).max(100);
export const role = z.enum(['admin', 'learner']);
/** Server sequence numbers: per account, dense (1, 2, 3, ...) and increasing in the order the server stored them. */
export const seq = z.number().int().min(0);

// ---- health and setup

export const healthResponse = z.object({ status: z.literal('ok'), protocol: z.literal(PROTOCOL_VERSION) });

/** Only while no admin exists and the server printed a one-time setup code at start. */
export const setupRequest = z.strictObject({ setupCode: z.string().min(1).max(100), username, password, displayName: displayName.optional() });

// ---- auth

export const loginRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  deviceName,
  /** The id this device received at an earlier login to the same account; omitted on a new device. */
  deviceId: uuid.optional(),
});

export const tokenPair = z.object({
  accessToken: z.string(),
  /** Epoch ms. */
  accessExpiresAt: z.number().int(),
  refreshToken: z.string(),
  refreshExpiresAt: z.number().int(),
});

export const loginResponse = tokenPair.extend({
  accountId: uuid,
  deviceId: uuid,
  username,
  displayName: z.string(),
  role,
});

/** Rotates: the refresh token sent is spent; using it again is refused (401) and ends that session. */
export const refreshRequest = z.strictObject({ refreshToken: z.string().min(1).max(200) });
export const refreshResponse = tokenPair;

/** Ends this device's session (its refresh token and access tokens). Answer 204. */
export const logoutRequest = z.strictObject({ refreshToken: z.string().min(1).max(200) });

/** Authenticated. Ends every other session of the account. Answer 204. */
export const changePasswordRequest = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: password });

export const meResponse = z.object({ accountId: uuid, deviceId: uuid, username, displayName: z.string(), role });

// ---- the wrapped data key (opaque to the server)

export const kdfParams = z.strictObject({
  algorithm: z.literal('scrypt'),
  salt: base64Chars(128),
  N: z.number().int().min(2 ** 14).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});

export const keyRecord = z.object({
  /** Starts at 1 and goes up by one at every PUT. */
  version: z.number().int().min(1),
  wrappedKey: base64Chars(limits.wrappedKeyChars),
  kdf: kdfParams,
  updatedAt: z.number().int(),
});
export type KeyRecord = z.infer<typeof keyRecord>;

export const getKeysResponse = z.object({ key: keyRecord.nullable() });

/**
 * Stores a new wrapped key when the account's current version is `expectedVersion` (0: no key yet). Otherwise 409
 * version_conflict (another device set or changed the passphrase first: GET it and unwrap with the passphrase).
 */
export const putKeysRequest = z.strictObject({
  expectedVersion: z.number().int().min(0),
  wrappedKey: base64Chars(limits.wrappedKeyChars),
  kdf: kdfParams,
});
export const putKeysResponse = z.object({ key: keyRecord });

// ---- push and pull

export const pushMessage = z.strictObject({
  /** Idempotency key, chosen by the device (UUIDv4 or v7). The same id pushed again is not stored twice. */
  id: uuid,
  /** Standard base64 of the encrypted message; the server never reads it. */
  ciphertext: base64Chars(Math.ceil(limits.messageBytes / 3) * 4),
  /** Decoded byte length of ciphertext; a mismatch is refused (400). */
  size: z.number().int().min(1).max(limits.messageBytes),
});
export type PushMessage = z.infer<typeof pushMessage>;

export const pushRequest = z.strictObject({ messages: z.array(pushMessage).min(1).max(limits.pushMessages) });

export const pushResponse = z.object({
  /** One entry per pushed message, in request order. `duplicate`: the id was already stored; seq is the stored one. */
  accepted: z.array(z.object({ id: uuid, seq: seq, duplicate: z.boolean() })),
  highestSeq: seq,
});

/** Query string of GET /v1/sync/pull: `after` is the last seq the device applied (0 at first). */
export const pullQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(limits.pullMax).default(limits.pullDefault),
});

export const pulledMessage = z.object({
  id: uuid,
  seq: seq,
  /** The device that pushed it (so a device can skip its own). */
  deviceId: uuid,
  ciphertext: z.string(),
  size: z.number().int(),
  /** Epoch ms when the server stored it. */
  receivedAt: z.number().int(),
});
export type PulledMessage = z.infer<typeof pulledMessage>;

export const pullResponse = z.object({
  /** In seq order, all with seq > after. */
  messages: z.array(pulledMessage),
  /** More messages follow: pull again with after = nextAfter. */
  hasMore: z.boolean(),
  /** The cursor to send next (the last message's seq, or `after` when the page is empty). */
  nextAfter: seq,
  /** The account's highest seq now: progress of a long first sync is (nextAfter - start) / (highestSeq - start). */
  highestSeq: seq,
});

// ---- admin (role admin only; 403 forbidden otherwise)

export const accountSummary = z.object({
  accountId: uuid,
  username,
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  createdAt: z.number().int(),
  messageCount: z.number().int(),
  storedBytes: z.number().int(),
});
export type AccountSummary = z.infer<typeof accountSummary>;

export const adminListQuery = z.strictObject({
  /** Usernames sort the list; page with after = the last username seen. */
  after: z.string().max(64).default(''),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const adminListResponse = z.object({ accounts: z.array(accountSummary), hasMore: z.boolean() });

export const createAccountRequest = z.strictObject({ username, displayName, password, role: role.default('learner') });
export const createAccountResponse = z.object({ account: accountSummary });

/** A class list: header `name,username,password` (the header is optional; columns in that order), UTF-8 text. */
export const importAccountsRequest = z.strictObject({ csv: z.string().min(1).max(limits.importCsvChars) });
export const importRowError = z.object({
  /** 1-based line in the CSV text. */
  line: z.number().int(),
  username: z.string().optional(),
  code: z.enum(['missing_field', 'bad_username', 'bad_password', 'bad_name', 'username_taken', 'duplicate_in_file', 'too_many_rows']),
  message: z.string(),
});
export const importAccountsResponse = z.object({
  created: z.array(z.object({ line: z.number().int(), accountId: uuid, username })),
  errors: z.array(importRowError),
});

/** Sets a new password and ends every session of that account. Answer 204. */
export const resetPasswordRequest = z.strictObject({ password });
/** Disable ends every session; the account's requests then get 403 account_disabled. Enable undoes it. Answer 204. */
export const accountIdParam = z.strictObject({ accountId: uuid });

export type LoginResponse = z.infer<typeof loginResponse>;
export type PushRequest = z.infer<typeof pushRequest>;
export type PushResponse = z.infer<typeof pushResponse>;
export type PullResponse = z.infer<typeof pullResponse>;
