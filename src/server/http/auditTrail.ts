/**
 * The audit log records every change made through the admin and console API: each request that
 * is not a read and succeeded, by whom (account, or which API key), when, in which brand, the
 * route and its parameters and a fingerprint of the body (never the body: it may hold personal
 * data). Written before the answer leaves, so a client that saw success finds the entry.
 *
 * The entry is written just after the change commits, not in its transaction (the routes' store
 * calls own their transactions). So a failed write is never silent: it is tried again, and if it
 * still fails the whole entry goes to the error log and the answer carries
 * `x-gigdesk-audit: not-recorded` (the change itself did happen; answering an error would invite
 * a retry that repeats it).
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store';
import { fingerprint } from '../store/secrets';
import { isRead } from './consoleAuth';

const AUDITED = /^\/v1\/(admin|console)\//;
const ATTEMPTS = 3;
export const AUDIT_HEADER = 'x-gigdesk-audit';

export function auditTrail(app: FastifyInstance, store: Store, now: () => number) {
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (isRead(request) || !route || !AUDITED.test(route) || reply.statusCode >= 400)
      return payload;
    const actor = request.adminActor;
    const brand = request.brand;
    if (!actor || !brand) return payload;
    const entry = {
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
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await store.console.appendAudit(entry, now());
        return payload;
      } catch (err) {
        if (attempt < ATTEMPTS) continue;
        request.log.error(
          { err, auditEntry: entry },
          'audit entry not written; the change was applied',
        );
        reply.header(AUDIT_HEADER, 'not-recorded');
        return payload;
      }
    }
  });
}
