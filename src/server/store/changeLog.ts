/**
 * Reading the change log in its one total order (see shared/domain/syncCursor.ts).
 *
 * PostgreSQL: rows are ordered by `(xid, seq)`, the writing transaction's id first. A
 * transaction's xid is fixed when it first writes, but it commits whenever it commits, so a
 * reader only reads rows whose xid is below `pg_snapshot_xmin(pg_current_snapshot())`, the oldest
 * transaction still running: every transaction below it has committed or aborted, so no row can
 * appear later at a position a cursor has passed. The horizon is taken IN THE SAME STATEMENT as
 * the read (one snapshot for both, and for every brand the reader follows): a horizon read in a
 * separate statement could be newer than the snapshot of the read. Writers take no lock.
 *
 * SQLite: one writer at a time, seqs assigned inside the write transaction, so seq order is
 * commit order and `seq > cursor` never skips a committed row; xid is 0 throughout.
 */
import { type Selectable, sql } from 'kysely';
import type { Position } from '../../shared/domain/syncCursor';
import type { StoreContext } from './context';
import type { ChangeTable } from './schema';

export type LogRow = Selectable<ChangeTable> & { xid: string };

export interface LogQuery {
  brandIds: string[];
  /** Rows meant for one advocate are read by that advocate only. */
  advocateId: string;
  after: Position;
  limit: number;
}

export const positionOf = (row: LogRow): Position => ({
  xid: BigInt(row.xid),
  seq: BigInt(row.seq),
});

export function readChangeLog(ctx: StoreContext, q: LogQuery): Promise<LogRow[]> {
  if (q.brandIds.length === 0) return Promise.resolve([]);
  return ctx.dialect.name === 'postgres' ? readPostgres(ctx, q) : readSqlite(ctx, q);
}

/**
 * One statement: an index range scan per brand (brand_id, xid, seq), merged. A single
 * `brand_id IN (...)` would sort every row after the cursor before applying the limit.
 */
async function readPostgres(ctx: StoreContext, q: LogQuery): Promise<LogRow[]> {
  const after = sql`(${String(q.after.xid)}::xid8, ${String(q.after.seq)}::bigint)`;
  const perBrand = q.brandIds.map(
    (brandId) => sql`(select * from changes
      where brand_id = ${brandId}
        and (xid, seq) > ${after}
        and xid < pg_snapshot_xmin(pg_current_snapshot())
        and (advocate_id is null or advocate_id = ${q.advocateId})
      order by xid, seq
      limit ${q.limit})`,
  );
  const r = await sql<LogRow>`select seq, brand_id, kind, entity_id, advocate_id, created_at,
      xid::text as xid
    from (${sql.join(perBrand, sql` union all `)}) page
    order by page.xid, page.seq
    limit ${q.limit}`.execute(ctx.db);
  return r.rows;
}

async function readSqlite(ctx: StoreContext, q: LogQuery): Promise<LogRow[]> {
  // Positions with xid > 0 come from PostgreSQL; parseCursor's callers refuse them here.
  const perBrand = await Promise.all(
    q.brandIds.map((brandId) =>
      ctx.db
        .selectFrom('changes')
        .selectAll()
        .where('brand_id', '=', brandId)
        .where('seq', '>', Number(q.after.seq))
        .where((eb) => eb.or([eb('advocate_id', 'is', null), eb('advocate_id', '=', q.advocateId)]))
        .orderBy('seq')
        .limit(q.limit)
        .execute(),
    ),
  );
  return perBrand
    .flat()
    .sort((a, b) => a.seq - b.seq)
    .slice(0, q.limit)
    .map((r) => ({ ...r, xid: '0' }));
}

/** PostgreSQL's horizon now: rows of transactions below it are all the rows they will ever be. */
export async function readHorizon(db: StoreContext['db']): Promise<bigint> {
  const r = await sql<{ xmin: string }>`
    select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
  return BigInt(r.rows[0]!.xmin);
}
