import type { Offer } from '../../shared/contract/customers';
import { nextState } from '../../shared/domain/lifecycle';
import { lifecycleOf, ticketDecision } from '../../shared/domain/ticketState';
import type { Db } from '../db/open';
import { brandLeaseMinutes, setOptimisticClaim } from '../feed/feedRepo';
import { enqueueAction } from '../sync/outbox';
import { readTicketRow, writeLifecycle } from '../tickets/ticketRepo';
import { refusal } from '../i18n/refusal';

const DEFAULT_LEASE_MINUTES = 30;

/**
 * Tasks offered to this advocate and still open to them (a transfer to them, a customer's
 * follow-up on a case they resolved), soonest expiry first. Decided by the server's clock.
 */
export function listOffers(db: Db, advocateId: string, now: number): Offer[] {
  return db
    .prepare(
      `SELECT t.id AS taskId, t.brand_id AS brandId, coalesce(b.name, t.brand_id) AS brandName,
              t.subject, t.offer_expires_at AS offerExpiresAt, t.language,
              (SELECT count(*) FROM customer_cases c WHERE c.task_id = t.id) > 0 AS followUp
         FROM tasks t LEFT JOIN brands b ON b.id = t.brand_id
        WHERE t.offered_to = ? AND t.status = 'open' AND t.offer_expires_at > ?
          AND t.local_state IS NULL AND (t.holder_id IS NULL OR t.holder_id <> t.offered_to)
        ORDER BY t.offer_expires_at`,
    )
    .all(advocateId, now)
    .map((r) => {
      const row = r as Omit<Offer, 'followUp'> & { followUp: number };
      return { ...row, followUp: row.followUp === 1 };
    });
}

/**
 * Accepts (a pending claim, like claiming from the feed) or declines (the task leaves us for the
 * pool) an offer: the local effect and the queued action in one transaction; the server's answer
 * confirms or undoes it.
 */
export function answerOffer(
  db: Db,
  taskId: string,
  advocateId: string,
  answer: 'accept' | 'decline',
  now: number,
): void {
  const row = readTicketRow(db, taskId);
  if (!row) throw refusal('not_found', 'error.offer.gone');
  const decision = ticketDecision(row, advocateId, answer, now);
  if (!decision.ok) throw refusal('conflict', 'error.offer.closed');
  enqueueAction(
    db,
    { type: answer, taskId },
    (tx) => {
      if (answer === 'accept') {
        const lease = (brandLeaseMinutes(tx, row.brandId) ?? DEFAULT_LEASE_MINUTES) * 60_000;
        setOptimisticClaim(tx, taskId, advocateId, now + lease);
        return;
      }
      const next = nextState(
        lifecycleOf(row, advocateId),
        advocateId,
        { type: 'decline' },
        {
          now,
          leaseMs: 0,
          offerMs: 0,
        },
      );
      writeLifecycle(tx, taskId, next);
    },
    now,
  );
}
