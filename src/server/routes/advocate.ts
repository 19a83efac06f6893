import type { FastifyInstance } from 'fastify';
import { CAPABILITIES_HEADER, parseCapabilities } from '../../shared/capabilities';
import {
  AcceptRequest,
  type ActionsResponse,
  ActionsRequest,
  type MeResponse,
  RedeemRequest,
  type RedeemResponse,
  type RefreshResponse,
  SyncQuery,
  type SyncResponse,
} from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { credentialOf, requireAdvocate } from '../http/auth';
import { parseInput } from '../http/validate';
import type { Store } from '../store';
import { syncJson } from '../syncJson';

export function advocateRoutes(app: FastifyInstance, store: Store, now: () => number) {
  const auth = requireAdvocate(store, now);

  app.post('/v1/auth/redeem', async (request, reply): Promise<RedeemResponse> => {
    const body = parseInput(RedeemRequest, request.body);
    const res = await store.redeem(body.code, body.deviceName, now());
    reply.code(201);
    return res;
  });

  app.post('/v1/auth/accept', { onRequest: auth }, async (request): Promise<MeResponse> => {
    const body = parseInput(AcceptRequest, request.body);
    return store.accept(request.advocate!, credentialOf(request)!, body.code, now());
  });

  app.post('/v1/auth/refresh', { onRequest: auth }, async (request): Promise<RefreshResponse> =>
    store.refreshToken(credentialOf(request)!, now()),
  );

  app.post('/v1/auth/logout', { onRequest: auth }, async (request, reply) => {
    await store.revokeToken(credentialOf(request)!, now());
    reply.code(204);
  });

  app.get('/v1/me', { onRequest: auth }, async (request): Promise<MeResponse> =>
    store.me(request.advocate!.id, request.advocate!.brandIds),
  );

  app.get('/v1/sync', { onRequest: auth }, async (request, reply) => {
    const q = parseInput(SyncQuery, request.query, 'query');
    const caps = parseCapabilities(request.headers[CAPABILITIES_HEADER]);
    const page: SyncResponse = await store.sync(
      request.advocate!.id,
      q.cursor,
      q.limit,
      request.advocate!.brandIds,
      caps,
    );
    // The shared task views' JSON made once (syncJson.ts), not per pull.
    return reply.type('application/json; charset=utf-8').send(syncJson(page));
  });

  app.post('/v1/actions', { onRequest: auth }, async (request): Promise<ActionsResponse> => {
    const body = parseInput(ActionsRequest, request.body);
    const keys = new Set<string>();
    for (const [index, a] of body.actions.entries()) {
      if (keys.has(a.key)) {
        const issue = { index, path: 'actions.key', message: 'the same key twice in one batch' };
        throw new ApiFailure(
          'invalid_input',
          `actions.${index}.key: the same key twice in one batch`,
          [issue],
        );
      }
      keys.add(a.key);
    }
    return { results: await store.applyActions(request.advocate!, body.actions, now()) };
  });
}
