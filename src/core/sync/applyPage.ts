import type { Change, SyncResponse } from '../../shared/protocol';
import type { Db } from '../db/open';
import { unsyncedCommit } from '../db/connectionSettings';
import { applyChanges, type SyncAppliers } from './appliers';
import { readSyncState, writeCursor } from './syncStateRepo';

/** What a page changed, for notifications and the renderer's `feed:changed`. */
export interface PageSummary {
  changes: number;
  kinds: Set<Change['kind']>;
}

/**
 * Applies one page of changes, each with its feature's applier, and moves the cursor, all in
 * ONE transaction: a crash leaves either the whole page and its cursor, or neither, so the next
 * pull neither skips nor repeats. Changes are upserts of current state, so re-applying a page
 * converges on the same rows. A page with no changes whose cursor is already held writes
 * nothing: the engine's pull after initial sync's worker has caught up (and every pull that finds
 * nothing new) then costs the main thread a read, not a write transaction and its commit.
 * The commit is not flushed to the disk (`unsyncedCommit`): one lost to a power cut takes its
 * cursor with it, so the next pull brings the page again, and the main thread does not wait on
 * the disk for every pull. Except a page with money in it (`FLUSHED_KINDS`): the ledger is
 * flushed at every commit, as the outbox is.
 */
export function applyPage(
  db: Db,
  page: Pick<SyncResponse, 'changes' | 'cursor'>,
  now: number,
  appliers: SyncAppliers,
): PageSummary {
  const summary: PageSummary = { changes: page.changes.length, kinds: new Set() };
  if (page.changes.length === 0 && readSyncState(db).cursor === page.cursor) return summary;
  for (const change of page.changes) summary.kinds.add(change.kind);
  const write = db.transaction(() => {
    applyChanges(appliers.page(db, now), page.changes);
    writeCursor(db, page.cursor);
  });
  if ([...summary.kinds].some((kind) => FLUSHED_KINDS.has(kind))) write.immediate();
  else unsyncedCommit(db, () => write.immediate());
  return summary;
}

/** Change kinds whose page is flushed to the disk at commit: the advocate's earnings. */
const FLUSHED_KINDS: ReadonlySet<Change['kind']> = new Set(['ledger', 'rating']);
