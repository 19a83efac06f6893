import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CAPABILITIES_HEADER, parseCapabilities } from '../../shared/capabilities';
import { type BrandFirstPage, FirstPageQuery, Id, type OwnSnapshot } from '../../shared/protocol';
import { ApiFailure } from '../errors';
import { requireAdvocate } from '../http/auth';
import { parseInput } from '../http/validate';
import { encode, negotiateEncoding, type SnapshotCache } from '../snapshotCache';
import type { Store } from '../store';

const BrandParams = z.strictObject({ brandId: Id });

/** Admin routes whose success writes a brand's tasks: its snapshots are then built ahead. */
const TASK_PUSHES = new Set(['/v1/admin/tasks', '/v1/admin/import/zendesk']);
const NoQuery = z.strictObject({});

/**
 * Initial sync: `GET /v1/snapshot` (the caller's own rows), `GET /v1/snapshot/brands/:id` (what
 * every advocate of that brand at the caller's tier sees, cached and shared) and
 * `GET /v1/snapshot/brands/:id/first` (its first feed page, read on its own). The app continues
 * with `/v1/sync` from the earliest cursor of the snapshots it applied.
 */
export function snapshotRoutes(
  app: FastifyInstance,
  store: Store,
  now: () => number,
  cache: SnapshotCache,
) {
  const auth = requireAdvocate(store, now);

  // After a brand's tasks were pushed, its snapshots are built before an advocate asks (see
  // snapshotCache.ts, `warm`): the first advocate after an import does not wait for a build.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'POST' || reply.statusCode >= 300 || !request.brand) return;
    if (TASK_PUSHES.has(request.routeOptions.url ?? '')) cache.warm(request.brand.id);
  });
  app.addHook('onClose', async () => cache.close());

  app.get('/v1/snapshot', { onRequest: auth }, async (request): Promise<OwnSnapshot> => {
    parseInput(NoQuery, request.query, 'query');
    return store.snapshots.own(request.advocate!.id, request.advocate!.brandIds);
  });

  /** The caller's standing in the brand of the path; 404 where its token does not reach. */
  const viewerOf = async (request: FastifyRequest) => {
    const { brandId } = parseInput(BrandParams, request.params, 'params');
    const advocate = request.advocate!;
    const viewer = await store.snapshots.viewerIn(advocate.id, brandId, advocate.brandIds);
    // Not a member there (or another brand's id): the same answer as a brand that does not exist.
    if (!viewer) throw new ApiFailure('not_found', `no brand ${brandId} for this device`);
    return { brandId, ...viewer };
  };

  app.get('/v1/snapshot/brands/:brandId', { onRequest: auth }, async (request, reply) => {
    parseInput(NoQuery, request.query, 'query');
    const viewer = await viewerOf(request);
    const { brandId } = viewer;
    const caps = parseCapabilities(request.headers[CAPABILITIES_HEADER]);
    const snapshot = await cache.get(brandId, viewer.tier, viewer.suspended, caps);
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    reply.header('vary', `accept-encoding, ${CAPABILITIES_HEADER}`).header('etag', snapshot.etag);
    if (request.headers['if-none-match'] === snapshot.etag) return reply.code(304).send();
    const body = await snapshot.body(encoding);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.type('application/json; charset=utf-8').send(body);
  });

  // Its own read per request (an index scan of one page), not the shared build: an app shows
  // its feed from this while the brand's snapshot is built and sent.
  app.get('/v1/snapshot/brands/:brandId/first', { onRequest: auth }, async (request, reply) => {
    const { limit } = parseInput(FirstPageQuery, request.query, 'query');
    const viewer = await viewerOf(request);
    const caps = parseCapabilities(request.headers[CAPABILITIES_HEADER]);
    const page: BrandFirstPage = await store.snapshots.firstPage(
      viewer.brandId,
      viewer.tier,
      viewer.suspended,
      limit,
      caps,
    );
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    const body = await encode(Buffer.from(JSON.stringify(page)), encoding);
    // The app asks for the brand's snapshot as soon as it has shown this page: the build that ask
    // would start (seconds for a big brand) starts now, once this page is on its way. A failed
    // build is built again on that ask.
    setImmediate(() => {
      cache.get(viewer.brandId, viewer.tier, viewer.suspended, caps).catch(() => {});
    });
    reply.header('vary', `accept-encoding, ${CAPABILITIES_HEADER}`);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
