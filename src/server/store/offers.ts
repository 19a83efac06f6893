/**
 * Offers (issue 16): a task reserved for one advocate for a while, after a transfer to them or a
 * customer's follow-up on a case they resolved. It reaches only that advocate (views.ts
 * `visibleTo`) with its expiry; they accept it (a claim) or decline it, and a declined or lapsed
 * offer returns the task to the pool (the sweeper lifts lapsed ones, sweep.ts).
 */
import type { UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { DB } from './schema';

/**
 * The write condition of `accept` and `decline` on the transaction path: the offer is still this
 * advocate's, live. The one-statement path (actionStatement.ts) writes only while the task is in
 * the very state `canPerform` allowed them in, which implies it.
 */
export function whereOfferedTo<Q extends UpdateQueryBuilder<DB, 'tasks', 'tasks', UpdateResult>>(
  update: Q,
  advocateId: string,
  now: number,
): Q {
  return update
    .where('status', '=', 'open')
    .where('offered_to', '=', advocateId)
    .where('offer_expires_at', '>', now) as Q;
}
