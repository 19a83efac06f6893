/**
 * SQLite's WAL checkpoints, off the event loop.
 *
 * By default the commit that takes the write-ahead log past 1,000 pages also copies the log back
 * into the database file and fsyncs both. better-sqlite3 runs that on the event loop, so every
 * request waits behind it: 12–90 ms per checkpoint on a busy disk, the longest COMMITs of the
 * load benchmark. So the server's connection never checkpoints (`wal_autocheckpoint = 0`), and a
 * worker thread with its own connection to the file runs a PASSIVE checkpoint every `everyMs`:
 * it blocks neither readers nor the writer, and once the whole log is copied back the writer
 * starts it again from the beginning, so it stays about one interval of writes long. (Writes
 * that never pause for as long as a checkpoint takes, such as a long bulk load, keep it from
 * being all copied back when the next write starts: the log grows until they pause.) If the
 * worker cannot run, the connection checkpoints itself again, as before.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's answer to `wal_checkpoint`: frames in the log, and how many are copied back. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface WalCheckpoints {
  /** Runs one checkpoint now, on the worker (tests). */
  checkpoint(): Promise<CheckpointResult>;
  /**
   * Stops the worker; settles once it has closed its connection and exited. Until then it may
   * still write the database's files (the last connection to close checkpoints and deletes the
   * log), so whoever removes them waits for this.
   */
  stop(): Promise<void>;
}

/** Plain JavaScript: the worker needs no TypeScript loader. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  } else parentPort.postMessage(checkpoint());
});
`;

const DEFAULT_AUTOCHECKPOINT = 1000;

/**
 * This file, to resolve the driver from. Not `import.meta.url`: the e2e harness loads the store
 * as CommonJS (Playwright), where that syntax does not even parse; tsx and Vitest define
 * `__filename` too. The working directory is the last resort.
 */
const here = () => (typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));

export function walCheckpoints(
  database: Database.Database,
  file: string,
  everyMs = 1000,
  /** The better-sqlite3 module the worker loads (tests: one that fails). */
  driver = createRequire(here()).resolve('better-sqlite3'),
): WalCheckpoints {
  database.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, everyMs } });
  worker.unref();
  let stopped = false;
  let gone = false;
  const waiting: { resolve: (r: CheckpointResult) => void; reject: (e: Error) => void }[] = [];
  worker.on('message', (r: CheckpointResult) => waiting.shift()?.resolve(r));
  // Without the worker, nothing would ever copy the log back: the connection does it again.
  const fallBack = () => {
    gone = true;
    for (const w of waiting.splice(0)) w.reject(new Error('the WAL checkpointer stopped'));
    if (!stopped && database.open)
      database.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    checkpoint() {
      return new Promise((resolve, reject) => {
        if (gone) return reject(new Error('the WAL checkpointer stopped'));
        waiting.push({ resolve, reject });
        worker.postMessage('checkpoint');
      });
    },
    stop() {
      // Held until it exits: the worker is unref'd, and a process waiting only for this promise
      // (a CLI closing its store) would otherwise end before the worker did.
      if (!gone) worker.ref();
      if (!stopped && !gone) worker.postMessage('stop');
      stopped = true;
      return exited;
    },
  };
}
