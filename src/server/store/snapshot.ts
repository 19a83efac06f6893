/**
 * Initial sync from a snapshot instead of a replay of the whole change log: the rows an advocate
 * would hold after replaying `/v1/sync` from the start, read in ONE repeatable-read transaction
 * (SQLite: one read transaction) together with the change-log horizon of that read, the cursor
 * to continue from. What every advocate of a (brand, tier) sees is built once and shared (see
 * snapshotCache.ts); what is one advocate's own (claims, offers, earnings) is read per request.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { ALL_CAPABILITIES, type Capabilities } from '../../shared/capabilities';
import { formatCursor, horizonCursor, parseCursor } from '../../shared/domain/syncCursor';
import type { PayoutRules } from '../../shared/domain/payout';
import type {
  BrandFirstPage,
  BrandSnapshot,
  OwnSnapshot,
  TaskRow,
  TaskView,
} from '../../shared/protocol';
import { taskTable } from '../../shared/snapshotRows';
import { ApiFailure } from '../errors';
import { parseJson, type StoreContext } from './context';
import { customerSnapshot } from './customerViews';
import type { DB } from './schema';
import { seenTask, sharedTaskRows } from './sharedTaskRows';
import { seenAtTier } from './tierView';
import {
  articleView,
  brandView,
  ledgerView,
  loadTasks,
  MESSAGE_VIEW_COLUMNS,
  macroView,
  membershipView,
  type MessageViewRow,
  ratingView,
  TASK_VIEW_COLUMNS,
  type TaskViewRow,
  type Viewer,
  visibleTo,
} from './views';

type Reader = Transaction<DB>;

/**
 * The cursor a snapshot read in `trx` continues from: every change below it is reflected in what
 * `trx` reads; changes at or after it are pulled by `/v1/sync` (some again: they are upserts of
 * current state). PostgreSQL: the horizon of `trx`'s own snapshot (`pg_snapshot_xmin`, see
 * changeLog.ts), as `<xmin>.0`. SQLite (one writer, seq in commit order): the highest seq.
 */
export async function currentHorizonCursor(ctx: StoreContext, trx: Reader): Promise<string> {
  if (ctx.dialect.name === 'postgres') {
    const r = await sql<{ xmin: string }>`
      select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(trx);
    return horizonCursor(r.rows[0]!.xmin);
  }
  const r = await trx
    .selectFrom('changes')
    .select(sql<number | null>`max(seq)`.as('head'))
    .executeTakeFirst();
  return formatCursor({ xid: 0n, seq: BigInt(r?.head ?? 0) });
}

/**
 * How many of the brand's change rows lie at or after `cursor` (as /v1/sync would read them),
 * counted up to `cap` on the index (brand_id, xid, seq): how far a cached snapshot fell behind.
 */
export async function changesSince(
  ctx: StoreContext,
  brandId: string,
  cursor: string,
  cap: number,
): Promise<number> {
  const at = parseCursor(cursor) ?? { xid: 0n, seq: 0n };
  const newer =
    ctx.dialect.name === 'postgres'
      ? sql`(xid, seq) > (${String(at.xid)}::xid8, ${String(at.seq)}::bigint)`
      : sql`seq > ${Number(at.seq)}`;
  const r = await sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 from changes where brand_id = ${brandId} and ${newer} limit ${cap}
    ) newer`.execute(ctx.db);
  return Number(r.rows[0]?.n ?? 0);
}

/** One consistent read: repeatable read and read only on PostgreSQL, a read transaction on SQLite. */
function readTransaction<T>(ctx: StoreContext, fn: (trx: Reader) => Promise<T>): Promise<T> {
  const tx = ctx.db.transaction();
  return (
    ctx.dialect.name === 'postgres'
      ? tx.setIsolationLevel('repeatable read').setAccessMode('read only')
      : tx
  ).execute(fn);
}

/** Groups messages (already in thread order) by task. */
function threads<M extends MessageViewRow>(messages: M[]): Map<string, M[]> {
  const out = new Map<string, M[]>();
  for (const m of messages) {
    const list = out.get(m.task_id);
    if (list) list.push(m);
    else out.set(m.task_id, [m]);
  }
  return out;
}

/**
 * The shared part's tasks: the one visibility rule decides (the queries only narrow what it is
 * asked about), each rendered with its thread (`byTask`, see `threads`) as `/v1/sync` renders it.
 */
function sharedViews(
  rows: TaskViewRow[],
  byTask: Map<string, MessageViewRow[]>,
  viewer: Viewer,
): TaskView[] {
  return rows
    .filter((t) => visibleTo(t, viewer))
    .map((t) => seenTask(t, byTask.get(t.id) ?? [], viewer.tier));
}

/** Nobody's id: the shared part holds only what any advocate of the (brand, tier) sees. */
const NOBODY = '';

/** A brand's live articles or macros. */
const liveContent = (trx: Reader, table: 'articles' | 'macros', brandId: string) =>
  trx
    .selectFrom(table)
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();

/** The brand, its payout rules (every version, as the log carries them) and live macros. */
async function brandParts(
  trx: Reader,
  brandId: string,
): Promise<Pick<BrandSnapshot, 'brand' | 'payoutRules' | 'macros'>> {
  const brand = await trx
    .selectFrom('brands')
    .selectAll()
    .where('id', '=', brandId)
    .executeTakeFirst();
  if (!brand) throw new ApiFailure('not_found', `no brand ${brandId}`);
  const rules = await trx
    .selectFrom('payout_rules')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('version')
    .execute();
  const macros = await liveContent(trx, 'macros', brandId);
  return {
    brand: brandView(brand),
    payoutRules: rules.map((r) => ({
      version: r.version,
      rules: parseJson<PayoutRules>(r.rules),
      effectiveAt: r.effective_at,
    })),
    macros: macros.map(macroView),
  };
}

/**
 * The tasks the shared part holds (open, offered to no one, within the tier; none while
 * suspended), narrowed in SQL; `visibleTo` then decides, as for every other read.
 */
const sharedTasks = (db: Kysely<DB>, brandId: string, tier: number) =>
  db
    .selectFrom('tasks')
    .where('tasks.brand_id', '=', brandId)
    .where('tasks.status', '=', 'open')
    .where('tasks.offered_to', 'is', null)
    .where('tasks.min_tier', '<=', tier);

/** Where a page of the shared part's tasks ends: the next page starts after it. */
export type PageEnd = Pick<TaskViewRow, 'created_at' | 'id'>;

/**
 * The shared part's next `size` tasks after `after` (from the first without), in creation order
 * then id: a range of `tasks_snapshot_order`, read in its order. Only the columns a view is
 * rendered from: every other column of 100,000 rows would be parsed into strings and objects
 * that die unread (about half of the read's CPU).
 */
export const sharedTasksPage = (
  db: Kysely<DB>,
  brandId: string,
  tier: number,
  size: number,
  after: PageEnd | undefined,
) =>
  sharedTasks(db, brandId, tier)
    .select(TASK_VIEW_COLUMNS.map((c) => `tasks.${c}` as const))
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb(
          eb.refTuple('tasks.created_at', 'tasks.id'),
          '>',
          eb.tuple(after!.created_at, after!.id),
        ),
      ),
    )
    .orderBy('tasks.created_at')
    .orderBy('tasks.id')
    .limit(size);

