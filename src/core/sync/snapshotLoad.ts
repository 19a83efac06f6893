/**
 * Initial sync from snapshots instead of a replay of the whole change log (`GET /v1/snapshot`,
 * each brand's first feed page `GET /v1/snapshot/brands/:id/first`, then each brand's
 * `GET /v1/snapshot/brands/:id`). Runs on a worker thread with its own connection to the app's
 * database (snapshotWorker.ts), or in-thread where there is no file.
 *
 * Two transactions, each all-or-nothing:
 * 1. the first feed page: brands, memberships, payout rules, macros, the advocate's own tasks,
 *    earnings and ratings, and the tasks the feed shows first, so the feed shows at once. From
 *    the first-page reads, before the brand snapshots are even asked for (their first build
 *    takes the server seconds); from the brand snapshots where the server has no such route.
 *    No cursor.
 * 2. the rest: every task of the brand snapshots written set-based by the features' bulk writer
 *    (`SyncAppliers.bulkTasks`: multi-row statements, indexes rebuilt once at the end; tasks
 *    already here, the first page's, upserted as pulled changes), any task here that none of
 *    this load's snapshots holds revoked (a first page's task gone since, or one left by an
 *    interrupted earlier load), then articles, customers and their timelines, what the features
 *    settle once the feed is here (`SyncAppliers.initialLoaded`: every task announced, so that
 *    the main thread's announcing after the first sync has nothing to write), and the cursor
 *    moved: the earliest of every cursor read, so `/v1/sync` from it brings whatever changed
 *    between the reads.
 * A crash between or in them leaves no cursor (2 rolls back whole, indexes included), so the
 * next start loads again, over the first page if 1 committed, and ends as a load that was never
 * interrupted. Rows are written by the features' own appliers, as a pulled change would be, so
 * what the advocate wrote (outbox, drafts, "Not sent", a pending claim's local state) is kept
 * exactly as a pull keeps it.
 */
import type {
  BrandFirstPage,
  BrandSnapshot,
  Change,
  OwnSnapshot,
  TaskRow,
} from '../../shared/protocol';
import { earliestCursor } from '../../shared/domain/syncCursor';
import { ownPlainRows, readableTable, taskOfRow } from '../../shared/snapshotRows';
import { withSetting } from '../db/connectionSettings';
import type { Db } from '../db/open';
import { applyChange, type ChangeAppliers, type SyncAppliers } from './appliers';
import { readSyncState, writeCursor } from './syncStateRepo';

/** The load owns what its reads answer: it rewrites their tables' short ids in place. */
export interface SnapshotSource {
  own(): Promise<OwnSnapshot>;
  /**
   * The brand's first `limit` feed tasks with what showing them needs; null where the server
   * has no such route (the first page is then cut from the brand snapshot). Optional likewise.
   */
  firstPage?(brandId: string, limit: number): Promise<BrandFirstPage | null>;
  brand(brandId: string): Promise<BrandSnapshot>;
}

export interface SnapshotLoadResult {
  cursor: string;
  /** Task rows written. */
  tasks: number;
  firstPageTasks: number;
}

/** Tasks applied with the first page: a few feed pages' worth (per brand from a first-page read). */
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
 * newest first among equals, then in snapshot order: where the server has no first-page read.
 * A selection, not a sort of every row: the `size` best are kept in a heap whose root is the
 * worst of them, so most rows cost one comparison with it (sorting 100,000 rows to take 200 was
 * ~25 ms of a bulk load).
 */
