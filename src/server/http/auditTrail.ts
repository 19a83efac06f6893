/**
 * The audit log records every change made through the admin and console API: each request that
 * is not a read and succeeded, by whom (account, or which API key), when, in which brand, the
 * route and its parameters and a fingerprint of the body (never the body: it may hold personal
 * data). Written before the answer leaves, so a client that saw success finds the entry.
 *
 * The entry is written in the transaction of the change it records (store/auditScope.ts), with
 * the status the route had set by then, else its documented success status (routeDocs.ts). A change
 * made without the store's `write()` is recorded just after it instead: a failed write is tried
 * again, and if it still fails the whole entry goes to the error log and the answer carries
 * `x-gigdesk-audit: not-recorded` (the change itself did happen; answering an error would invite
 * a retry that repeats it).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store';
import { type AuditInput, type AuditScope, runInAuditScope } from '../store/auditScope';
import { fingerprint } from '../store/secrets';
import { isRead } from './consoleAuth';
import { routeDocs } from './routeDocs';

const AUDITED = /^\/v1\/(admin|console)\//;
const ATTEMPTS = 3;
export const AUDIT_HEADER = 'x-gigdesk-audit';

/** The entry `request` would be recorded with now, or undefined when it is not audited. */
function entryOf(request: FastifyRequest, reply: FastifyReply): AuditInput | undefined {
  const route = request.routeOptions.url;
  if (isRead(request) || !route || !AUDITED.test(route) || reply.statusCode >= 400) return;
  const actor = request.adminActor;
  const brand = request.brand;
  if (!actor || !brand) return;
  return {
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
    // Before the answer, a route that answers e.g. 201 may not have set it yet: its documented one.
    status:
      reply.statusCode !== 200
        ? reply.statusCode
        : (routeDocs[`${request.method} ${route}`]?.status ?? 200),
  };
}

const scopeKey = Symbol('auditScope');
type Scoped = FastifyRequest & { [scopeKey]?: AuditScope };

export function auditTrail(app: FastifyInstance, store: Store, now: () => number) {
  // Callback style: the rest of the request (hooks, handler, store calls) runs in the scope.
  app.addHook('onRequest', (request, reply, done) => {
    const scope: AuditScope = {
      entry: () => entryOf(request, reply),
      recorded: false,
      closed: false,
    };
    (request as Scoped)[scopeKey] = scope;
    runInAuditScope(scope, done);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const scope = (request as Scoped)[scopeKey];
    if (scope) scope.closed = true;
    if (scope?.recorded) return payload;
    const entry = entryOf(request, reply);
    if (!entry) return payload;
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
