/**
 * The audit log records every change made through the admin and console API: each request that
 * is not a read and succeeded, by whom (account, or which API key), when, in which brand, the
 * route and its parameters and a fingerprint of the body (never the body: it may hold personal
 * data). Written before the answer leaves, so a client that saw success finds the entry.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store';
import { fingerprint } from '../store/secrets';
import { isRead } from './consoleAuth';

const AUDITED = /^\/v1\/(admin|console)\//;

export function auditTrail(app: FastifyInstance, store: Store, now: () => number) {
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (isRead(request) || !route || !AUDITED.test(route) || reply.statusCode >= 400)
      return payload;
    const actor = request.adminActor;
    const brand = request.brand;
    if (!actor || !brand) return payload;
    await store.console.appendAudit(
      {
        brandId: brand.id,
        actorKind: actor.kind,
        actorId: actor.id,
        actorLabel: actor.label,
        action: `${request.method} ${route}`,
        detail: {
          params: request.params ?? {},
          // Console bodies carry passwords and invite tokens: not even their hash is kept.
          ...(request.body === undefined || route.startsWith('/v1/console/')
            ? {}
            : { bodySha256: fingerprint(request.body) }),
        },
        status: reply.statusCode,
      },
      now(),
    );
    return payload;
  });
}
