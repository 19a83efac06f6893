import type { Kysely, Transaction } from 'kysely';
import type { ChangeNotice } from '../../shared/protocol';
import type { ChangeNotifier } from '../notifier';
import type { SqlDialect } from './dialect';
import type { ChangeRowKind, DB } from './schema';

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

/** Appends change-log rows inside the caller's write transaction. */
export class ChangeWriter {
  readonly notices = new Map<string, number>();
  constructor(
    private readonly trx: Trx,
    private readonly now: number,
  ) {}

  async add(
    brandId: string,
    kind: ChangeRowKind,
    entityId: string,
    advocateId: string | null = null,
  ) {
    const row = await this.trx
      .insertInto('changes')
      .values({
        brand_id: brandId,
        kind,
        entity_id: entityId,
        advocate_id: advocateId,
        created_at: this.now,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    this.notices.set(brandId, Math.max(this.notices.get(brandId) ?? 0, row.seq));
  }

  /** One `task` row per task of the brand, meant for one advocate: re-renders them all. */
  async addAllTasksFor(brandId: string, advocateId: string) {
    await this.trx
      .insertInto('changes')
      .columns(['brand_id', 'kind', 'entity_id', 'advocate_id', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('tasks')
          .select((s) => [
            s.val(brandId).as('brand_id'),
            s.val('task').as('kind'),
            'id as entity_id',
            s.val(advocateId).as('advocate_id'),
            s.val(this.now).as('created_at'),
          ])
          .where('brand_id', '=', brandId)
          .orderBy('created_at'),
      )
      .execute();
    const max = await this.trx
      .selectFrom('changes')
      .select((s) => s.fn.max('seq').as('seq'))
      .executeTakeFirst();
    if (max?.seq) this.notices.set(brandId, Number(max.seq));
  }
}

/**
 * Runs `fn` in one write transaction; the change-log rows it adds get their seq inside that
 * transaction, and listeners hear about them only after the commit.
 */
export async function write<T>(
  ctx: StoreContext,
  now: number,
  fn: (trx: Trx, changes: ChangeWriter) => Promise<T>,
): Promise<T> {
  let writer: ChangeWriter | undefined;
  const result = await ctx.db.transaction().execute(async (trx) => {
    writer = new ChangeWriter(trx, now);
    return fn(trx, writer);
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
