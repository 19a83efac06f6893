import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PayoutRules } from '../../shared/domain/payout';
import {
  AdminKeyRotateRequest,
  AdvocatePatch,
  ArticlePush,
  BrandPatch,
  CustomerPush,
  type Escalation,
  ExternalRef,
  Id,
  type ImportResponse,
  InviteRequest,
  MacroPush,
  type Outcome,
  OutcomesQuery,
  RatingPush,
  TaskPush,
} from '../../shared/protocol';
import { requireAdmin } from '../http/auth';
import { requireOwner } from '../http/consoleAuth';
import { batchItems, parseBatch, parseInput } from '../http/validate';
import type { Store } from '../store';
import { mapZendeskExport, ZendeskExport } from '../zendesk';

const IdParam = z.strictObject({ id: Id });
const RefParam = z.strictObject({ externalRef: ExternalRef });

/** The brand admin API: every route is scoped to the brand of the admin key. */
export function adminRoutes(app: FastifyInstance, store: Store, now: () => number) {
  const opts = { onRequest: requireAdmin(store, now) };
  const brandOf = (request: { brand?: { id: string } }) => request.brand!.id;

  app.get('/v1/admin/brand', opts, async (request) => store.getBrand(brandOf(request)));
  app.patch('/v1/admin/brand', opts, async (request) =>
    store.patchBrand(brandOf(request), parseInput(BrandPatch, request.body), now()),
  );

  app.post(
    '/v1/admin/keys/rotate',
    { onRequest: [opts.onRequest, requireOwner] },
    async (request, reply) => {
      const { overlapMinutes } = parseInput(AdminKeyRotateRequest, request.body ?? {});
      const res = await store.rotateAdminKey(brandOf(request), overlapMinutes * 60_000, now());
      reply.code(201);
      return res;
    },
  );

  app.post('/v1/admin/advocates', opts, async (request, reply) => {
    const res = await store.invite(
      brandOf(request),
      parseInput(InviteRequest, request.body),
      now(),
    );
    reply.code(201);
    return res;
  });
  app.get('/v1/admin/advocates', opts, async (request) => ({
    advocates: await store.listAdvocates(brandOf(request)),
  }));
  app.patch('/v1/admin/advocates/:id', opts, async (request) => {
    const { id } = parseInput(IdParam, request.params, 'params');
    return store.patchAdvocate(
      brandOf(request),
      id,
      parseInput(AdvocatePatch, request.body),
      now(),
    );
  });
  app.post('/v1/admin/advocates/:id/revoke-tokens', opts, async (request) => {
    const { id } = parseInput(IdParam, request.params, 'params');
    return store.revokeAdvocateTokens(brandOf(request), id, now());
  });

  app.post('/v1/admin/tasks', opts, async (request) =>
    store.upsertTasks(brandOf(request), parseBatch(TaskPush, batchItems(request.body)), now()),
  );
  app.post('/v1/admin/articles', opts, async (request) =>
    store.upsertArticles(
      brandOf(request),
      parseBatch(ArticlePush, batchItems(request.body)),
      now(),
    ),
  );
  app.delete('/v1/admin/articles/:externalRef', opts, async (request) => {
    const { externalRef } = parseInput(RefParam, request.params, 'params');
    return store.deleteArticle(brandOf(request), externalRef, now());
  });
  app.post('/v1/admin/macros', opts, async (request) =>
    store.upsertMacros(brandOf(request), parseBatch(MacroPush, batchItems(request.body)), now()),
  );
  app.delete('/v1/admin/macros/:externalRef', opts, async (request) => {
    const { externalRef } = parseInput(RefParam, request.params, 'params');
    return store.deleteMacro(brandOf(request), externalRef, now());
  });

  app.put('/v1/admin/payout-rules', opts, async (request) =>
    store.setPayoutRules(brandOf(request), parseInput(PayoutRules, request.body), now()),
  );
  app.get('/v1/admin/payout-rules', opts, async (request) =>
    store.getPayoutRules(brandOf(request)),
  );

  app.post('/v1/admin/ratings', opts, async (request) =>
    store.addRatings(brandOf(request), parseBatch(RatingPush, batchItems(request.body)), now()),
  );

  app.get('/v1/admin/outcomes', opts, async (request): Promise<{ outcomes: Outcome[] }> => {
    const q = parseInput(OutcomesQuery, request.query, 'query');
    return { outcomes: await store.listOutcomes(brandOf(request), q.since, q.limit) };
  });
  app.get(
    '/v1/admin/escalations',
    opts,
    async (request): Promise<{ escalations: Escalation[] }> => ({
      escalations: await store.listEscalations(brandOf(request)),
    }),
  );

  app.post('/v1/admin/import/zendesk', opts, async (request): Promise<ImportResponse> => {
    const mapped = mapZendeskExport(parseInput(ZendeskExport, request.body));
    const report = { skipped: mapped.skipped, tickets: mapped.report };
    if (mapped.tasks.length === 0) return { created: 0, updated: 0, unchanged: 0, ...report };
    // Both checked before either is written: a rejected import applies nothing.
    const tasks = parseBatch(TaskPush, mapped.tasks);
    const customers = mapped.customers.length ? parseBatch(CustomerPush, mapped.customers) : [];
    const customerCounts = customers.length
      ? await store.upsertCustomers(brandOf(request), customers, now())
      : undefined;
    const counts = await store.upsertTasks(brandOf(request), tasks, now());
    return { ...counts, ...(customerCounts ? { customers: customerCounts } : {}), ...report };
  });
}
