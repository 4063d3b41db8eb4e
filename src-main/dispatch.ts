import type { z } from 'zod';
import { contract, isChannel, ContractError, type ContractErrorShape, type Envelope } from '../src-shared/contract';
import type { ContractEntry } from '../src-shared/contract/define';
import type { HandlerContext, Handlers } from './handlers/types';
import type { Logger } from './logging';

export interface DispatchDeps {
  handlers: Handlers;
  /** Builds the context for a session, or says why there is none. */
  context(sessionId: string): HandlerContext | ContractErrorShape;
  inRecovery(): boolean;
  isAdmin(profileId: string): boolean;
  validateOutput: boolean;
  logger: Logger;
}

const fail = (code: ContractErrorShape['code'], message: string, details?: unknown): Envelope<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * The one entry point both shells use. Whatever arrives (an unknown channel, malformed input, a handler that
 * throws), the caller gets an envelope back, never an exception.
 */
export function createDispatch(deps: DispatchDeps) {
  return async function dispatch(channel: string, rawInput: unknown, sessionId: string): Promise<Envelope<unknown>> {
    if (typeof channel !== 'string' || !isChannel(channel)) return fail('UNKNOWN_CHANNEL', 'Unknown channel.');
    const entry: ContractEntry = contract[channel];
    if (deps.inRecovery() && !entry.inRecovery) {
      return fail('RECOVERY_REQUIRED', 'Parley could not open its data. Restore a backup first.');
    }
    const parsed = entry.input.safeParse(rawInput);
    if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error), { issues: issueList(parsed.error) });

    const ctx = deps.context(sessionId);
    if ('code' in ctx) return { ok: false, error: ctx };
    const denied = checkAccess(entry, ctx, deps.isAdmin);
    if (denied) return denied;

    const started = performance.now();
    try {
      const handler = deps.handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
      const value = await handler(parsed.data, ctx);
      if (!deps.validateOutput) return { ok: true, value };
      const checked = entry.output.safeParse(value);
      if (!checked.success) {
        deps.logger.error({ channel, issues: issueList(checked.error) }, 'handler returned output that breaks the contract');
        return fail('INVALID_OUTPUT', `The core answered ${channel} with data that breaks the contract.`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ContractError) return fail(error.code, error.message, error.details);
      deps.logger.error({ channel, err: { name: (error as Error)?.name, message: (error as Error)?.message, stack: (error as Error)?.stack } }, 'handler failed');
      return fail('INTERNAL', 'Something went wrong inside Parley. Your data is safe; please try again.');
    } finally {
      deps.logger.debug({ channel, ms: performance.now() - started }, 'dispatch');
    }
  };
}

function checkAccess(entry: ContractEntry, ctx: HandlerContext, isAdmin: (id: string) => boolean): Envelope<never> | null {
  if (entry.access === 'public') return null;
  if (!ctx.session.profileId) return fail('UNAUTHENTICATED', 'Sign in to a profile first.');
  if (entry.access === 'admin' && !isAdmin(ctx.session.profileId)) {
    return fail('FORBIDDEN', 'Only an administrator can do this.');
  }
  return null;
}

function issueList(error: z.ZodError) {
  return error.issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request was not valid.';
  const where = first.path.length ? `${first.path.map(String).join('.')}: ` : '';
  return `The request was not valid (${where}${first.message}).`;
}
