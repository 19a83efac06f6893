import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ChangeNotice } from '../../shared/protocol';
import type { ChangeNotifier } from '../notifier';
import type { SqlDialect } from './dialect';
import type { ChangeRowKind, ChangeTable, DB } from './schema';

export type Trx = Transaction<DB>;

export interface StoreContext {
  db: Kysely<DB>;
  dialect: SqlDialect;
  notifier: ChangeNotifier;
  /**
   * Awaited where a networked database would let other requests run: between deciding an
   * action and writing it, and between reading a sync page and answering it. better-sqlite3
   * runs each request's queries back to back, which hides races that PostgreSQL will expose;
   * tests set this to yield to the event loop so they exercise those interleavings on SQLite.
   */
  interleave: () => Promise<void>;
}

/**
 * Collects the change-log rows of the caller's write transaction and inserts them last, at
 * `flush()`, under the dialect's change-log lock: seqs are then drawn in commit order (see
 * postgres.ts) and the lock is held only for that INSERT and the COMMIT.
 */
export class ChangeWriter {
  readonly notices = new Map<string, number>();
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
    await this.dialect.lock(this.trx, 'changeLog');
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await this.trx
        .insertInto('changes')
        .values(rows.slice(i, i + 500))
        .returning(['brand_id', 'seq'])
        .execute();
      for (const r of inserted)
        this.notices.set(r.brand_id, Math.max(this.notices.get(r.brand_id) ?? 0, Number(r.seq)));
    }
  }
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
  const result = await ctx.db.transaction().execute(async (trx) => {
    writer = new ChangeWriter(trx, now, ctx.dialect);
    const value = await fn(trx, writer);
    await writer.flush();
    return value;
  });
  if (writer && writer.notices.size > 0) {
    const notices: ChangeNotice[] = [...writer.notices].map(([brandId, seq]) => ({ brandId, seq }));
    ctx.notifier.publish(notices);
  }
  return result;
}

export const json = (value: unknown): string => JSON.stringify(value);
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
