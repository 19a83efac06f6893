import type { MyTask } from '../../shared/contract/feed';
import type { PendingAction } from '../../shared/contract/tickets';
import type { LifecycleTask } from '../../shared/domain/lifecycle';
import type { LocalTicketState } from '../../shared/domain/ticketState';
import type { Db } from '../db/open';

export interface TicketRow extends LocalTicketState {
  id: string;
  brandId: string;
  brandName: string | null;
  subject: string;
  customerName: string | null;
  complexity: number;
  language: string | null;
  ageingBonusMinor: number | null;
  /** `EscalationOutcomeView` as JSON, NULL while none. */
  escalationOutcome: string | null;
}

export function readTicketRow(db: Db, taskId: string): TicketRow | null {
  return (
    (db
      .prepare(
        `SELECT t.id, t.brand_id AS brandId, b.name AS brandName, t.subject,
                t.customer_name AS customerName, t.complexity, t.status, t.holder_id AS holderId,
                t.lease_expires_at AS leaseExpiresAt, t.offered_to AS offeredTo,
                t.offer_expires_at AS offerExpiresAt, t.min_tier AS minTier, t.language,
                t.ageing_bonus_minor AS ageingBonusMinor, t.escalation_outcome AS escalationOutcome
           FROM tasks t LEFT JOIN brands b ON b.id = t.brand_id WHERE t.id = ?`,
      )
      .get(taskId) as TicketRow | undefined) ?? null
  );
}

/** Actions queued for this task and not yet answered, oldest first; renewals are housekeeping. */
export function pendingActionsOf(db: Db, taskId: string): PendingAction[] {
  return db
    .prepare(
      `SELECT idempotency_key AS key, type, created_at AS createdAt, attempts, last_error AS lastError
         FROM outbox WHERE task_id = ? AND type <> 'renew' ORDER BY seq`,
    )
    .all(taskId) as PendingAction[];
}

export function hasPendingRenew(db: Db, taskId: string): boolean {
  return (
    db.prepare("SELECT 1 FROM outbox WHERE task_id = ? AND type = 'renew'").get(taskId) !==
    undefined
  );
}

type MyTicketRow = Omit<MyTask, 'pendingClaim'> & {
  holderId: string | null;
  pending: string | null;
};

/**
 * Held by the advocate (or being claimed), or with an action of theirs still waiting to send —
 * a ticket resolved offline stays listed, marked, until the server has it.
 */
export function listMyTicketRows(
  db: Db,
  advocateId: string,
): (MyTask & { pendingActions: string[] })[] {
  const rows = db
    .prepare(
      `SELECT t.id, coalesce(b.name, t.brand_id) AS brandName, t.subject,
              coalesce(t.customer_name, '') AS customerName, t.status, t.holder_id AS holderId,
              t.lease_expires_at AS leaseExpiresAt, t.sla_due_at AS slaDueAt,
              t.payout_estimate_minor AS payoutMinor, t.currency,
              (SELECT group_concat(o.type, ',') FROM (SELECT type FROM outbox
                 WHERE task_id = t.id AND type NOT IN ('renew', 'claim') ORDER BY seq) o) AS pending
         FROM tasks t LEFT JOIN brands b ON b.id = t.brand_id
        WHERE (t.holder_id = @me AND t.status IN ('claimed', 'open'))
           OR EXISTS (SELECT 1 FROM outbox o WHERE o.task_id = t.id AND o.type NOT IN ('renew', 'claim'))
        ORDER BY coalesce(t.sla_due_at, 9007199254740991), t.rowid`,
    )
    .all({ me: advocateId }) as MyTicketRow[];
  return rows.map(({ holderId, pending, ...r }) => ({
    ...r,
    pendingClaim: r.status === 'open' && holderId === advocateId,
    pendingActions: pending ? pending.split(',') : [],
  }));
}

export function writeLifecycle(db: Db, taskId: string, t: LifecycleTask): void {
  db.prepare(
    `UPDATE tasks SET status = @status, holder_id = @holderId, lease_expires_at = @leaseExpiresAt,
       offered_to = @offeredTo, offer_expires_at = @offerExpiresAt WHERE id = @taskId`,
  ).run({ ...t, taskId });
}

export interface LocalMessage {
  id: string;
  taskId: string;
  authorName: string;
  internal: boolean;
  body: string;
  createdAt: number;
}

/** An advocate's message written here; `pending` until the server confirms it. */
export function insertPendingMessage(db: Db, m: LocalMessage): void {
  db.prepare(
    `INSERT INTO messages (id, task_id, author_kind, author_name, visibility, body, created_at, pending)
     VALUES (@id, @taskId, 'advocate', @authorName, @visibility, @body, @createdAt, 1)`,
  ).run({
    id: m.id,
    taskId: m.taskId,
    authorName: m.authorName,
    visibility: m.internal ? 'internal' : 'public',
    body: m.body,
    createdAt: m.createdAt,
  });
}
