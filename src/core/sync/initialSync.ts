import type { Db } from '../db/open';
import type { WriteGate } from '../db/writeGate';
import type { SyncAppliers } from './appliers';
import { HttpError, type FeedClient } from './client';
import { loadSnapshot, type SnapshotLoadResult } from './snapshotLoad';
import { loadSnapshotInWorker } from './snapshotRunner';
import type { SnapshotWorkerEntry } from './snapshotWorkerProtocol';

export interface InitialSyncOptions {
  db: Db;
  client: FeedClient;
  baseUrl: string;
  token: () => Promise<string | null>;
  appliers: SyncAppliers;
  now: () => number;
  /** Where the worker thread's code is; without it (or without a file) the load runs here. */
  worker?: SnapshotWorkerEntry | undefined;
  /** Closed while the worker's bulk load holds the write lock. */
  writes?: WriteGate | undefined;
  /** The first feed page is in the database: show it. */
  onFirstPage: () => void;
  /** Changes per page of the worker's catch-up pull (the engine's page size). */
  pageSize?: number | undefined;
}

/**
 * The engine's `initialLoad`: snapshots on a worker thread when the database is a file (which
 * then also catches up with `/v1/sync`), else on this thread. A server without snapshot routes (404) or snapshots this app cannot read mean
 * "replay the log as before"; any other failure is the engine's to retry.
 */
export function snapshotInitialLoad(
  o: InitialSyncOptions,
): (signal: AbortSignal) => Promise<boolean> {
  return async (signal) => {
    let result: SnapshotLoadResult | null;
    try {
      const file = o.db.memory ? null : o.db.name;
      result =
        o.worker && file
          ? await loadSnapshotInWorker(
              o.worker,
              {
                file,
                baseUrl: o.baseUrl,
                token: await o.token(),
                now: o.now(),
                pageSize: o.pageSize ?? 1000,
              },
              signal,
              o.onFirstPage,
              o.writes ? { db: o.db, writes: o.writes } : undefined,
            )
          : await loadSnapshot(
              o.db,
              {
                own: () => o.client.ownSnapshot(signal),
                firstPage: (id, limit) => o.client.brandFirstPage(id, limit, signal),
                brand: (id) => o.client.brandSnapshot(id, signal),
              },
              o.appliers,
              o.now,
              o.onFirstPage,
            );
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return false;
      throw error;
    }
    return result !== null;
  };
}
