import { startSqliteWorker } from '../db/sqliteWorker';
import { HttpError, NetworkError } from './client';
import type { SnapshotLoadResult } from './snapshotLoad';
import type {
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
 */
export function loadSnapshotInWorker(
  entry: SnapshotWorkerEntry,
  data: SnapshotWorkerData,
  signal: AbortSignal,
  onFirstPage: (tasks: number) => void,
): Promise<SnapshotLoadResult | null> {
  return new Promise((resolve, reject) => {
    const thread = startSqliteWorker(entry.file, { workerData: data, execArgv: entry.execArgv });
    const worker = thread.worker;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', stop);
      fn();
    };
    const stop = () => {
      void thread.stop();
      finish(() => reject(new NetworkError('Sync stopped.')));
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.on('message', (m: SnapshotWorkerMessage) => {
      if (m.type === 'firstPage') onFirstPage(m.tasks);
      else if (m.type === 'done') finish(() => resolve(m.result));
      else finish(() => reject(failureError(m.failure)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`The snapshot loader stopped unexpectedly (exit ${code}).`))),
    );
  });
}