/** A brand snapshot whose task rows are read and rendered a chunk at a time (snapshotBody.ts). */
export interface BrandSnapshotParts {
  /** The snapshot without its task rows (`tasks.rows` is empty). */
  head: BrandSnapshot;
  /** Its task rows in order, `size` tasks at a time, each chunk read and rendered when asked for. */
  rows(size: number): AsyncIterable<TaskRow[]> | Iterable<TaskRow[]>;
  /** About how many bytes its JSON takes (a hint for the compressor). */
  sizeHint: number;
}

/**
 * The shared part for (brand, tier, suspended): the brand, its payout rules (every version, as
 * the log carries them), live articles and macros, and the open tasks offered to no one that the
 * tier may see. Tasks held by or offered to one advocate are in their own part. Everything is
 * read in one transaction, which stays open while `use` runs: the threads first, then the task
 * rows a page at a time as `use` asks for them (in creation order, then id: the order
 * `tasks_snapshot_order` holds them in, so each page is a range of that index), so that what a
 * page allocates dies young and what `use` does with a page (compression on the thread pool)
 * runs beside the read of the next instead of after the read of all of them.
 */
export async function buildBrandSnapshotParts<T>(
  ctx: StoreContext,
  brandId: string,
  tier: number,
  suspended: boolean,
  now: number,
  caps: Capabilities,
  use: (parts: BrandSnapshotParts) => Promise<T>,
): Promise<T> {
  return readTransaction(ctx, async (trx) => {
    const cursor = await currentHorizonCursor(ctx, trx);
    const { brand, payoutRules, macros } = await brandParts(trx, brandId);
    const articles = await liveContent(trx, 'articles', brandId);
    const viewer: Viewer = { advocateId: NOBODY, tier, suspended };
    const compact = caps.has('compact-ids');
    const head: BrandSnapshot = {
      brandId,
      tier,
      cursor,
      builtAt: now,
      brand,
      payoutRules,
      articles: articles.map(articleView),
      macros,
      tasks: taskTable([], compact),
      ...(caps.has('customers') ? await customerSnapshot(trx, brandId, viewer) : {}),
    };
    // Every thread at once, in one read: read per page (the messages of a list of 2,000 tasks),
    // PostgreSQL's planner scans the whole messages table for each page.
    const byTask = suspended
      ? new Map<string, MessageViewRow[]>()
      : threads(
          await sharedTasks(trx, brandId, tier)
            .innerJoin('messages', 'messages.task_id', 'tasks.id')
            .select(MESSAGE_VIEW_COLUMNS.map((c) => `messages.${c}` as const))
            .orderBy('tasks.created_at')
            .orderBy('tasks.id')
            .orderBy('messages.created_at')
            .orderBy('messages.ord')
            .execute(),
        );
    return use({
      head,
      // About 330 bytes a task with its first message (measured: 33.5 MB for 100,000); every
      // task has a thread.
      sizeHint: 4096 + byTask.size * 330,
      async *rows(size) {
        if (suspended) return;
        let after: PageEnd | undefined;
        for (;;) {
          const read = await sharedTasksPage(trx, brandId, tier, size, after).execute();
          const tasks = read.filter((t) => visibleTo(t, viewer));
          yield sharedTaskRows(
            tasks,
            tasks.map((t) => byTask.get(t.id) ?? []),
            tier,
            compact,
          );
          if (read.length < size) return;
          after = read[read.length - 1];
        }
      },
    });
  });
}

