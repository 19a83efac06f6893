/**
 * The announce worker thread: after each sync that changed something, counts the matching
 * tasks (badge, new ones) on its own read-only connection, scans of the whole feed (0.1–0.2 s
 * of CPU for 100k tasks) that would otherwise hold up the main process's event loop.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { markSqliteLoaded } from '../db/sqliteWorker';
import type { AnnounceRequest, AnnounceResponse } from './announceProtocol';
import { findAnnouncements } from './notifyRepo';

const db = new Database((workerData as { file: string }).file, {
  readonly: true,
  fileMustExist: true,
});
markSqliteLoaded();
db.pragma('busy_timeout = 5000');
db.pragma('temp_store = MEMORY');

parentPort?.on('message', ({ id, query }: AnnounceRequest) => {
  let response: AnnounceResponse;
  try {
    response = { id, ok: true, findings: findAnnouncements(db, query) };
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
