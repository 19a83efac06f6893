import { Worker, type WorkerOptions, workerData } from 'node:worker_threads';

/**
 * Worker threads that open SQLite, and how to stop one without taking the process down.
 * Terminating a thread while it is still loading better-sqlite3's native module aborts the
 * whole process ("FATAL ERROR: Error::New napi_get_last_error_info": the module registers itself
 * on a thread that is being torn down). So the thread marks a shared flag once its connection is
 * open (`markSqliteLoaded`), and `stop` terminates it only after that, or once it has exited.
 */
export interface SqliteWorker {
  worker: Worker;
  /** Terminates the thread as soon as that is safe (at once when its module is loaded). */
  stop(): Promise<number>;
}

const STUCK_MS = 10_000;

interface LoadedFlag {
  sqliteLoaded?: Int32Array;
}

export function startSqliteWorker(
  file: string,
  options: WorkerOptions & { workerData: object },
): SqliteWorker {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const data: LoadedFlag = { ...options.workerData, sqliteLoaded: flag };
  const worker = new Worker(file, { ...options, workerData: data });
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  return {
    worker,
    async stop() {
      // Loading takes milliseconds; a look every few of them is all the wait needs. A thread
      // stuck for seconds before its connection is terminated anyway (an app must close).
      const giveUp = Date.now() + STUCK_MS;
      while (Atomics.load(flag, 0) === 0 && !exited && Date.now() < giveUp)
        await new Promise((r) => setTimeout(r, 5));
      return worker.terminate();
    },
  };
}

/** In a thread started by `startSqliteWorker`: its SQLite module is loaded, it may be stopped. */
export function markSqliteLoaded(): void {
  const flag = (workerData as LoadedFlag | null)?.sqliteLoaded;
  if (!flag) return;
  Atomics.store(flag, 0, 1);
}
