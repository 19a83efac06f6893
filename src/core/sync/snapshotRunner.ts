import { leaveCheckpointToLoader } from '../db/loaderConnection';
import type { Db } from '../db/open';
import { startSqliteWorker } from '../db/sqliteWorker';
import type { WriteGate } from '../db/writeGate';
import { HttpError, NetworkError } from './client';
import type { SnapshotLoadResult } from './snapshotLoad';
import type {
  SnapshotAppMessage,
  SnapshotWorkerData,
  SnapshotWorkerEntry,
  SnapshotWorkerMessage,
  WorkerFailure,
} from './snapshotWorkerProtocol';

/** The error the engine would have seen had the request failed on this thread. */
export function failureError(f: WorkerFailure): Error {
  if (f.kind === 'network') return new NetworkError(f.message);
  if (f.kind === 'http') return new HttpError(f.status, f.code, f.message, f.retryAfterMs);
  return new Error(f.message);
}

/**
 * Loads the snapshots on a worker thread (its own connection to the same database file), so
 * that fetching, parsing, validating and writing 100,000 tasks never holds up Electron's main
 * thread. Aborting terminates the worker: its open transaction rolls back whole.
 * `app`, the app's own connection and its write gate: while the worker's bulk transaction holds
 * the write lock, the gate is held (the main thread's writes wait there, not on the lock); until
 * the worker has exited (after copying its log into the file), the app's commits leave that copy
 * to it. Both are undone however the worker ends.
 */
export function loadSnapshotInWorker(
  entry: SnapshotWorkerEntry,
  data: SnapshotWorkerData,
  signal: AbortSignal,
  onFirstPage: (tasks: number) => void,
  app?: { db: Db; writes: WriteGate },
): Promise<SnapshotLoadResult | null> {
  return new Promise((resolve, reject) => {
    const thread = startSqliteWorker(entry.file, { workerData: data, execArgv: entry.execArgv });
    const worker = thread.worker;
    let settled = false;
    let stopping = false;
    let release = () => {};
    let restoreCheckpoints = () => {};
    const finish = (fn: () => void) => {
      release();
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', stop);
      fn();
    };
    // Answered once the thread is gone, as its open transaction holds the write lock until then:
    // the writes held for it run before sync's stop resolves (before the app closes the database).
    const stop = () => {
      stopping = true;
      void thread.stop().finally(() => {
        restoreCheckpoints();
        finish(() => reject(new NetworkError('Sync stopped.')));
      });
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.on('message', (m: SnapshotWorkerMessage) => {
      if (stopping) return;
      if (m.type === 'firstPage') onFirstPage(m.tasks);
      else if (m.type === 'bulkBegin') {
        if (settled) return;
        // Synchronous writes of this thread end between two messages, so none is under way.
        if (app) {
          release = app.writes.hold();
          restoreCheckpoints = leaveCheckpointToLoader(app.db);
        }
        worker.postMessage({ type: 'bulkGo' } satisfies SnapshotAppMessage);
      } else if (m.type === 'bulkEnd') release();
      else if (m.type === 'done') finish(() => resolve(m.result));
      else finish(() => reject(failureError(m.failure)));
    });
    worker.on('error', (error) => {
      if (!stopping) finish(() => reject(error));
    });
    worker.on('exit', (code) => {
      // After done too: the worker copies its log into the file before it exits.
      restoreCheckpoints();
      if (!stopping)
        finish(() => reject(new Error(`The snapshot loader stopped unexpectedly (exit ${code}).`)));
    });
  });
}
