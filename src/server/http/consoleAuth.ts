/**
 * Who may change what on the admin API. Machines use a brand API key (owner rights); people use
 * a console session: an HttpOnly, SameSite=Strict cookie naming a server-side session, plus the
 * session's CSRF token in `x-csrf-token` on every request that is not a read (csrf.ts). Roles:
 * owner (everything, including accounts and keys), admin (everything else), analyst (reads only).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminRole } from '../../shared/consoleProtocol';
import { ApiFailure } from '../errors';
import type { Store } from '../store';
import { hashSecret } from '../store/secrets';
import type { ConsoleSessionAuth } from '../store/sessions';
import { checkCsrf } from './csrf';

export const SESSION_COOKIE = 'gigdesk_console';

export interface AdminActor {
  kind: 'account' | 'key';
  id: string;
  label: string;
  role: AdminRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    adminActor?: AdminActor;
    consoleSession?: ConsoleSessionAuth;
  }
}

export const keyActor = (key: string): AdminActor => {
  const id = hashSecret(key).slice(0, 12);
  return { kind: 'key', id, label: `API key ${id}`, role: 'owner' };
};

export const sessionActor = (s: ConsoleSessionAuth): AdminActor => ({
  kind: 'account',
  id: s.account.id,
  label: s.account.email,
  role: s.account.role,
});

/** Reads the session cookie (only when no bearer credential was sent). */
export async function identifySession(request: FastifyRequest, store: Store, now: number) {
  const sid = request.cookies?.[SESSION_COOKIE];
  if (!sid) return;
  const session = await store.console.sessionFor(sid, now);
  if (!session) return;
  request.consoleSession = session;
  request.brand = session.brand;
  request.adminActor = sessionActor(session);
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isRead = (request: FastifyRequest) => READS.has(request.method);

const rank: Record<AdminRole, number> = { analyst: 0, admin: 1, owner: 2 };

/**
 * The role a request needs: `owner` for accounts and keys (`config.adminRole`), `admin` for
 * any other change, `analyst` for reads. A session's change must also carry its CSRF token.
 */
export function enforceRole(request: FastifyRequest, needs?: AdminRole) {
  const actor = request.adminActor;
  if (!actor) throw new ApiFailure('unauthorized', 'sign in or send a brand admin key');
  const required = needs ?? (isRead(request) ? 'analyst' : 'admin');
  if (!isRead(request) && request.consoleSession) checkCsrf(request, request.consoleSession);
  if (rank[actor.role] < rank[required])
    throw new ApiFailure(
      'forbidden',
      required === 'admin'
        ? `the ${actor.role} role can only read; ask an admin or owner to make this change`
        : `only an owner can do this; your role is ${actor.role}`,
    );
}

/** Route guard for owner-only admin routes (runs after `requireAdmin`). */
export const requireOwner = async (request: FastifyRequest, _reply: FastifyReply) =>
  enforceRole(request, 'owner');
