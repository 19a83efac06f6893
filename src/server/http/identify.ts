/**
 * Who is calling, decided in `onRequest`, before any body is read: a global hook verifies the
 * credential (if any) once and records what it proves on the request. The rate limiter keys on
 * that identity, else the client address; the routes' own `onRequest` guards (auth.ts) then
 * answer 401/403 from it. So an unknown or random credential counts against its address, and a
 * 10 MiB body is never parsed for a caller that is not allowed in.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../store';
import { isAdminKey, isDeviceToken } from '../store/secrets';
import { credentialOf } from './auth';
import { identifySession, keyActor } from './consoleAuth';

/** Routes where a client that cannot set headers (EventSource) passes `?token=`. */
const QUERY_TOKEN_ROUTES = new Set(['/v1/events']);

export function identifyCallers(app: FastifyInstance, store: Store, now: () => number) {
  app.addHook('onRequest', async (request) => {
    const credential = credentialOf(
      request,
      QUERY_TOKEN_ROUTES.has(request.routeOptions.url ?? ''),
    );
    if (!credential) return identifySession(request, store, now());
    if (isDeviceToken(credential)) {
      const advocate = await store.advocateForToken(credential, now());
      if (advocate) request.advocate = advocate;
    } else if (isAdminKey(credential)) {
      const brand = await store.brandForAdminKey(credential, now());
      if (brand) {
        request.brand = brand;
        request.adminActor = keyActor(credential);
      }
    }
  });
}

/** The rate limiter's key: the verified identity, else the client address (see `trustProxy`). */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.advocate) return `advocate:${request.advocate.id}`;
  if (request.brand) return `brand:${request.brand.id}`;
  return `ip:${request.ip}`;
}
