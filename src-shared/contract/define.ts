import type { z } from 'zod';

/** Who may call a channel: anyone, a signed-in profile, or a signed-in admin profile. */
export type Access = 'public' | 'profile' | 'admin';

export interface ContractEntry<
  C extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  readonly channel: C;
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** Channels whose cached query results are stale after this call succeeds. */
  readonly invalidates: readonly string[];
  /** Calls that still work while the database is being recovered. */
  readonly inRecovery: boolean;
}

interface ContractDefinition<C extends string, I extends z.ZodType, O extends z.ZodType> {
  channel: C;
  input: I;
  output: O;
  access?: Access;
  invalidates?: readonly string[];
  inRecovery?: boolean;
}

export function defineContract<C extends string, I extends z.ZodType, O extends z.ZodType>(
  definition: ContractDefinition<C, I, O>,
): ContractEntry<C, I, O> {
  return {
    access: 'profile',
    invalidates: [],
    inRecovery: false,
    ...definition,
  };
}

export interface EventEntry<N extends string = string, P extends z.ZodType = z.ZodType> {
  readonly name: N;
  readonly payload: P;
}

export function defineEvent<N extends string, P extends z.ZodType>(name: N, payload: P): EventEntry<N, P> {
  return { name, payload };
}

type EntryOf<T> = T extends ContractEntry<infer C, infer I, infer O> ? ContractEntry<C, I, O> : never;

/** Turns a list of entries into a record keyed by channel, rejecting duplicates at start-up. */
export function byChannel<const T extends readonly ContractEntry[]>(
  entries: T,
): { [E in T[number] as E['channel']]: EntryOf<E> } {
  const record: Record<string, ContractEntry> = {};
  for (const entry of entries) {
    if (record[entry.channel]) throw new Error(`Duplicate contract channel ${entry.channel}`);
    record[entry.channel] = entry;
  }
  return record as { [E in T[number] as E['channel']]: EntryOf<E> };
}
