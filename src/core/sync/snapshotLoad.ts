/**
 * Initial sync from snapshots instead of a replay of the whole change log (`GET /v1/snapshot`
 * and each brand's `GET /v1/snapshot/brands/:id`). Runs on a worker thread with its own
 * connection to the app's database (snapshotWorker.ts), or in-thread where there is no file.
 *
 * Two transactions, each all-or-nothing:
 * 1. the first feed page: brands, memberships, payout rules, macros, the advocate's own tasks,
 *    earnings and ratings, and the tasks the feed shows first, so the feed shows at once;
 * 2. the rest, tasks written set-based by the features' bulk writer (`SyncAppliers.bulkTasks`:
 *    multi-row statements, indexes rebuilt once at the end), then articles, customers and their
 *    timelines, and the cursor moved.
 * A crash in 2 rolls it back whole (indexes included) and leaves the cursor unset, so the next
 * start loads the snapshot again. Rows are written by the features' own appliers, as a pulled
 * change would be, so what the advocate wrote (outbox, drafts, "Not sent", a pending claim's
 * local state) is kept exactly as a pull keeps it.
 */
import type {
  BrandSnapshot,
  Change,
  OwnSnapshot,
  TaskRow,
  TaskTableRows,
} from '../../shared/protocol';
import { earliestCursor } from '../../shared/domain/syncCursor';
import { plainRows, readableTable, taskOfRow } from '../../shared/snapshotRows';
import type { Db } from '../db/open';
import { applyChange, type ChangeAppliers, type SyncAppliers } from './appliers';
import { readSyncState, writeCursor } from './syncStateRepo';

export interface SnapshotSource {
  own(): Promise<OwnSnapshot>;
  brand(brandId: string): Promise<BrandSnapshot>;
}

export interface SnapshotLoadResult {
  cursor: string;
  /** Task rows written. */
  tasks: number;
  firstPageTasks: number;
}

/** Tasks applied with the first page: a few feed pages' worth. */
export const FIRST_PAGE_TASKS = 200;

/** Change objects for the appliers: a snapshot row is applied exactly as its change would be. */
const SNAPSHOT_SEQ = 1;

function applyTasks(apply: ChangeAppliers, rows: readonly TaskRow[]): void {
  for (const row of rows)
    applyChange(apply, { seq: SNAPSHOT_SEQ, kind: 'task', task: taskOfRow(row) });
}

/** A snapshot's customer data (sent to apps that declare `customers`) as its changes. */
export function customerChanges(b: BrandSnapshot): Change[] {
  return [
    ...(b.customers ?? []).map((customer): Change => ({
      seq: SNAPSHOT_SEQ,
      kind: 'customer',
      customer,
    })),
    ...(b.customerEvents ?? []).map((event): Change => ({
      seq: SNAPSHOT_SEQ,
      kind: 'customer_event',
      event,
    })),
    ...(b.customerCases ?? []).map((c): Change => ({
      seq: SNAPSHOT_SEQ,
      kind: 'customer_case',
      case: c,
    })),
  ];
}

/**
 * The tasks the feed shows first under its default sort (payout, which grows with complexity),
 * newest first among equals; the rest, for the bulk load.
 */
function splitFirstPage(
  tables: TaskTableRows[],
  size: number,
): { first: TaskRow[]; rest: TaskRow[] } {
  const all = tables.flatMap(plainRows);
  if (all.length <= size) return { first: all, rest: [] };
  const order = all
    .map((row, i) => i)
    .sort((a, b) => all[b]![6] - all[a]![6] || all[b]![15] - all[a]![15]);
  const chosen = new Set(order.slice(0, size));
  return {
    first: order.slice(0, size).map((i) => all[i]!),
    rest: all.filter((_, i) => !chosen.has(i)),
  };
}

/**
 * Runs the bulk transaction with foreign-key checks off: each message it writes belongs to a
 * task row written with it, and it deletes no task, so there is nothing to check or cascade (a
 * parent lookup per message saved). A setting of this connection, set outside the transaction
 * as SQLite requires, and put back. (`temp_store` is left alone: changing it drops the
 * connection's temporary triggers.)
 */
function withBulkSettings<T>(db: Db, run: () => T): T {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    return run();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}

/**
 * Loads the snapshots into `db` and sets the cursor to continue from. Answers null, writing
 * nothing, when the snapshots cannot be used (columns this app does not know) or another sync
 * set a cursor meanwhile: the caller then replays the log as before.
 */
export async function loadSnapshot(
  db: Db,
  source: SnapshotSource,
  appliers: SyncAppliers,
  now: () => number,
  onFirstPage: (tasks: number) => void,
  firstPageSize = FIRST_PAGE_TASKS,
): Promise<SnapshotLoadResult | null> {
  const own = await source.own();
  const brands: BrandSnapshot[] = [];
  for (const m of own.memberships) brands.push(await source.brand(m.brandId));
  const tables = [own.tasks, ...brands.map((b) => b.tasks)];
  if (!tables.every(readableTable)) return null;
  const cursor = earliestCursor([own.cursor, ...brands.map((b) => b.cursor)]);
  const { first, rest } = splitFirstPage(
    brands.map((b) => b.tasks),
    firstPageSize,
  );

  const firstPage = db.transaction(() => {
    if (readSyncState(db).cursor !== null) return false;
    const apply = appliers.page(db, now());
    const changes: Change[] = [
      ...brands.flatMap((b): Change[] => [
        { seq: SNAPSHOT_SEQ, kind: 'brand', brand: b.brand },
        ...b.payoutRules.map((r): Change => ({
          seq: SNAPSHOT_SEQ,
          kind: 'payout_rules',
          brandId: b.brandId,
          ...r,
        })),
        ...b.macros.map((macro): Change => ({ seq: SNAPSHOT_SEQ, kind: 'macro', macro })),
      ]),
      ...own.memberships.map((membership): Change => ({
        seq: SNAPSHOT_SEQ,
        kind: 'membership',
        membership,
      })),
      ...own.ledger.map((entry): Change => ({ seq: SNAPSHOT_SEQ, kind: 'ledger', entry })),
      ...own.ratings.map((rating): Change => ({ seq: SNAPSHOT_SEQ, kind: 'rating', rating })),
    ];
    for (const c of changes) applyChange(apply, c);
    applyTasks(apply, plainRows(own.tasks));
    applyTasks(apply, first);
    return true;
  });
  if (!firstPage.immediate()) return null;
  onFirstPage(own.tasks.rows.length + first.length);

  const bulk = db.transaction(() => {
    if (readSyncState(db).cursor !== null) return false;
    appliers.bulkTasks(db, rest);
    const apply = appliers.page(db, now());
    for (const b of brands) {
      for (const article of b.articles)
        applyChange(apply, { seq: SNAPSHOT_SEQ, kind: 'article', article });
      for (const change of customerChanges(b)) applyChange(apply, change);
    }
    writeCursor(db, cursor);
    return true;
  });
  if (!withBulkSettings(db, () => bulk.immediate())) return null;
  return {
    cursor,
    tasks: own.tasks.rows.length + first.length + rest.length,
    firstPageTasks: first.length,
  };
}
