/**
 * Payout status: an entry is `pending` when written; a run moves entries to `confirmed`, a later
 * run to `paid`. The ledger is append-only, so a move is a new `ledger_status` row (itself
 * append-only, at most one per entry and status), never an edit of the entry.
 */
import type { Selectable } from 'kysely';
import type {
  AdvocateStatement,
  PayoutRunResponse,
  StatementsResponse,
} from '../../shared/consoleProtocol';
import { brandRow } from './brands';
import { type StoreContext, type Trx, write } from './context';
import type { LedgerTable } from './schema';
import { newId } from './secrets';

type Status = 'pending' | 'confirmed' | 'paid';
type Db = StoreContext['db'] | Trx;

/** Each entry's current status: its latest move, else what it was written with. */
export async function statusOf(db: Db, entryIds: string[]): Promise<Map<string, Status>> {
  const out = new Map<string, Status>();
  for (let i = 0; i < entryIds.length; i += 500) {
    const rows = await db
      .selectFrom('ledger_status')
      .select(['entry_id', 'status'])
      .where('entry_id', 'in', entryIds.slice(i, i + 500))
      .execute();
    for (const r of rows)
      if (out.get(r.entry_id) !== 'paid') out.set(r.entry_id, r.status as Status);
  }
  return out;
}

/** Ledger rows with their current status in place of the one they were written with. */
export async function withPayoutStatus<R extends Selectable<LedgerTable>>(
  db: Db,
  rows: R[],
): Promise<R[]> {
  if (rows.length === 0) return rows;
  const status = await statusOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, status: status.get(r.id) ?? r.status }));
}

/**
 * Moves every entry of the brand now one step before `to` (pending → confirmed, confirmed →
 * paid), optionally only those before a time or of one advocate. Each advocate hears about each
 * moved entry on their next sync. Nothing to move: no run, nothing written.
 */
export async function runPayout(
  ctx: StoreContext,
  brandId: string,
  req: { to: 'confirmed' | 'paid'; before?: number | undefined; advocateId?: string | undefined },
  now: number,
): Promise<PayoutRunResponse> {
  const brand = await brandRow(ctx.db, brandId);
  const from: Status = req.to === 'confirmed' ? 'pending' : 'confirmed';
  return write(ctx, now, async (trx, changes) => {
    let q = trx.selectFrom('ledger').selectAll().where('brand_id', '=', brandId);
    if (req.before !== undefined) q = q.where('occurred_at', '<', req.before);
    if (req.advocateId) q = q.where('advocate_id', '=', req.advocateId);
    const entries = await withPayoutStatus(trx, await q.orderBy('occurred_at').execute());
    const moving = entries.filter((e) => e.status === from);
    if (moving.length === 0)
      return { runId: null, to: req.to, entries: 0, totalMinor: 0, currency: brand.currency };
    const runId = newId();
    const totalMinor = moving.reduce((sum, e) => sum + e.amount_minor, 0);
    for (let i = 0; i < moving.length; i += 500)
      await trx
        .insertInto('ledger_status')
        .values(
          moving.slice(i, i + 500).map((e) => ({
            entry_id: e.id,
            brand_id: brandId,
            status: req.to,
            run_id: runId,
            at: now,
          })),
        )
        .execute();
    await trx
      .insertInto('payout_runs')
      .values({
        id: runId,
        brand_id: brandId,
        to_status: req.to,
        entries: moving.length,
        total_minor: totalMinor,
        currency: brand.currency,
        at: now,
      })
      .execute();
    for (const e of moving) await changes.add(brandId, 'ledger', e.id, e.advocate_id);
    return { runId, to: req.to, entries: moving.length, totalMinor, currency: brand.currency };
  });
}

/** Per-advocate statements: every entry in the range with its status, and totals per status. */
export async function statements(
  ctx: StoreContext,
  brandId: string,
  q: { advocateId?: string | undefined; from?: number | undefined; to?: number | undefined },
): Promise<StatementsResponse> {
  const brand = await brandRow(ctx.db, brandId);
  let sel = ctx.db
    .selectFrom('ledger')
    .innerJoin('tasks', 'tasks.id', 'ledger.task_id')
    .selectAll('ledger')
    .select('tasks.external_ref')
    .where('ledger.brand_id', '=', brandId);
  if (q.advocateId) sel = sel.where('ledger.advocate_id', '=', q.advocateId);
  if (q.from !== undefined) sel = sel.where('ledger.occurred_at', '>=', q.from);
  if (q.to !== undefined) sel = sel.where('ledger.occurred_at', '<', q.to);
  const rows = await withPayoutStatus(
    ctx.db,
    await sel
      .orderBy('ledger.advocate_id')
      .orderBy('ledger.occurred_at')
      .orderBy('ledger.id')
      .execute(),
  );
  const by = new Map<string, AdvocateStatement>();
  for (const r of rows) {
    let s = by.get(r.advocate_id);
    if (!s) {
      s = {
        advocateId: r.advocate_id,
        pendingMinor: 0,
        confirmedMinor: 0,
        paidMinor: 0,
        entries: [],
      };
      by.set(r.advocate_id, s);
    }
    const status = r.status as Status;
    s[`${status}Minor`] += r.amount_minor;
    s.entries.push({
      entryId: r.id,
      advocateId: r.advocate_id,
      taskId: r.task_id,
      externalRef: r.external_ref,
      kind: r.kind,
      amountMinor: r.amount_minor,
      currency: r.currency,
      status,
      occurredAt: r.occurred_at,
    });
  }
  return { currency: brand.currency, statements: [...by.values()] };
}
