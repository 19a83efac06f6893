import type { Db } from '../db/open';
import type { Candidate } from './notificationsRepo';

/**
 * Everything that may deserve a notification, read from the local database after a sync. Each
 * candidate's key names one event, so recording it (notificationsRepo) announces it once.
 */
export function collectCandidates(db: Db, advocateId: string, now: number): Candidate[] {
  return [
    ...customerReplies(db, advocateId),
    ...offers(db, advocateId, now),
    ...ratings(db),
    ...payoutStatuses(db),
  ];
}

/** A customer's message on a case this advocate holds or is offered (a follow-up). */
function customerReplies(db: Db, advocateId: string): Candidate[] {
  const rows = db
    .prepare(
      `SELECT m.created_at AS createdAt, length(m.body) AS length, t.id AS taskId, t.brand_id AS brandId, t.subject, m.body,
              t.holder_id = @me AND t.status = 'claimed' AS held
         FROM tasks t JOIN messages m ON m.task_id = t.id
        WHERE (t.holder_id = @me OR t.offered_to = @me) AND m.author_kind = 'customer'
          AND m.pending = 0`,
    )
    .all({ me: advocateId }) as {
    createdAt: number;
    length: number;
    taskId: string;
    brandId: string;
    subject: string;
    body: string;
    held: number;
  }[];
  return rows.map((r) => ({
    // A re-push gives the brand's messages new ids: the message is named by what it is.
    key: `customer_replied:${r.taskId}:${r.createdAt}:${r.length}`,
    type: 'customer_replied',
    brandId: r.brandId,
    taskId: r.taskId,
    title: `The customer replied: ${r.subject}`,
    body: r.body.slice(0, 200),
    onHeldCase: r.held === 1,
  }));
}

function offers(db: Db, advocateId: string, now: number): Candidate[] {
  const rows = db
    .prepare(
      `SELECT id, brand_id AS brandId, subject, offer_expires_at AS expiresAt FROM tasks
        WHERE offered_to = ? AND status = 'open' AND offer_expires_at > ? AND local_state IS NULL`,
    )
    .all(advocateId, now) as { id: string; brandId: string; subject: string; expiresAt: number }[];
  return rows.map((r) => ({
    key: `offer:${r.id}:${r.expiresAt}`,
    type: 'offer',
    brandId: r.brandId,
    taskId: r.id,
    title: `Offered to you: ${r.subject}`,
    body: `Yours to accept for ${Math.max(1, Math.round((r.expiresAt - now) / 60_000))} min.`,
    onHeldCase: false,
  }));
}

function ratings(db: Db): Candidate[] {
  const rated = db
    .prepare(
      `SELECT r.task_id AS taskId, r.brand_id AS brandId, r.score, e.amount_minor AS tipMinor,
              e.currency
         FROM ratings r LEFT JOIN ledger_entries e
           ON e.task_id = r.task_id AND e.kind = 'tip' AND e.source = 'server'`,
    )
    .all() as {
    taskId: string;
    brandId: string;
    score: number;
    tipMinor: number | null;
    currency: string | null;
  }[];
  return rated.map((r) => ({
    key: `rating:${r.taskId}`,
    type: 'rating',
    brandId: r.brandId,
    taskId: r.taskId,
    title: r.tipMinor ? 'A customer rated your case and left a tip' : 'A customer rated your case',
    body: `${r.score} of 5 stars`,
    onHeldCase: false,
  }));
}

function payoutStatuses(db: Db): Candidate[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.task_id AS taskId, e.brand_id AS brandId, s.status
         FROM ledger_status_events s JOIN ledger_entries e ON e.id = s.entry_id
        WHERE e.source = 'server' AND s.status IN ('confirmed', 'paid')`,
    )
    .all() as { id: string; taskId: string; brandId: string; status: string }[];
  return rows.map((r) => ({
    key: `payout_status:${r.id}:${r.status}`,
    type: 'payout_status',
    brandId: r.brandId,
    taskId: r.taskId,
    title: r.status === 'paid' ? 'A payout was paid' : 'A payout was confirmed',
    body: 'See Earnings for the details.',
    onHeldCase: false,
  }));
}
