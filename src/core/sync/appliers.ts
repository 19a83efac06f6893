import type { Change, ChangeKind, TaskRow } from '../../shared/protocol';
import type { Db } from '../db/open';

/** The change of kind `K`, as the server sends it. */
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

/**
 * Who writes each change kind: one applier per kind of the protocol, so that a new kind is a
 * compile error until a feature applies it. Sync only moves pages and the cursor; the features
 * own their tables (registered in core/handlers/changeAppliers.ts).
 */
export type ChangeAppliers = { readonly [K in ChangeKind]: (change: ChangeOf<K>) => void };

/** One page's appliers: one per change kind, and a run of task changes written at once. */
export interface PageAppliers extends ChangeAppliers {
  /** Consecutive `task` changes, leaving what `task` of each in turn would leave. */
  readonly tasks: (changes: readonly ChangeOf<'task'>[]) => void;
}

/** What the features write for sync, each call inside sync's transaction. */
export interface SyncAppliers {
  /**
   * The appliers for one page, made inside its transaction (so a feature may memoize within
   * the page, e.g. a brand's payout estimate).
   */
  page(db: Db, now: number): PageAppliers;
  /**
   * Initial sync's bulk load: snapshot task rows written set-based inside sync's transaction,
   * leaving the rows a `task` change of each would leave; every other task here not in `keep`
   * is revoked as a `revoke` change would revoke it (left by an earlier, interrupted load).
   */
  bulkTasks(db: Db, rows: readonly TaskRow[], keep: ReadonlySet<string>): void;
  /**
   * Initial sync's bulk load is written, inside its transaction (on the snapshot worker): what
   * the features settle once the whole feed is here, so that the main thread's work after the
   * first sync finds it done (e.g. every task counts as announced: the first sync announces none).
   */
  initialLoaded(db: Db): void;
  /** The server refused an action that earns a payout: take back its local estimate. */
  refusedPayout(db: Db, taskId: string, now: number): void;
}

/**
 * Applies changes in order, each with its kind's applier, except that consecutive task changes
 * (most of a large page) go to the set-based `tasks` together.
 */
export function applyChanges(appliers: PageAppliers, changes: readonly Change[]): void {
  let run: ChangeOf<'task'>[] = [];
  for (const change of changes) {
    if (change.kind === 'task') {
      run.push(change);
      continue;
    }
    if (run.length > 0) appliers.tasks(run);
    run = [];
    applyChange(appliers, change);
  }
  if (run.length > 0) appliers.tasks(run);
}

/** Applies one change with its kind's applier. */
export function applyChange(appliers: ChangeAppliers, change: Change): void {
  // The map is keyed by kind, so the applier found takes exactly this change's type.
  (appliers[change.kind] as (change: Change) => void)(change);
}
