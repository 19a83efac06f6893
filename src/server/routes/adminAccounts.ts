import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AccountInviteRequest,
  type AccountInviteResponse,
  AccountPatch,
  AuditQuery,
} from '../../shared/consoleProtocol';
import { Id } from '../../shared/protocol';
import { requireAdmin } from '../http/auth';
import { requireOwner } from '../http/consoleAuth';
import { parseInput } from '../http/validate';
import type { Store } from '../store';

const IdParam = z.strictObject({ id: Id });

/** Where an invite link points: the configured public URL, else the address the caller used. */
export function inviteUrl(request: FastifyRequest, publicUrl: string | undefined, token: string) {
  const base = publicUrl ?? `${request.protocol}://${request.host}`;
  return new URL(`/console/#/accept?token=${encodeURIComponent(token)}`, base).toString();
}

/** The brand's console accounts (owners only) and its audit log (every role). */
export function adminAccountRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  publicUrl: string | undefined,
) {
  const admin = requireAdmin(store, now);
  const owner = { onRequest: [admin, requireOwner] };
  const brandOf = (request: FastifyRequest) => request.brand!.id;

  app.post('/v1/admin/accounts', owner, async (request, reply): Promise<AccountInviteResponse> => {
    const inv = await store.console.inviteAccount(
      brandOf(request),
      parseInput(AccountInviteRequest, request.body),
      now(),
    );
    reply.code(201);
    return {
      accountId: inv.accountId,
      inviteUrl: inviteUrl(request, publicUrl, inv.token),
      expiresAt: inv.expiresAt,
    };
  });
  app.get('/v1/admin/accounts', owner, async (request) => ({
    accounts: await store.console.listAccounts(brandOf(request)),
  }));
  app.patch('/v1/admin/accounts/:id', owner, async (request) => {
    const { id } = parseInput(IdParam, request.params, 'params');
    return store.console.patchAccount(
      brandOf(request),
      id,
      parseInput(AccountPatch, request.body),
      now(),
    );
  });

  app.get('/v1/admin/audit', { onRequest: admin }, async (request) => {
    const q = parseInput(AuditQuery, request.query, 'query');
    return { entries: await store.console.listAudit(brandOf(request), q.since, q.limit) };
  });
}
