import type { Change, SyncResponse } from '../../shared/protocol';
import type { Db } from '../db/open';
import { applyChanges, type SyncAppliers } from './appliers';
import { writeCursor } from './syncStateRepo';

/** What a page changed, for notifications and the renderer's `feed:changed`. */
export interface PageSummary {
  changes: number;
  kinds: Set<Change['kind']>;
}

/**
 * Applies one page of changes, each with its feature's applier, and moves the cursor, all in
 * ONE transaction: a crash leaves either the whole page and its cursor, or neither, so the next
 * pull neither skips nor repeats. Changes are upserts of current state, so re-applying a page
 * converges on the same rows.
 */
export function applyPage(
  db: Db,
  page: Pick<SyncResponse, 'changes' | 'cursor'>,
  now: number,
  appliers: SyncAppliers,
): PageSummary {
  const summary: PageSummary = { changes: page.changes.length, kinds: new Set() };
  db.transaction(() => {
    for (const change of page.changes) summary.kinds.add(change.kind);
    applyChanges(appliers.page(db, now), page.changes);
    writeCursor(db, page.cursor);
  }).immediate();
  return summary;
}
