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
import { type RawBuilder, type Selectable, sql } from 'kysely';
import { comparePositions } from '../../shared/domain/syncCursor';
import type { Position } from '../../shared/domain/syncCursor';
import type { StoreContext } from './context';
import type { ChangeTable } from './schema';

export type LogRow = Selectable<ChangeTable> & { xid: string };

/** PostgreSQL's read horizon, taken in the statement that reads below it (see above). */
const HORIZON = sql`pg_snapshot_xmin(pg_current_snapshot())`;

/** Rows of one brand read for a log tail (logTail.ts), and how far the read is complete. */
export interface BrandRead {
  rows: LogRow[];
  /** Every row of the brand at or below this position is in `rows` or was read before. */
  upTo: Position;
}

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
        and xid < ${HORIZON}
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
  const r = await sql<{ xmin: string }>`select ${HORIZON}::text as xmin`.execute(db);
  return BigInt(r.rows[0]!.xmin);
}

const COLUMNS = sql`c.seq, c.brand_id, c.kind, c.entity_id, c.advocate_id, c.created_at`;

type HorizonRow = Partial<LogRow> & { horizon: string };

/**
 * PostgreSQL: up to `n` of the brand's rows matching `where` below the horizon, in `order`,
 * with that horizon, read in ONE statement (a brand with no such rows still gives the horizon).
 */
async function readBelowHorizon(
  ctx: StoreContext,
  brandId: string,
  where: RawBuilder<unknown>,
  order: RawBuilder<unknown>,
  n: number,
): Promise<{ rows: LogRow[]; horizon: bigint }> {
  const r = await sql<HorizonRow>`
    with h as (select ${HORIZON} as x)
    select h.x::text as horizon, ${COLUMNS}, c.xid::text as xid
    from h left join lateral (
      select * from changes
      where brand_id = ${brandId} and ${where} and xid < h.x
      order by ${order} limit ${n}) c on true`.execute(ctx.db);
  return {
    rows: r.rows.filter((row) => row.seq !== null && row.seq !== undefined) as LogRow[],
    horizon: BigInt(r.rows[0]!.horizon),
  };
}

/** The brand's last `n` rows below the horizon (PostgreSQL) or committed (SQLite). */
export async function readBrandLast(
  ctx: StoreContext,
  brandId: string,
  n: number,
): Promise<BrandRead> {
  if (ctx.dialect.name === 'postgres') {
    const { rows, horizon } = await readBelowHorizon(
      ctx,
      brandId,
      sql`true`,
      sql`xid desc, seq desc`,
      n,
    );
    return { rows: rows.reverse(), upTo: { xid: horizon, seq: 0n } };
  }
  const head = await sqliteHead(ctx);
  const rows = await ctx.db
    .selectFrom('changes')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('seq', '<=', head)
    .orderBy('seq', 'desc')
    .limit(n)
    .execute();
  return {
    rows: rows.reverse().map((r) => ({ ...r, xid: '0' })),
    upTo: { xid: 0n, seq: BigInt(head) },
  };
}

/** Up to `n` rows of the brand after `after`, and how far that read is complete. */
export async function readBrandAfter(
  ctx: StoreContext,
  brandId: string,
  after: Position,
  n: number,
): Promise<BrandRead> {
  if (ctx.dialect.name === 'postgres') {
    const { rows, horizon } = await readBelowHorizon(
      ctx,
      brandId,
      sql`(xid, seq) > (${String(after.xid)}::xid8, ${String(after.seq)}::bigint)`,
      sql`xid, seq`,
      n,
    );
    const last = rows[rows.length - 1];
    const upTo = rows.length === n ? positionOf(last!) : { xid: horizon, seq: 0n };
    // The horizon never moves back; `after` may be ahead of this statement's if it came from a
    // newer read of this brand.
    return { rows, upTo: comparePositions(upTo, after) < 0 ? after : upTo };
  }
  // SQLite: one writer, seq order is commit order; every seq up to the head is committed.
  const head = await sqliteHead(ctx);
  const rows = (
    await ctx.db
      .selectFrom('changes')
      .selectAll()
      .where('brand_id', '=', brandId)
      .where('seq', '>', Number(after.seq))
      .where('seq', '<=', head)
      .orderBy('seq')
      .limit(n)
      .execute()
  ).map((r) => ({ ...r, xid: '0' }));
  const upTo =
    rows.length === n ? positionOf(rows[rows.length - 1]!) : { xid: 0n, seq: BigInt(head) };
  return { rows, upTo: comparePositions(upTo, after) < 0 ? after : upTo };
}

async function sqliteHead(ctx: StoreContext): Promise<number> {
  const r = await ctx.db
    .selectFrom('changes')
    .select((eb) => eb.fn.max('seq').as('head'))
    .executeTakeFirst();
  return Number(r?.head ?? 0);
}
