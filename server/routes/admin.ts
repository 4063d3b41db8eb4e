import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  accountIdParam,
  adminListQuery,
  createAccountRequest,
  endpoints,
  importAccountsRequest,
  resetPasswordRequest,
  type AccountSummary,
} from '../../src-shared/sync/protocol';
import { readClassCsv, type RowError } from '../accounts/class-csv';
import { hashPassword } from '../auth/passwords';
import type { Context } from '../context';
import { HttpError, parse } from '../errors';
import type { AccountRow, Role } from '../store/store';

const summary = (a: AccountRow): AccountSummary => ({
  accountId: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  disabled: a.disabled,
  createdAt: a.createdAt,
  messageCount: a.lastSeq,
  storedBytes: a.storedBytes,
});

export function registerAdminRoutes(app: FastifyInstance, ctx: Context) {
  const { store } = ctx;

  const create = async (input: { username: string; displayName: string; password: string; role: Role }) => {
    const id = randomUUID();
    const passwordHash = await hashPassword(input.password, ctx.config.passwordCost);
    const created = await store.createAccount({ id, ...input, passwordHash, createdAt: ctx.now() });
    return created ? id : null;
  };

  const target = async (params: unknown) => {
    const { accountId } = parse(accountIdParam, params);
    const account = await store.getAccount(accountId);
    if (!account) throw new HttpError('not_found', 'No such account.');
    return account;
  };

  app.get(endpoints.adminList.path, async (request) => {
    await ctx.requireAdmin(request);
    const query = parse(adminListQuery, request.query);
    const rows = await store.listAccounts(query.after, query.limit + 1);
    return { accounts: rows.slice(0, query.limit).map(summary), hasMore: rows.length > query.limit };
  });

  app.post(endpoints.adminCreate.path, async (request, reply) => {
    const admin = await ctx.requireAdmin(request);
    const body = parse(createAccountRequest, request.body);
    const id = await create(body);
    if (!id) throw new HttpError('username_taken', `The username ${body.username} is taken.`);
    request.log.info({ event: 'account_created', by: admin.accountId, accountId: id }, 'account created');
    return reply.code(201).send({ account: summary((await store.getAccount(id))!) });
  });

  app.post(endpoints.adminImport.path, async (request) => {
    const admin = await ctx.requireAdmin(request);
    const { csv } = parse(importAccountsRequest, request.body);
    const { rows, errors } = readClassCsv(csv);
    const created: { line: number; accountId: string; username: string }[] = [];
    const taken: RowError[] = [];
    for (let i = 0; i < rows.length; i += 4) {
      const batch = rows.slice(i, i + 4);
      const ids = await Promise.all(batch.map((row) => create({ ...row, role: 'learner' })));
      batch.forEach((row, j) => {
        const accountId = ids[j];
        if (accountId) created.push({ line: row.line, accountId, username: row.username });
        else taken.push({ line: row.line, username: row.username, code: 'username_taken', message: 'This username is taken.' });
      });
    }
    request.log.info({ event: 'accounts_imported', by: admin.accountId, created: created.length, errors: errors.length + taken.length }, 'class imported');
    return { created, errors: [...errors, ...taken].sort((a, b) => a.line - b.line) };
  });

  app.post(endpoints.adminResetPassword.path, async (request, reply) => {
    await ctx.requireAdmin(request);
    const account = await target(request.params);
    const body = parse(resetPasswordRequest, request.body);
    await store.setPasswordHash(account.id, await hashPassword(body.password, ctx.config.passwordCost));
    await store.revokeAccountSessions(account.id, ctx.now());
    return reply.code(204).send();
  });

  app.post(endpoints.adminDisable.path, async (request, reply) => {
    const admin = await ctx.requireAdmin(request);
    const account = await target(request.params);
    if (account.id === admin.accountId) throw new HttpError('bad_request', 'You cannot disable your own account.');
    await store.setDisabled(account.id, true);
    await store.revokeAccountSessions(account.id, ctx.now());
    return reply.code(204).send();
  });

  app.post(endpoints.adminEnable.path, async (request, reply) => {
    await ctx.requireAdmin(request);
    const account = await target(request.params);
    await store.setDisabled(account.id, false);
    return reply.code(204).send();
  });
}
