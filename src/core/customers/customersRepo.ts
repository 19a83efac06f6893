import type { Statement } from 'better-sqlite3';
import type {
  CustomerCaseView,
  CustomerEventView,
  CustomerFieldView,
  CustomerView,
} from '../../shared/protocol';
import type { Db } from '../db/open';

/**
 * The customers' rows as the server last rendered them for this advocate's tier. Each change
 * replaces its row whole: a value the advocate may no longer see (a demotion) is gone after the
 * next sync, not merely hidden.
 */
interface Statements {
  customer: Statement;
  event: Statement;
  kase: Statement;
}

const cache = new WeakMap<Db, Statements>();

function statements(db: Db): Statements {
  const hit = cache.get(db);
  if (hit) return hit;
  const made: Statements = {
    customer: db.prepare(
      `INSERT OR REPLACE INTO customers (id, brand_id, fields, updated_at)
       VALUES (@id, @brandId, @fields, @updatedAt)`,
    ),
    event: db.prepare(
      `INSERT OR REPLACE INTO customer_events (id, brand_id, customer_id, kind, occurred_at, summary,
         amount_minor, currency, visible_from_tier)
       VALUES (@id, @brandId, @customerId, @kind, @occurredAt, @summary, @amountMinor, @currency,
         @visibleFromTier)`,
    ),
    kase: db.prepare(
      `INSERT OR REPLACE INTO customer_cases (task_id, brand_id, customer_id, subject, outcome, rating,
         closed_at, advocate_handle, visible_from_tier)
       VALUES (@taskId, @brandId, @customerId, @subject, @outcome, @rating, @closedAt,
         @advocateHandle, @visibleFromTier)`,
    ),
  };
  cache.set(db, made);
  return made;
}

export function writeCustomer(db: Db, c: CustomerView): void {
  statements(db).customer.run({ ...c, fields: JSON.stringify(c.fields) });
}

export function writeCustomerEvent(db: Db, e: CustomerEventView): void {
  statements(db).event.run(e);
}

export function writeCustomerCase(db: Db, c: CustomerCaseView): void {
  statements(db).kase.run(c);
}

export interface TimelineRows {
  customer: { id: string; fields: CustomerFieldView[] } | null;
  cases: CustomerCaseView[];
  events: CustomerEventView[];
}

/** The customer of a task with their earlier cases (not this one) and events, newest first. */
export function readTimelineRows(db: Db, taskId: string, limit: number): TimelineRows | null {
  const task = db
    .prepare('SELECT customer_id AS customerId FROM tasks WHERE id = ?')
    .get(taskId) as { customerId: string | null } | undefined;
  if (!task) return null;
  if (!task.customerId) return { customer: null, cases: [], events: [] };
  const row = db.prepare('SELECT id, fields FROM customers WHERE id = ?').get(task.customerId) as
    { id: string; fields: string } | undefined;
  const cases = db
    .prepare(
      `SELECT task_id AS taskId, brand_id AS brandId, customer_id AS customerId, subject, outcome,
              rating, closed_at AS closedAt, advocate_handle AS advocateHandle,
              visible_from_tier AS visibleFromTier
         FROM customer_cases WHERE customer_id = ? AND task_id <> ?
        ORDER BY closed_at DESC LIMIT ?`,
    )
    .all(task.customerId, taskId, limit) as CustomerCaseView[];
  const events = db
    .prepare(
      `SELECT id, brand_id AS brandId, customer_id AS customerId, kind, occurred_at AS occurredAt,
              summary, amount_minor AS amountMinor, currency, visible_from_tier AS visibleFromTier
         FROM customer_events WHERE customer_id = ? ORDER BY occurred_at DESC LIMIT ?`,
    )
    .all(task.customerId, limit) as CustomerEventView[];
  return {
    customer: row
      ? { id: row.id, fields: JSON.parse(row.fields) as CustomerFieldView[] }
      : { id: task.customerId, fields: [] },
    cases,
    events,
  };
}
