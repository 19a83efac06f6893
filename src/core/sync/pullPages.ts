import type { Db } from '../db/open';
import { applyPage, type PageSummary } from './applyPage';
import type { SyncAppliers } from './appliers';
import type { FeedClient } from './client';
import { readSyncState } from './syncStateRepo';

export interface PullPagesOptions {
  db: Db;
  client: FeedClient;
  appliers: SyncAppliers;
  now: () => number;
  pageSize: number;
  signal?: AbortSignal | undefined;
  /** Checked after each request: true stops before applying its page. */
  isStopped?: () => boolean;
  onPage?: (summary: PageSummary) => void;
}

/**
 * Pulls `/v1/sync` from the stored cursor until the server has no more, each page applied with
 * its cursor in one transaction (applyPage.ts). The engine's pull, and the snapshot worker's
 * catch-up from the snapshot's cursor (off the main thread).
 */
export async function pullPages(o: PullPagesOptions): Promise<void> {
  for (;;) {
    const { cursor } = readSyncState(o.db);
    const page = await o.client.pull(cursor, o.pageSize, o.signal);
    if (o.isStopped?.()) return;
    const summary = applyPage(o.db, page, o.now(), o.appliers);
    o.onPage?.(summary);
    if (!page.hasMore) return;
  }
}