/** The shared part for (brand, tier, suspended) as one object (see buildBrandSnapshotParts). */
export async function buildBrandSnapshot(
  ctx: StoreContext,
  brandId: string,
  tier: number,
  suspended: boolean,
  now: number,
  caps: Capabilities = ALL_CAPABILITIES,
): Promise<BrandSnapshot> {
  return buildBrandSnapshotParts(ctx, brandId, tier, suspended, now, caps, async (parts) => {
    const rows: TaskRow[] = [];
    for await (const chunk of parts.rows(10_000)) rows.push(...chunk);
    return { ...parts.head, tasks: { ...parts.head.tasks, rows } };
  });
}

/** The first `limit` tasks of the shared part in the feed's default order (see below). */
export const firstPageTasks = (db: Kysely<DB>, brandId: string, tier: number, limit: number) =>
  sharedTasks(db, brandId, tier)
    .selectAll('tasks')
    .orderBy('tasks.complexity', 'desc')
    .orderBy('tasks.created_at', 'desc')
    .orderBy('tasks.id', 'desc')
    .limit(limit);

/**
 * The first feed page of the shared part for (brand, tier, suspended), without building it:
 * the brand's parts and the first `limit` of its tasks in the feed's default order (complexity,
 * then newest, then id, all descending: the order `tasks_first_page` holds them in, so the read
 * stops after `limit` matches), rendered as the shared part renders them, with this read's own
 * horizon as its cursor.
 */
export async function buildBrandFirstPage(
  ctx: StoreContext,
  brandId: string,
  tier: number,
  suspended: boolean,
  limit: number,
  caps: Capabilities = ALL_CAPABILITIES,
): Promise<BrandFirstPage> {
  return readTransaction(ctx, async (trx) => {
    const cursor = await currentHorizonCursor(ctx, trx);
    const parts = await brandParts(trx, brandId);
    const viewer: Viewer = { advocateId: NOBODY, tier, suspended };
    let tasks: TaskView[] = [];
    if (!suspended) {
      const rows = await firstPageTasks(trx, brandId, tier, limit).execute();
      const ids = rows.map((t) => t.id);
      const messages =
        ids.length === 0
          ? []
          : await trx
              .selectFrom('messages')
              .selectAll()
              .where('task_id', 'in', ids)
              .orderBy('task_id')
              .orderBy('created_at')
              .orderBy('ord')
              .execute();
      tasks = sharedViews(rows, threads(messages), viewer);
    }
    return {
      brandId,
      tier,
      cursor,
      ...parts,
      tasks: taskTable(tasks, caps.has('compact-ids')),
    };
  });
}

/**
 * The caller's own rows in the brands its token reaches: memberships, the tasks it holds or is
 * offered (at its tier in their brand), its ledger entries and ratings.
 */
