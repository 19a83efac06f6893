import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { comparePositions, formatCursor, type Position } from '../../shared/domain/syncCursor';
import type { ChangeNotifier, LogNotice } from '../notifier';
import { insertAudit, pendingAudit } from './auditScope';
import type { SqlDialect } from './dialect';
import type { LogTails } from './logTail';
import type { TokenCache } from './tokenCache';
import type { ChangeRowKind, ChangeTable, DB } from './schema';

export type Trx = Transaction<DB>;

export interface StoreContext {
  db: Kysely<DB>;
  dialect: SqlDialect;
  notifier: ChangeNotifier;
  /** PostgreSQL: 'transaction' writes actions the SQLite way (a benchmark's reference). */
  actionPath?: 'statement' | 'transaction';
  /** This process's tail of each brand's change log (logTail.ts); absent = every pull reads it. */
  tails?: LogTails;
  /** This process's token cache (tokenCache.ts); absent = every lookup queries. */
  tokens?: TokenCache;
  /**
   * Awaited where a networked database would let other requests run: between deciding an
   * action and writing it, between a write transaction's last write and its commit, and between
   * reading a sync page and answering it. better-sqlite3
   * runs each request's queries back to back, which hides races that PostgreSQL will expose;
   * tests set this to yield to the event loop so they exercise those interleavings on SQLite.
   */
  interleave: () => Promise<void>;
}

/**
 * Collects the change-log rows of the caller's write transaction and inserts them at `flush()`
 * (`write()` calls it last). Their order across transactions comes from the log itself
 * (changeLog.ts): no lock. `notices` keeps, per brand (and per advocate for rows meant for one),
 * the position of the last row written, announced after the commit.
 */
export class ChangeWriter {
  readonly notices = new Map<string, LogNotice & { position: Position }>();
  /** Advocates whose credentials this transaction changes (tokenCache.ts), told after the commit. */
  readonly invalidated = new Set<string>();
  private pending: (
    { row: Insertable<ChangeTable> } | { allTasksOf: string; advocateId: string }
  )[] = [];
  constructor(
    private readonly trx: Trx,
    private readonly now: number,
    private readonly dialect: SqlDialect,
  ) {}

  async add(
    brandId: string,
    kind: ChangeRowKind,
    entityId: string,
    advocateId: string | null = null,
  ) {
    this.pending.push({
      row: {
        brand_id: brandId,
        kind,
        entity_id: entityId,
        advocate_id: advocateId,
        created_at: this.now,
      },
    });
  }

  /** What processes cached about these advocates' tokens is stale once this commits. */
  invalidate(...advocateIds: string[]) {
    for (const id of advocateIds) this.invalidated.add(id);
  }

  /** One `task` row per task of the brand, meant for one advocate: re-renders them all. */
  async addAllTasksFor(brandId: string, advocateId: string) {
    this.pending.push({ allTasksOf: brandId, advocateId });
  }

  /** Inserts what was added, in order. `write()` calls it last; calling it again is harmless. */
  async flush() {
    if (this.pending.length === 0) return;
    const pending = this.pending;
    this.pending = [];
    const rows: Insertable<ChangeTable>[] = [];
    for (const p of pending) {
      if ('row' in p) rows.push(p.row);
      else {
        const tasks = await this.trx
          .selectFrom('tasks')
          .select('id')
          .where('brand_id', '=', p.allTasksOf)
          .orderBy('created_at')
          .execute();
        for (const t of tasks) {
          rows.push({
            brand_id: p.allTasksOf,
            kind: 'task',
            entity_id: t.id,
            advocate_id: p.advocateId,
            created_at: this.now,
          });
        }
      }
    }
    if (rows.length === 0) return;
    // PostgreSQL fills `xid` from pg_current_xact_id() (migration 5); SQLite has no xid.
    const xid = this.dialect.name === 'postgres' ? sql<string>`xid::text` : sql<string>`'0'`;
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await this.trx
        .insertInto('changes')
        .values(rows.slice(i, i + 500))
        .returning(['brand_id', 'seq', 'advocate_id', xid.as('xid')])
        .execute();
      collectNotices(this.notices, inserted);
    }
  }
}

type Notices = ChangeWriter['notices'];

/** Keeps, per brand (and per advocate for private rows), the last position among `rows`. */
export function collectNotices(
  notices: Notices,
  rows: { brand_id: string; seq: number; advocate_id: string | null; xid: string }[],
) {
  for (const r of rows) {
    const position = { xid: BigInt(r.xid), seq: BigInt(r.seq) };
    const key = `${r.brand_id}/${r.advocate_id ?? ''}`;
    const known = notices.get(key);
    if (known && comparePositions(known.position, position) >= 0) continue;
    notices.set(key, {
      brandId: r.brand_id,
      cursor: formatCursor(position),
      ...(r.advocate_id ? { advocateId: r.advocate_id } : {}),
      position,
    });
  }
}

/** Announces what `collectNotices` kept (after the commit). */
export function publishNotices(ctx: StoreContext, notices: Notices) {
  // This process's own pulls read past its writes at once, not when the announcement goes out
  // (on PostgreSQL that waits for the horizon, horizonGate.ts).
  for (const n of notices.values()) ctx.tails?.heard(n.brandId, n.position);
  if (notices.size > 0)
    ctx.notifier.publish([...notices.values()].map(({ position: _, ...n }) => n));
}

/**
 * Runs `fn` in one write transaction; the change-log rows it adds get their seq inside that
 * transaction, and listeners hear about them only after the commit. When the dialect says a
 * failure came from a concurrent writer (another replica inserted the same key first, a
 * deadlock), the whole transaction runs again: `fn` must touch nothing but `trx`.
 */
export async function write<T>(
  ctx: StoreContext,
  now: number,
  fn: (trx: Trx, changes: ChangeWriter) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(ctx, now, fn);
    } catch (err) {
      if (attempt >= 3 || !ctx.dialect.isRetryable(err)) throw err;
    }
  }
}

async function writeOnce<T>(
  ctx: StoreContext,
  now: number,
  fn: (trx: Trx, changes: ChangeWriter) => Promise<T>,
): Promise<T> {
  let writer: ChangeWriter | undefined;
  const audit = pendingAudit();
  const result = await ctx.db.transaction().execute(async (trx) => {
    writer = new ChangeWriter(trx, now, ctx.dialect);
    const value = await fn(trx, writer);
    await writer.flush();
    // The request's audit entry commits with its change, or neither does.
    if (audit) await insertAudit(trx, audit.entry, now);
    // Between a transaction's last write and its COMMIT, other transactions commit too.
    await ctx.interleave();
    return value;
  });
  if (audit) audit.scope.recorded = true;
  if (writer && writer.invalidated.size > 0) ctx.notifier.invalidate([...writer.invalidated]);
  if (writer) publishNotices(ctx, writer.notices);
  return result;
}

export const json = (value: unknown): string => JSON.stringify(value);
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
