import type { Db } from '../db/open';
import { translate } from '../i18n/translate';
import type { Candidate } from './notificationsRepo';

/**
 * Everything that may deserve a notification, read from the local database after a sync. Each
 * candidate's key names one event, so recording it (notificationsRepo) announces it once. Texts
 * are worded in `locale` now: the system shows a notification as it is, it is never re-read.
 */
export function collectCandidates(
  db: Db,
  advocateId: string,
  now: number,
  locale: string,
): Candidate[] {
  return [
    ...customerReplies(db, advocateId, locale),
    ...offers(db, advocateId, now, locale),
    ...ratings(db, locale),
    ...payoutStatuses(db, locale),
  ];
}

/** A customer's message on a case this advocate holds or is offered (a follow-up). */
function customerReplies(db: Db, advocateId: string, locale: string): Candidate[] {
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
    title: translate(locale, {
      id: 'notification.customerReplied.title',
      values: { subject: r.subject },
    }),
    body: r.body.slice(0, 200),
    onHeldCase: r.held === 1,
  }));
}

function offers(db: Db, advocateId: string, now: number, locale: string): Candidate[] {
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
    title: translate(locale, { id: 'notification.offer.title', values: { subject: r.subject } }),
    body: translate(locale, {
      id: 'notification.offer.body',
      values: { minutes: Math.max(1, Math.round((r.expiresAt - now) / 60_000)) },
    }),
    onHeldCase: false,
  }));
}

function ratings(db: Db, locale: string): Candidate[] {
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
    title: translate(locale, {
      id: r.tipMinor ? 'notification.rating.titleWithTip' : 'notification.rating.title',
      values: {},
    }),
    body: translate(locale, { id: 'notification.rating.body', values: { score: r.score } }),
    onHeldCase: false,
  }));
}

function payoutStatuses(db: Db, locale: string): Candidate[] {
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
    title: translate(locale, {
      id: r.status === 'paid' ? 'notification.payout.paid' : 'notification.payout.confirmed',
      values: {},
    }),
    body: translate(locale, { id: 'notification.payout.body', values: {} }),
    onHeldCase: false,
  }));
}
