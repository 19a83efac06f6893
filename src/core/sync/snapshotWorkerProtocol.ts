import type { SnapshotLoadResult } from './snapshotLoad';

/** How to start the snapshot-load worker thread (the built file in the app, tsx in tests). */
export interface SnapshotWorkerEntry {
  file: string;
  execArgv: string[];
}

/** What the worker is given: the app's database file and how to reach the feed server. */
export interface SnapshotWorkerData {
  file: string;
  baseUrl: string;
  token: string | null;
  /** The app's now (UTC epoch ms) when the worker was started. */
  now: number;
  /** Changes per `/v1/sync` page of the catch-up after the snapshot. */
  pageSize: number;
}

/** A failed request, carried across the thread boundary (errors do not survive cloning). */
export interface WorkerFailure {
  kind: 'http' | 'network' | 'other';
  status: number;
  code: string;
  message: string;
  retryAfterMs: number | null;
}

/**
 * The worker's messages. Around its bulk transaction, which holds the database's write lock for
 * long: `bulkBegin`, answered by the app's `bulkGo` (`SnapshotAppMessage`) once its writes are
 * held (db/writeGate.ts), and `bulkEnd` once the transaction has ended, either way.
 */
export type SnapshotWorkerMessage =
  | { type: 'firstPage'; tasks: number }
  | { type: 'bulkBegin' }
  | { type: 'bulkEnd' }
  | { type: 'done'; result: SnapshotLoadResult | null }
  | { type: 'failed'; failure: WorkerFailure };

/** The app's answer to `bulkBegin`: its writes wait until `bulkEnd`. */
export type SnapshotAppMessage = { type: 'bulkGo' };
