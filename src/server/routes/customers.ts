import type { FastifyInstance } from 'fastify';
import {
  CustomerEventPush,
  CustomerPush,
  type ReopenCounts,
  ReopenSettings,
} from '../../shared/protocol';
import { requireAdmin } from '../http/auth';
import { batchItems, parseBatch, parseInput } from '../http/validate';
import type { Store } from '../store';

/** Customers, their events, the reopen window and its counts (issue 16), scoped to the key's brand. */
export function customerRoutes(app: FastifyInstance, store: Store, now: () => number) {
  const opts = { onRequest: requireAdmin(store, now) };
  const brandOf = (request: { brand?: { id: string } }) => request.brand!.id;

  app.post('/v1/admin/customers', opts, async (request) =>
    store.upsertCustomers(
      brandOf(request),
      parseBatch(CustomerPush, batchItems(request.body)),
      now(),
    ),
  );
  app.post('/v1/admin/customer-events', opts, async (request) =>
    store.upsertCustomerEvents(
      brandOf(request),
      parseBatch(CustomerEventPush, batchItems(request.body)),
      now(),
    ),
  );
  app.get('/v1/admin/reopen-settings', opts, async (request) =>
    store.getReopenSettings(brandOf(request)),
  );
  app.put('/v1/admin/reopen-settings', opts, async (request) =>
    store.setReopenSettings(brandOf(request), parseInput(ReopenSettings, request.body), now()),
  );
  app.get('/v1/admin/reopens', opts, async (request): Promise<ReopenCounts> =>
    store.reopenCounts(brandOf(request)),
  );
}
