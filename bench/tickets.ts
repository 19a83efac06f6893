/**
 * `npm run bench -- tickets`: the customer timeline of a ticket (core query + shaping, 50 items)
 * in a real SQLite file holding many customers' histories (TICKETS_BENCH_CUSTOMERS, default
 * 20,000, each with cases and events), against a reference that reads the same rows without the
 * timeline's indexes (a scan of both tables) and shapes them the same way. The <50 ms target of
 * issue 16 is for the render; this is the part the core owns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTimelineRows, type TimelineRows } from '../src/core/customers/customersRepo';
import { readTimeline, shapeTimeline } from '../src/core/customers/timeline';
import { openDatabase, type Db } from '../src/core/db/open';
import { run as runNextBestAction } from './nba';
import { metric, percentile, sample } from './stats';

const CUSTOMERS = Number(process.env['TICKETS_BENCH_CUSTOMERS'] ?? 20_000);
const PER_CUSTOMER = 8;
const SAMPLES = 500;
const T = Date.UTC(2026, 10, 1);

function load(db: Db): string {
  const customer = db.prepare(
    `INSERT INTO customers (id, brand_id, fields, updated_at) VALUES (?, 'b', ?, ?)`,
  );
  const kase = db.prepare(
    `INSERT INTO customer_cases (task_id, brand_id, customer_id, subject, outcome, rating, closed_at,
       advocate_handle, visible_from_tier) VALUES (?, 'b', ?, ?, 'resolved', 4, ?, 'mira', NULL)`,
  );
  const event = db.prepare(
    `INSERT INTO customer_events (id, brand_id, customer_id, kind, occurred_at, summary, amount_minor,
       currency, visible_from_tier) VALUES (?, 'b', ?, 'order', ?, ?, 1999, 'EUR', NULL)`,
  );
  const fields = JSON.stringify([
    { name: 'plan', label: 'Plan', value: 'Gold', visibleFromTier: null },
  ]);
  db.transaction(() => {
    for (let c = 0; c < CUSTOMERS; c++) {
      // The ticket's customer has a long history: 40 cases and 40 events.
      const n = c === 0 ? 40 : PER_CUSTOMER;
      customer.run(`c${c}`, fields, T);
      for (let i = 0; i < n; i++) {
        kase.run(`t${c}-${i}`, `c${c}`, `Earlier case ${i} of customer ${c}`, T - i * 3_600_000);
        event.run(`e${c}-${i}`, `c${c}`, T - i * 3_600_000 - 60_000, `Order ${i}`);
      }
    }
    db.prepare(
      `INSERT INTO tasks (id, brand_id, external_ref, subject, channel, complexity, status,
         created_at, updated_at, customer_id) VALUES ('now', 'b', 'x', 'Now', 'email', 2, 'open', ?, ?, 'c0')`,
    ).run(T, T);
  })();
  return 'now';
}

/** The same rows read without the timeline's indexes. */
function referenceRows(db: Db, taskId: string): TimelineRows {
  const cases = db
    .prepare(
      `SELECT task_id AS taskId, brand_id AS brandId, customer_id AS customerId, subject, outcome,
              rating, closed_at AS closedAt, advocate_handle AS advocateHandle,
              visible_from_tier AS visibleFromTier
         FROM customer_cases NOT INDEXED WHERE customer_id = 'c0' AND task_id <> ?`,
    )
    .all(taskId) as TimelineRows['cases'];
  const events = db
    .prepare(
      `SELECT id, brand_id AS brandId, customer_id AS customerId, kind, occurred_at AS occurredAt,
              summary, amount_minor AS amountMinor, currency, visible_from_tier AS visibleFromTier
         FROM customer_events NOT INDEXED WHERE customer_id = 'c0'`,
    )
    .all() as TimelineRows['events'];
  return { customer: { id: 'c0', fields: [] }, cases, events };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-tickets-'));
  const db = openDatabase(join(dir, 'tickets.sqlite'));
  try {
    const taskId = load(db);
    const check = readTimeline(db, taskId, 50);
    if (check?.items.length !== 50) throw new Error('timeline did not shape 50 items');
    if (readTimelineRows(db, taskId, 50) === null) throw new Error('no rows');
    const timeline = await sample(SAMPLES, () => readTimeline(db, taskId, 50));
    const reference = await sample(Math.min(SAMPLES, 50), () =>
      shapeTimeline(referenceRows(db, taskId), 50),
    );
    console.log(`timeline of 50 items among ${CUSTOMERS} customers' histories`);
    metric('tickets.timeline50_p95', percentile(timeline, 95), 'ms');
    metric('tickets.ref.timeline50_p95', percentile(reference, 95), 'ms');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // Issue 20: the next-best action panel (also alone: `npm run bench -- nba`).
  await runNextBestAction();
}
