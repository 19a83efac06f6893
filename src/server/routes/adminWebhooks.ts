import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WebhookCreateRequest, WebhookDeliveriesQuery } from '../../shared/consoleProtocol';
import { Id } from '../../shared/protocol';
import { requireAdmin } from '../http/auth';
import { ApiFailure } from '../errors';
import { parseInput } from '../http/validate';
import { refusedTarget } from '../webhooks/targets';
import type { Store } from '../store';

const IdParam = z.strictObject({ id: Id });

/** Webhook endpoints of the brand and their delivery log. */
export function adminWebhookRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  allowInternalTargets: boolean,
) {
  const opts = { onRequest: requireAdmin(store, now) };
  const brandOf = (request: FastifyRequest) => request.brand!.id;

  app.post('/v1/admin/webhooks', opts, async (request, reply) => {
    const body = parseInput(WebhookCreateRequest, request.body);
    const refused = allowInternalTargets ? null : refusedTarget(body.url);
    if (refused)
      throw new ApiFailure('invalid_input', refused, [{ path: 'url', message: refused }]);
    const res = await store.console.createEndpoint(brandOf(request), body, now());
    reply.code(201);
    return res;
  });
  app.get('/v1/admin/webhooks', opts, async (request) =>
    store.console.listEndpoints(brandOf(request)),
  );
  app.delete('/v1/admin/webhooks/:id', opts, async (request) => {
    const { id } = parseInput(IdParam, request.params, 'params');
    return store.console.disableEndpoint(brandOf(request), id, now());
  });
  app.get('/v1/admin/webhooks/deliveries', opts, async (request) => {
    const q = parseInput(WebhookDeliveriesQuery, request.query, 'query');
    return store.console.listDeliveries(brandOf(request), q.endpointId, q.limit);
  });
}
