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

/** What the features write for sync, each call inside sync's transaction. */
export interface SyncAppliers {
  /**
   * The appliers for one page, made inside its transaction (so a feature may memoize within
   * the page, e.g. a brand's payout estimate).
   */
  page(db: Db, now: number): ChangeAppliers;
  /**
   * Initial sync's bulk load: snapshot task rows written set-based inside sync's transaction,
   * leaving the rows a `task` change of each would leave.
   */
  bulkTasks(db: Db, rows: readonly TaskRow[]): void;
  /** The server refused an action that earns a payout: take back its local estimate. */
  refusedPayout(db: Db, taskId: string, now: number): void;
}

/** Applies one change with its kind's applier. */
export function applyChange(appliers: ChangeAppliers, change: Change): void {
  // The map is keyed by kind, so the applier found takes exactly this change's type.
  (appliers[change.kind] as (change: Change) => void)(change);
}
