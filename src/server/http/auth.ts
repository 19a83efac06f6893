import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiFailure } from '../errors';
import type { AdvocateAuth, BrandAuth, Store } from '../store';
import { isAdminKey, isDeviceToken } from '../store/secrets';
import { enforceRole, keyActor } from './consoleAuth';

declare module 'fastify' {
  interface FastifyRequest {
    brand?: BrandAuth;
    advocate?: AdvocateAuth;
  }
}

/** `Authorization: Bearer …`; `?token=` too where a client cannot set headers (EventSource). */
export function credentialOf(request: FastifyRequest, allowQuery = false): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m?.[1];
  }
  if (allowQuery) {
    const q = (request.query as Record<string, unknown> | undefined)?.token;
    if (typeof q === 'string' && q) return q;
  }
  return undefined;
}

/**
 * 401: no or unknown credential. 403: a valid credential of the wrong kind for this route, or a
 * role that may not do this (consoleAuth.ts). A console session counts as a credential.
 */
export function requireAdmin(store: Store, now: () => number) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.brand) return enforceRole(request); // verified already (identify.ts)
    const key = credentialOf(request);
    if (!key)
      throw new ApiFailure(
        'unauthorized',
        'missing brand admin key (Authorization: Bearer <key>) or console session',
      );
    if (isDeviceToken(key) && (await store.advocateForToken(key, now()))) {
      throw new ApiFailure('forbidden', 'advocate tokens cannot use the admin API');
    }
    const brand = isAdminKey(key) ? await store.brandForAdminKey(key, now()) : undefined;
    if (!brand) throw new ApiFailure('unauthorized', 'unknown, expired or revoked brand admin key');
    request.brand = brand;
    request.adminActor = keyActor(key);
    enforceRole(request);
  };
}

export function requireAdvocate(store: Store, now: () => number, allowQuery = false) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.advocate) return; // verified already (identify.ts)
    const token = credentialOf(request, allowQuery);
    if (!token)
      throw new ApiFailure('unauthorized', 'missing device token (Authorization: Bearer <token>)');
    if (isAdminKey(token) && (await store.brandForAdminKey(token, now()))) {
      throw new ApiFailure('forbidden', 'brand admin keys cannot use the advocate API');
    }
    const advocate = isDeviceToken(token) ? await store.advocateForToken(token, now()) : undefined;
    if (!advocate) throw new ApiFailure('unauthorized', 'unknown, expired or revoked device token');
    request.advocate = advocate;
  };
}