export async function buildOwnSnapshot(
  ctx: StoreContext,
  advocateId: string,
  brandIds: string[],
): Promise<OwnSnapshot> {
  return readTransaction(ctx, async (trx) => {
    const cursor = await currentHorizonCursor(ctx, trx);
    const members = (
      await trx
        .selectFrom('memberships')
        .selectAll()
        .where('advocate_id', '=', advocateId)
        .execute()
    ).filter((m) => brandIds.includes(m.brand_id));
    const empty: OwnSnapshot = {
      cursor,
      memberships: [],
      tasks: taskTable([]),
      ledger: [],
      ratings: [],
    };
    if (members.length === 0) return empty;
    const brands = members.map((m) => m.brand_id);
    const viewers = new Map<string, Viewer>(
      members.map((m) => [m.brand_id, { advocateId, tier: m.tier, suspended: m.suspended === 1 }]),
    );
    // On the holder and offer indexes alone (a brand condition here would make SQLite scan the
    // brand's tasks instead): an advocate holds few tasks, their brands are checked below.
    const mine = await trx
      .selectFrom('tasks')
      .select(['id', 'brand_id'])
      .where((eb) => eb.or([eb('holder_id', '=', advocateId), eb('offered_to', '=', advocateId)]))
      .execute();
    const loaded = await loadTasks(
      trx,
      ctx.dialect,
      mine.filter((t) => viewers.has(t.brand_id)).map((t) => t.id),
    );
    const tasks: TaskView[] = [];
    for (const { task, messages } of loaded.values()) {
      const viewer = viewers.get(task.brand_id)!;
      if (visibleTo(task, viewer)) tasks.push(seenTask(task, messages, viewer.tier));
    }
    tasks.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const tierIn = (brandId: string) => viewers.get(brandId)!.tier;
    const ledger = await trx
      .selectFrom('ledger')
      .selectAll()
      .where('advocate_id', '=', advocateId)
      .where('brand_id', 'in', brands)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    const ratings = await trx
      .selectFrom('ratings')
      .selectAll()
      .where('advocate_id', '=', advocateId)
      .where('brand_id', 'in', brands)
      .orderBy('rated_at')
      .orderBy('task_id')
      .execute();
    return {
      cursor,
      memberships: members.map(membershipView),
      tasks: taskTable(tasks),
      // Ledger entries and ratings are redacted at tier 0 exactly as their sync changes are.
      ledger: ledger.map((l) => seenAtTier(ledgerView(l), tierIn(l.brand_id))),
      ratings: ratings.map((r) => seenAtTier(ratingView(r), tierIn(r.brand_id))),
    };
  });
}

/** The snapshot reads the routes use (`store.snapshots`). */
export interface SnapshotReads {
  /** The caller's standing in a brand its token reaches, or undefined (not a member there). */
  viewerIn(
    advocateId: string,
    brandId: string,
    brandIds: string[],
  ): Promise<{ tier: number; suspended: boolean } | undefined>;
  brand(
    brandId: string,
    tier: number,
    suspended: boolean,
    now: number,
    caps?: Capabilities,
  ): Promise<BrandSnapshot>;
  /**
   * `brand` handed to `use`, its task rows read and rendered as `use` asks for them (what the
   * shared cache builds from); its read stays open until `use` settles.
   */
  brandParts<T>(
    brandId: string,
    tier: number,
    suspended: boolean,
    now: number,
    caps: Capabilities,
    use: (parts: BrandSnapshotParts) => Promise<T>,
  ): Promise<T>;
  firstPage(
    brandId: string,
    tier: number,
    suspended: boolean,
    limit: number,
    caps?: Capabilities,
  ): Promise<BrandFirstPage>;
  own(advocateId: string, brandIds: string[]): Promise<OwnSnapshot>;
  /** The brand's change rows after `cursor`, counted up to `cap`. */
  lag(brandId: string, cursor: string, cap: number): Promise<number>;
  /** Each (tier, suspended) the brand's members hold: the shared snapshots they would ask for. */
  viewers(brandId: string): Promise<{ tier: number; suspended: boolean }[]>;
}

export function snapshotReads(ctx: StoreContext): SnapshotReads {
  return {
    async viewers(brandId) {
      const rows = await ctx.db
        .selectFrom('memberships')
        .select(['tier', 'suspended'])
        .distinct()
        .where('brand_id', '=', brandId)
        .orderBy('tier')
        .orderBy('suspended')
        .execute();
      return rows.map((m) => ({ tier: m.tier, suspended: m.suspended === 1 }));
    },
    async viewerIn(advocateId, brandId, brandIds) {
      if (!brandIds.includes(brandId)) return undefined;
      const m = await ctx.db
        .selectFrom('memberships')
        .select(['tier', 'suspended'])
        .where('advocate_id', '=', advocateId)
        .where('brand_id', '=', brandId)
        .executeTakeFirst();
      return m ? { tier: m.tier, suspended: m.suspended === 1 } : undefined;
    },
    brand: (brandId, tier, suspended, now, caps) =>
      buildBrandSnapshot(ctx, brandId, tier, suspended, now, caps),
    brandParts: (brandId, tier, suspended, now, caps, use) =>
      buildBrandSnapshotParts(ctx, brandId, tier, suspended, now, caps, use),
    firstPage: (brandId, tier, suspended, limit, caps) =>
      buildBrandFirstPage(ctx, brandId, tier, suspended, limit, caps),
    own: (advocateId, brandIds) => buildOwnSnapshot(ctx, advocateId, brandIds),
    lag: (brandId, cursor, cap) => changesSince(ctx, brandId, cursor, cap),
  };
}