export function firstOf(all: readonly TaskRow[], size: number): TaskRow[] {
  if (all.length <= size) return [...all];
  // Whether row i comes before row j in the feed's order.
  const before = (i: number, j: number) => {
    const a = all[i]!;
    const b = all[j]!;
    return a[6] !== b[6] ? a[6] > b[6] : a[15] !== b[15] ? a[15] > b[15] : i < j;
  };
  const heap: number[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (let i = 0; i < all.length; i++) {
    if (heap.length < size) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0;) {
        const up = (at - 1) >> 1;
        if (!before(heap[up]!, heap[at]!)) break;
        [heap[at], heap[up]] = [heap[up]!, heap[at]!];
        at = up;
      }
    } else if (size > 0 && before(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort((i, j) => (before(i, j) ? -1 : 1)).map((i) => all[i]!);
}

/** What a brand's first page applies besides tasks; both reads carry it. */
type BrandParts = Pick<BrandSnapshot, 'brandId' | 'brand' | 'payoutRules' | 'macros'>;

const brandChanges = (b: BrandParts): Change[] => [
  { seq: SNAPSHOT_SEQ, kind: 'brand', brand: b.brand },
  ...b.payoutRules.map((r): Change => ({
    seq: SNAPSHOT_SEQ,
    kind: 'payout_rules',
    brandId: b.brandId,
    ...r,
  })),
  ...b.macros.map((macro): Change => ({ seq: SNAPSHOT_SEQ, kind: 'macro', macro })),
];

/** Every brand's first page, or null when the server has none (or one this app cannot read). */
async function firstPages(
  source: SnapshotSource,
  own: OwnSnapshot,
  size: number,
): Promise<BrandFirstPage[] | null> {
  const read = source.firstPage;
  if (!read) return null;
  const pages = await Promise.all(own.memberships.map((m) => read(m.brandId, size)));
  const all = pages.filter((p): p is BrandFirstPage => p !== null);
  if (all.length < pages.length || !all.every((p) => readableTable(p.tasks))) return null;
  return all;
}

/**
 * Runs the bulk transaction with foreign-key checks off: each message it writes belongs to a
 * task row written with it, and the few tasks it revokes have their messages deleted with them
 * by the bulk writer, so there is nothing to check or cascade (a parent lookup per message
 * saved). A setting of this connection, set outside the transaction
 * as SQLite requires, and put back. (Temporary files are already in memory: `openDatabase`.)
 */
const withBulkSettings = <T>(db: Db, run: () => T): T =>
  withSetting(db, 'foreign_keys', 'OFF', run);

/**
 * Loads the snapshots into `db` and sets the cursor to continue from. Answers null, writing
 * nothing more, when the snapshots cannot be used (columns this app does not know) or another
 * sync set a cursor meanwhile: the caller then replays the log as before.
 */
export async function loadSnapshot(
  db: Db,
  source: SnapshotSource,
  appliers: SyncAppliers,
  now: () => number,
  onFirstPage: (tasks: number) => void,
  firstPageSize = FIRST_PAGE_TASKS,
  holdWrites: () => Promise<() => void> = async () => () => {},
): Promise<SnapshotLoadResult | null> {
  const own = await source.own();
  if (!readableTable(own.tasks)) return null;
  const ownRows = ownPlainRows(own.tasks);
  const readBrands = async () => {
    const brands: BrandSnapshot[] = [];
    for (const m of own.memberships) brands.push(await source.brand(m.brandId));
    return brands.every((b) => readableTable(b.tasks)) ? brands : null;
  };

  const pages = await firstPages(source, own, firstPageSize);
  let brands: BrandSnapshot[] | null = null;
  let rows: TaskRow[] = [];
  let first: { parts: BrandParts[]; tasks: TaskRow[] };
  if (pages) first = { parts: pages, tasks: pages.flatMap((p) => ownPlainRows(p.tasks)) };
  else {
    brands = await readBrands();
    if (!brands) return null;
    rows = brands.flatMap((b) => ownPlainRows(b.tasks));
    first = { parts: brands, tasks: firstOf(rows, firstPageSize) };
  }

  const firstPage = db.transaction(() => {
    if (readSyncState(db).cursor !== null) return false;
    const apply = appliers.page(db, now());
    const changes: Change[] = [
      ...first.parts.flatMap(brandChanges),
      ...own.memberships.map((membership): Change => ({
        seq: SNAPSHOT_SEQ,
        kind: 'membership',
        membership,
      })),
      ...own.ledger.map((entry): Change => ({ seq: SNAPSHOT_SEQ, kind: 'ledger', entry })),
      ...own.ratings.map((rating): Change => ({ seq: SNAPSHOT_SEQ, kind: 'rating', rating })),
    ];
    for (const c of changes) applyChange(apply, c);
    // The advocate's own after the brands': where one task is in both (it changed between the
    // reads), the own read's wins here, as it does in a load without a first-page read.
    applyTasks(apply, first.tasks);
    applyTasks(apply, ownRows);
    return true;
  });
  if (!firstPage.immediate()) return null;
  onFirstPage(ownRows.length + first.tasks.length);

  if (!brands) {
    brands = await readBrands();
    if (!brands) return null;
    rows = brands.flatMap((b) => ownPlainRows(b.tasks));
  }
  const cursor = earliestCursor([
    own.cursor,
    ...(pages ?? []).map((p) => p.cursor),
    ...brands.map((b) => b.cursor),
  ]);
  const ownIds = new Set(ownRows.map((r) => r[0]));
  const loaded = brands;
  const bulk = db.transaction(() => {
    if (readSyncState(db).cursor !== null) return false;
    // Brand parts again from the snapshots: what a load without a first-page read leaves.
    const apply = appliers.page(db, now());
    for (const b of loaded) for (const c of brandChanges(b)) applyChange(apply, c);
    appliers.bulkTasks(db, rows, ownIds);
    const after = appliers.page(db, now());
    for (const b of loaded) {
      for (const article of b.articles)
        applyChange(after, { seq: SNAPSHOT_SEQ, kind: 'article', article });
      for (const change of customerChanges(b)) applyChange(after, change);
    }
    appliers.initialLoaded(db);
    writeCursor(db, cursor);
    return true;
  });
  // The app's other writes wait for this transaction without blocking its main thread.
  const release = await holdWrites();
  try {
    if (!withBulkSettings(db, () => bulk.immediate())) return null;
  } finally {
    release();
  }
  return { cursor, tasks: ownRows.length + rows.length, firstPageTasks: first.tasks.length };
}
