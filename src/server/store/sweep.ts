import type { StoreContext } from './context';
import { write } from './context';

/**
 * Reopens claims whose lease lapsed and lifts transfer offers that expired, so the tasks reach
 * the pool again (redistribution). Each reopen restates its condition in the UPDATE, so a
 * renewal that commits first wins and the sweep is safe to run from several processes.
 */
export async function sweep(
  ctx: StoreContext,
  now: number,
): Promise<{ reopened: number; offersLifted: number }> {
  const lapsed = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'brand_id'])
    .where('status', '=', 'claimed')
    .where('lease_expires_at', '<=', now)
    .execute();
  const offers = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'brand_id'])
    .where('status', '=', 'open')
    .where('offered_to', 'is not', null)
    .where('offer_expires_at', '<=', now)
    .execute();
  if (lapsed.length === 0 && offers.length === 0) return { reopened: 0, offersLifted: 0 };
  return write(ctx, now, async (trx, changes) => {
    let reopened = 0;
    let offersLifted = 0;
    for (const t of lapsed) {
      const r = await trx
        .updateTable('tasks')
        .set({ status: 'open', holder_id: null, lease_expires_at: null, updated_at: now })
        .where('id', '=', t.id)
        .where('status', '=', 'claimed')
        .where('lease_expires_at', '<=', now)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) {
        reopened++;
        await changes.add(t.brand_id, 'task', t.id);
      }
    }
    for (const t of offers) {
      const r = await trx
        .updateTable('tasks')
        .set({ offered_to: null, offer_expires_at: null, updated_at: now })
        .where('id', '=', t.id)
        .where('status', '=', 'open')
        .where('offer_expires_at', '<=', now)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) {
        offersLifted++;
        await changes.add(t.brand_id, 'task', t.id);
      }
    }
    return { reopened, offersLifted };
  });
}
